/**
 * A return that still has errors, as merge reads it by default (issue 10, item 9): its figures
 * that read are used, and its errors — the error flags it carries — are marked on the rows they
 * are on, on its completeness cell and in the list of returns used with errors. Skipped inputs
 * say why in kind: an older version, another period, or a failure. Expected values are worked
 * out by hand from the inputs written here.
 *
 *   bo-tai-chinh  (endpoint v2 of the fixtures)             no errors
 *   bo-y-te       byt.xlsx, 50% everywhere, except: 2.8 Q2 showed 150% (dropped, figure.outOfRange),
 *                 1.2.OTHER Q2 empty (figure.missing), the focal point's e-mail is wrong
 *                 (contact.email, on no row); one warning on 2.9 (a flag, not an error)
 */
import { tableCellName } from '../../../src/domain/cellContract';
import type { ClientFlag } from '../../../src/domain/payload/schema';
import { MAX_REASON_LENGTH, capText, countSkipped, skippedInput } from '../../../src/domain/summary/skipped';
import { summarise } from '../../../src/domain/summary/summarise';
import type { ReturnInput } from '../../../src/domain/summary/types';
import { SUMMARY_SHEET_NAMES, summaryPlan } from '../../../src/layout/summaryPlan';
import { completenessLabel, sl } from '../../../src/layout/summaryLabels';
import { validPayload } from '../../support/payloads';
import { options, quarterInputs } from './fixtures';

const flag = (rule: string, severity: ClientFlag['severity'], cellName: string): ClientFlag => ({
  rule, severity, cellName, key: `${rule}:${cellName}`,
});

function bytWithErrors(): ReturnInput {
  const p = validPayload({ unitId: 'bo-y-te' }, { percent: 50 });
  p.figures = p.figures.filter((f) => !(f.row === '2.8' && f.quarter === 2));
  const empty = { value: null, typed: '', status: 'empty', provisional: false, approximate: false } as const;
  p.figures = p.figures.map((f) => (f.row === '1.2.OTHER' && f.quarter === 2 ? { ...f, ...empty } : f));
  p.clientFlags = [
    flag('figure.missing', 'error', tableCellName('1.2.OTHER', 'Q2')),
    flag('figure.outOfRange', 'error', tableCellName('2.8', 'Q2')),
    flag('contact.email', 'error', 'CT_CONTACT_EMAIL'),
    flag('target.behindPath', 'warning', tableCellName('2.9', 'Q2')),
  ];
  p.justifications = {};
  return { payload: p, source: { kind: 'file', file: 'byt.xlsx', receivedAt: null } };
}

const btc = () => quarterInputs().inputs.find((i) => i.source.kind === 'endpoint' && i.source.version === 2)!;
const summary = summarise([btc(), bytWithErrors()], options);
const row = (id: string) => summary.indicators.find((r) => r.row === id)!;

describe('a return with errors in the summary', () => {
  it('is used: its figures that read count, the dropped one counts nowhere', () => {
    expect(summary.used).toBe(2);
    expect(row('2.8').quarters).toEqual([
      { quarter: 1, value: 50, unitId: 'bo-y-te', provisional: false },
      { quarter: 2, value: null, unitId: null, provisional: false },
    ]);
    expect(row('2.9').quarters.map((q) => q.value)).toEqual([50, 50]);
    // 1.2.OTHER: Bộ Y tế's share is its latest figure that read, Q1's 50%.
    expect(row('1.2.OTHER').sectors!.filter((f) => f.unitId === 'bo-y-te').map((f) => [f.quarter, f.value])).toEqual([[1, 50]]);
  });

  it('marks each error on its row, with the unit, and never as an open flag', () => {
    expect(row('2.8').errors).toEqual([{ unitId: 'bo-y-te', count: 1 }]);
    expect(row('1.2.OTHER').errors).toEqual([{ unitId: 'bo-y-te', count: 1 }]);
    expect(row('2.9').errors).toEqual([]);
    expect(row('2.9').openFlags).toBe(1);
    expect(row('2.8').openFlags).toBe(0);
    // The e-mail error is on no row.
    expect(summary.indicators.reduce((n, r) => n + r.errors.reduce((m, e) => m + e.count, 0), 0)).toBe(2);
  });

  it('marks the return in completeness with its error count, and counts such returns per quarter', () => {
    const cells = (unit: string) => summary.completeness.find((r) => r.unitId === unit)!.cells;
    expect(cells('bo-y-te')).toEqual([{ quarter: 1, status: 'missing' }, { quarter: 2, status: 'unknown', errors: 3 }]);
    expect(cells('bo-tai-chinh')[1]).toEqual({ quarter: 2, status: 'late', daysLate: 2 });
    expect(summary.withErrorsByQuarter).toEqual({ 1: 0, 2: 1 });
    expect(summary.withErrors).toEqual([{ source: 'byt.xlsx', unitId: 'bo-y-te', quarter: 2, errors: 3 }]);
  });

  it('returns without errors give a summary without error marks', () => {
    const clean = summarise(quarterInputs().inputs, options);
    expect(clean.withErrors).toEqual([]);
    expect(clean.indicators.every((r) => r.errors.length === 0)).toBe(true);
    expect(clean.completeness.every((r) => r.cells.every((c) => c.errors === undefined))).toBe(true);
  });

  it.each(['vi', 'en'] as const)('shows the errors on the sheets (%s)', (lang) => {
    const [table, completeness] = summaryPlan(summary, options.catalogue, lang, options.units);
    const at = (plan: typeof table, address: string) => plan!.cells.find((c) => c.address === address)?.value;
    const head = table!.cells.find((c) => c.value === sl('colErrors', lang))!;
    const column = /^[A-Z]+/.exec(head.address)![0];
    const line = (id: string) => {
      const name = table!.cells.find((c) => typeof c.value === 'string' && c.value.startsWith(`${id}. `))!;
      return /\d+$/.exec(name.address)![0];
    };
    const byt = options.units.units.find((u) => u.id === 'bo-y-te')!.name[lang];
    expect(at(table, `${column}${line('2.8')}`)).toBe(`${byt}: 1`);
    expect(at(table, `${column}${line('2.9')}`)).toBeNull();
    // The returns used with errors are listed under the table.
    expect(table!.cells.some((c) => c.value === sl('withErrorsHeading', lang, { n: 1 }))).toBe(true);
    expect(table!.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('byt.xlsx: ') && c.value.includes('3'))).toBe(true);

    expect(completeness!.sheetName).toBe(SUMMARY_SHEET_NAMES.completeness[lang]);
    const label = completenessLabel({ quarter: 2, status: 'unknown', errors: 3 }, lang);
    expect(label).toContain(lang === 'vi' ? 'có lỗi' : 'with errors');
    expect(label).toContain('3');
    expect(completeness!.cells.some((c) => c.value === label)).toBe(true);
    expect(completeness!.cells.some((c) => c.value === sl('withErrorsCount', lang))).toBe(true);
  });
});

describe('why an input was skipped', () => {
  const s = summarise(quarterInputs().inputs, options);
  const kind = (source: string) => s.skipped.find((x) => x.source === source)!.kind;

  it('an older version is superseded, another quarter is another period, an unknown unit a failure', () => {
    expect(kind('CT-2025-Q2-bo-tai-chinh-v1')).toBe('superseded');
    expect(kind('byt-q3.xlsx')).toBe('otherPeriod');
    const stranger = { ...validPayload({ unitId: 'bo-y-te' }), unitId: 'bo-khong-co' };
    const s2 = summarise([{ payload: stranger, source: { kind: 'file', file: 'x.xlsx', receivedAt: null } }], options);
    expect(s2.skipped[0]!.kind).toBe('failed');
  });

  it('counts each kind apart', () => {
    const failed = skippedInput('hong.xlsx', { vi: 'Hỏng.', en: 'Damaged.' });
    expect(countSkipped([...s.skipped, failed, failed])).toEqual({ superseded: 1, otherPeriod: 1, failed: 2 });
  });
});

describe('a reason is bounded', () => {
  it(`cuts a long text to ${MAX_REASON_LENGTH} characters ending in "…", leaves a short one alone`, () => {
    const long = capText('x'.repeat(1_000_000));
    expect(Array.from(long)).toHaveLength(MAX_REASON_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(capText('Tệp hỏng.')).toBe('Tệp hỏng.');
    expect(capText('y'.repeat(MAX_REASON_LENGTH))).toBe('y'.repeat(MAX_REASON_LENGTH));
  });

  it('never cuts a character in two', () => {
    const cut = capText('a'.repeat(MAX_REASON_LENGTH - 3) + '😀'.repeat(10));
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(Array.from(cut)).toHaveLength(MAX_REASON_LENGTH);
  });

  it('caps both languages of every skipped input', () => {
    const s = skippedInput('a.xlsx', { vi: 'đ'.repeat(5000), en: 'e'.repeat(5000) }, 'failed');
    expect(Array.from(s.reason.vi)).toHaveLength(MAX_REASON_LENGTH);
    expect(Array.from(s.reason.en)).toHaveLength(MAX_REASON_LENGTH);
    expect(s.kind).toBe('failed');
  });
});
