import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import type { CheckOutcome } from '../../../src/workbook/port';
import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CHECK, fakeReturn, FIXED_NOW, SHEET } from './fixtures';

async function check(host: FakeExcelHost): Promise<Extract<CheckOutcome, { status: 'unreadable' }>> {
  host.resetCounters();
  const outcome = await createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW }).checkReturn();
  expect(outcome.status).toBe('unreadable');
  // Nothing is written to a workbook that is not a return.
  expect(host.syncCount).toBe(1);
  expect(host.sheetNames()).not.toContain(CHECK);
  return outcome as Extract<CheckOutcome, { status: 'unreadable' }>;
}

const edit = (host: FakeExcelHost, change: (context: Excel.RequestContext) => void) =>
  host.run(async (context) => {
    change(context);
    await context.sync();
  });

describe('a workbook that cannot be read as a return gives one clear message, never an exception', () => {
  it('no return at all', async () => {
    const outcome = await check(createFakeExcel());
    expect(outcome.problems).toEqual([{ kind: 'notAReturn' }]);
    expect(outcome.message.vi).toMatch(/không chứa biểu Phụ lục 01/);
    expect(outcome.message.en).toMatch(/holds no Appendix 01 return/);
  });

  it('a contract name deleted', async () => {
    const host = await fakeReturn();
    await edit(host, (c) => c.workbook.names.getItem('CT_2_8_Q1').delete());
    const outcome = await check(host);
    expect(outcome.problems).toEqual([{ kind: 'missingName', name: 'CT_2_8_Q1' }]);
    expect(outcome.message.vi).toContain('CT_2_8_Q1');
    expect(outcome.message.vi).toMatch(/Name Manager/);
    expect(outcome.message.en).toMatch(/no longer has the cell name CT_2_8_Q1/);
  });

  it('the return sheet deleted: every name points to #REF!', async () => {
    const host = await fakeReturn();
    host.addSheet('Sheet2');
    await edit(host, (c) => c.workbook.worksheets.getItem(SHEET).delete());
    const outcome = await check(host);
    expect(outcome.problems.every((p) => p.kind === 'sheetMissing')).toBe(true);
    expect(outcome.message.vi).toMatch(/^Các tên CT_UNIT_ID, CT_UNIT_NAME, CT_YEAR… \(\d+ tên\) trỏ tới #REF! — trang chứa biểu đã bị xóa hoặc đổi; hãy tạo lại biểu \(nút Tạo biểu mẫu/);
    expect(outcome.message.vi).toMatch(/hoặc khôi phục trang\.$/);
    expect(outcome.message.en).toMatch(/point to #REF! — the sheet holding the return was deleted/);
  });

  it('a name moved to another sheet', async () => {
    const host = await fakeReturn();
    host.addSheet('Sheet2');
    await edit(host, (c) => (c.workbook.names.getItem('CT_2_8_Q1').formula = '=Sheet2!$B$3'));
    const outcome = await check(host);
    expect(outcome.problems).toEqual([{ kind: 'wrongPlace', name: 'CT_2_8_Q1', detail: 'sheet:Sheet2!B3' }]);
    expect(outcome.message.vi).toBe(
      'Tên CT_2_8_Q1 trỏ tới Sheet2!B3, không nằm trên trang của biểu (trang có CT_UNIT_ID). Hãy sửa trong Công thức › Trình quản lý Tên (Formulas › Name Manager) cho trỏ về đúng một ô trên trang biểu, hoặc hãy tạo lại biểu (nút Tạo biểu mẫu trong phần bổ trợ, hoặc lệnh chitieu template; bản cũ được giữ để chép số liệu sang).',
    );
  });

  it('a name over several cells', async () => {
    const host = await fakeReturn();
    await edit(host, (c) => (c.workbook.names.getItem('CT_2_8_Q1').formula = `='${SHEET}'!$E$30:$F$31`));
    const outcome = await check(host);
    expect(outcome.problems).toEqual([{ kind: 'wrongPlace', name: 'CT_2_8_Q1', detail: 'range:E30:F31' }]);
    expect(outcome.message.en).toMatch(/The name CT_2_8_Q1 points to the range E30:F31, not one cell/);
  });

  it('a name holding a constant', async () => {
    const host = await fakeReturn();
    await edit(host, (c) => (c.workbook.names.getItem('CT_YEAR').formula = '=2025'));
    const outcome = await check(host);
    expect(outcome.problems).toEqual([{ kind: 'brokenName', name: 'CT_YEAR', detail: '2025' }]);
    expect(outcome.message.vi).toMatch(/Tên CT_YEAR không trỏ tới một ô \(đang là 2025\)/);
  });

  it('several kinds at once: the worst leads, the rest are counted', async () => {
    const host = await fakeReturn();
    host.addSheet('Sheet2');
    await edit(host, (c) => {
      c.workbook.names.getItem('CT_2_8_Q1').delete();
      c.workbook.names.getItem('CT_2_8_Q2').formula = '=Sheet2!$B$3';
    });
    const outcome = await check(host);
    expect(outcome.problems.map((p) => p.kind).sort()).toEqual(['missingName', 'wrongPlace']);
    expect(outcome.message.vi).toMatch(/CT_2_8_Q1.*\(Còn 1 vấn đề khác về tên ô\.\)$/);
  });
});
