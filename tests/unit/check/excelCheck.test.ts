import { tableCellName } from '../../../src/domain/cellContract';
import { parseFigureCell } from '../../../src/domain/parse';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import { MARK_FILL, MARKS_SETTING } from '../../../src/workbook/excel/check/marks';
import { ACKNOWLEDGED_SETTING } from '../../../src/workbook/excel/submit/settings';
import type { CheckOutcome, ReturnChecker } from '../../../src/workbook/port';
import { UserFacingError } from '../../../src/workbook/port';
import type { FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CHECK, fakeReturn, FIXED_NOW, nameAt, SHEET, syntheticValidate, typeInto } from './fixtures';

function checker(host: FakeExcelHost, flags?: number): ReturnChecker {
  return createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW, ...(flags === undefined ? {} : { validate: syntheticValidate(flags) }) });
}

function checked(outcome: CheckOutcome) {
  if (outcome.status !== 'checked') throw new Error(`expected a check, got: ${outcome.message.en}`);
  return outcome.result;
}

const fillOf = (host: FakeExcelHost, name: string) => {
  const { sheet, address } = nameAt(host, name);
  return host.getCell(sheet, address).format.fill;
};

/** The Kiểm tra sheet's rows that carry a flag key, as [A…G] texts, C as its formula. */
function checkRows(host: FakeExcelHost): Map<string, { row: number; cells: string[] }> {
  const sheet = host.snapshot().sheets.find((s) => s.name === CHECK)!;
  const out = new Map<string, { row: number; cells: string[] }>();
  const used = host.usedRange(CHECK)!;
  const last = Number(/(\d+)$/.exec(used)![1]);
  for (let row = 1; row <= last; row++) {
    const cells = 'ABCDEFG'.split('').map((c) => {
      const cell = sheet.cells[`${c}${row}`];
      return cell ? (cell.formula ?? String(cell.value)) : '';
    });
    if (/^[^\s:]+:[^\s:]+$/.test(cells[6]!)) out.set(cells[6]!, { row, cells });
  }
  return out;
}

describe('a check through Office.js takes two syncs whatever the number of flags', () => {
  it.each([0, 1, 150, 600])('%i flags: two syncs', async (count) => {
    const host = await fakeReturn();
    const result = checked(await checker(host, count).checkReturn({ lang: 'vi' }));
    expect(result.flags).toHaveLength(count);
    expect(host.syncCount).toBe(2);
    console.info(`check with ${count} flags: ${host.syncCount} syncs, ${host.queuedOperationCount} queued operations`);
  });

  it('queued operations stay in proportion: not one format operation per flag', async () => {
    const few = await fakeReturn();
    await checker(few, 3).checkReturn();
    const many = await fakeReturn();
    await checker(many, 600).checkReturn();
    // The read costs one load per contract name either way; the writes grow with areas, not flags.
    expect(many.queuedOperationCount - few.queuedOperationCount).toBeLessThan(150);
  });
});

describe('marks on the return', () => {
  it('fills each flagged cell by its worst severity, and keeps the sheet protected as it was', async () => {
    const host = await fakeReturn();
    const before = host.snapshot().sheets.find((s) => s.name === SHEET)!.protection;
    const result = checked(await checker(host, 30).checkReturn());
    for (const flag of result.flags.slice(0, 3)) expect(fillOf(host, flag.cellName!)).toBe(MARK_FILL[flag.severity]);
    const after = host.snapshot().sheets.find((s) => s.name === SHEET)!.protection;
    expect(after).toEqual(before);
    expect(after.protected).toBe(true);
    // Input cells stay open to typing after the marks.
    expect(host.editCell(SHEET, nameAt(host, tableCellName('1.1', 'Q1')).address, '15%').ok).toBe(true);
  });

  it('a re-check first removes the marks of the earlier check, restoring each cell’s own fill', async () => {
    const host = await fakeReturn();
    const q1 = tableCellName('1.1', 'Q1');
    const own = fillOf(host, q1);
    const { sheet, address } = nameAt(host, tableCellName('2.8', 'Q1'));
    // A person's own colouring of an input cell survives the marks.
    host.setFormat(sheet, address, { fill: '#00B050' });
    await checker(host, 200).checkReturn();
    expect(fillOf(host, q1)).not.toBe(own);
    expect(host.snapshot().settings[MARKS_SETTING]).toMatchObject({ cells: expect.objectContaining({ [address]: '#00B050' }) });

    // Again with the same flags: the originals recorded the first time are kept, not the marks.
    await checker(host, 200).checkReturn();
    host.resetCounters();
    checked(await checker(host, 0).checkReturn());
    expect(host.syncCount).toBe(2);
    expect(fillOf(host, q1)).toBe(own);
    expect(host.getCell(sheet, address).format.fill).toBe('#00B050');
    expect(host.snapshot().settings[MARKS_SETTING]).toMatchObject({ cells: {} });
    // The check sheet was replaced, not added to.
    expect(host.sheetNames().filter((n) => n === CHECK)).toHaveLength(1);
    expect(checkRows(host).size).toBe(0);
  });

  it('restores marks on the earlier sheet after the return was replaced (backup sheet)', async () => {
    const host = await fakeReturn();
    const marked = nameAt(host, tableCellName('1.1', 'Q1')).address;
    const own = host.getCell(SHEET, marked).format.fill;
    await checker(host, 5).checkReturn();
    expect(host.getCell(SHEET, marked).format.fill).not.toBe(own);
    const created = await (await import('../../../src/workbook/excel/returnWorkbook')).createExcelReturnWorkbook(host, bundled).createReturn({ unitId: 'bo-y-te', year: 2025, lang: 'vi', replace: true });
    expect(created).toMatchObject({ status: 'created', backupSheetName: 'Phụ lục 01 (cũ)' });
    checked(await checker(host, 0).checkReturn());
    expect(host.getCell('Phụ lục 01 (cũ)', marked).format.fill).toBe(own);
    expect(host.snapshot().sheets.find((s) => s.name === 'Phụ lục 01 (cũ)')!.protection.protected).toBe(true);
  });
});

describe('the Kiểm tra sheet', () => {
  it('lists every flag with a hyperlink to its cell, counts and the time at the top', async () => {
    const host = await fakeReturn();
    const result = checked(await checker(host, 12).checkReturn({ lang: 'vi' }));
    const rows = checkRows(host);
    expect(rows.size).toBe(12);
    const flag = result.flags[0]!;
    const { address } = nameAt(host, flag.cellName!);
    const row = rows.get(flag.key)!;
    expect(row.cells[2]).toBe(`=HYPERLINK("#'Phụ lục 01'!${address}","${address}")`);
    expect(row.cells[3]).toBe(flag.message.vi);
    expect(row.cells[4]).toBe(flag.suggestion.vi);
    // The row as the sheet's STT names it ("1,1"), not its id ("1.1").
    expect(flag.indicator).toBe('1.1');
    expect(row.cells[1]).toBe('1,1');
    expect(host.getCell(CHECK, 'A2').value).toBe('Thời điểm kiểm tra: 2025-04-02 09:05');
    expect(host.getCell(CHECK, 'A3').value).toBe(`Lỗi: ${result.counts.error} · Cảnh báo: ${result.counts.warning} · Thông tin: ${result.counts.info}`);
    // Errors first.
    expect([...rows.values()][0]!.cells[0]).toBe('Lỗi');
  });

  it('is protected, with only the justification column open to typing', async () => {
    const host = await fakeReturn();
    await checker(host, 4).checkReturn();
    const [first] = [...checkRows(host).values()];
    expect(host.snapshot().sheets.find((s) => s.name === CHECK)!.protection.protected).toBe(true);
    expect(host.editCell(CHECK, `D${first!.row}`, 'x')).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(host.editCell(CHECK, `F${first!.row}`, 'đã xác minh với Sở Y tế')).toMatchObject({ ok: true });
  });

  it('is written in English when asked, under the same sheet name', async () => {
    const host = await fakeReturn();
    await checker(host, 2).checkReturn({ lang: 'en' });
    expect(host.getCell(CHECK, 'A5').value).toBe('Severity');
    expect(host.getCell(CHECK, 'A2').value).toBe('Checked at: 2025-04-02 09:05');
  });

  it('says so when there is nothing to report', async () => {
    const host = await fakeReturn();
    await checker(host, 0).checkReturn();
    expect(host.getCell(CHECK, 'A6').value).toBe('Không có vấn đề nào.');
  });
});

describe('justifications', () => {
  it('are saved from the pane into the flag’s row and carried over a re-check', async () => {
    const host = await fakeReturn();
    const c = checker(host, 6);
    const flag = checked(await c.checkReturn()).flags[1]!;
    host.resetCounters();
    await c.saveJustification(flag.key, '- số liệu ước theo báo cáo 6 tháng');
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(checkRows(host).get(flag.key)!.cells[5]).toBe('- số liệu ước theo báo cáo 6 tháng');

    const again = checked(await c.checkReturn());
    expect(again.flags.find((f) => f.key === flag.key)!.justification).toBe('- số liệu ước theo báo cáo 6 tháng');
    expect(checkRows(host).get(flag.key)!.cells[5]).toBe('- số liệu ước theo báo cáo 6 tháng');
  });

  it('typed straight into the sheet count too', async () => {
    const host = await fakeReturn();
    const flag = checked(await checker(host, 3).checkReturn()).flags[2]!;
    expect(host.editCell(CHECK, `F${checkRows(host).get(flag.key)!.row}`, 'Theo Tổng cục Thống kê').ok).toBe(true);
    const again = checked(await checker(host, 3).checkReturn());
    expect(again.flags.find((f) => f.key === flag.key)!.justification).toBe('Theo Tổng cục Thống kê');
  });

  it('outlive their flag in “Giải trình trước đây”, and come back with it', async () => {
    const host = await fakeReturn();
    const c = checker(host, 6);
    const flag = checked(await c.checkReturn()).flags[5]!;
    await c.saveJustification(flag.key, 'giữ lại');
    checked(await checker(host, 2).checkReturn());
    const kept = checkRows(host).get(flag.key)!;
    expect(kept.cells[5]).toBe('giữ lại');
    const heading = host.getCell(CHECK, `A${kept.row - 2}`).value;
    expect(String(heading)).toMatch(/^Giải trình trước đây/);
    // The earlier row keeps its link to the cell.
    expect(kept.cells[2]).toMatch(/^=HYPERLINK\("#'Phụ lục 01'!/);
    const back = checked(await c.checkReturn());
    expect(back.flags.find((f) => f.key === flag.key)!.justification).toBe('giữ lại');
    expect(host.getCell(CHECK, `A${checkRows(host).get(flag.key)!.row}`).value).not.toBe('');
  });

  it('for a key the sheet does not list, get a row of their own and survive the next check', async () => {
    const host = await fakeReturn();
    await checker(host, 2).checkReturn();
    await checker(host, 2).saveJustification('manual.note:CT_2_8_Q3', 'ghi chú của đơn vị');
    expect(checkRows(host).get('manual.note:CT_2_8_Q3')!.cells[5]).toBe('ghi chú của đơn vị');
    await checker(host, 2).checkReturn();
    expect(checkRows(host).get('manual.note:CT_2_8_Q3')!.cells[5]).toBe('ghi chú của đơn vị');
    expect(host.snapshot().sheets.find((s) => s.name === CHECK)!.protection.protected).toBe(true);
  });

  it('cannot be saved before there is a Kiểm tra sheet: a sentence, not a crash', async () => {
    const host = await fakeReturn();
    await expect(checker(host, 1).saveJustification('test.rule0:CT_1_1_Q1', 'x')).rejects.toBeInstanceOf(UserFacingError);
  });
});

describe('acknowledged warnings', () => {
  const acknowledgedOf = (outcome: CheckOutcome) => (outcome.status === 'checked' ? outcome.acknowledged : null);

  it('are saved in the workbook setting in one sync and come back in a check of the reopened workbook, still two syncs', async () => {
    const host = await fakeReturn();
    const c = checker(host, 6);
    const [first, second] = checked(await c.checkReturn()).flags;
    expect(acknowledgedOf(await c.checkReturn())).toEqual([]);
    host.resetCounters();
    await c.saveAcknowledged([first!.key, second!.key, first!.key]);
    expect(host.syncCount).toBe(1);
    // The setting the Gửi panel reads and writes: one record for both tabs.
    expect(host.snapshot().settings[ACKNOWLEDGED_SETTING]).toEqual([first!.key, second!.key]);

    // Closed and reopened: a new checker on the same workbook.
    host.resetCounters();
    const reopened = await checker(host, 6).checkReturn();
    expect(acknowledgedOf(reopened)).toEqual([first!.key, second!.key]);
    expect(host.syncCount).toBe(2);

    await checker(host, 6).saveAcknowledged([second!.key]);
    expect(acknowledgedOf(await checker(host, 6).checkReturn())).toEqual([second!.key]);
  });

  it('keep only string keys, whatever is passed or found in the setting', async () => {
    const host = await fakeReturn();
    await checker(host, 2).saveAcknowledged(['test.rule0:CT_1_1_Q1', 7, null, '', 'gone.rule:CT_9_9_Q1'] as unknown as string[]);
    expect(host.snapshot().settings[ACKNOWLEDGED_SETTING]).toEqual(['test.rule0:CT_1_1_Q1', 'gone.rule:CT_9_9_Q1']);
    // Another tool may store it as JSON text, or damage it.
    await host.run(async (context) => {
      context.workbook.settings.add(ACKNOWLEDGED_SETTING, JSON.stringify(['test.rule1:CT_1_1_Q2', { not: 'a key' }]));
      await context.sync();
    });
    expect(acknowledgedOf(await checker(host, 2).checkReturn())).toEqual(['test.rule1:CT_1_1_Q2']);
    await host.run(async (context) => {
      context.workbook.settings.add(ACKNOWLEDGED_SETTING, { damaged: true });
      await context.sync();
    });
    expect(acknowledgedOf(await checker(host, 2).checkReturn())).toEqual([]);
  });
});

describe('selecting a flagged cell', () => {
  it('activates the return and selects the named cell in one sync', async () => {
    const host = await fakeReturn();
    await checker(host, 1).checkReturn();
    host.resetCounters();
    await checker(host).selectCell(tableCellName('2.8', 'Q2'));
    expect(host.syncCount).toBe(1);
    expect(host.snapshot().selection).toEqual({ sheet: SHEET, address: nameAt(host, tableCellName('2.8', 'Q2')).address });
    expect(host.snapshot().activeSheet).toBe(SHEET);
  });

  it('a name that is gone gives a sentence', async () => {
    const host = await fakeReturn();
    await expect(checker(host).selectCell('CT_9_9_Q1')).rejects.toMatchObject({ code: 'cell-name-gone' });
  });
});

describe('provisional estimates', () => {
  it('toggle the number-format suffix on a figure, and the parser sees it', async () => {
    const host = await fakeReturn();
    const name = tableCellName('2.8', 'Q1');
    typeInto(host, { [name]: '12.5%' });
    const { sheet, address } = nameAt(host, name);
    const protection = host.snapshot().sheets.find((s) => s.name === SHEET)!.protection;

    await checker(host).setProvisional(name, true);
    expect(host.syncCount).toBeLessThanOrEqual(2);
    let cell = host.getCell(sheet, address);
    expect(cell.numberFormat).toBe('0.00%" (ước)"');
    expect(cell.text).toBe('12.50% (ước)');
    expect(cell.value).toBe(0.125);
    expect(parseFigureCell({ value: cell.value, text: cell.text, numberFormat: cell.numberFormat })).toMatchObject({ kind: 'number', percent: 12.5, provisional: true });
    expect(host.snapshot().sheets.find((s) => s.name === SHEET)!.protection).toEqual(protection);

    // Setting it twice changes nothing (one sync: read, nothing to write).
    host.resetCounters();
    await checker(host).setProvisional(name, true);
    expect(host.syncCount).toBe(1);
    expect(host.getCell(sheet, address).numberFormat).toBe('0.00%" (ước)"');

    await checker(host).setProvisional(name, false);
    cell = host.getCell(sheet, address);
    expect(cell.numberFormat).toBe('0.00%');
    expect(parseFigureCell({ value: cell.value, text: cell.text, numberFormat: cell.numberFormat })).toMatchObject({ kind: 'number', provisional: false });
    expect(host.snapshot().sheets.find((s) => s.name === SHEET)!.protection).toEqual(protection);
  });

  it('a number typed later into a provisional cell shows the mark', async () => {
    const host = await fakeReturn();
    const name = tableCellName('1.1', 'Q2');
    await checker(host).setProvisional(name, true);
    typeInto(host, { [name]: '15.5' });
    const { sheet, address } = nameAt(host, name);
    expect(host.getCell(sheet, address)).toMatchObject({ value: 0.155, text: '15.50% (ước)' });
  });

  it('only figure cells take it', async () => {
    const host = await fakeReturn();
    await expect(checker(host).setProvisional('CT_2_8_Q1_INTL', true)).rejects.toMatchObject({ code: 'not-a-figure' });
    await expect(checker(host).setProvisional('CT_UNIT_ID', true)).rejects.toMatchObject({ code: 'not-a-figure' });
  });
});
