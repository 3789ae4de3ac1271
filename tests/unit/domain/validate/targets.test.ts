import { NARRATIVE_NAMES } from '../../../../src/domain/cellContract';
import { farAboveThreshold } from '../../../../src/domain/validate';
import { aReturn, cellOf, check, flagAt, flagsOf } from './builders';

/** A province: it fills 1.1, 1.5, 2.1, 2.3, 2.4, 2.5, 2.7, 2.9, 2.11. Target rules judge any row with a figure. */
const UNIT = 'tinh-cao-bang';

describe('the year’s target', () => {
  it('before Q4, a figure below the straight path from the 2022 baseline is a warning (1.1: 14.26% → 15.5%, Q2 path 14.88%)', () => {
    const behind = check(aReturn(UNIT, 2023, 2).cell('1.1', 'Q2', 14.5).build());
    const f = flagAt(behind, 'target.behindPath', cellOf('1.1', 'Q2'))!;
    expect(f.severity).toBe('warning');
    expect(f.message.en).toBe('1.1: 14.5% (Q2) is behind the straight path from 14.26% (2022) to the 2023 target of 15.5%; the path asks for about 14.9% by now.');
    expect(flagsOf(check(aReturn(UNIT, 2023, 2).cell('1.1', 'Q2', 14.9).build()), 'target.behindPath')).toEqual([]);
    expect(flagsOf(behind, 'target.belowYear')).toEqual([]);
  });

  it('the path to a later year starts from the same baseline (2024 Q1: 14.26% → 17.5% over two years ≈ 16.3%)', () => {
    expect(flagsOf(check(aReturn(UNIT, 2024, 1).cell('1.1', 'Q1', 16.2).build()), 'target.behindPath')).toHaveLength(1);
    expect(flagsOf(check(aReturn(UNIT, 2024, 1).cell('1.1', 'Q1', 16.3).build()), 'target.behindPath')).toEqual([]);
  });

  it('the latest figure is judged: a missing current quarter falls back on the one before', () => {
    // Q3 is empty: Q1's 14.3% is judged against the path at the end of Q1 (14.57%), not Q3's.
    const r = check(aReturn(UNIT, 2023, 3).cell('1.1', 'Q1', 14.3).build());
    expect(flagAt(r, 'target.behindPath', cellOf('1.1', 'Q1'))!.message.en).toContain('14.3% (Q1)');
    expect(flagsOf(check(aReturn(UNIT, 2023, 3).cell('1.1', 'Q1', 14.6).build()), 'target.behindPath')).toEqual([]);
  });

  it('in Q4 the figure must meet the target itself, with its comparator', () => {
    const q4 = (row: string, p: number, year = 2023) => check(aReturn(UNIT, year, 4).cell(row, 'Q4', p).build());
    expect(flagAt(q4('1.1', 15.4), 'target.belowYear', cellOf('1.1', 'Q4'))!.message.en).toBe(
      '1.1: 15.4% (Q4) does not meet the 2023 target of 15.5% (reach 15.5% or more).',
    );
    expect(flagsOf(q4('1.1', 15.5), 'target.belowYear')).toEqual([]); // reach: equal is enough
    // "above" (Trên 50%): 50% exactly does not meet it.
    const above = flagAt(q4('2.3', 50, 2025), 'target.belowYear', cellOf('2.3', 'Q4'))!;
    expect(above.message.en).toContain('target of > 50% (it must be above 50%; exactly 50% does not meet it)');
    expect(above.message.vi).toContain('mục tiêu năm 2025 là > 50% (phải cao hơn 50%; bằng 50% là chưa đạt)');
    expect(flagsOf(q4('2.3', 50.01, 2025), 'target.belowYear')).toEqual([]);
    // "atLeast" (Tối thiểu 10%): 10% exactly meets it.
    expect(flagsOf(q4('1.2.ICT', 10, 2025), 'target.belowYear')).toEqual([]);
    expect(flagsOf(q4('1.2.ICT', 9.99, 2025), 'target.belowYear')).toHaveLength(1);
  });

  it('a row without a baseline is judged in Q4 only; a text target is not judged', () => {
    expect(flagsOf(check(aReturn(UNIT, 2023, 2).cell('2.7', 'Q2', 1).build()), 'target.behindPath')).toEqual([]);
    expect(flagsOf(check(aReturn(UNIT, 2023, 4).cell('2.7', 'Q4', 29).build()), 'target.belowYear')).toHaveLength(1);
    expect(flagsOf(check(aReturn(UNIT, 2024, 4).cell('1.3', 'Q4', 1).build()), 'target.belowYear')).toEqual([]);
  });

  it('a baseline already above the target asks for the target only (2.2: 74.63% in 2022, 70% in 2023)', () => {
    expect(flagsOf(check(aReturn(UNIT, 2023, 1).cell('2.2', 'Q1', 70).build()), 'target.behindPath')).toEqual([]);
    expect(flagsOf(check(aReturn(UNIT, 2023, 1).cell('2.2', 'Q1', 69).build()), 'target.behindPath')).toHaveLength(1);
  });
});

describe('the 2025 target', () => {
  it('before 2025, a figure short of it is info', () => {
    const f = flagAt(check(aReturn(UNIT, 2023, 1).cell('1.1', 'Q1', 15).build()), 'target.below2025', cellOf('1.1', 'Q1'))!;
    expect(f).toMatchObject({ severity: 'info', message: { en: '1.1: 15% (Q1) does not yet meet the 2025 target of 20% (reach 20% or more).' } });
    expect(flagsOf(check(aReturn(UNIT, 2023, 1).cell('1.1', 'Q1', 20).build()), 'target.below2025')).toEqual([]);
  });

  it('in 2025 the year’s target is the 2025 target: no second flag', () => {
    expect(flagsOf(check(aReturn(UNIT, 2025, 4).cell('1.1', 'Q4', 15).build()), 'target.below2025')).toEqual([]);
  });
});

describe('"dynamic and timely"', () => {
  it('a figure behind its target with section VI empty is a warning on CT_PROPOSALS naming the rows', () => {
    const r = check(aReturn(UNIT, 2023, 3).cell('1.1', 'Q3', 14.5).cell('1.5', 'Q3', 31).section('proposals', null).build());
    const f = flagAt(r, 'dynamic.noRemedy', NARRATIVE_NAMES.proposals)!;
    expect(f).toMatchObject({ severity: 'warning', indicator: null, column: 'CT_PROPOSALS' });
    expect(f.message.en).toBe('Section VI (Proposals) is empty, yet the figures of 1.1, 1.5 are heading below the year’s target.');
    expect(flagsOf(check(aReturn(UNIT, 2023, 3).cell('1.1', 'Q3', 14.5).build()), 'dynamic.noRemedy')).toEqual([]);
    expect(flagsOf(check(aReturn(UNIT, 2023, 3).cell('1.1', 'Q3', 15.5).section('proposals', '1.').build()), 'dynamic.noRemedy')).toEqual([]);
  });

  it('a section holding only the numbering counts as empty', () => {
    const r = check(aReturn(UNIT, 2023, 3).cell('1.1', 'Q3', 14.5).section('proposals', '1.\n2.\n3.').build());
    expect(flagsOf(r, 'dynamic.noRemedy')).toHaveLength(1);
  });

  it('far above the year’s target (1.5× it, or 20 points, whichever is lower) is info suggesting a higher target', () => {
    expect([farAboveThreshold(3), farAboveThreshold(50), farAboveThreshold(15.5)]).toEqual([4.5, 70, 23.25]);
    const small = check(aReturn(UNIT, 2023, 1).cell('1.6', 'Q1', 4.5).cell('2.4', 'Q1', 70).build());
    expect(flagsOf(small, 'dynamic.farAbove').map((f) => f.indicator)).toEqual(['1.6', '2.4']);
    expect(flagAt(small, 'dynamic.farAbove', cellOf('1.6', 'Q1'))).toMatchObject({
      severity: 'info',
      message: { en: '1.6: 4.5% (Q1) is far above the 2023 target of 3%.' },
      suggestion: { en: expect.stringContaining('higher target') },
    });
    expect(flagsOf(check(aReturn(UNIT, 2023, 1).cell('1.6', 'Q1', 4.4).cell('2.4', 'Q1', 69.9).build()), 'dynamic.farAbove')).toEqual([]);
  });
});
