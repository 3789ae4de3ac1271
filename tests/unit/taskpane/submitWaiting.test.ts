/**
 * A submission waiting in the workbook while the person corrects the return (issue 12, item 2):
 * the Gửi panel's controller over the real Office.js submitter on the fake Excel host, a fake
 * network and a hand-driven timer. When the return changed, the person is asked, retries pause
 * while they are asked, and the outdated payload is never sent without their answer.
 */
import { tableCellName } from '../../../src/domain/cellContract';
import { receiptNumberOf, returnIdOf, type Receipt } from '../../../src/domain/payload/api';
import type { SubmissionPayload } from '../../../src/domain/payload/schema';
import { inMemoryConnection } from '../../../src/taskpane/submit/connection';
import { createSubmitController, type SubmitView } from '../../../src/taskpane/submit/submitController';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import type { FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CLEAN, fakeReturn, typeFilled, typeInto } from '../check/fixtures';

const CELL = tableCellName('2.8', 'Q1');

function receiptFor(p: SubmissionPayload, version: number): Receipt {
  return {
    receiptNumber: receiptNumberOf(p.year, p.quarter, p.unitId, version),
    returnId: returnIdOf(p.unitId, p.year, p.quarter),
    submissionId: p.submissionId,
    unitId: p.unitId,
    year: p.year,
    quarter: p.quarter,
    version,
    receivedAt: '2025-04-02T09:05:07.000Z',
    created: true,
  };
}

/** The endpoint: down until `up`, then it accepts and numbers versions; every payload it got is kept. */
function endpoint() {
  const received: SubmissionPayload[] = [];
  let up = false;
  const fetch = (async (_url: string, init: RequestInit) => {
    if (!up) throw new TypeError('Failed to fetch');
    const payload = JSON.parse(String(init.body)) as SubmissionPayload;
    received.push(payload);
    return new Response(JSON.stringify(receiptFor(payload, received.length)), { status: 201, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { received, fetch, bringUp: () => void (up = true) };
}

/** Timers the test fires by hand; a cancelled one is gone. */
function timers() {
  const waiting = new Set<() => void>();
  return {
    schedule: (run: () => void) => {
      waiting.add(run);
      return () => void waiting.delete(run);
    },
    pending: () => waiting.size,
    async fireAll() {
      const now = [...waiting];
      waiting.clear();
      for (const run of now) run();
      // Let the send the timer started finish (its syncs are promises on the fake host).
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

async function setUp() {
  const host: FakeExcelHost = await fakeReturn();
  typeFilled(host, CLEAN);
  const submitter = createExcelReturnSubmitter(host, { source: bundled });
  const net = endpoint();
  const clock = timers();
  let view: SubmitView | null = null;
  const controller = createSubmitController(
    submitter,
    inMemoryConnection({ url: 'https://chitieu.example.gov.vn', token: 't' }),
    { lang: () => 'vi', fetch: net.fetch, schedule: clock.schedule },
    (v) => (view = v),
  );
  await controller.start();
  await controller.reread();
  // Every warning acknowledged, as the person does before pressing Gửi.
  for (const w of view!.review!.warnings) controller.acknowledge(w.key, true);
  return { host, net, clock, controller, view: () => view! };
}

const settle = async (until: () => boolean) => {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
};

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
