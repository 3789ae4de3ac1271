import { FIGURE_COLUMNS, tableCellName } from '../../../src/domain/cellContract';
import type { Flag } from '../../../src/domain/flags';
import { validateReturn } from '../../../src/domain/validate';
import { MARK_FILL } from '../../../src/workbook/excel/check/marks';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import { readReturnDataFast } from '../../../src/workbook/xlsx/fastReturn';
import { bundled, catalogue, CHECK, CLEAN, fakeReturn, filledReturnFile, FILLED, FIXED_NOW, MINISTRY, nameAt, rowIds, stored, typeFilled, typeInto, units, type Entries } from './fixtures';

const signature = (flags: readonly Flag[]) => flags.map((f) => `${f.rule} ${f.cellName ?? '-'}`).sort();

async function throughExcel(entries: Entries) {
  const host = await fakeReturn();
  typeFilled(host, entries);
  host.resetCounters();
  const outcome = await createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW }).checkReturn({ lang: 'en' });
  if (outcome.status !== 'checked') throw new Error(outcome.message.en);
  return { host, outcome };
}

async function throughFile(entries: Entries) {
  const read = await readReturnDataFast(await filledReturnFile(MINISTRY, 2025, stored(entries)));
  if (!read.ok) throw new Error('fixture: unreadable');
  return validateReturn(read.data, { catalogue, units });
}

describe('the add-in and the command line agree', () => {
  it.each([
    ['a return with errors', FILLED],
    ['a complete return', CLEAN],
  ])('%s: the same flags (rule and cell) through Office.js and through the file', async (_, entries) => {
    const { outcome } = await throughExcel(entries);
    const file = await throughFile(entries);
    expect(signature(outcome.result.flags)).toEqual(signature(file.flags));
    expect(outcome.result.flags.length).toBeGreaterThan(0);
    expect(outcome.result.counts).toEqual(file.counts);
    expect(outcome.result.assessment).toEqual(file.assessment);
    expect(outcome.syncs).toBe(2);
  });
});

describe('the real validation through Office.js', () => {
  it('marks the flagged cells and lists them, in two syncs', async () => {
    const { host, outcome } = await throughExcel(FILLED);
    expect(host.syncCount).toBe(2);
    const outOfRange = outcome.result.flags.find((f) => f.rule === 'figure.outOfRange')!;
    const { sheet, address } = nameAt(host, outOfRange.cellName!);
    expect(host.getCell(sheet, address).format.fill).toBe(MARK_FILL.error);
    const rows = host.snapshot().sheets.find((s) => s.name === CHECK)!.cells;
    const linked = Object.values(rows).filter((c) => c.formula?.startsWith('=HYPERLINK('));
    expect(linked.length).toBe(outcome.result.flags.filter((f) => f.cellName).length);
    expect(Object.values(rows).some((c) => c.value === outOfRange.message.en)).toBe(true);
  });

  it('a return full of doubtful figures: 100+ flags, still two syncs', async () => {
    const host = await fakeReturn();
    const entries: Record<string, string> = {};
    // Figures jumping up and down, none with its international comparison.
    for (const id of rowIds) FIGURE_COLUMNS.forEach((c, i) => (entries[tableCellName(id, c)] = i % 2 ? '95%' : '1%'));
    typeInto(host, { CT_QUARTER: '4', ...entries });
    host.resetCounters();
    const outcome = await createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW }).checkReturn();
    if (outcome.status !== 'checked') throw new Error(outcome.message.en);
    expect(outcome.result.flags.length).toBeGreaterThanOrEqual(100);
    expect(host.syncCount).toBe(2);
    console.info(`real validation, doubtful figures: ${outcome.result.flags.length} flags, ${host.syncCount} syncs, ${host.queuedOperationCount} queued operations`);
  });
});
