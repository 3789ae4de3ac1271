/**
 * Issue 11, item 2: the rate limit applies before authentication. 131,402 requests without a valid
 * token were all answered 401 (the limiter ran after authentication and counted each unknown
 * token apart). Now: by address first, failed authentications by address (stricter, and once
 * over, tokens are not even looked up), then by token. /healthz is never limited.
 */
import { randomBytes } from 'node:crypto';
import { API_PREFIX, ApiError } from '../../../src/domain/payload/api';
import { buildApp, type AppOptions } from '../../../src/server/app';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT } from '../../support/payloads';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

const RETURNS = `${API_PREFIX}/returns`;

describe('rate limits before and after authentication', () => {
  let store: ReturnStore;
  let lookups = 0;
  let token: string;
  const apps: { close(): Promise<void> }[] = [];

  async function serve(options: Partial<AppOptions>): Promise<(r: HttpRequest) => Promise<HttpAnswer>> {
    // Counts the token lookups that reach the store.
    const counting: ReturnStore = Object.create(store, { findTokenByHash: { value: (hash: string) => (lookups++, store.findTokenByHash(hash)) } });
    const app = await buildApp({ store: counting, logger: false, checkThreads: 0, ...options });
    apps.push(app);
    return listening(app);
  }
  const get = (send: (r: HttpRequest) => Promise<HttpAnswer>, bearer: string | null, url = RETURNS) =>
    send({ method: 'GET', url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  const codeOf = (res: HttpAnswer) => `${res.statusCode} ${ApiError.safeParse(res.json()).data?.error ?? ''}`;

  beforeAll(async () => {
    store = openStore(tempDbFile());
    await store.migrate();
    token = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await store.close();
  });

  it('limits requests without a token by address: 401 until the limit, then 429 with Retry-After', async () => {
    const send = await serve({ addressRateLimit: { max: 5, timeWindowMs: 60_000 }, authFailureLimit: { max: 0, timeWindowMs: 60_000 } });
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) answers.push(codeOf(await get(send, null)));
    expect(answers).toEqual([...Array(5).fill('401 no-token'), '429 rate-limited', '429 rate-limited']);
    const limited = await get(send, token);
    expect(codeOf(limited)).toBe('429 rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(ApiError.parse(limited.json()).message.vi).toMatch(/Thử lại sau \d+ giây/);
    expect((await get(send, null, '/healthz')).statusCode).toBe(200);
  });

  it('counts failed authentications apart and, once over, refuses before looking tokens up', async () => {
    const send = await serve({ authFailureLimit: { max: 3, timeWindowMs: 60_000 } });
    const before = lookups;
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) answers.push(codeOf(await get(send, `ct_${randomBytes(32).toString('base64url')}`)));
    expect(answers).toEqual([...Array(3).fill('401 bad-token'), ...Array(3).fill('429 auth-failures')]);
    expect(lookups - before).toBe(3);
    // The address is refused whatever token it sends, until the window ends.
    expect(codeOf(await get(send, token))).toBe('429 auth-failures');
  });

  it('limits each token after authentication, apart from the address', async () => {
    const send = await serve({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
    const other = (await issueToken(store, { unitId: 'bo-tai-chinh', role: 'reporter' })).token;
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) answers.push(codeOf(await get(send, token)));
    expect(answers).toEqual(['200 ', '200 ', '429 rate-limited']);
    expect(codeOf(await get(send, other))).toBe('200 ');
  });
});
