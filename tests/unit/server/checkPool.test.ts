/**
 * The worker threads that judge submissions: the same verdicts as judging in-process, for good,
 * malformed and erroneous payloads; a thread that dies fails only the requests it held and is
 * replaced.
 */
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { createCheckPool, type CheckPool } from '../../../src/server/checkPool';
import { judgeSubmission } from '../../../src/server/submissionCheck';
import { payloadWithErrors, validPayload } from '../../support/payloads';

jest.setTimeout(60_000);

const catalogue = loadCatalogue();
const units = loadUnits();
let pool: CheckPool;

beforeAll(() => {
  pool = createCheckPool(2, catalogue, units);
});
afterAll(() => pool.close());

it('gives the verdicts judging in-process gives: accepted, schema problems, errors found, unit not reporting', async () => {
  const bodies: unknown[] = [
    validPayload(),
    { ...validPayload(), figures: 'not a list' },
    payloadWithErrors(),
    { ...validPayload(), unitId: 'bo-khong-co' },
    'just a string',
  ];
  const inPool = await Promise.all(bodies.map((b) => pool.judge(b)));
  const inProcess = bodies.map((b) => judgeSubmission(b, catalogue, units));
  expect(inPool).toEqual(inProcess);
  expect(inPool.map((v) => (v.ok ? 'ok' : `${v.status} ${v.body.error}`))).toEqual([
    'ok',
    '400 invalid-payload',
    '422 has-errors',
    '422 unit-may-not-report',
    '400 invalid-payload',
  ]);
  const accepted = inPool[0]!;
  if (!accepted.ok) throw new Error('expected an accepted verdict');
  expect(JSON.parse(accepted.payloadJson)).toEqual(bodies[0]);
});

it('a thread that dies fails the requests it held, and the pool goes on with a new one', async () => {
  const one = createCheckPool(1, catalogue, units);
  try {
    const held = one.judge(validPayload());
    // A body that cannot be sent to a thread fails at once, without harming the pool.
    await expect(one.judge({ f: () => 1 })).rejects.toThrow();
    await expect(held).resolves.toMatchObject({ ok: true });
    // Terminate the thread behind the pool's back: in-flight requests fail, later ones succeed.
    const inflight = one.judge(validPayload());
    await terminateThreads(one);
    await expect(inflight).rejects.toThrow(/thread/);
    await expect(one.judge(validPayload())).resolves.toMatchObject({ ok: true });
  } finally {
    await one.close();
  }
});

it('judges in-process with 0 threads', async () => {
  const none = createCheckPool(0, catalogue, units);
  expect(none.threads).toBe(0);
  await expect(none.judge(validPayload())).resolves.toMatchObject({ ok: true });
  await none.close();
});

/** Terminates the pool's threads behind its back (the pool exposes them to tests as _slots). */
async function terminateThreads(p: CheckPool): Promise<void> {
  const slots = (p as unknown as { _slots?: { worker: { terminate(): Promise<number> } }[] })._slots;
  if (!slots) throw new Error('the pool does not expose its threads for tests');
  await Promise.all(slots.map((s) => s.worker.terminate()));
}
