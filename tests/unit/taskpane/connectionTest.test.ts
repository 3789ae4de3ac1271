/**
 * "Kiểm tra kết nối" against a real `chitieu serve` (issue 12, items 3 and 4): the address and
 * the token are each tested, and the answer says which is wrong, in the person's language —
 * never "Failed to fetch" or "HTTP 401".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { testConnection, verdictText, type ConnectionVerdict } from '../../../src/taskpane/submit/connectionTest';
import { createToken, startServerProcess, tempDbFile, type ServerProcess } from '../../support/serverProcess';

jest.setTimeout(60_000);

let server: ServerProcess;
let reporter: string;
let otherUnit: string;
let notChitieu: http.Server;
let notChitieuUrl: string;

beforeAll(async () => {
  const db = tempDbFile();
  reporter = await createToken(db, 'bo-y-te', 'reporter', 'test');
  otherUnit = await createToken(db, 'bo-tai-chinh', 'reporter', 'test');
  server = await startServerProcess({ db });
  // Some other web server: it answers, with HTML.
  notChitieu = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>intranet</html>'));
  await new Promise<void>((resolve) => notChitieu.listen(0, '127.0.0.1', resolve));
  notChitieuUrl = `http://127.0.0.1:${(notChitieu.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((r) => notChitieu?.close(r));
});

/** A port nothing listens on: one we opened and closed. */
async function deadAddress(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}

const kind = (v: ConnectionVerdict) => v.kind;

describe('the connection test says which part is wrong', () => {
  it('right address and the unit’s own token: connected', async () => {
    expect(kind(await testConnection(server.url, reporter, 'bo-y-te'))).toBe('ok');
    // Without a return in the workbook the unit is not known: the token is still tested.
    expect(kind(await testConnection(server.url, reporter, null))).toBe('ok');
  });

  it('a wrong token is refused (the old test said “connected”)', async () => {
    const verdict = await testConnection(server.url, 'ct_not-a-token', 'bo-y-te');
    expect(kind(verdict)).toBe('tokenRefused');
    expect(verdictText(verdict, 'vi')).toMatch(/không nhận mã truy cập/);
    expect(verdictText(verdict, 'en')).toMatch(/refuses the token/);
  });

  it('another unit’s token: the server’s sentence names the token’s unit', async () => {
    const verdict = await testConnection(server.url, otherUnit, 'bo-y-te');
    expect(verdict).toMatchObject({ kind: 'tokenForbidden' });
    expect(verdictText(verdict, 'vi')).toContain('bo-tai-chinh');
  });

  it('no token entered', async () => {
    expect(kind(await testConnection(server.url, '  ', 'bo-y-te'))).toBe('noToken');
  });

  it('nothing answers at the address, or something that is not chitieu does', async () => {
    const dead = await testConnection(await deadAddress(), reporter, 'bo-y-te');
    expect(kind(dead)).toBe('unreachable');
    expect(verdictText(dead, 'vi')).toMatch(/^Máy chủ không trả lời/);
    expect(kind(await testConnection(notChitieuUrl, reporter, 'bo-y-te'))).toBe('notChitieu');
    expect(kind(await testConnection('chitieu.gov.vn', reporter, 'bo-y-te'))).toBe('badUrl');
  });

  it('no answer ever shows the browser’s or HTTP’s own words', async () => {
    const verdicts = [
      await testConnection(await deadAddress(), reporter, null),
      await testConnection(server.url, 'ct_wrong', null),
      await testConnection(notChitieuUrl, reporter, null),
    ];
    for (const v of verdicts) for (const lang of ['vi', 'en'] as const) expect(verdictText(v, lang)).not.toMatch(/fetch|HTTP \d|ECONNREFUSED/i);
  });
});
