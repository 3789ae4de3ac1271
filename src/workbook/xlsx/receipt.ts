/**
 * Writes the endpoint's receipt into a return file, with ExcelJS, as a sheet laid out from a plan
 * (layout/receiptPlan.ts): the receipt sheet is replaced if the file has one already, and the rest
 * of the workbook (the return, its names, formats, validations, protection and properties, the
 * "Kiểm tra" sheet) is written back as it was read. The receipt sheet is outside the cell
 * contract's return: reading the file again gives the same return, so the same submission.
 */
import type ExcelJS from 'exceljs';
import type { SheetPlan } from '../../layout/plan';
import { UserFacingError } from '../port';
import { readDefinedNames } from './definedNames';
import { loadXlsx } from './readReturn';
import { renderPlanToWorkbook } from './renderPlan';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** ExcelJS orders sheets by this number (written as the workbook's sheet order); its types leave it out. */
const ordered = (sheet: ExcelJS.Worksheet) => sheet as unknown as { orderNo: number };

/**
 * The sheets a new receipt replaces: the one with the plan's name, and any other its names point
 * to (a receipt written earlier in the other language). A sheet that holds names other than the
 * receipt's is never removed: it is not a receipt.
 */
function sheetsToReplace(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet[] {
  const names = readDefinedNames(workbook);
  const planNames = plan.names.map((n) => n.name);
  const isPlanName = (name: string) => planNames.some((p) => same(p, name));
  const targets = new Set<string>([plan.sheetName.toLowerCase()]);
  for (const [name, at] of names) if (isPlanName(name)) targets.add(at.sheetName.toLowerCase());
  const sheets = workbook.worksheets.filter((s) => targets.has(s.name.toLowerCase()));
  for (const sheet of sheets) {
    const foreign = [...names].filter(([name, at]) => same(at.sheetName, sheet.name) && !isPlanName(name)).map(([name]) => name);
    if (foreign.length) {
      throw new UserFacingError('receipt-sheet-taken', {
        vi: `Trang "${sheet.name}" của tệp chứa dữ liệu khác (${foreign.slice(0, 3).join(', ')}), không phải biên nhận: không ghi đè được.`,
        en: `The file's sheet "${sheet.name}" holds other data (${foreign.slice(0, 3).join(', ')}), not a receipt: it cannot be replaced.`,
      });
    }
  }
  return sheets;
}

/** "'Biên nhận'!$B$3" → "Biên nhận". */
function sheetOfRange(range: string): string | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(range);
  return match ? (match[1] ?? match[2]!).replace(/''/g, "'") : null;
}

/** The workbook's description (the return's key=value properties) with the plan's keys set. */
function mergedDescription(original: string | undefined, properties: Record<string, string>): string | undefined {
  const keys = Object.keys(properties);
  if (!keys.length) return original;
  const kept = (original ?? '').split(/\r?\n/).filter((line) => line !== '' && !keys.includes(/^(\w+)=/.exec(line)?.[1] ?? ''));
  return [...kept, ...keys.map((k) => `${k}=${properties[k]}`)].join('\n');
}

/**
 * Lays the plan out as a sheet of `workbook`, in place of an earlier receipt (at its position, its
 * names removed first), or after the last sheet. Returns the new sheet.
 */
export function replaceReceiptSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const old = sheetsToReplace(workbook, plan);
  const position = old.length ? Math.min(...old.map((s) => ordered(s).orderNo)) : undefined;
  const removed = new Set(old.map((s) => s.name.toLowerCase()));
  const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
  for (const sheet of old) workbook.removeWorksheet(sheet.id);
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  workbook.definedNames.model = model.filter(
    ({ name, ranges }) => !planNames.has(name.toLowerCase()) && !ranges.some((r) => removed.has((sheetOfRange(r) ?? '').toLowerCase())),
  );

  // renderPlanToWorkbook writes the plan's properties over the workbook's: keep the return's.
  const { description, keywords } = workbook;
  const sheet = renderPlanToWorkbook(plan, workbook);
  workbook.description = mergedDescription(description, plan.properties) as string;
  workbook.keywords = keywords;
  if (position !== undefined) ordered(sheet).orderNo = position;
  return sheet;
}

/** The file's bytes with the receipt sheet laid out from `plan` (see replaceReceiptSheet). */
export async function withReceiptSheet(bytes: Buffer | ArrayBuffer, plan: SheetPlan): Promise<Buffer> {
  const workbook = await loadXlsx(bytes);
  replaceReceiptSheet(workbook, plan);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
