/**
 * Bodies built to hurt the server. Issue 11, item 3: JSON nested thousands deep (10 KB) came back
 * as 500 from a stack overflow where the body was copied to the check thread; nesting is bounded
 * while parsing: 400 with the usual error shape, whatever route. Item 9: NUL, text-direction
 * overrides and lone surrogates were stored and served back; they are refused with 400 naming the
 * field, and the OpenAPI document's patterns say so.
 */
import { randomUUID } from 'node:crypto';
import { API_PREFIX, ApiError } from '../../../src/domain/payload/api';
import { buildApp } from '../../../src/server/app';
import { LINE_TEXT_PATTERN, MULTILINE_TEXT_PATTERN } from '../../../src/domain/payload/limits';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../../src/server/jsonBody';
import { openApiDocument } from '../../../src/server/routes/openapi';
import { openStore } from '../../../src/server/store/openStore';
import type { ReturnStore } from '../../../src/server/store/port';
import { issueToken } from '../../../src/server/tokens';
import { DEFAULT_UNIT, validPayload } from '../../support/payloads';
import { tempDbFile } from '../../support/serverProcess';
import { listening, type HttpAnswer, type HttpRequest } from './http';

const RETURNS = `${API_PREFIX}/returns`;

describe('hostile bodies', () => {
  let store: ReturnStore;
  let send: (r: HttpRequest) => Promise<HttpAnswer>;
  let close: () => Promise<void>;
  let reporter: string;
  let reviewer: string;
  const post = (url: string, payload: string, token = reporter) =>
    send({ method: 'POST', url, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload });

  beforeAll(async () => {
    store = openStore(tempDbFile());
    await store.migrate();
    reporter = (await issueToken(store, { unitId: DEFAULT_UNIT, role: 'reporter' })).token;
    reviewer = (await issueToken(store, { unitId: '*', role: 'reviewer' })).token;
    // Check threads as in production: the copy to a thread is where the stack overflowed.
    const app = await buildApp({ store, logger: false, checkThreads: 1 });
    send = await listening(app);
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await store.close();
  });

  it.each([
    ['arrays', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
  ])('refuses %s nested 5,000 deep inside a submission with 400', async (_kind, nest) => {
    const body = `{"payloadVersion":1,"submissionId":"${randomUUID()}","unitId":"${DEFAULT_UNIT}","figures":${nest(5000)}}`;
    const res = await post(RETURNS, body);
    expect(res.statusCode).toBe(400);
    const error = ApiError.parse(res.json());
    expect(error.error).toBe('too-deep');
    expect(error.message.en).toContain(String(MAX_JSON_DEPTH));
    const review = await post(`${RETURNS}/${DEFAULT_UNIT}.2025.q2/reviews`, nest(5000), reviewer);
    expect([review.statusCode, ApiError.parse(review.json()).error]).toEqual([400, 'too-deep']);
  });

  it('still accepts a return, and brackets inside its texts do not count', async () => {
    const payload = validPayload();
    payload.sections.trend = `1. Xu hướng tăng ${'['.repeat(3000)} "\\" ${'{'.repeat(3000)}.`;
    const res = await post(RETURNS, JSON.stringify(payload));
    expect(res.statusCode).toBe(201);
  });

  it('measures nesting outside strings only', () => {
    expect(nestedDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestedDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestedDeeperThan('{"a":"[[[[\\"[[["}', 1)).toBe(false);
    expect(nestedDeeperThan('[{"a":[]},{"b":[]}]', 3)).toBe(false);
  });

  it.each([
    ['NUL in a section', (p: ReturnType<typeof validPayload>) => ({ ...p, sections: { ...p.sections, trend: '1. Tăng\u0000 đều.' } }), 'sections.trend'],
    ['an override in the name', (p: ReturnType<typeof validPayload>) => ({ ...p, focalPoint: { ...p.focalPoint, name: 'Nguyễn\u202EVăn A' } }), 'focalPoint.name'],
    ['a line break in the e-mail', (p: ReturnType<typeof validPayload>) => ({ ...p, focalPoint: { ...p.focalPoint, email: 'a@b.vn\nBcc: x' } }), 'focalPoint.email'],
    ['a lone surrogate in a source', (p: ReturnType<typeof validPayload>) => ({ ...p, rowSources: { '2.8': 'Cục Thống kê \uDC00' } }), 'rowSources.2.8'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_name, spoil, path) => {
    const before = await store.countVersions();
    const res = await post(RETURNS, JSON.stringify(spoil(validPayload())));
    expect(res.statusCode).toBe(400);
    const error = ApiError.parse(res.json());
    expect(error.error).toBe('invalid-payload');
    expect(error.issues!.map((i) => i.path)).toContain(path);
    expect(await store.countVersions()).toBe(before);
  });

  it('describes the characters refused in the OpenAPI document, as the schema checks them', () => {
    const payload = (openApiDocument() as { components: { schemas: Record<string, any> } }).components.schemas.SubmissionPayload; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(payload.properties.focalPoint.properties.name.pattern).toBe(LINE_TEXT_PATTERN);
    expect(payload.properties.sections.properties.trend.pattern).toBe(MULTILINE_TEXT_PATTERN);
  });
});
