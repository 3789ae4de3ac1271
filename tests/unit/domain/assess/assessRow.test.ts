import { allRows, loadCatalogue } from '../../../../src/catalogue/load';
import type { ReportingRow } from '../../../../src/catalogue/schema';
import { assessRow, figureTime, meets, targetLabel } from '../../../../src/domain/assess';

const catalogue = loadCatalogue();
const row = (id: string): ReportingRow => allRows(catalogue).find((r) => r.id === id)!;
const H = catalogue.horizonYear;

describe('assessRow: four levels', () => {
  it('achieved: the latest figure meets the 2025 target with its comparator', () => {
    const a = assessRow(row('2.1'), [{ year: 2023, quarter: 1, percent: 85 }], H);
    expect(a).toMatchObject({ indicator: '2.1', value: 85, target: '80%', targetValue: 80, status: 'achieved' });
    expect(a.reason.en).toBe('The latest figure, 85% (Q1 2023), already meets the 2025 target of 80%.');
    expect(a.reason.vi).toBe('Số liệu mới nhất 85% (Quý I/2023) đã đạt mục tiêu 2025 là 80%.');
  });

  it('"above" is strict: 50% does not achieve "> 50%"', () => {
    expect(assessRow(row('2.7'), [{ year: 2025, quarter: 2, percent: 50 }], H).status).not.toBe('achieved');
    expect(assessRow(row('2.7'), [{ year: 2025, quarter: 2, percent: 50.1 }], H).status).toBe('achieved');
    expect(assessRow(row('1.2.ICT'), [{ year: 2025, quarter: 2, percent: 10 }], H).status).toBe('achieved'); // ≥ 10%
  });

  it('likely2024: the line from the 2022 baseline through the latest figure meets the target by end-2024', () => {
    // 1.1: 14.26% (2022) → 17.5% (Q4 2023): +3.24 a year, 20.74% by end-2024 ≥ 20%.
    const a = assessRow(row('1.1'), [{ year: 2023, quarter: 2, percent: 15 }, { year: 2023, quarter: 4, percent: 17.5 }], H);
    expect(a.status).toBe('likely2024');
    expect(a.value).toBe(17.5);
    expect(a.reason.en).toBe('The linear trend from 14.26% (2022) through 17.5% (Q4 2023) gives 20.7% by end-2024, meeting the 2025 target of 20%.');
  });

  it('likely2025: it meets the target by end-2025 only', () => {
    // 16.5% at end-2023: +2.24 a year → 18.74% (2024), 20.98% (2025).
    const a = assessRow(row('1.1'), [{ year: 2023, quarter: 4, percent: 16.5 }], H);
    expect(a.status).toBe('likely2025');
    expect(a.reason.en).toBe('The linear trend from 14.26% (2022) through 16.5% (Q4 2023) gives 18.7% by end-2024 and 21% by end-2025, meeting the target of 20% in 2025.');
  });

  it('challenging: the line misses 2025', () => {
    const a = assessRow(row('1.1'), [{ year: 2023, quarter: 4, percent: 15 }], H);
    expect(a.status).toBe('challenging');
    expect(a.reason.en).toBe('The linear trend from 14.26% (2022) through 15% (Q4 2023) gives only 16.5% by end-2025, short of the 2025 target of 20%.');
    expect(a.reason.vi).toContain('chỉ cho 16,5% vào cuối năm 2025');
  });

  it('challenging: no figure', () => {
    const a = assessRow(row('2.8'), [], H);
    expect(a).toMatchObject({ value: null, target: '> 30%', status: 'challenging', reason: { en: 'No figure reported; the 2025 target is > 30%.' } });
  });

  it('challenging: a text target has no number to reach', () => {
    const base = row('1.1');
    const textRow: ReportingRow = {
      ...base,
      targets: { ...base.targets, [H]: { applied: 'plan466', variants: { plan466: { kind: 'text', printed: 'Theo Kế hoạch của ngành', source: { document: 'x', section: 'y' } } } } },
    };
    const a = assessRow(textRow, [{ year: 2023, quarter: 1, percent: 99 }], H);
    expect(a).toMatchObject({ status: 'challenging', targetValue: null, target: 'Theo Kế hoạch của ngành' });
    expect(a.reason.en).toContain('no numeric target');
  });

  it('without a baseline the row’s earliest figure starts the line; with one figure only, there is no trend', () => {
    // 2.7 (> 50%, no baseline): 30% in Q1 2023 → 40% in Q3 2023 is +20 a year: 65% by end-2024.
    const two = assessRow(row('2.7'), [{ year: 2023, quarter: 3, percent: 40 }, { year: 2023, quarter: 1, percent: 30 }], H);
    expect(two.status).toBe('likely2024');
    expect(two.reason.en).toContain('from 30% (Q1 2023) through 40% (Q3 2023) gives 65% by end-2024');
    const one = assessRow(row('2.7'), [{ year: 2023, quarter: 3, percent: 40 }], H);
    expect(one.status).toBe('challenging');
    expect(one.reason.en).toContain('no trend to extrapolate');
  });

  it('in the horizon year, end-2024 is past: a row is likely2025 or not', () => {
    // 2.3 (> 50%): 0.34% (2022) → 45% (Q2 2025) gives 53.9% by end-2025.
    const a = assessRow(row('2.3'), [{ year: 2025, quarter: 2, percent: 45 }], H);
    expect(a.status).toBe('likely2025');
    expect(a.reason.en).toBe('The linear trend from 0.34% (2022) through 45% (Q2 2025) gives 53.9% by end-2025, meeting the target of > 50% in 2025.');
  });

  it('a falling line is challenging', () => {
    expect(assessRow(row('2.5'), [{ year: 2023, quarter: 2, percent: 74 }], H).status).toBe('challenging');
  });

  it('ignores figures that cannot be dated', () => {
    const a = assessRow(row('2.1'), [{ year: 2023, quarter: 5, percent: 99 }, { year: 2023, quarter: 1, percent: Number.NaN }], H);
    expect(a).toMatchObject({ status: 'challenging', value: null });
  });
});

describe('helpers', () => {
  it('times are the end of each period, in years', () => {
    expect([figureTime(2023, 1), figureTime(2023, 4), figureTime(2024, 2)]).toEqual([2022.25, 2023, 2023.5]);
  });

  it('comparators: above is strict, atLeast and reach are not', () => {
    expect([meets(10, 10, 'above'), meets(10, 10, 'atLeast'), meets(10, 10, 'reach'), meets(10.0000000001, 10, 'above')]).toEqual([false, true, true, false]);
    expect(meets(0.1 + 0.2, 0.3, 'reach')).toBe(true);
  });

  it('target labels', () => {
    const t = row('1.1').targets['2023']!.variants.plan466!;
    expect([targetLabel(t, 'vi'), targetLabel(t, 'en')]).toEqual(['15,5%', '15.5%']);
    expect(targetLabel(row('1.2.ICT').targets['2025']!.variants.strategy411!, 'vi')).toBe('≥ 10%');
  });
});
