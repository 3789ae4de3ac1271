import fc from 'fast-check';
import { TABLE_COLUMNS, type TableColumn } from '../../../../src/domain/cellContract';
import { flagKey } from '../../../../src/domain/flags';
import type { RawCell, ReturnData } from '../../../../src/domain/returnData';
import { validateReturn } from '../../../../src/domain/validate';
import { A_COMPARISON, blankReturn, catalogue, units } from './builders';

const rowIds = Object.keys(blankReturn().table);
const RUNS = { numRuns: 300 };

/** Values a cell can hold, the odd and the usual, so both the guards and the deep paths run. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.integer({ min: -5, max: 2030 }),
  fc.string(),
  fc.constantFrom(
    null, undefined, '', '-', '- (chưa điều tra)', 'Chưa có số liệu', '#VALUE!', '#N/A', 'Theo Kế hoạch của Bộ Y tế', '15,5%', '0,85', 0.85, 0.155,
    1.5, 150, 'abc', '10-12%', 'khoảng 6%', 'ước 40%', A_COMPARISON, 'Thái Lan 20%', 'bo-y-te', 'tinh-cao-bang', 'tinh-an-giang-2025',
    2023, 2024, 2025, '2', 'Quý II', 'nva@moh.gov.vn', '024 3943 7190', true, new Date(Number.NaN), new Date(2023, 4, 1), { error: '#DIV/0!' },
  ),
);
const anyCell: fc.Arbitrary<RawCell> = fc.record(
  {
    value: anyValue,
    text: fc.oneof(fc.string(), fc.anything()) as fc.Arbitrary<string>,
    numberFormat: fc.oneof(fc.constantFrom('General', '0%', '0.00%', '0.00%" (ước)"', '"> "0%', 'dd/mm/yyyy', '@'), fc.string(), fc.anything()) as fc.Arbitrary<string>,
  },
  { requiredKeys: ['value'] },
);

const anyRow = fc.dictionary(fc.constantFrom(...TABLE_COLUMNS), anyCell) as fc.Arbitrary<Partial<Record<TableColumn, RawCell>>>;

const anyReturn: fc.Arbitrary<ReturnData> = fc.record({
  unitId: anyCell,
  unitName: anyCell,
  year: anyCell,
  quarter: anyCell,
  contact: fc.record({ name: anyCell, title: anyCell, org: anyCell, phone: anyCell, email: anyCell }),
  table: fc.dictionary(fc.oneof(fc.constantFrom(...rowIds), fc.string()), anyRow),
  sources: fc.dictionary(fc.constantFrom(...rowIds), anyCell),
  narrative: fc.record({ trend: anyCell, international: anyCell, difficulties: anyCell, proposals: anyCell }),
  templateVersion: anyCell,
  catalogueVersion: anyCell,
  locations: fc.dictionary(fc.string(), fc.oneof(fc.record({ sheet: fc.string(), address: fc.string() }), fc.anything())) as fc.Arbitrary<ReturnData['locations']>,
  justifications: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.anything())) as fc.Arbitrary<Record<string, string>>,
});

/** Mostly a proper return with some cells replaced: reaches the rules that need a known unit, year and quarter. */
const nearlyRightReturn: fc.Arbitrary<ReturnData> = fc
  .record({
    unit: fc.constantFrom('bo-y-te', 'tinh-cao-bang', 'ngan-hang-nha-nuoc', 'bo-thong-tin-va-truyen-thong'),
    year: fc.constantFrom(2023, 2024, 2025),
    quarter: fc.integer({ min: 1, max: 4 }),
    cells: fc.array(fc.tuple(fc.constantFrom(...rowIds), fc.constantFrom(...TABLE_COLUMNS), anyCell), { maxLength: 40 }),
    proposals: anyCell,
  })
  .map(({ unit, year, quarter, cells, proposals }) => {
    const data = blankReturn();
    data.unitId = { value: unit };
    data.year = { value: year };
    data.quarter = { value: quarter };
    data.narrative.proposals = proposals;
    for (const [row, col, cell] of cells) data.table[row]![col] = cell;
    return data;
  });

const anyQuarter = fc.option(fc.oneof(fc.integer({ min: -1, max: 6 }), fc.double()), { nil: undefined });

function wellFormed(data: ReturnData, quarter: number | undefined) {
  const options = { catalogue, units, ...(quarter !== undefined ? { quarter } : {}) };
  const r = validateReturn(data, options);
  expect(r.counts.error + r.counts.warning + r.counts.info).toBe(r.flags.length);
  const rank = { error: 0, warning: 1, info: 2 };
  for (let i = 1; i < r.flags.length; i++) expect(rank[r.flags[i - 1]!.severity]).toBeLessThanOrEqual(rank[r.flags[i]!.severity]);
  for (const f of r.flags) {
    expect(f.key).toBe(flagKey(f.rule, f.cellName));
    expect(typeof f.message.vi).toBe('string');
    expect(typeof f.message.en).toBe('string');
    if (f.justification !== undefined) expect(f.justification.trim()).not.toBe('');
  }
  expect(new Set(r.flags.map((f) => f.key)).size).toBe(r.flags.length);
  expect(r.quarter === null || [1, 2, 3, 4].includes(r.quarter)).toBe(true);
  for (const a of r.assessment) expect(['achieved', 'likely2024', 'likely2025', 'challenging']).toContain(a.status);
  // Deterministic: the same data gives the same result.
  expect(validateReturn(data, options)).toEqual(r);
}

describe('validateReturn never throws', () => {
  it('on arbitrary cells everywhere', () => {
    fc.assert(fc.property(anyReturn, anyQuarter, (data, quarter) => wellFormed(data, quarter)), RUNS);
  });

  it('on a proper return with arbitrary figures', () => {
    fc.assert(fc.property(nearlyRightReturn, anyQuarter, (data, quarter) => wellFormed(data, quarter)), RUNS);
  });
});
