/**
 * The Kiểm tra sheet names rows as the return does (issue 12, item 6): the STT "2,8", a sector
 * line by its words, never "2.8" or "1.2.OTHER"; the flag key (column G) keeps the ids.
 */
import { tableCellName } from '../../../src/domain/cellContract';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import { bundled, CHECK, CLEAN, fakeReturn, FIXED_NOW, typeInto } from './fixtures';

it('column B and the messages say “2,8” and “1,2 – Các ngành, lĩnh vực khác”', async () => {
  const host = await fakeReturn();
  typeInto(host, Object.fromEntries(Object.entries(CLEAN).map(([k, v]) => [k, v.typed])));
  typeInto(host, { [tableCellName('1.2.OTHER', 'Q1')]: "'abc", [tableCellName('2.8', 'Q1')]: "'xyz" });
  await createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW }).checkReturn({ lang: 'vi' });
  const cells = host.snapshot().sheets.find((s) => s.name === CHECK)!.cells;
  const rows = new Map<string, { b: string; d: string }>();
  for (const [address, cell] of Object.entries(cells)) {
    const m = /^G(\d+)$/.exec(address);
    if (m) rows.set(String(cell.value), { b: String(cells[`B${m[1]}`]?.value ?? ''), d: String(cells[`D${m[1]}`]?.value ?? '') });
  }
  expect(rows.get('figure.notANumber:CT_1_2_OTHER_Q1')).toEqual({ b: '1,2 – Các ngành, lĩnh vực khác', d: expect.stringMatching(/^1,2 – Các ngành, lĩnh vực khác, Quý I: /) });
  expect(rows.get('figure.notANumber:CT_2_8_Q1')).toEqual({ b: '2,8', d: expect.stringMatching(/^2,8, Quý I: /) });
  const shown = [...rows.values()].flatMap((r) => [r.b, r.d]).join('\n');
  expect(shown).not.toMatch(/1\.2\.OTHER|1\.2\.ICT|(?<![\d,])2\.8(?!\d)/);
});
