/**
 * A submission waiting in the workbook while the person corrects the return (issue 12, item 2):
 * the Gửi panel's controller over the real Office.js submitter on the fake Excel host, a fake
 * network and a hand-driven timer. When the return changed, the person is asked, retries pause
 * while they are asked, and the outdated payload is never sent without their answer.
 */
import { tableCellName } from '../../../src/domain/cellContract';
import { inMemoryConnection } from '../../../src/taskpane/submit/connection';
import { createSubmitController, type SubmitView } from '../../../src/taskpane/submit/submitController';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import { bundled, typeInto } from '../check/fixtures';
import { settle, setUp } from './submitFixtures';

const CELL = tableCellName('2.8', 'Q1');

describe('the return changed while a submission waits', () => {
  it('asking pauses the retries; the outdated payload is not sent until the person answers, then the new one goes', async () => {
    const { host, net, clock, controller, view } = await setUp();
    await controller.submit();
    expect(view().state?.pending?.attempts).toBe(1);
    expect(clock.pending()).toBe(1);

    // The person corrects a figure and presses Gửi again while the first one still waits.
    typeInto(host, { [CELL]: '46%' });
    await controller.submit();
    expect(view().notice?.kind).toBe('pendingDiffers');
    expect(clock.pending()).toBe(0);
    expect(view().nextRetryAt).toBeNull();

    // The network comes back; nothing goes by itself while the question is open.
    net.bringUp();
    await clock.fireAll();
    expect(net.received).toHaveLength(0);
    expect(view().notice?.kind).toBe('pendingDiffers');

    await controller.submit({ replacePending: true });
    await settle(() => view().notice?.kind === 'accepted');
    expect(net.received).toHaveLength(1);
    expect(net.received[0]!.figures.find((f) => f.row === '2.8' && f.quarter === 1)!.value).toBe(46);
  });

  it('an automatic retry finds the return changed: it sends nothing and asks, with no retry scheduled', async () => {
    const { host, net, clock, controller, view } = await setUp();
    await controller.submit();
    typeInto(host, { [CELL]: '46%' });
    net.bringUp();
    await clock.fireAll();
    expect(net.received).toHaveLength(0);
    expect(view().notice).toMatchObject({ kind: 'pendingDiffers' });
    expect(clock.pending()).toBe(0);

    // "Gửi bản đang chờ": the person's answer sends the waiting payload as it was.
    await controller.sendWaiting();
    expect(net.received).toHaveLength(1);
    expect(net.received[0]!.figures.find((f) => f.row === '2.8' && f.quarter === 1)!.value).toBe(45);
  });

  it('unchanged: the retry sends the waiting payload by itself', async () => {
    const { net, clock, controller, view } = await setUp();
    await controller.submit();
    net.bringUp();
    await clock.fireAll();
    await settle(() => view().notice?.kind === 'accepted');
    expect(net.received).toHaveLength(1);
  });

  it('when the pane opens on a workbook whose return changed since, the waiting payload is not sent unasked', async () => {
    const first = await setUp();
    await first.controller.submit();
    first.controller.stop();
    typeInto(first.host, { [CELL]: '46%' });
    first.net.bringUp();

    let view: SubmitView | null = null;
    const reopened = createSubmitController(
      createExcelReturnSubmitter(first.host, { source: bundled }),
      inMemoryConnection({ url: 'https://chitieu.example.gov.vn', token: 't' }),
      { lang: () => 'vi', fetch: first.net.fetch, schedule: first.clock.schedule },
      (v) => (view = v),
    );
    await reopened.start();
    expect(first.net.received).toHaveLength(0);
    expect(view!.notice?.kind).toBe('pendingDiffers');
  });
});
