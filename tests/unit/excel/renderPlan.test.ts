import { readNamedCells } from '../../../src/workbook/excel/readNamedCells';
import { renderPlan } from '../../../src/workbook/excel/renderPlan';
import { createFakeExcel } from '../../fakes/fakeExcel';
import { MINISTRY, planFor } from './fixtures';

describe('renderPlan', () => {
  it('only queues: the caller’s sync sends it all', async () => {
    const host = createFakeExcel();
    const plan = planFor(MINISTRY);
    const calls = { sync: 0, getRange: 0, getRanges: 0 };
    await host.run(async (context) => {
      const realSync = context.sync.bind(context);
      context.sync = (() => {
        calls.sync++;
        return realSync();
      }) as typeof context.sync;
      const sheet = context.workbook.worksheets.add(plan.sheetName);
      const getRange = sheet.getRange.bind(sheet);
      const getRanges = sheet.getRanges.bind(sheet);
      sheet.getRange = (address?: string) => (calls.getRange++, getRange(address));
      sheet.getRanges = (address?: string) => (calls.getRanges++, getRanges(address));
      const summary = renderPlan(context, sheet, plan, { comments: false });
      expect(summary).toEqual({ bounds: expect.stringMatching(/^A1:Q\d+$/), commentsAdded: 0 });
    });
    expect(calls.sync).toBe(0);
    // Excel.run's own closing sync carried the whole layout.
    expect(host.syncCount).toBe(1);
    expect(host.getCell(plan.sheetName, 'A1').value).toBe('PHỤ LỤC 01');
    // Cells are styled, unlocked and validated in groups, not one range per cell.
    const perName = plan.names.length + plan.merges.length + plan.conditionalFormats.length;
    expect(calls.getRange + calls.getRanges - perName).toBeLessThan(plan.cells.length / 5);
  });
});

describe('readNamedCells', () => {
  it('reads every name of a return, and says which are missing, in one sync', async () => {
    const host = createFakeExcel();
    const plan = planFor(MINISTRY);
    await host.run(async (context) => {
      renderPlan(context, context.workbook.worksheets.add(plan.sheetName), plan, { comments: false });
      await context.sync();
    });
    host.resetCounters();
    const reads = await host.run(async (context) => {
      const read = readNamedCells(context, [...plan.names.map((n) => n.name), 'CT_NOT_THERE']);
      await context.sync();
      return read();
    });
    expect(host.syncCount).toBe(1);
    expect(reads.get('CT_NOT_THERE')).toEqual({ name: 'CT_NOT_THERE', state: 'missing' });
    expect(reads.get('CT_1_1_TY')).toEqual({ name: 'CT_1_1_TY', state: 'ok', sheetName: plan.sheetName, address: plan.names.find((n) => n.name === 'CT_1_1_TY')!.address, value: 0.155, text: '15.5%', numberFormat: '0.0%' });
    for (const n of plan.names) expect(reads.get(n.name)).toMatchObject({ state: 'ok', address: n.address });
  });
});
