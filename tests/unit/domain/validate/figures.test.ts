import { aReturn, cellOf, check, flagAt, flagsOf, pct, text } from './builders';

/** bo-y-te must fill 1.2.OTHER, 2.8 and 2.9; 1.1 is not its row. */
const UNIT = 'bo-y-te';
const q2 = () => aReturn(UNIT, 2023, 2).cell('2.8', 'Q1', 10).cell('2.9', 'Q1', 40).cell('1.2.OTHER', 'Q1', 5).cell('2.8', 'Q2', 11).cell('2.9', 'Q2', 41).cell('1.2.OTHER', 'Q2', 5);

describe('one figure cell', () => {
  it('an Excel error is an error', () => {
    const r = check(q2().cell('2.8', 'Q2', text('#VALUE!')).build());
    const f = flagAt(r, 'figure.excelError', cellOf('2.8', 'Q2'))!;
    expect(f).toMatchObject({ severity: 'error', indicator: '2.8', column: 'Q2', cell: expect.stringMatching(/^'Phụ lục 01'!C\d+$/) });
    expect(f.message.en).toContain('#VALUE!');
    expect(flagsOf(check(q2().build()), 'figure.excelError')).toEqual([]);
  });

  it('text that is no figure, or two figures, is "not a number", with how it was read', () => {
    const r = check(q2().cell('2.8', 'Q2', 'đang rà soát').cell('2.9', 'Q2', '10-12%').build());
    expect(flagAt(r, 'figure.notANumber', cellOf('2.8', 'Q2'))!.message.vi).toContain('“đang rà soát”');
    expect(flagAt(r, 'figure.notANumber', cellOf('2.9', 'Q2'))!.message.en).toContain('is a range');
    expect(flagsOf(check(q2().build()), 'figure.notANumber')).toEqual([]);
  });

  it('a number that is no percentage between 0 and 100 is an error', () => {
    const r = check(q2().cell('2.8', 'Q2', pct(150, '0%')).cell('2.9', 'Q2', -5).build());
    expect(flagsOf(r, 'figure.outOfRange').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q2'), cellOf('2.9', 'Q2')]);
    expect(flagAt(r, 'figure.outOfRange', cellOf('2.8', 'Q2'))!.message.en).toContain('150% (percent-formatted cell) is above 100%');
    expect(flagsOf(check(q2().cell('2.8', 'Q2', 100).cell('2.9', 'Q2', 0).build()), 'figure.outOfRange')).toEqual([]);
  });

  it('a value ≤ 1 in a General cell is ambiguous (warning); a % format or sign settles it', () => {
    const r = check(q2().cell('2.8', 'Q2', { value: 0.85, numberFormat: 'General' }).cell('2.9', 'Q2', '0,85').build());
    const f = flagAt(r, 'figure.ambiguousUnit', cellOf('2.8', 'Q2'))!;
    expect(f.severity).toBe('warning');
    expect(f.message.vi).toBe('2.8, Quý II: 0,85 có thể là 85% hoặc 0,85%; đang hiểu là 85%.');
    expect(f.message.en).toBe('2.8, Q2: 0.85 could be 85% or 0.85%; it is read as 85%.');
    expect(f.suggestion.en).toContain('"85%"');
    expect(flagAt(r, 'figure.ambiguousUnit', cellOf('2.9', 'Q2'))!.message.vi).toContain('“0,85”');
    const settled = q2().cell('2.8', 'Q2', pct(85, '0%')).cell('2.9', 'Q2', '85%').cell('1.2.OTHER', 'Q2', { value: 0, numberFormat: 'General' });
    expect(flagsOf(check(settled.build()), 'figure.ambiguousUnit')).toEqual([]);
  });

  it('"Theo Kế hoạch của Bộ Y tế" where a figure goes is a warning asking for a figure, not also "missing"', () => {
    const r = check(q2().cell('2.8', 'Q2', 'Theo Kế hoạch của Bộ Y tế').build());
    expect(flagAt(r, 'figure.deferred', cellOf('2.8', 'Q2'))).toMatchObject({ severity: 'warning' });
    expect(flagAt(r, 'figure.deferred', cellOf('2.8', 'Q2'))!.message.en).toContain('a figure is expected');
    expect(flagsOf(r, 'figure.missing')).toEqual([]);
    expect(flagsOf(check(q2().build()), 'figure.deferred')).toEqual([]);
  });
});

describe('what the quarter requires', () => {
  it('a required row empty in the quarter checked is an error; another unit’s row is not required', () => {
    const r = check(q2().cell('2.9', 'Q2', null).build());
    const f = flagAt(r, 'figure.missing', cellOf('2.9', 'Q2'))!;
    expect(f.severity).toBe('error');
    expect(f.message.en).toMatch(/^2\.9 \(.+\): no figure for Q2\.$/);
    expect(flagsOf(r, 'figure.missing')).toHaveLength(1);
    expect(flagsOf(check(q2().build()), 'figure.missing')).toEqual([]);
  });

  it('"no data" with a reason is a warning; without one it is an error asking for the reason', () => {
    const bare = check(q2().cell('2.8', 'Q2', '-').cell('2.9', 'Q2', 'Chưa có số liệu').build());
    expect(flagsOf(bare, 'figure.noDataReason').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q2'), cellOf('2.9', 'Q2')]);
    expect(flagsOf(bare, 'figure.noData')).toEqual([]);
    expect(flagAt(bare, 'figure.noDataReason', cellOf('2.8', 'Q2'))!.suggestion.en).toContain('Give the reason');
    const reasoned = check(q2().cell('2.8', 'Q2', '- (chưa có kết quả điều tra)').cell('2.9', 'Q2', 'Chưa điều tra').build());
    expect(flagsOf(reasoned, 'figure.noDataReason')).toEqual([]);
    expect(flagAt(reasoned, 'figure.noData', cellOf('2.8', 'Q2'))).toMatchObject({ severity: 'warning', message: { vi: '2.8, Quý II: không có số liệu (chưa có kết quả điều tra).' } });
    expect(flagAt(reasoned, 'figure.noData', cellOf('2.9', 'Q2'))!.message.vi).toContain('(Chưa điều tra)');
    expect(flagsOf(reasoned, 'figure.missing')).toEqual([]);
  });

  it('"no data" on a row the unit does not answer for says nothing', () => {
    const r = check(q2().cell('1.1', 'Q2', '-').build());
    expect([...flagsOf(r, 'figure.noData'), ...flagsOf(r, 'figure.noDataReason')]).toEqual([]);
  });

  it('a figure in a later quarter is an error; a "-" there is harmless', () => {
    const r = check(q2().cell('2.8', 'Q3', 12).cell('1.1', 'Q4', 'abc').cell('2.9', 'Q3', '-').build());
    expect(flagsOf(r, 'figure.laterQuarter').map((f) => f.cellName)).toEqual([cellOf('1.1', 'Q4'), cellOf('2.8', 'Q3')]);
    expect(flagAt(r, 'figure.laterQuarter', cellOf('2.8', 'Q3'))!.message.vi).toBe('2.8: có số liệu ở Quý III trong khi đang báo cáo Quý II.');
    // Later quarters get one flag, not also the cell's own.
    expect(flagsOf(r, 'figure.notANumber')).toEqual([]);
    expect(flagsOf(check(q2().build(), { quarter: 3 }), 'figure.laterQuarter')).toEqual([]);
  });

  it('an earlier quarter left empty on a required row is a warning', () => {
    const r = check(q2().cell('2.8', 'Q1', null).cell('2.9', 'Q1', '- (chưa điều tra)').build());
    expect(flagsOf(r, 'figure.earlierMissing').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q1')]);
    expect(flagsOf(r, 'figure.earlierMissing')[0]).toMatchObject({ severity: 'warning', message: { en: '2.8: Q1 is still empty.' } });
    expect(flagsOf(check(q2().build()), 'figure.earlierMissing')).toEqual([]);
  });

  it('an earlier quarter still provisional is info; the current quarter may be provisional', () => {
    const provisional = (p: number) => pct(p, '0.00%" (ước)"');
    const r = check(q2().cell('2.8', 'Q1', provisional(10)).cell('2.9', 'Q1', 'ước 40%').cell('2.8', 'Q2', provisional(11)).build());
    expect(flagsOf(r, 'figure.stillProvisional').map((f) => f.cellName)).toEqual([cellOf('2.8', 'Q1'), cellOf('2.9', 'Q1')]);
    expect(flagsOf(r, 'figure.stillProvisional')[0]).toMatchObject({ severity: 'info', suggestion: { en: expect.stringContaining('once the official figure exists') } });
    expect(flagsOf(check(q2().build()), 'figure.stillProvisional')).toEqual([]);
  });
});

describe('moves between quarters', () => {
  it('more than 15 points either way, or a fall of more than half, is a warning on the later figure', () => {
    const r = check(
      aReturn(UNIT, 2023, 3)
        .cell('2.8', 'Q1', 10).cell('2.8', 'Q2', 30) // +20
        .cell('2.9', 'Q1', 40).cell('2.9', 'Q2', null).cell('2.9', 'Q3', 19) // vs Q1 across the gap: −21
        .cell('1.2.OTHER', 'Q1', 0.34).cell('1.2.OTHER', 'Q2', 0.1) // fell by more than half
        .build(),
    );
    expect(flagsOf(r, 'figure.jump').map((f) => f.cellName)).toEqual([cellOf('1.2.OTHER', 'Q2'), cellOf('2.8', 'Q2'), cellOf('2.9', 'Q3')]);
    expect(flagAt(r, 'figure.jump', cellOf('2.8', 'Q2'))!.message.en).toBe('2.8: unusual change from 10% (Q1) to 30% (Q2): +20 percentage points.');
    expect(flagAt(r, 'figure.jump', cellOf('2.9', 'Q3'))!.message.vi).toContain('−21 điểm phần trăm');
    expect(flagAt(r, 'figure.jump', cellOf('1.2.OTHER', 'Q2'))!.message.en).toContain('a fall of more than half');
  });

  it('15 points exactly, or half exactly, is not flagged', () => {
    const r = check(aReturn(UNIT, 2023, 3).cell('2.8', 'Q1', 10).cell('2.8', 'Q2', 25).cell('2.9', 'Q1', 40).cell('2.9', 'Q2', 25).cell('1.2.OTHER', 'Q1', 12).cell('1.2.OTHER', 'Q2', 6).build());
    expect(flagsOf(r, 'figure.jump')).toEqual([]);
  });
});
