/**
 * How the endpoint's client reads an answer it cannot act on at once: what is worth sending again
 * later ('unreachable': nothing lost, the same submission id is safe to resend) and what the
 * person must be told ('refused').
 */
import { nextDelayMs, submitPayload } from '../../../src/submit/client';
import { validPayload } from '../../support/payloads';

const CONFIG = { url: 'http://127.0.0.1:9', token: 'ct_test' };
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })) as unknown as typeof fetch;
const apiError = (error: string) => ({ error, message: { vi: `${error} (vi)`, en: `${error} (en)` } });

describe('submitPayload', () => {
  it('a rate limit is sent again later; a used-up quota is told to the person', async () => {
    expect(await submitPayload(CONFIG, validPayload(), { fetch: answer(429, apiError('rate-limited')) })).toMatchObject({ status: 'unreachable', httpStatus: 429 });
    const day = await submitPayload(CONFIG, validPayload(), { fetch: answer(429, apiError('version-quota'), { 'retry-after': '3600' }) });
    expect(day).toMatchObject({ status: 'refused', httpStatus: 429, error: { error: 'version-quota', message: { en: 'version-quota (en)' } } });
    const full = await submitPayload(CONFIG, validPayload(), { fetch: answer(507, apiError('storage-quota')) });
    expect(full).toMatchObject({ status: 'refused', httpStatus: 507, error: { error: 'storage-quota' } });
  });

  it('a busy or unavailable server (503) is sent again later, after the wait it asks for', async () => {
    const busy = await submitPayload(CONFIG, validPayload(), { fetch: answer(503, apiError('store-busy'), { 'retry-after': '7' }) });
    expect(busy).toMatchObject({ status: 'unreachable', httpStatus: 503, retryAfterMs: 7000 });
    const noRandom = () => 0;
    expect(nextDelayMs(1, busy, noRandom)).toBe(7000);
    expect(nextDelayMs(8, busy, noRandom)).toBe(64_000);
    const down = await submitPayload(CONFIG, validPayload(), { fetch: answer(503, apiError('store-unavailable')) });
    expect(down).toMatchObject({ status: 'unreachable', httpStatus: 503 });
    expect(nextDelayMs(1, down, noRandom)).toBe(500);
  });
});
