/**
 * Issue 11, item 5: a token in a query string (?access_token=, ?token=) was written to the log.
 * It is refused (400 token-in-url, saying where a token goes), and no log line holds it.
 */
import { Writable } from 'node:stream';
import { API_PREFIX, ApiError } from '../../../src/domain/payload/api';
import { buildApp } from '../../../src/server/app';
import { redactUrl } from '../../../src/server/queryTokens';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { hashToken, issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT } from '../../support/payloads';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

describe('tokens in the URL', () => {
  let store: ReturnStore;
  let send: (r: HttpRequest) => Promise<HttpAnswer>;
  let close: () => Promise<void>;
  let token: string;
  let logs = '';

  beforeAll(async () => {
    store = openStore(tempDbFile());
    await store.migrate();
    token = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
    const stream = new Writable({ write: (chunk: Buffer, _e, done) => ((logs += chunk.toString('utf8')), done()) });
    const app = await buildApp({ store, logger: { level: 'trace', stream }, checkThreads: 0 });
    send = await listening(app);
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await store.close();
  });

  it.each([
    `${API_PREFIX}/returns?access_token=TOKEN`,
    `${API_PREFIX}/returns?year=2025&token=TOKEN`,
    `${API_PREFIX}/returns?Access_Token=TOKEN&year=2025`,
    `${API_PREFIX}/returns?year=2025&x=TOKEN`,
    `${API_PREFIX}/returns/TOKEN/versions`,
    '/healthz?token=TOKEN',
  ])('refuses %s, even with the Authorization header, and never logs the token', async (url) => {
    const res = await send({ method: 'GET', url: url.replace('TOKEN', token), headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(400);
    const error = ApiError.parse(res.json());
    expect(error.error).toBe('token-in-url');
    expect(error.message.en).toContain('Authorization: Bearer');
    expect(logs).toContain('"url":');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.slice(3));
    expect(logs).not.toContain(hashToken(token));
  });

  it('masks credential-like parameters in a logged URL and leaves the rest', () => {
    expect(redactUrl('/api/v1/returns?year=2025&access_token=abc&quarter=2')).toBe('/api/v1/returns?year=2025&access_token=[redacted]&quarter=2');
    expect(redactUrl('/x?apiKey=1&my_token=2#frag')).toBe('/x?apiKey=[redacted]&my_token=[redacted]#frag');
    expect(redactUrl(`/x/ct_${'a'.repeat(43)}/y`)).toBe('/x/ct_[redacted]/y');
    expect(redactUrl('/api/v1/returns?year=2025')).toBe('/api/v1/returns?year=2025');
  });
});
