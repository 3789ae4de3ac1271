/**
 * Step 1 of make-corpus.sh: from our own template (written by `chitieu template`), the contract
 * every other step needs and the filled return the re-saving tools start from.
 *
 *   node bin/run-ts.js scripts/producers/base.ts <template.xlsx> <work dir> <corpus dir>
 *
 * Writes <work>/contract.json (every CT_* name: sheet, address, the template's value and number
 * format — what xlsxwriter, which cannot read, needs to build a return from scratch) and
 * <corpus>/exceljs-filled.xlsx: the template filled through the defined names with ExcelJS, as
 * the tests fill a return (tests/unit/check/fixtures.ts): values as Excel stores them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readDefinedNames } from '../../src/workbook/xlsx/definedNames';
import { loadScenario, specOf } from './scenario';

export interface ContractCell {
  sheet: string;
  address: string;
  /** The template's own value (the unit, the year, the targets…); null when empty. */
  value: number | string | null;
  numFmt: string | null;
}

async function main(): Promise<void> {
  const [templateFile, work, corpus] = process.argv.slice(2);
  if (!templateFile || !work || !corpus) throw new Error('usage: base.ts <template.xlsx> <work dir> <corpus dir>');
  const scenario = loadScenario();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(templateFile) as unknown as ArrayBuffer);
  const names = readDefinedNames(wb);

  const contract: Record<string, ContractCell> = {};
  for (const [name, at] of [...names].filter(([n]) => n.startsWith('CT_')).sort(([a], [b]) => a.localeCompare(b))) {
    const cell = wb.getWorksheet(at.sheetName)!.getCell(at.address);
    const v = cell.value;
    const value = typeof v === 'number' || typeof v === 'string' ? v : null;
    contract[name] = { sheet: at.sheetName, address: at.address, value, numFmt: cell.numFmt || null };
  }
  writeFileSync(path.join(work, 'contract.json'), JSON.stringify(contract, null, 1) + '\n');

  for (const [name, raw] of Object.entries(scenario.cells)) {
    const spec = specOf(raw);
    const at = names.get(name);
    if (!at) throw new Error(`the template has no name ${name}`);
    const cell = wb.getWorksheet(at.sheetName)!.getCell(at.address);
    cell.value = spec.value;
    // A fresh style object: the template's cells share theirs, and setting numFmt on one would mark them all.
    if (spec.format) cell.style = { ...cell.style, numFmt: spec.format };
  }
  writeFileSync(path.join(corpus, 'exceljs-filled.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
