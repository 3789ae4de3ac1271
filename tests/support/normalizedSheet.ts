/**
 * What a rendered return reads back as, in a form both renderers' outputs can be compared in:
 * the ExcelJS file (read back from its bytes) and the fake Excel host (after the Office.js
 * renderer ran). Only what matters to a person or a tool reading the return is kept.
 */
export interface NormalizedCell {
  value: string | number | boolean | null;
  numberFormat: string;
  locked: boolean;
}

export interface NormalizedSheet {
  sheetName: string;
  /** Every cell that has a value, a non-General format, or is unlocked; keyed by A1 address. */
  cells: Record<string, NormalizedCell>;
  /** A1 ranges, sorted. */
  merges: string[];
  /** Defined name → A1 address on this sheet (no $, no sheet prefix). */
  names: Record<string, string>;
  protected: boolean;
  /** A1 address → prompt message of the data validation that covers it. */
  validationPrompts: Record<string, string>;
}

/** "$E$12" / "'Phụ lục 01'!$E$12" / "=Sheet!E12" → "E12". */
export function plainAddress(reference: string): string {
  const afterBang = reference.includes('!') ? reference.slice(reference.lastIndexOf('!') + 1) : reference.replace(/^=/, '');
  return afterBang.replace(/\$/g, '');
}
