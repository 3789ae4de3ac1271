/**
 * Returned workbooks with errors, read as merge and the Tổng hợp tab read them (returnFileInput):
 * by default the figures that read are used and the errors travel as error flags; `strict` skips
 * the return as the endpoint would refuse it. A figure that is itself invalid (150%) is never
 * counted. Hand-computed: the figures are written into the files here, as Excel stores them
 * (a fraction in a percent-formatted cell: 0.31 is 31%).
 *
 *   bo-y-te: 2.8 Q1 31%, Q2 150% (invalid); 2.9 Q1 20%, Q2 22%; 1.2.OTHER Q1 5%, Q2 empty (required)
 */
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { HEADER_NAMES, tableCellName } from '../../../src/domain/cellContract';
import { MAX_REASON_LENGTH } from '../../../src/domain/summary/skipped';
import { summarise } from '../../../src/domain/summary/summarise';
import { fileInput } from '../../../src/summary/fromFiles';
import { filledReturn } from '../../../scripts/lib/filledReturns';

jest.setTimeout(120_000);

const catalogue = loadCatalogue();
const units = loadUnits();
const SENT = '2025-07-01T00:00:00.000Z';
const options = { catalogue, units, year: 2025, quarter: 2, generatedAt: '2025-07-20T03:00:00.000Z' };
const read = (bytes: Uint8Array, name: string, strict = false) =>
  fileInput(bytes, name, { catalogue, units, fallbackSubmittedAt: SENT, strict });

const BYT_CELLS = {
  [tableCellName('2.8', 'Q1')]: 0.31,
  [tableCellName('2.8', 'Q2')]: 1.5,
  [tableCellName('2.9', 'Q1')]: 0.2,
  [tableCellName('2.9', 'Q2')]: 0.22,
  [tableCellName('1.2.OTHER', 'Q1')]: 0.05,
  [tableCellName('1.2.OTHER', 'Q2')]: null,
};

let byt: Buffer;
let btc: Buffer;
let longComparison: Buffer;
let hostileUnit: Buffer;
beforeAll(async () => {
  [byt, btc, longComparison, hostileUnit] = await Promise.all([
    filledReturn('bo-y-te', { year: 2025, quarter: 2, cells: BYT_CELLS }),
    filledReturn('bo-tai-chinh', { year: 2025, quarter: 2, seed: 1 }),
    // 12,000 characters: more than a payload's text may hold (10,000), though Excel takes it.
    filledReturn('bo-y-te', {
      year: 2025,
      quarter: 2,
      cells: {
        ...BYT_CELLS,
        [tableCellName('2.8', 'Q2')]: 0.33,
        [tableCellName('1.2.OTHER', 'Q2')]: 0.06,
        [tableCellName('2.9', 'Q2_INTL')]: 'Eurostat 2023: 52%. '.repeat(600),
      },
    }),
    filledReturn('bo-y-te', { year: 2025, quarter: 2, cells: { [HEADER_NAMES.unitId]: 'x'.repeat(30_000) } }),
  ]);
});

describe('a return with errors, read by default', () => {
  it('is used: the figures that read, the invalid one dropped, the missing one empty, the errors as error flags', () => {
    const r = read(byt, 'byt.xlsx');
    expect(r.skipped).toBeUndefined();
    const figure = (row: string, q: number) => r.input!.payload.figures.find((f) => f.row === row && f.quarter === q);
    expect(figure('2.8', 1)).toMatchObject({ status: 'number', value: 31 });
    expect(figure('2.8', 2)).toBeUndefined();
    expect(figure('2.9', 2)).toMatchObject({ status: 'number', value: 22 });
    expect(figure('1.2.OTHER', 2)).toMatchObject({ status: 'empty', value: null });
    const errors = r.input!.payload.clientFlags.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.cellName]).sort()).toEqual([
      ['figure.missing', tableCellName('1.2.OTHER', 'Q2')],
      ['figure.outOfRange', tableCellName('2.8', 'Q2')],
    ]);
  });

  it('gives the summary worked out by hand', () => {
    const inputs = [read(btc, 'btc.xlsx').input!, read(byt, 'byt.xlsx').input!];
    const s = summarise(inputs, options);
    const row = (id: string) => s.indicators.find((r) => r.row === id)!;
    expect(s.used).toBe(2);
    expect(row('2.8').quarters).toEqual([
      { quarter: 1, value: 31, unitId: 'bo-y-te', provisional: false },
      { quarter: 2, value: null, unitId: null, provisional: false },
    ]);
    expect(row('2.8').errors).toEqual([{ unitId: 'bo-y-te', count: 1 }]);
    expect(row('2.9').quarters.map((q) => q.value)).toEqual([20, 22]);
    expect(row('2.9').errors).toEqual([]);
    expect(row('1.2.OTHER').sectors!.find((f) => f.unitId === 'bo-y-te')).toMatchObject({ quarter: 1, value: 5 });
    expect(row('1.2.OTHER').errors).toEqual([{ unitId: 'bo-y-te', count: 1 }]);
    expect(s.completeness.find((r) => r.unitId === 'bo-y-te')!.cells[1]).toEqual({ quarter: 2, status: 'unknown', errors: 2 });
    expect(s.withErrors).toEqual([{ source: 'byt.xlsx', unitId: 'bo-y-te', quarter: 2, errors: 2 }]);
  });

  it('a text too long for the payload is dropped and marked as an error; the figure beside it still counts', () => {
    const r = read(longComparison, 'long.xlsx');
    expect(r.skipped).toBeUndefined();
    const figure = r.input!.payload.figures.find((f) => f.row === '2.9' && f.quarter === 2)!;
    expect(figure).toMatchObject({ status: 'number', value: 22, comparison: null });
    expect(r.input!.payload.clientFlags.some((f) => f.severity === 'error' && f.cellName === tableCellName('2.9', 'Q2_INTL'))).toBe(true);
    expect(read(longComparison, 'long.xlsx', true).skipped).toBeDefined();
  });

  it('a return without errors reads to the same payload either way', () => {
    expect(read(btc, 'btc.xlsx')).toEqual(read(btc, 'btc.xlsx', true));
  });
});

describe('with strict', () => {
  it('a return with errors is skipped with its error count, as a failure', () => {
    const r = read(byt, 'byt.xlsx', true);
    expect(r.input).toBeUndefined();
    expect(r.skipped!.kind).toBe('failed');
    expect(r.skipped!.reason.en).toMatch(/\b2 errors\b/);
    expect(r.skipped!.reason.vi).toMatch(/\b2 lỗi\b/);
  });
});

describe('a return whose unit or period cannot be known', () => {
  it('is skipped even by default, with a reason that says why and is bounded', () => {
    const r = read(hostileUnit, 'hostile.xlsx');
    expect(r.input).toBeUndefined();
    for (const reason of [r.skipped!.reason.vi, r.skipped!.reason.en]) {
      expect(Array.from(reason).length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
      // It says what is wrong: the unit id (quoted, shortened) is no unit's.
      expect(reason).toContain('xxxxxxxxxx');
    }
  });
});
