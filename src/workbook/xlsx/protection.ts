import type ExcelJS from 'exceljs';

/**
 * What a person may still do on the protected return: select any cell, and widen columns or
 * raise rows to read long text. ExcelJS's options name what is *allowed*; it writes them as the
 * file's "locked" attributes (formatColumns="0"). Objects stay protected so notes survive.
 */
export const PROTECTION_OPTIONS: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: false,
  insertColumns: false,
  deleteRows: false,
  deleteColumns: false,
  sort: false,
  autoFilter: false,
  objects: false,
  scenarios: false,
};

/**
 * Protects the sheet without a password: a guard against slips, never a lock, since the
 * workbook travels by e-mail. An empty password makes ExcelJS write no hash at all, which is
 * what Excel itself writes for "Protect Sheet" with the password left blank.
 */
export function protectWithoutPassword(worksheet: ExcelJS.Worksheet): void {
  // ExcelJS returns a promise only for the password hash; without one it sets the protection
  // before returning, so the render stays synchronous.
  void worksheet.protect('', { ...PROTECTION_OPTIONS });
}
