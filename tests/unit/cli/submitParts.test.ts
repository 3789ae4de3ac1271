/**
 * The parts of `chitieu submit` that need no real endpoint: the receipt sheet written with ExcelJS,
 * the endpoint address, network failures as sentences; and, in-process against a stub HTTP
 * server, the answers a real `chitieu serve` does not give on demand (503 then accepted, an
 * unreadable receipt, a web server that is no endpoint).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyUnreachable, contentPayload, localTime, parseEndpoint } from '../../../src/cli/commands/submit';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/run';
import { RECEIPT_NAMES } from '../../../src/domain/cellContract';
import { receiptNumberOf, returnIdOf, type Receipt } from '../../../src/domain/payload/api';
import { validateReturn } from '../../../src/domain/validate/validateReturn';
import { receiptPlan, RECEIPT_SHEET_NAMES } from '../../../src/layout/receiptPlan';
import { CHECK_SHEET_NAME } from '../../../src/workbook/excel/check/checkSheet';
import { UserFacingError } from '../../../src/workbook/port';
import { readReturnDataFast } from '../../../src/workbook/xlsx/fastReturn';
import { readDefinedNames } from '../../../src/workbook/xlsx/definedNames';
import { readPlanProperties } from '../../../src/workbook/xlsx/properties';
import { loadXlsx } from '../../../src/workbook/xlsx/readReturn';
import { withReceiptSheet } from '../../../src/workbook/xlsx/receipt';
import { catalogue, CLEAN, editWorkbook, filledReturnFile, MINISTRY, SHEET, stored, units } from '../check/fixtures';

jest.setTimeout(60_000);

const receipt = (version: number, created = true): Receipt => ({
  receiptNumber: receiptNumberOf(2025, 1, MINISTRY, version),
  returnId: returnIdOf(MINISTRY, 2025, 1),
  submissionId: '0b08c9d7-9138-402a-a34b-d7d7715dfda5',
  unitId: MINISTRY,
  year: 2025,
  quarter: 1,
  version,
  receivedAt: '2025-04-02T09:05:00.000Z',
  created,
});
const plan = (version: number, lang: 'vi' | 'en' = 'vi') => receiptPlan({ status: 'accepted', receipt: receipt(version), unitName: 'Bộ Y tế' }, lang);

let clean: Buffer;
beforeAll(async () => {
  clean = await filledReturnFile(MINISTRY, 2025, stored(CLEAN));
});

async function idOf(bytes: Buffer): Promise<string> {
  const read = await readReturnDataFast(bytes);
  if (!read.ok) throw new Error('not a return');
  const check = validateReturn(read.data, { catalogue, units });
  return contentPayload(read.data, check, 1, new Date().toISOString()).submissionId;
}

describe('the receipt sheet in a return file', () => {
  it('is added after the return; reading the file gives the same return, so the same submission id', async () => {
    const written = await withReceiptSheet(clean, plan(1));
    const workbook = await loadXlsx(written);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET, RECEIPT_SHEET_NAMES.vi]);
    const names = readDefinedNames(workbook);
    expect(names.get(RECEIPT_NAMES.number)).toEqual({ sheetName: RECEIPT_SHEET_NAMES.vi, address: expect.any(String) });
    expect(readPlanProperties(workbook)).toEqual(readPlanProperties(await loadXlsx(clean)));
    expect(await idOf(written)).toBe(await idOf(clean));
    const again = await readReturnDataFast(written);
    const first = await readReturnDataFast(clean);
    expect(again).toEqual(first);
  });

  it('replaces an earlier receipt, also one in the other language, in its place; other sheets stay', async () => {
    const withCheck = await editWorkbook(clean, (wb) => {
      wb.addWorksheet(CHECK_SHEET_NAME).getCell('A1').value = 'kiểm tra';
    });
    const english = await withReceiptSheet(withCheck, plan(1, 'en'));
    const moved = await editWorkbook(english, (wb) => {
      // The receipt before the check sheet: the new one must take its place.
      const receiptSheet = wb.getWorksheet(RECEIPT_SHEET_NAMES.en)! as unknown as { orderNo: number };
      const check = wb.getWorksheet(CHECK_SHEET_NAME)! as unknown as { orderNo: number };
      [receiptSheet.orderNo, check.orderNo] = [check.orderNo, receiptSheet.orderNo];
    });
    expect((await loadXlsx(moved)).worksheets.map((s) => s.name)).toEqual([SHEET, RECEIPT_SHEET_NAMES.en, CHECK_SHEET_NAME]);
    const replaced = await withReceiptSheet(moved, plan(2));
    const workbook = await loadXlsx(replaced);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET, RECEIPT_SHEET_NAMES.vi, CHECK_SHEET_NAME]);
    expect(workbook.getWorksheet(CHECK_SHEET_NAME)!.getCell('A1').value).toBe('kiểm tra');
    const names = readDefinedNames(workbook);
    const at = names.get(RECEIPT_NAMES.version)!;
    expect(at.sheetName).toBe(RECEIPT_SHEET_NAMES.vi);
    expect(workbook.getWorksheet(at.sheetName)!.getCell(at.address).value).toBe(2);
    expect([...names.values()].filter((n) => n.sheetName === RECEIPT_SHEET_NAMES.en)).toEqual([]);
    expect(await idOf(replaced)).toBe(await idOf(withCheck));
  });

  it('never replaces a sheet that holds other data under the receipt’s name', async () => {
    const taken = await editWorkbook(clean, (wb) => {
      const sheet = wb.addWorksheet(RECEIPT_SHEET_NAMES.vi);
      sheet.getCell('A1').value = 'ghi chú';
      wb.definedNames.add(`'${RECEIPT_SHEET_NAMES.vi}'!$A$1`, 'MY_NOTE');
    });
    await expect(withReceiptSheet(taken, plan(1))).rejects.toThrow(UserFacingError);
  });
});

describe('submit’s helpers', () => {
  it('parseEndpoint: http(s) only, no query or credentials; a copied /api/v1 is taken off', () => {
    expect(parseEndpoint('https://chitieu.example.gov.vn').toString()).toBe('https://chitieu.example.gov.vn/');
    expect(parseEndpoint(' https://x.gov.vn/chitieu/api/v1/ ').toString()).toBe('https://x.gov.vn/chitieu');
    expect(parseEndpoint('http://127.0.0.1:8787/API/V1').toString()).toBe('http://127.0.0.1:8787/');
    for (const bad of ['chitieu.gov.vn', 'ftp://x.gov.vn', 'https://x.gov.vn/?a=1', 'https://u:p@x.gov.vn', 'https://x.gov.vn/#a', '']) {
      expect(() => parseEndpoint(bad)).toThrow(UserFacingError);
    }
  });

  it('classifyUnreachable: Node’s network codes and the client’s reasons', () => {
    const u = (reason: string, httpStatus: number | null = null) => classifyUnreachable({ status: 'unreachable', reason, httpStatus });
    expect(u('ECONNREFUSED')).toBe('refused');
    expect(u('ENOTFOUND')).toBe('notFound');
    expect(u('EAI_AGAIN')).toBe('notFound');
    expect(u('timeout')).toBe('timeout');
    expect(u('HTTP 503', 503)).toBe('server');
    expect(u('unreadable receipt', 201)).toBe('unreadable');
    expect(u('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('certificate');
    expect(u('ECONNRESET')).toBe('reset');
    expect(u('fetch failed')).toBe('other');
  });

  it('localTime: the instant in this computer’s zone, with the offset', () => {
    expect(localTime('2025-04-02T09:05:00.000Z')).toMatch(/^2025-04-0[23] \d\d:\d5:00 \(UTC[+-]\d\d:\d\d\)$/);
    expect(localTime('not a time')).toBe('not a time');
  });
});

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

describe('chitieu submit against a stub server (in-process)', () => {
  let dir: string;
  let stub: http.Server;
  let url: string;
  let answers: ((res: http.ServerResponse, body: string) => void)[];
  let requests: { url: string; auth: string | undefined; body: string }[];

  beforeAll(async () => {
    stub = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', auth: req.headers.authorization, body });
        (answers.shift() ?? ((r: http.ServerResponse) => r.writeHead(500).end()))(res, body);
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-submit-stub-'));
    writeFileSync(path.join(dir, 'ret.xlsx'), clean);
    answers = [];
    requests = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const json = (status: number, value: unknown) => (res: http.ServerResponse) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  const run = async (...args: string[]) => {
    const io = capture();
    const code = await runCli(['submit', 'ret.xlsx', '--endpoint', url, '--token', 'ct_stub', ...args], { io, cwd: dir });
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  };

  it('a 503, then accepted: tries again with the same submission, then prints and writes the receipt', async () => {
    answers = [json(503, { error: 'store-unavailable', message: { vi: 'x', en: 'x' } }), (res, body) => json(201, { ...receipt(1), submissionId: (JSON.parse(body) as { submissionId: string }).submissionId })(res)];
    const result = await run('--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Attempt 1\/4 failed: the server has a problem or is overloaded \(HTTP 503\)\. Trying again in 1 s…\n$/);
    expect(result.stdout).toContain('Sent: the server received the return of bo-y-te, 2025, quarter 1.');
    expect(result.stdout).toContain('The receipt was written into ret.xlsx (its sheet "Biên nhận").');
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.url)).toEqual(['/api/v1/returns', '/api/v1/returns']);
    expect(requests.map((r) => r.auth)).toEqual(['Bearer ct_stub', 'Bearer ct_stub']);
    const [a, b] = requests.map((r) => JSON.parse(r.body) as { submissionId: string });
    expect(a!.submissionId).toBe(b!.submissionId);
    expect(a!.submissionId).toBe(await idOf(clean));
    expect((await loadXlsx(readFileSync(path.join(dir, 'ret.xlsx')))).worksheets.map((s) => s.name)).toEqual([SHEET, RECEIPT_SHEET_NAMES.vi]);
  });

  it('an answer that is no receipt: may have been received, run again; exit 1, file unchanged', async () => {
    answers = [json(201, { ok: true })];
    const result = await run('--retries', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('máy chủ trả lời nhưng không đọc được biên nhận');
    expect(result.stderr).toContain('Báo cáo có thể đã được nhận: chạy lại lệnh với cùng tệp để lấy biên nhận');
    expect(readFileSync(path.join(dir, 'ret.xlsx')).equals(clean)).toBe(true);
  });

  it('a web server that is no endpoint: its status, and a hint to check the address', async () => {
    answers = [(res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>')];
    const result = await run('--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The server refused the return (HTTP 404): The server gave an unexpected answer (HTTP 404): <html>Not Found</html>.');
    expect(result.stderr).toContain(`Check the endpoint address: is ${url} the chitieu endpoint?`);
  });

  it('no answer within --timeout: says so, exit 1', async () => {
    answers = [(res) => setTimeout(() => res.writeHead(500).end(), 2500)];
    const result = await run('--timeout', '1', '--retries', '0', '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('after 1 attempts: the server did not answer within 1 seconds.');
  });

  it('the server’s own flags (422), each where it is in the file', async () => {
    const refusal = json(422, {
      error: 'has-errors',
      message: { vi: 'Báo cáo còn 1 lỗi, chưa thể tiếp nhận.', en: 'The return has 1 errors and cannot be accepted.' },
      flags: [{ rule: 'figure.range', severity: 'error', cellName: 'CT_2_8_Q1', key: 'figure.range:CT_2_8_Q1', message: { vi: 'Ngoài khoảng', en: 'Out of range' } }],
    });
    answers = [refusal, refusal];
    const result = await run('--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: The server refused the return \(HTTP 422\): The return has 1 errors and cannot be accepted\.\n {2}\[CT_2_8_Q1 · E\d+\] Out of range\n$/);
    const asJson = await run('--format', 'json');
    expect(JSON.parse(asJson.stdout)).toEqual({
      error: {
        code: 'has-errors',
        message: 'Báo cáo còn 1 lỗi, chưa thể tiếp nhận.',
        httpStatus: 422,
        flags: [{ rule: 'figure.range', severity: 'error', cellName: 'CT_2_8_Q1', message: 'Ngoài khoảng' }],
      },
    });
  });

  it('warns when the token would travel over plain http to another machine', async () => {
    const io = capture();
    const code = await runCli(['submit', 'missing.xlsx', '--endpoint', 'http://chitieu.example.gov.vn', '--token', 'ct_x'], { io, cwd: dir });
    expect(code).toBe(2);
    expect(io.stderr()).toMatch(/^Cảnh báo: chitieu\.example\.gov\.vn dùng http:\/\/, không mã hóa/);
  });
});
