import type ExcelJS from 'exceljs';

/**
 * Worksheet state ExcelJS keeps and uses but leaves out of its type declarations. Read through
 * this one view so a change in ExcelJS breaks in one place.
 */
export interface WorksheetInternals {
  sheetProtection: ({ sheet?: boolean; hashValue?: string } & Partial<ExcelJS.WorksheetProtection>) | null;
  /** Keyed by single-cell address once a file is read (ExcelJS expands ranges on load). */
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  model: { merges: string[] };
}

export const internals = (worksheet: ExcelJS.Worksheet): WorksheetInternals => worksheet as unknown as WorksheetInternals;
