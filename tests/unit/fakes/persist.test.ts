/** The fake workbook kept as text (the preview page's reload) opens as it was. */
import { tableCellName } from '../../../src/domain/cellContract';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import { createFakeExcel } from '../../fakes/fakeExcel';
import { deserializeWorkbook, serializeWorkbook } from '../../fakes/persist';
import { bundled, CLEAN, fakeReturn, nameAt, typeFilled } from '../check/fixtures';

it('a created, filled and checked return comes back the same: cells, formats, names, validation, settings, selection', async () => {
  const host = await fakeReturn();
  typeFilled(host, CLEAN);
  await createExcelReturnChecker(host, { source: bundled }).checkReturn({ lang: 'vi' });
  const at = nameAt(host, tableCellName('2.8', 'Q1'));
  host.selectRange(at.sheet, at.address);

  const text = serializeWorkbook(host.model);
  const reopened = createFakeExcel({ workbook: deserializeWorkbook(text) });
  expect(reopened.snapshot()).toEqual(host.snapshot());
  expect(reopened.getValidation(at.sheet, at.address)).toEqual(host.getValidation(at.sheet, at.address));
  // Still a working workbook: protection holds, typing and checking work, names follow the sheet.
  expect(reopened.editCell(at.sheet, 'A1', 'x')).toMatchObject({ ok: false, code: 'AccessDenied' });
  expect(reopened.editCell(at.sheet, at.address, '46%')).toMatchObject({ ok: true });
  await expect(createExcelReturnChecker(reopened, { source: bundled }).checkReturn({ lang: 'vi' })).resolves.toMatchObject({ status: 'checked' });
  reopened.addSheet('Trang mới');
  expect(new Set(reopened.model.sheets.map((s) => s.id)).size).toBe(reopened.model.sheets.length);
});

it('anything else is refused, so the page starts afresh', () => {
  expect(() => deserializeWorkbook('{"sheets":[]}')).toThrow();
  expect(() => deserializeWorkbook('not json')).toThrow();
});
