/**
 * summarise on a hand-built 2025 Q2 (fixtures.ts). Expected values are worked out by hand:
 * the calendar says Q2 is due before 5 July, so 4 July is the last day on time; responsibility
 * is units.json's `fills` on 30 June.
 */
import { quarterEnd, lastOnTimeDay, vietnamDay, daysBetween } from '../../../src/domain/summary/calendar';
import { summarise } from '../../../src/domain/summary/summarise';
import type { ReturnInput } from '../../../src/domain/summary/types';
import { validPayload } from '../../support/payloads';
import { options, quarterInputs, setFigure } from './fixtures';

const summary = summarise(quarterInputs().inputs, options);
const row = (id: string) => summary.indicators.find((r) => r.row === id)!;
const unitRow = (id: string) => summary.completeness.find((r) => r.unitId === id)!;

describe('the calendar', () => {
  it('reads quarter ends from the months covered (Q4 covers October and November)', () => {
    expect(quarterEnd(options.catalogue, 2025, 1)).toBe('2025-03-31');
    expect(quarterEnd(options.catalogue, 2025, 2)).toBe('2025-06-30');
    expect(quarterEnd(options.catalogue, 2025, 4)).toBe('2025-11-30');
  });

  it('is on time up to the day before dueBefore, in the return’s own year (Q4: 4 December)', () => {
    expect(lastOnTimeDay(options.catalogue, 2025, 1)).toBe('2025-04-04');
    expect(lastOnTimeDay(options.catalogue, 2025, 2)).toBe('2025-07-04');
    expect(lastOnTimeDay(options.catalogue, 2025, 4)).toBe('2025-12-04');
  });

  it('dates a receipt by the Vietnam calendar day (UTC+7)', () => {
    expect(vietnamDay('2025-07-04T16:59:00Z')).toBe('2025-07-04');
    expect(vietnamDay('2025-07-04T17:00:00Z')).toBe('2025-07-05');
    expect(daysBetween('2025-07-04', '2025-07-08')).toBe(4);
  });
});

describe('which returns are read', () => {
  it('skips another quarter and the superseded version, with reasons, and counts the rest', () => {
    expect(summary.used).toBe(4);
    expect(summary.skipped.map((s) => s.source).sort()).toEqual(['CT-2025-Q2-bo-tai-chinh-v1', 'byt-q3.xlsx']);
    expect(summary.skipped.find((s) => s.source === 'byt-q3.xlsx')!.reason.en).toBe('A Q3 2025 return, not the Q2 2025 being summarised.');
    expect(summary.skipped.find((s) => s.source === 'CT-2025-Q2-bo-tai-chinh-v1')!.reason.en).toContain('CT-2025-Q2-bo-tai-chinh-v2');
  });

  it('reads a unit once, from its latest version: v1’s 45% appears nowhere', () => {
    expect(row('1.5').quarters.map((q) => q.value)).toEqual([50, 50]);
    expect(row('1.2.OTHER').sectors!.filter((f) => f.unitId === 'bo-tai-chinh')).toHaveLength(1);
    expect(JSON.stringify(summary.indicators)).not.toContain('"value":45');
  });

  it('between files takes the later receipt time, else the one whose name sorts last (in whatever order given)', () => {
    const a = validPayload({ unitId: 'bo-cong-thuong' }, { percent: 50 });
    const b = validPayload({ unitId: 'bo-cong-thuong' }, { percent: 50 });
    setFigure(a, '1.3', 2, 11);
    setFigure(b, '1.3', 2, 13);
    const later: ReturnInput[] = [
      { payload: b, source: { kind: 'file', file: 'b.xlsx', receivedAt: '2025-07-03T00:00:00Z' } },
      { payload: a, source: { kind: 'file', file: 'a.xlsx', receivedAt: '2025-07-02T00:00:00Z' } },
    ];
    expect(summarise(later, options).indicators.find((r) => r.row === '1.3')!.quarters[1]!.value).toBe(13);
    const undated: ReturnInput[] = later.map((i) => ({ ...i, source: { kind: 'file', file: (i.source as { file: string }).file, receivedAt: null } }));
    expect(summarise(undated, options).indicators.find((r) => r.row === '1.3')!.quarters[1]!.value).toBe(13);
    expect(summarise([...undated].reverse(), options).indicators.find((r) => r.row === '1.3')!.quarters[1]!.value).toBe(13);
  });

  it('skips a unit that is not in the list', () => {
    const stranger = validPayload({ unitId: 'bo-y-te' });
    const s = summarise([{ payload: { ...stranger, unitId: 'bo-khong-co' }, source: { kind: 'file', file: 'x.xlsx', receivedAt: null } }], options);
    expect(s.used).toBe(0);
    expect(s.skipped[0]!.reason.en).toContain('bo-khong-co');
  });
});

describe('the indicator table', () => {
  it('1.1: the responsible ministry’s figure counts; another ministry’s differing figure is a conflict', () => {
    const r = row('1.1');
    expect(r.stt).toBe('1');
    expect(r.quarters).toEqual([
      { quarter: 1, value: 18, unitId: 'bo-tai-chinh', provisional: false },
      { quarter: 2, value: 19.5, unitId: 'bo-tai-chinh', provisional: false },
    ]);
    expect(r.sourceUnit).toBe('bo-tai-chinh');
    expect(r.conflicts.map((f) => [f.unitId, f.quarter, f.value, f.provisional])).toEqual([
      ['bo-tai-chinh', 2, 19.5, false],
      ['bo-y-te', 2, 17, true],
    ]);
    // A province's own 1.1 (30%) is its province's figure: neither counted nor a conflict.
    expect(r.conflicts.some((f) => f.unitId === 'tinh-cao-bang')).toBe(false);
    expect(r.comparison).toBe('Thái Lan 21% (ITU, 2023)');
  });

  it('1.1 is assessed on the counted series: 14.26% (2022) → 19.5% (mid-2025) reaches 20.548% by end-2025', () => {
    // slope (19.5 − 14.26) / 2.5 years = 2.096 a year; 19.5 + 0.5 × 2.096 = 20.548 ≥ 20 (reach).
    expect(row('1.1').assessment!.status).toBe('likely2025');
    expect(row('1.1').assessment!.reason.vi).toContain('20,5%');
    expect(row('1.1').targetYear).toEqual({ printed: '20%', value: 20 });
    expect(row('1.1').target2025).toEqual({ printed: '20%', value: 20 });
  });

  it('1.2.OTHER: one share per ministry (in unit-list order), no single national figure, no assessment, no conflict', () => {
    const r = row('1.2.OTHER');
    expect(r.sectors!.map((f) => [f.unitId, f.quarter, f.value, f.provisional])).toEqual([
      ['bo-tai-chinh', 2, 6, false],
      ['bo-cong-thuong', 2, 12, false],
      ['bo-y-te', 2, 8, true],
    ]);
    expect(r.quarters.map((q) => q.value)).toEqual([null, null]);
    expect(r.assessment).toBeNull();
    expect(r.conflicts).toEqual([]);
    expect(r.target2025).toEqual({ printed: 'Tối thiểu 10%', value: 10 });
    expect(r.targetYear).toEqual({ printed: 'Tối thiểu 10%', value: 10 });
  });

  it('2.8: provisional Q2, the flags on its cells and the justification', () => {
    const r = row('2.8');
    expect(r.quarters).toEqual([
      { quarter: 1, value: 50, unitId: 'bo-y-te', provisional: false },
      { quarter: 2, value: 50, unitId: 'bo-y-te', provisional: true },
    ]);
    expect(r.provisional).toBe(true);
    expect(r.openFlags).toBe(2);
    expect(row('2.9').openFlags).toBe(1);
    expect(r.justifications).toEqual([{ unitId: 'bo-y-te', text: 'Đang triển khai.' }]);
    // 50 > 30 already.
    expect(r.assessment!.status).toBe('achieved');
  });

  it('a row nobody reported has no figure and is challenging (no data)', () => {
    expect(row('2.2').quarters.map((q) => q.value)).toEqual([null, null]);
    expect(row('2.2').sourceUnit).toBeNull();
    expect(row('2.2').assessment!.status).toBe('challenging');
  });

  it('co-responsible ministries that disagree (1.5): no figure counts, all shown', () => {
    const khcn = validPayload({ unitId: 'bo-khoa-hoc-va-cong-nghe' }, { percent: 50 });
    setFigure(khcn, '1.5', 2, 40);
    const s = summarise([...quarterInputs().inputs, { payload: khcn, source: { kind: 'file', file: 'khcn.xlsx', receivedAt: null } }], options);
    const r = s.indicators.find((x) => x.row === '1.5')!;
    expect(r.quarters).toEqual([
      { quarter: 1, value: 50, unitId: 'bo-tai-chinh', provisional: false },
      { quarter: 2, value: null, unitId: null, provisional: false },
    ]);
    expect(r.conflicts.map((f) => [f.unitId, f.value])).toEqual([['bo-tai-chinh', 50], ['bo-khoa-hoc-va-cong-nghe', 40]]);
    expect(r.sourceUnit).toBe('bo-tai-chinh');
  });

  it('equal figures from two units are no conflict (1.5: both ministries give 50%)', () => {
    const khcn = validPayload({ unitId: 'bo-khoa-hoc-va-cong-nghe' }, { percent: 50 });
    const s = summarise([...quarterInputs().inputs, { payload: khcn, source: { kind: 'file', file: 'khcn.xlsx', receivedAt: null } }], options);
    const r = s.indicators.find((x) => x.row === '1.5')!;
    expect(r.conflicts).toEqual([]);
    expect(r.quarters[1]).toEqual({ quarter: 2, value: 50, unitId: 'bo-tai-chinh', provisional: false });
    expect(summary.indicators.filter((x) => x.conflicts.length > 0).map((x) => x.row)).toEqual(['1.1']);
  });

  describe('figures from units not responsible for the row (uncounted)', () => {
    // 2.2 is ngan-hang-nha-nuoc's alone (units.json), and it sent nothing; 2.1 is bo-tai-chinh's,
    // whose v2 gives 50% for it in Q1 and Q2.
    const withBytFigures = (extra: (p: ReturnType<typeof validPayload>) => void) => {
      const inputs = quarterInputs().inputs;
      const byt = inputs.find((i) => i.source.kind === 'file' && i.source.file === 'byt-q2.xlsx')!;
      extra(byt.payload);
      return summarise(inputs, options);
    };

    it('in the fixture nobody gives a row not theirs except bo-y-te’s 1.1, which is a conflict', () => {
      expect(summary.indicators.filter((x) => x.uncounted.length > 0).map((x) => x.row)).toEqual([]);
      expect(row('1.1').uncounted).toEqual([]);
    });

    it('only a non-responsible ministry gives a row (bo-y-te 2.2 Q2 33%): not counted, not a conflict, listed as uncounted', () => {
      const s = withBytFigures((p) => setFigure(p, '2.2', 2, 33));
      const r = s.indicators.find((x) => x.row === '2.2')!;
      expect(r.quarters.map((q) => q.value)).toEqual([null, null]);
      expect(r.sourceUnit).toBeNull();
      expect(r.conflicts).toEqual([]);
      expect(r.uncounted.map((f) => [f.unitId, f.unitName, f.quarter, f.value])).toEqual([['bo-y-te', 'Bộ Y tế', 2, 33]]);
      // Still no counted data: challenging, as with no figure at all.
      expect(r.assessment!.status).toBe('challenging');
    });

    it('every quarter is looked at: a Q1 figure alone is listed too, in quarter order', () => {
      const s = withBytFigures((p) => {
        setFigure(p, '2.2', 2, 33);
        setFigure(p, '2.2', 1, 31);
      });
      expect(s.indicators.find((x) => x.row === '2.2')!.uncounted.map((f) => [f.quarter, f.value])).toEqual([[1, 31], [2, 33]]);
    });

    it('a non-responsible figure that agrees with the counted one (bo-y-te 2.1 Q2 50%) is neither uncounted nor a conflict', () => {
      const s = withBytFigures((p) => setFigure(p, '2.1', 2, 50));
      const r = s.indicators.find((x) => x.row === '2.1')!;
      expect(r.quarters[1]).toEqual({ quarter: 2, value: 50, unitId: 'bo-tai-chinh', provisional: false });
      expect(r.uncounted).toEqual([]);
      expect(r.conflicts).toEqual([]);
    });

    it('one that differs from the counted one (bo-y-te 2.1 Q2 44%) is a conflict, not also uncounted', () => {
      const s = withBytFigures((p) => setFigure(p, '2.1', 2, 44));
      const r = s.indicators.find((x) => x.row === '2.1')!;
      expect(r.conflicts.map((f) => [f.unitId, f.value])).toEqual([['bo-tai-chinh', 50], ['bo-y-te', 44]]);
      expect(r.uncounted).toEqual([]);
    });

    it('a province’s figure for a row no national unit gave (tinh-cao-bang 2.2 Q2 25%) is its province’s: not uncounted', () => {
      const inputs = quarterInputs().inputs;
      setFigure(inputs.find((i) => i.payload.unitId === 'tinh-cao-bang')!.payload, '2.2', 2, 25);
      const r = summarise(inputs, options).indicators.find((x) => x.row === '2.2')!;
      expect(r.uncounted).toEqual([]);
      expect(r.quarters.map((q) => q.value)).toEqual([null, null]);
    });
  });

  it('lists every reporting row in the form’s order', () => {
    expect(summary.indicators.map((r) => r.row)).toEqual([
      '1.1', '1.2.ICT', '1.2.OTHER', '1.3', '1.4', '1.5', '1.6', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
    ]);
  });
});

describe('completeness and timeliness', () => {
  it('a unit per row × Q1..Q2', () => {
    expect(unitRow('bo-tai-chinh').cells).toEqual([{ quarter: 1, status: 'missing' }, { quarter: 2, status: 'onTime' }]);
    expect(unitRow('bo-y-te').cells).toEqual([{ quarter: 1, status: 'onTime' }, { quarter: 2, status: 'provisional' }]);
    expect(unitRow('bo-cong-thuong').cells).toEqual([{ quarter: 1, status: 'missing' }, { quarter: 2, status: 'late', daysLate: 4 }]);
    expect(unitRow('tinh-cao-bang').cells).toEqual([{ quarter: 1, status: 'missing' }, { quarter: 2, status: 'unknown' }]);
    expect(unitRow('ngan-hang-nha-nuoc').cells).toEqual([{ quarter: 1, status: 'missing' }, { quarter: 2, status: 'missing' }]);
  });

  it('timeliness counts the first version (bo-tai-chinh’s v2 came on 6 July, v1 on 1 July: on time)', () => {
    expect(unitRow('bo-tai-chinh').cells[1]!.status).toBe('onTime');
  });

  it('a unit merged away is not expected; its successor is', () => {
    expect(unitRow('bo-ke-hoach-va-dau-tu').cells.map((c) => c.status)).toEqual(['notExpected', 'notExpected']);
    // Provinces merged on 1 July 2025: the old one sends Q1, the new one Q2.
    expect(unitRow('tinh-an-giang').cells.map((c) => c.status)).toEqual(['missing', 'notExpected']);
    expect(unitRow('tinh-an-giang-2025').cells.map((c) => c.status)).toEqual(['notExpected', 'missing']);
  });

  it('counts per quarter (104 units report in 2025; 75 expected in Q1, 46 in Q2)', () => {
    expect(summary.completeness).toHaveLength(104);
    expect(summary.countsByQuarter[1]).toEqual({ onTime: 1, late: 0, missing: 74, provisional: 0, unknown: 0, notExpected: 29 });
    expect(summary.countsByQuarter[2]).toEqual({ onTime: 1, late: 1, missing: 42, provisional: 1, unknown: 1, notExpected: 58 });
  });
});

describe('sections III–VI', () => {
  it('gathers every paragraph by section, with its unit, in unit-list order; empty ones dropped', () => {
    expect(summary.sections.trend).toEqual([
      { unitId: 'bo-y-te', unitName: 'Bộ Y tế', text: 'Tăng đều qua các quý.' },
      { unitId: 'bo-y-te', unitName: 'Bộ Y tế', text: 'Bệnh viện tuyến tỉnh dẫn đầu.' },
    ]);
    expect(summary.sections.international).toEqual([{ unitId: 'bo-cong-thuong', unitName: 'Bộ Công Thương', text: 'Thái Lan dẫn đầu khu vực.' }]);
    expect(summary.sections.difficulties).toEqual([]);
    expect(summary.sections.proposals.map((p) => p.text)).toEqual(['Bổ sung kinh phí.']);
  });
});

it('is deterministic: the same inputs give the same summary', () => {
  expect(summarise(quarterInputs().inputs.map((i) => structuredClone(i)), options)).toEqual(summarise(quarterInputs().inputs, options));
});
