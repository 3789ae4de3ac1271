import type ExcelJS from 'exceljs';
import type { PrintSetup } from '../../layout/plan';

/** Excel's paperSize codes (ECMA-376 Part 1, 18.3.1.63). */
const PAPER_SIZE: Record<PrintSetup['paper'], ExcelJS.PaperSize> = { A4: 9 as ExcelJS.PaperSize };

/**
 * ExcelJS writes the print area as "$" + each corner, so "A1:O74" would become the mixed
 * "$A1:$O74". Handing it "A$1:O$74" makes the file hold "$A$1:$O$74", as Excel writes it.
 * ExcelJS reads it back as plain "A1:O74".
 */
export function printAreaForExcelJS(range: string): string {
  return range
    .split(':')
    .map((corner) => corner.replace(/\$/g, '').replace(/^([A-Z]+)(\d+)$/i, '$1$$$2'))
    .join(':');
}

export function pageSetupOf(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: PAPER_SIZE[print.paper],
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    // 0 = as many pages tall as the rows need.
    fitToHeight: 0,
    printTitlesRow: print.titleRows,
    printArea: printAreaForExcelJS(print.printArea),
    margins: { ...print.margins },
    horizontalCentered: print.centerHorizontally,
  };
}

export function applyPrintSetup(worksheet: ExcelJS.Worksheet, print: PrintSetup): void {
  worksheet.pageSetup = { ...worksheet.pageSetup, ...pageSetupOf(print) };
}
