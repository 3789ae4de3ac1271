/**
 * Marking a figure as a provisional estimate (số liệu tạm ước tính) by its number format, so the
 * value stays a number in formulas and the sheet shows "15,50% (ước)".
 */
import { FIGURE_COLUMNS } from '../../../domain/cellContract';
import { provisionalFormat, withoutProvisional } from '../../../domain/parse/numberFormat';
import { UserFacingError } from '../../port';
import { splitReference } from '../a1';
import type { ExcelHost } from '../runner';
import { withoutProtection } from './protection';

const FIGURE_NAME = new RegExp(`^CT_[0-9A-Z_]+_(${FIGURE_COLUMNS.join('|')})$`);

/**
 * Two syncs: read the format and the sheet's protection, then write. Changing a format on the
 * protected return needs the protection lifted for the moment (see protection.ts).
 */
export async function setProvisional(host: ExcelHost, cellName: string, on: boolean): Promise<void> {
  if (!FIGURE_NAME.test(cellName)) {
    throw new UserFacingError('not-a-figure', {
      vi: `Chỉ ô số liệu quý (cột Quý I–IV) mới đánh dấu được là số liệu tạm ước tính; ${cellName} không phải ô như vậy.`,
      en: `Only a quarter's figure (columns Q1–Q4) can be marked as a provisional estimate; ${cellName} is not one.`,
    });
  }
  await host.run(async (context) => {
    const range = context.workbook.names.getItemOrNullObject(cellName).getRangeOrNullObject();
    range.load('address,numberFormat');
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/protection/protected,items/protection/options');
    await context.sync();
    if (range.isNullObject) {
      throw new UserFacingError('cell-name-gone', {
        vi: `Không tìm thấy ô ${cellName}: tên này không còn trỏ tới một ô của biểu. Hãy bấm Kiểm tra để biết cách sửa.`,
        en: `Cannot find the cell ${cellName}: the name no longer points to a cell of the return. Run the check to see how to repair it.`,
      });
    }
    const format = String(range.numberFormat[0]?.[0] ?? 'General');
    const next = on ? provisionalFormat(format) : withoutProvisional(format);
    if (next === format) return;
    const { sheet: sheetName, address } = splitReference(range.address);
    const info = sheets.items.find((s) => s.name === sheetName);
    if (!info) return;
    const sheet = sheets.getItem(info.name);
    withoutProtection(sheet, { protected: info.protection.protected, options: info.protection.options ?? null }, () => {
      sheet.getRange(address).numberFormat = [[next]];
    });
    await context.sync();
  });
}
