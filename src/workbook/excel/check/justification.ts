/**
 * Saving a justification typed in the task pane into the "Kiểm tra" sheet's row for its flag:
 * the sheet is where justifications live, so the command line and the next check read them too.
 */
import { UserFacingError } from '../../port';
import { excelInput } from '../cellInput';
import { parseRect, splitReference } from '../a1';
import type { ExcelHost } from '../runner';
import { CHECK_SHEET_NAME, COL, isFlagKey, JUSTIFICATION_COLUMN, KEY_COLUMN } from './checkSheet';
import { withoutProtection } from './protection';

const noCheckSheet = () =>
  new UserFacingError('no-check-sheet', {
    vi: `Chưa có trang "${CHECK_SHEET_NAME}" (có thể đã bị xóa). Hãy bấm Kiểm tra để tạo lại, rồi ghi giải trình.`,
    en: `There is no "${CHECK_SHEET_NAME}" sheet (it may have been deleted). Run the check to create it again, then write the justification.`,
  });

/** Two syncs: find the key's row, then write. A key not in the sheet gets a row at its end. */
export async function saveJustification(host: ExcelHost, key: string, text: string): Promise<void> {
  if (!isFlagKey(key)) {
    throw new UserFacingError('bad-flag-key', {
      vi: `"${key}" không phải mã của một vấn đề trong trang ${CHECK_SHEET_NAME}.`,
      en: `"${key}" is not the key of a problem on the ${CHECK_SHEET_NAME} sheet.`,
    });
  }
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(CHECK_SHEET_NAME);
    sheet.protection.load('protected,options');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,formulas');
    await context.sync();
    if (sheet.isNullObject || used.isNullObject) throw noCheckSheet();

    const rect = parseRect(splitReference(used.address).address);
    const keyIndex = COL.key + 1 - rect.left;
    const index = used.formulas.findIndex((row) => String(row[keyIndex] ?? '').trim() === key);
    const value = [[excelInput(text.trim())]];
    if (index >= 0) {
      // The justification column is unlocked: no need to lift the protection.
      sheet.getRange(`${JUSTIFICATION_COLUMN}${rect.top + index}`).values = value;
    } else {
      const row = rect.bottom + 1;
      withoutProtection(sheet, { protected: sheet.protection.protected, options: sheet.protection.options ?? null }, () => {
        sheet.getRange(`${JUSTIFICATION_COLUMN}${row}`).format.protection.locked = false;
        sheet.getRange(`${JUSTIFICATION_COLUMN}${row}`).values = value;
        sheet.getRange(`${KEY_COLUMN}${row}`).values = [[excelInput(key)]];
      });
    }
    await context.sync();
  });
}
