/**
 * One record of acknowledged warnings for the Kiểm tra and Gửi tabs (issue 12, item 7): a tick in
 * either shows in the other at once (no re-check), and is in the workbook straight away.
 */
import { createAcknowledgements } from '../../../src/taskpane/acknowledgements';
import { inMemoryConnection } from '../../../src/taskpane/submit/connection';
import { createSubmitController, type SubmitView } from '../../../src/taskpane/submit/submitController';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import { ACKNOWLEDGED_SETTING } from '../../../src/workbook/excel/submit/settings';
import { bundled, CLEAN, fakeReturn, typeFilled } from '../check/fixtures';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the pane’s one record of acknowledged warnings', () => {
  it('a tick in Gửi is what Kiểm tra shows at once, and the workbook holds it before any check or Gửi', async () => {
    const host = await fakeReturn();
    typeFilled(host, CLEAN);
    const checker = createExcelReturnChecker(host, { source: bundled });
    const record = createAcknowledgements((keys) => checker.saveAcknowledged(keys));
    let kiemTra: ReadonlySet<string> = record.get();
    record.subscribe(() => (kiemTra = record.get()));

    let view: SubmitView | null = null;
    const gui = createSubmitController(
      createExcelReturnSubmitter(host, { source: bundled }),
      inMemoryConnection({ url: 'https://chitieu.example.gov.vn', token: 't' }),
      { lang: () => 'vi', acknowledgements: record },
      (v) => (view = v),
    );
    await gui.start();
    await gui.reread();
    const warning = view!.review!.warnings[0]!;
    gui.acknowledge(warning.key, true);
    expect(kiemTra.has(warning.key)).toBe(true);
    await flush();
    expect(host.snapshot().settings[ACKNOWLEDGED_SETTING]).toEqual([warning.key]);

    // Kiểm tra unticks it: Gửi shows it open again.
    await record.set(warning.key, false);
    expect(view!.acknowledged.has(warning.key)).toBe(false);
    expect(host.snapshot().settings[ACKNOWLEDGED_SETTING]).toEqual([]);
  });

  it('a read of the workbook is adopted, but never undoes a tick still being saved', async () => {
    let release: () => void = () => undefined;
    const saves: string[][] = [];
    const record = createAcknowledgements((keys) => {
      saves.push(keys);
      return new Promise<void>((r) => (release = r));
    });
    const saving = record.set('a:CT_1', true);
    record.adopt(['b:CT_2']);
    expect([...record.get()].sort()).toEqual(['a:CT_1', 'b:CT_2']);
    release();
    await saving;
    record.adopt(['b:CT_2']);
    expect([...record.get()]).toEqual(['b:CT_2']);
    expect(saves).toEqual([['a:CT_1']]);
  });

  it('a tick the workbook refuses is undone, and the refusal reaches the caller', async () => {
    const record = createAcknowledgements(async () => {
      throw new Error('protected');
    });
    await expect(record.set('a:CT_1', true)).rejects.toThrow('protected');
    expect(record.get().size).toBe(0);
  });
});
