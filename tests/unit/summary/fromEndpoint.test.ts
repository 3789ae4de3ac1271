/**
 * The endpoint reader shared by `chitieu merge --from-endpoint` and the Tổng hợp tab
 * (src/summary/fromEndpoint.ts), against a fake endpoint: inputs in canonical order, a version
 * whose payload no longer parses skipped with its receipt number, an unreadable answer thrown.
 */
import { EndpointReadError, readEndpointInputs, returnInputsFromEndpoint } from '../../../src/summary/fromEndpoint';
import { validPayload } from '../../support/payloads';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const endpoint = fakeEndpoint();

function fakeEndpoint(): typeof fetch {
  const a = validPayload({ unitId: 'bo-y-te', quarter: 1 });
  const b = validPayload({ unitId: 'bo-y-te', quarter: 2 });
  const c = validPayload({ unitId: 'bo-tai-chinh', quarter: 2 });
  const version = (p: typeof a, v: number, at: string) => ({
    version: v, receiptNumber: `CT-2025-Q${p.quarter}-${p.unitId}-v${v}`, submissionId: p.submissionId, receivedAt: at, payload: p, changes: [],
  });
  const versions: Record<string, unknown[]> = {
    'bo-y-te.2025.q1': [version(a, 1, '2025-04-03T01:00:00.000Z')],
    'bo-y-te.2025.q2': [version(b, 2, '2025-07-04T01:00:00.000Z'), version({ ...b, figures: 'broken' } as unknown as typeof a, 1, '2025-07-03T01:00:00.000Z')],
    'bo-tai-chinh.2025.q2': [version(c, 1, '2025-07-02T01:00:00.000Z')],
  };
  return (async (url: string | URL) => {
    const u = new URL(String(url));
    if (u.pathname === '/api/v1/returns') {
      return json({ returns: Object.keys(versions).map((id) => { const [unitId, year, q] = id.split('.'); return { returnId: id, unitId, year: Number(year), quarter: Number(q!.slice(1)), latestVersion: 1, receiptNumber: 'x', receivedAt: '2025-07-02T01:00:00.000Z', warnings: 0, infos: 0 }; }) });
    }
    const id = decodeURIComponent(u.pathname.split('/')[4]!);
    return json({ returnId: id, versions: versions[id] });
  }) as typeof fetch;
}

describe('the shared endpoint reader', () => {
  const config = { url: 'http://127.0.0.1:9', token: 'ct_agg' };

  it('reads every version in canonical order and skips the one that no longer parses', async () => {
    const read = await readEndpointInputs(config, 2025, 2, endpoint);
    expect(read.inputs.map((i) => [i.payload.unitId, i.payload.quarter, i.source.kind === 'endpoint' ? i.source.version : null])).toEqual([
      ['bo-tai-chinh', 2, 1],
      ['bo-y-te', 1, 1],
      ['bo-y-te', 2, 2],
    ]);
    expect(read.skipped.map((s) => s.source)).toEqual(['CT-2025-Q2-bo-y-te-v1']);
    expect(read.skipped[0]!.reason.en).toContain('no longer matches');
    expect(await returnInputsFromEndpoint(config, 2025, 2, endpoint)).toEqual(read.inputs);
  });

  it('sends the token and asks for JSON', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const spy = (async (url: string | URL, init?: RequestInit) => {
      seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
      return endpoint(url, init);
    }) as typeof fetch;
    await readEndpointInputs(config, 2025, 2, spy);
    expect(seen[0]).toEqual({ url: 'http://127.0.0.1:9/api/v1/returns?year=2025', auth: 'Bearer ct_agg' });
    expect(seen).toHaveLength(4);
  });

  it('throws EndpointReadError with the status when the endpoint refuses', async () => {
    const refusing = (async () => json({ error: 'unauthorized', message: { vi: 'x', en: 'Bad token.' } }, 401)) as typeof fetch;
    const error = await readEndpointInputs(config, 2025, 2, refusing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointReadError);
    expect((error as EndpointReadError).httpStatus).toBe(401);
    const down = (async () => { throw new TypeError('fetch failed'); }) as typeof fetch;
    const unreachable = await readEndpointInputs(config, 2025, 2, down).catch((e: unknown) => e);
    expect((unreachable as EndpointReadError).httpStatus).toBeNull();
  });
});
