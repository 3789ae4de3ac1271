import { HEADER_NAMES, NARRATIVE_NAMES } from '../../../../src/domain/cellContract';
import { flagKey, type CheckResult } from '../../../../src/domain/flags';
import { CHECKS, RULES, RULE_IDS, fillTemplate } from '../../../../src/domain/validate';
import { ReturnBuilder, aReturn, cellOf, check, flagAt, flagsOf, pct, text } from './builders';

/** A return that trips many rules at once: the CLI's fixture (bo-y-te, 2025, Q2) and more. */
function messy() {
  return new ReturnBuilder()
    .unit('bo-y-te').year(2025).quarter(2)
    .contact({ name: 'Nguyễn Văn A', email: 'khong-phai-email', phone: 'abc' })
    .cell('2.8', 'Q1', pct(12.5)).cell('2.8', 'Q2', pct(150))
    .cell('2.9', 'Q1', 'khoảng 6%').cell('2.9', 'Q2', 'abc')
    .cell('1.1', 'Q1', pct(14.9)).cell('1.1', 'Q3', 20)
    .cell('1.2.OTHER', 'Q2', { value: 0.85, numberFormat: 'General' })
    .cell('1.1', 'Q1_INTL', 'Thái Lan 20%')
    .section('trend', 'Xu hướng tăng.')
    .build();
}

describe('validateReturn', () => {
  it('every rule has a check, and every check a rule', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(['error', 'warning', 'info']).toContain(RULES[id].severity);
  });

  it('sorts errors first, then top to bottom of the form, and counts by severity', () => {
    const r = check(messy());
    const rank = { error: 0, warning: 1, info: 2 };
    const ranks = r.flags.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const errors = r.flags.filter((f) => f.severity === 'error').map((f) => f.cellName);
    expect(errors.slice(0, 4)).toEqual([HEADER_NAMES.contactTitle, HEADER_NAMES.contactOrg, HEADER_NAMES.contactPhone, HEADER_NAMES.contactEmail]);
    expect(errors.indexOf(cellOf('1.1', 'Q3'))).toBeLessThan(errors.indexOf(cellOf('2.8', 'Q2')));
    expect(errors.indexOf(cellOf('2.9', 'Q2'))).toBeLessThan(errors.indexOf(NARRATIVE_NAMES.proposals));
    expect(r.counts).toEqual({
      error: r.flags.filter((f) => f.severity === 'error').length,
      warning: r.flags.filter((f) => f.severity === 'warning').length,
      info: r.flags.filter((f) => f.severity === 'info').length,
    });
    expect(r.counts.error).toBeGreaterThan(0);
    expect(r.quarter).toBe(2);
  });

  it('keys are unique and stable: "rule:CT_NAME"', () => {
    const r = check(messy());
    expect(new Set(r.flags.map((f) => f.key)).size).toBe(r.flags.length);
    for (const f of r.flags) expect(f.key).toBe(flagKey(f.rule, f.cellName));
  });

  it('is deterministic', () => {
    expect(check(messy())).toEqual(check(messy()));
  });

  it('fills every placeholder, in both languages; the English text is English', () => {
    const r = check(messy());
    for (const f of r.flags) {
      for (const s of [f.message.vi, f.message.en, f.suggestion.vi, f.suggestion.en]) expect(s).not.toMatch(/\{\w+\}/);
      expect(f.message.en).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỷỹđ]/i);
    }
  });

  it('gives the sheet-qualified cell from the locations, or null when the name has none', () => {
    const located = flagAt(check(messy()), 'figure.outOfRange', cellOf('2.8', 'Q2'))!;
    expect(located.cell).toMatch(/^'Phụ lục 01'!C\d+$/);
    const data = messy();
    delete data.locations[cellOf('2.8', 'Q2')];
    data.locations[cellOf('2.9', 'Q2')] = { sheet: "Bà's sheet", address: 'G40' };
    const r = check(data);
    expect(flagAt(r, 'figure.outOfRange', cellOf('2.8', 'Q2'))!.cell).toBeNull();
    expect(flagAt(r, 'figure.notANumber', cellOf('2.9', 'Q2'))!.cell).toBe("'Bà''s sheet'!G40");
  });

  it('a justification travels with its flag: a justified warning stays listed and counted; an error stays an error', () => {
    const base = aReturn('bo-y-te', 2023, 2).cell('2.8', 'Q1', 10).cell('2.8', 'Q2', 30).cell('2.9', 'Q2', '-');
    const jumpKey = flagKey('figure.jump', cellOf('2.8', 'Q2'));
    const reasonKey = flagKey('figure.noDataReason', cellOf('2.9', 'Q2'));
    const plain = check(base.build());
    const justified = check(base.justify(jumpKey, '  Đổi phương pháp điều tra  ').justify(reasonKey, 'x').build());
    expect(flagAt(justified, 'figure.jump', cellOf('2.8', 'Q2'))!.justification).toBe('Đổi phương pháp điều tra');
    expect(flagAt(plain, 'figure.jump', cellOf('2.8', 'Q2'))).not.toHaveProperty('justification');
    expect(flagAt(justified, 'figure.noDataReason', cellOf('2.9', 'Q2'))).toMatchObject({ severity: 'error', justification: 'x' });
    expect(justified.counts).toEqual(plain.counts);
    expect(justified.flags.map((f) => f.key)).toEqual(plain.flags.map((f) => f.key));
  });

  it('a blank justification is none', () => {
    const key = flagKey('figure.jump', cellOf('2.8', 'Q2'));
    const r = check(aReturn('bo-y-te', 2023, 2).cell('2.8', 'Q1', 10).cell('2.8', 'Q2', 30).justify(key, '   ').build());
    expect(flagAt(r, 'figure.jump', cellOf('2.8', 'Q2'))).not.toHaveProperty('justification');
  });

  it('without a quarter, the quarter rules wait; figures are still read', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).quarter(null).cell('2.8', 'Q3', 'abc').build());
    expect(r.quarter).toBeNull();
    expect(flagsOf(r, 'figure.notANumber')).toHaveLength(1);
    expect([...flagsOf(r, 'figure.missing'), ...flagsOf(r, 'figure.laterQuarter'), ...flagsOf(r, 'section.required')]).toEqual([]);
  });

  it('an unknown unit or year: no row is required, figures are still checked, no assessment without a year', () => {
    const r = check(aReturn('bo-khong-co', 2022, 2).cell('2.8', 'Q2', text('#DIV/0!')).build());
    expect(flagsOf(r, 'figure.missing')).toEqual([]);
    expect(flagsOf(r, 'figure.excelError')).toHaveLength(1);
    expect(r.assessment).toEqual([]);
  });

  it('assesses the unit’s rows and any row it gave a figure for, in table order, up to the quarter checked', () => {
    const r: CheckResult = check(aReturn('bo-y-te', 2023, 2).cell('1.1', 'Q1', 20).cell('2.9', 'Q2', 60).cell('2.9', 'Q3', 95).build());
    expect(r.assessment.map((a) => [a.indicator, a.status, a.value])).toEqual([
      ['1.1', 'achieved', 20],
      ['1.2.OTHER', 'challenging', null],
      ['2.8', 'challenging', null],
      ['2.9', 'challenging', 60],
    ]);
  });

  it('fillTemplate leaves an unknown placeholder visible and does not re-read inserted text', () => {
    expect(fillTemplate('{a} {b}', { a: '{b}' }, 'vi')).toBe('{b} {b}');
    expect(fillTemplate('{a}', { a: { vi: 'x', en: 'y' } }, 'en')).toBe('y');
  });
});
