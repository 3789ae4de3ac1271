/** A sheet's protection as read in the first sync, so the second can lift it and put it back as it was. */
export interface ProtectionState {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | null;
}

/** What the return and the check sheet get when they were not protected before. */
export const DEFAULT_PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' };

/**
 * Queues `writes` between an unprotect and a protect with the sheet's own options. Chosen over
 * allowFormatCells on the template: that option would let anyone restyle or recolour every
 * locked cell of the return, which protection is there to prevent. The template is protected
 * without a password; a sheet someone protected with one makes the batch fail, and the caller
 * says so.
 */
export function withoutProtection(sheet: Excel.Worksheet, state: ProtectionState, writes: () => void): void {
  if (!state.protected) {
    writes();
    return;
  }
  sheet.protection.unprotect();
  writes();
  sheet.protection.protect(state.options ?? DEFAULT_PROTECTION);
}
