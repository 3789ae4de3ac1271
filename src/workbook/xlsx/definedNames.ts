import type ExcelJS from 'exceljs';
import type { PlanName } from '../../layout/plan';
import { absolute, quoteSheetName } from './a1';

/** Where a workbook-scoped name points: one cell on one sheet. */
export interface NamedCell {
  sheetName: string;
  /** A1, no $. */
  address: string;
}

/** Adds each name workbook-scoped, as "'Phụ lục 01'!$E$23" (the cell contract's form). */
export function addDefinedNames(workbook: ExcelJS.Workbook, sheetName: string, names: PlanName[]): void {
  // ExcelJS keeps the sheet name between the quotes verbatim: a doubled quote would not round-trip.
  if (sheetName.includes("'")) throw new Error(`sheet name cannot hold a quote where it carries defined names: ${sheetName}`);
  for (const { name, address } of names) workbook.definedNames.add(`${quoteSheetName(sheetName)}!${absolute(address)}`, name);
}

/**
 * Every single-cell defined name of a workbook, read from ExcelJS's model. A name over a range,
 * or one whose target ExcelJS could not parse, is left out: the contract has single cells only.
 */
export function readDefinedNames(workbook: ExcelJS.Workbook): Map<string, NamedCell> {
  const names = new Map<string, NamedCell>();
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  for (const { name, ranges } of model) {
    if (ranges.length !== 1) continue;
    const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ranges[0]!);
    if (!match) continue;
    const sheetName = (match[1] ?? match[2]!).replace(/''/g, "'");
    names.set(name, { sheetName, address: `${match[3]!.toUpperCase()}${match[4]}` });
  }
  return names;
}
