import { UserFacingError } from '../../port';
import type { ExcelHost } from '../runner';

/**
 * One sync: the name's sheet activated and its cell selected. A name that has gone fails the
 * sync rather than costing a second one to ask first; that failure becomes the sentence below.
 */
export async function selectCell(host: ExcelHost, cellName: string): Promise<void> {
  await host.run(async (context) => {
    const range = context.workbook.names.getItem(cellName).getRange();
    range.worksheet.activate();
    range.select();
    try {
      await context.sync();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ItemNotFound' && code !== 'InvalidReference') throw error;
      throw new UserFacingError('cell-name-gone', {
        vi: `Không tìm thấy ô ${cellName}: tên này không còn trỏ tới một ô của biểu. Hãy bấm Kiểm tra lại.`,
        en: `Cannot find the cell ${cellName}: the name no longer points to a cell of the return. Run the check again.`,
      });
    }
  });
}
