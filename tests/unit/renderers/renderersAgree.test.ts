import { createExcelReturnWorkbook } from '../../../src/workbook/excel/returnWorkbook';
import type { Lang } from '../../../src/workbook/port';
import { writeReturnFile } from '../../../src/workbook/xlsx/returnFile';
import { createFakeExcel } from '../../fakes/fakeExcel';
import type { NormalizedSheet } from '../../support/normalizedSheet';
import { readXlsxSheet } from '../../support/readXlsx';
import { snapshotFakeSheet } from '../../support/snapshotFake';

/**
 * Every difference between two read-back sheets, as lines a person can act on: which part, which
 * address, and both sides. Empty when they agree.
 */
export function sheetDifferences(excel: NormalizedSheet, xlsx: NormalizedSheet): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
  const compareMaps = (part: string, a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byAddress)) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(`${part} ${key}: office.js ${show(a[key])} ≠ xlsx ${show(b[key])}`);
    }
  };
  if (excel.sheetName !== xlsx.sheetName) out.push(`sheet name: office.js ${show(excel.sheetName)} ≠ xlsx ${show(xlsx.sheetName)}`);
  compareMaps('cell', excel.cells, xlsx.cells);
  const merges = (m: string[]) => Object.fromEntries(m.map((r) => [r, true]));
  compareMaps('merge', merges(excel.merges), merges(xlsx.merges));
  compareMaps('name', excel.names, xlsx.names);
  if (excel.protected !== xlsx.protected) out.push(`protection: office.js ${excel.protected} ≠ xlsx ${xlsx.protected}`);
  compareMaps('prompt', excel.validationPrompts, xlsx.validationPrompts);
  return out;
}

function byAddress(a: string, b: string): number {
  const parse = (s: string) => /^([A-Z]+)(\d+)/.exec(s);
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[2]) - Number(pb[2]) || pa[1]!.length - pb[1]!.length || pa[1]!.localeCompare(pb[1]!);
}

/** The first few differences and a count, so a failure reads at a glance. */
function report(differences: string[], shown = 12): string {
  if (differences.length === 0) return 'the renderers agree';
  return `${differences.length} difference(s):\n  ` + differences.slice(0, shown).join('\n  ') + (differences.length > shown ? `\n  … and ${differences.length - shown} more` : '');
}

async function renderBoth(unitId: string, year: number, lang: Lang) {
  const host = createFakeExcel({ apiVersion: '1.10' });
  const result = await createExcelReturnWorkbook(host).createReturn({ unitId, year, lang, replace: false });
  if (result.status !== 'created') throw new Error(`expected a new return, got ${result.status}`);
  const excel = snapshotFakeSheet(host, result.sheetName);
  const xlsx = await readXlsxSheet(await writeReturnFile({ unitId, year, lang }), result.sheetName);
  return { excel, xlsx };
}

describe('the Office.js and ExcelJS renderers lay out the same return', () => {
  const cases: [string, string, number, Lang][] = [
    ['a ministry, in Vietnamese', 'bo-y-te', 2023, 'vi'],
    ['a ministry, in English', 'bo-y-te', 2023, 'en'],
    ['a province, in Vietnamese', 'tinh-lao-cai', 2023, 'vi'],
    ['a province, in English', 'tinh-lao-cai', 2024, 'en'],
  ];

  it.each(cases)('%s (%s, %i, %s)', async (_label, unitId, year, lang) => {
    const { excel, xlsx } = await renderBoth(unitId, year, lang);
    // Guard against agreeing by both being empty.
    expect(Object.keys(excel.names).length).toBeGreaterThan(200);
    expect(Object.keys(excel.validationPrompts).length).toBeGreaterThan(150);
    expect(report(sheetDifferences(excel, xlsx))).toBe('the renderers agree');
  });

  it('reports differences readably: part, address and both sides', () => {
    const base: NormalizedSheet = { sheetName: 'S', cells: {}, merges: [], names: {}, protected: true, validationPrompts: {} };
    const a = { ...base, cells: { A1: { value: 'x', numberFormat: 'General', locked: true }, A10: { value: 1, numberFormat: '0%', locked: false } } };
    const b = { ...base, cells: { A1: { value: 'x', numberFormat: 'General', locked: true }, A10: { value: 1, numberFormat: '0.0%', locked: false } }, protected: false };
    expect(sheetDifferences(a, b)).toEqual([
      'cell A10: office.js {"value":1,"numberFormat":"0%","locked":false} ≠ xlsx {"value":1,"numberFormat":"0.0%","locked":false}',
      'protection: office.js true ≠ xlsx false',
    ]);
  });
});
