/**
 * The Gửi panel's controller over the real Office.js submitter on the fake Excel host, with a fake
 * endpoint and a hand-driven timer: shared by the sending tests.
 */
import { receiptNumberOf, returnIdOf, type Receipt } from '../../../src/domain/payload/api';
import type { SubmissionPayload } from '../../../src/domain/payload/schema';
import { inMemoryConnection } from '../../../src/taskpane/submit/connection';
import { createSubmitController, type SubmitView } from '../../../src/taskpane/submit/submitController';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import type { FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CLEAN, fakeReturn, typeFilled } from '../check/fixtures';

export function receiptFor(p: SubmissionPayload, version: number): Receipt {
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
export function endpoint() {
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
export function timers() {
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

export async function setUp() {
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

export const settle = async (until: () => boolean) => {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
};
