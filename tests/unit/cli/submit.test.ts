/**
 * `chitieu submit` as a person or a script runs it: the CLI in its own process, against a real
 * `chitieu serve` on 127.0.0.1 with its SQLite file in a temporary folder.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { RECEIPT_NAMES, tableCellName } from '../../../src/domain/cellContract';
import type { Receipt } from '../../../src/domain/payload/api';
import { RECEIPT_SHEET_NAMES } from '../../../src/layout/receiptPlan';
import { openStore } from '../../../src/server/store/openStore';
import { readReturnDataFast } from '../../../src/workbook/xlsx/fastReturn';
import { readDefinedNames } from '../../../src/workbook/xlsx/definedNames';
import { internals } from '../../../src/workbook/xlsx/internals';
import { loadXlsx } from '../../../src/workbook/xlsx/readReturn';
import { readXlsxSheet } from '../../support/readXlsx';
import { chitieu, type CliRun } from '../../support/runCli';
import { createToken, startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { CLEAN, FILLED, MINISTRY, SHEET, editWorkbook, filledReturnFile, stored } from '../check/fixtures';

jest.setTimeout(180_000);

const BIN = path.resolve(__dirname, '../../../bin/chitieu.js');
const NO_STACK = /^\s+at /m;
const RECEIPT_SHEET = RECEIPT_SHEET_NAMES.vi;

let server: ServerProcess;
let token: string;
let dir: string;
let clean: Buffer;
let withErrors: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-submit-'));
  [server, clean, withErrors] = await Promise.all([startServerProcess(), filledReturnFile(MINISTRY, 2025, stored(CLEAN)), filledReturnFile()]);
  token = await createToken(server.db, MINISTRY, 'reporter');
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const put = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  try {
    chmodSync(file, 0o644);
  } catch {
    // not there yet
  }
  writeFileSync(file, bytes);
  return name;
};
const bytesOf = (name: string) => readFileSync(path.join(dir, name));

async function versionCount(): Promise<number> {
  const store = openStore(server.db);
  try {
    return await store.countVersions();
  } finally {
    await store.close();
  }
}

/** The CLI with a chosen environment (the token from CHITIEU_TOKEN, not the command line). */
function chitieuWithEnv(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, CHITIEU_DEBUG: '', CHITIEU_TOKEN: '', CHITIEU_ENDPOINT: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}

const submit = (file: string, ...more: string[]) => chitieu(['submit', file, '--endpoint', server.url, '--token', token, ...more], dir);

/** The named cells of the receipt sheet, read back with ExcelJS. */
async function receiptCells(bytes: Buffer): Promise<Record<string, unknown> & { sheets: string[] }> {
  const workbook = await loadXlsx(bytes);
  const names = readDefinedNames(workbook);
  const cells: Record<string, unknown> = {};
  for (const name of Object.values(RECEIPT_NAMES)) {
    const at = names.get(name);
    cells[name] = at ? { sheet: at.sheetName, value: workbook.getWorksheet(at.sheetName)?.getCell(at.address).value ?? null } : undefined;
  }
  return { ...cells, sheets: workbook.worksheets.map((s) => s.name) };
}

/** What must not change in the return when the receipt is written: its sheet as the renderers are compared, and more. */
async function returnState(bytes: Buffer) {
  const workbook = await loadXlsx(bytes);
  const sheet = workbook.getWorksheet(SHEET)!;
  const read = await readReturnDataFast(bytes);
  const names = [...readDefinedNames(workbook)].filter(([name]) => !name.startsWith('CT_RECEIPT_'));
  return {
    normalized: await readXlsxSheet(bytes, SHEET),
    names: Object.fromEntries(names.map(([n, at]) => [n, `${at.sheetName}!${at.address}`])),
    protection: internals(sheet).sheetProtection,
    conditionalFormats: internals(sheet).conditionalFormattings,
    pageSetup: { ...sheet.pageSetup },
    views: sheet.views,
    columns: (sheet.columns ?? []).map((c: Partial<ExcelJS.Column>) => c.width ?? null),
    description: workbook.description,
    fills: ['A1', 'B12', 'E30', 'F30'].map((a) => JSON.stringify(sheet.getCell(a).style)),
    data: read.ok ? read.data : read,
  };
}

describe('chitieu submit', () => {
  let receiptV1: Receipt;

  it('accepted: prints the receipt, writes it into the file; the return is unchanged', async () => {
    const file = put('ret.xlsx', clean);
    const run = await submit(file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Đã gửi: máy chủ đã nhận báo cáo bo-y-te, năm 2025, quý 1\.$/m);
    expect(run.stdout).toMatch(/^ {2}Số biên nhận: CT-2025-Q1-bo-y-te-v1$/m);
    expect(run.stdout).toMatch(/^ {2}Phiên bản: 1$/m);
    expect(run.stdout).toMatch(/^ {2}Thời điểm nhận: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/m);
    expect(run.stdout).toMatch(/^ {2}Mã lần gửi: [0-9a-f-]{36}$/m);
    expect(run.stdout).toContain(`Đã ghi biên nhận vào tệp ret.xlsx (trang "${RECEIPT_SHEET}").`);
    expect(run.stdout).not.toContain('Đã nhận trước đó');
    expect(await versionCount()).toBe(1);

    const written = bytesOf(file);
    const cells = await receiptCells(written);
    expect(cells.sheets).toEqual([SHEET, RECEIPT_SHEET]);
    expect(cells[RECEIPT_NAMES.number]).toEqual({ sheet: RECEIPT_SHEET, value: 'CT-2025-Q1-bo-y-te-v1' });
    expect(cells[RECEIPT_NAMES.version]).toEqual({ sheet: RECEIPT_SHEET, value: 1 });
    expect(cells[RECEIPT_NAMES.returnId]).toEqual({ sheet: RECEIPT_SHEET, value: 'bo-y-te.2025.q1' });
    expect((cells[RECEIPT_NAMES.submissionId] as { value: string }).value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect((cells[RECEIPT_NAMES.receivedAt] as { value: string }).value).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(cells[RECEIPT_NAMES.status]).toEqual({ sheet: RECEIPT_SHEET, value: 'Đã gửi, máy chủ đã nhận' });
    const receiptSheet = (await loadXlsx(written)).getWorksheet(RECEIPT_SHEET)!;
    expect(internals(receiptSheet).sheetProtection?.sheet).toBe(true);

    // The return: its cells (values, formats, locks), names, merges, validations, protection,
    // conditional formats, print setup, styles, the workbook's properties, and what it reads as.
    expect(await returnState(written)).toEqual(await returnState(clean));
    const figure = await loadXlsx(written);
    const at = readDefinedNames(figure).get(tableCellName('2.8', 'Q1'))!;
    expect(figure.getWorksheet(at.sheetName)!.getCell(at.address).value).toBe(0.45);

    const json = await submit(file, '--format', 'json');
    receiptV1 = (JSON.parse(json.stdout) as { receipt: Receipt }).receipt;
    expect(receiptV1).toMatchObject({ receiptNumber: 'CT-2025-Q1-bo-y-te-v1', version: 1, created: false });
    expect(receiptV1.submissionId).toBe((cells[RECEIPT_NAMES.submissionId] as { value: string }).value);
  });

  it('the same file again (with its receipt, or without): the same submission, created: false, nothing stored', async () => {
    const again = await submit('ret.xlsx', '--format', 'json');
    expect(again).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['receipt', 'file', 'written']);
    expect(json).toEqual({ receipt: { ...receiptV1 }, file: 'ret.xlsx', written: true });

    const original = await submit(put('original.xlsx', clean), '--no-write');
    expect(original.code).toBe(0);
    expect(original.stdout).toMatch(/^Đã nhận trước đó: máy chủ đã có đúng báo cáo này \(bo-y-te, năm 2025, quý 1\)\.$/m);
    expect(original.stdout).toContain('Số biên nhận: CT-2025-Q1-bo-y-te-v1');
    expect(original.stdout).toContain(`Mã lần gửi: ${receiptV1.submissionId}`);
    expect(original.stdout).toContain('Đây là biên nhận của lần nhận trước; máy chủ không lưu thêm gì.');
    expect(original.stdout).not.toContain('Đã ghi biên nhận');
    expect(bytesOf('original.xlsx').equals(clean)).toBe(true);
    expect(await versionCount()).toBe(1);
  });

  it('a corrected file: version 2, its receipt replaces the first in the file', async () => {
    const corrected = await editWorkbook(bytesOf('ret.xlsx'), (wb) => {
      const at = readDefinedNames(wb).get(tableCellName('2.8', 'Q1'))!;
      wb.getWorksheet(at.sheetName)!.getCell(at.address).value = 0.46;
    });
    const run = await submit(put('ret.xlsx', corrected), '--format', 'json', '--lang', 'en');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { receipt } = JSON.parse(run.stdout) as { receipt: Receipt };
    expect(receipt).toMatchObject({ receiptNumber: 'CT-2025-Q1-bo-y-te-v2', version: 2, created: true, returnId: receiptV1.returnId });
    expect(receipt.submissionId).not.toBe(receiptV1.submissionId);
    expect(await versionCount()).toBe(2);
    const cells = await receiptCells(bytesOf('ret.xlsx'));
    // The receipt sheet follows the form's language (Vietnamese), not --lang.
    expect(cells.sheets).toEqual([SHEET, RECEIPT_SHEET]);
    expect(cells[RECEIPT_NAMES.number]).toEqual({ sheet: RECEIPT_SHEET, value: 'CT-2025-Q1-bo-y-te-v2' });
    expect(cells[RECEIPT_NAMES.version]).toEqual({ sheet: RECEIPT_SHEET, value: 2 });
  });

  it('a return with errors: the flags as validate prints them, exit 1, nothing sent', async () => {
    const file = put('errors.xlsx', withErrors);
    const run = await submit(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^errors\.xlsx: Bộ Y tế \(bo-y-te\), năm 2025, quý 2$/m);
    expect(run.stdout).toMatch(/^Lỗi \(\d+\)$/m);
    expect(run.stderr).toMatch(/^Lỗi: Biểu còn \d+ lỗi: chưa gửi\./);
    expect(run.stderr).not.toMatch(NO_STACK);
    const json = await submit(file, '--format', 'json', '--lang', 'en');
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout) as { error: { code: string; message: string }; flags: { severity: string }[] };
    expect(Object.keys(body)).toEqual(['error', 'flags', 'assessment']);
    expect(body.error).toEqual({ code: 'return-has-errors', message: expect.stringMatching(/^The return has \d+ errors: nothing was sent\./) });
    expect(body.flags.some((f) => f.severity === 'error')).toBe(true);
    expect(bytesOf(file).equals(withErrors)).toBe(true);
    expect(await versionCount()).toBe(2);
  });

  it('a wrong token: the server’s refusal in the chosen language, exit 1', async () => {
    const file = put('other.xlsx', clean);
    const run = await chitieu(['submit', file, '--endpoint', server.url, '--token', 'ct_not-a-token', '--lang', 'en'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Error: The server refused the return (HTTP 401): The token is not valid or has been revoked.');
    expect(run.stderr).toContain('Check the token (CHITIEU_TOKEN or --token)');
    expect(run.stderr).not.toContain('ct_not-a-token');
    const json = await chitieu(['submit', file, '--endpoint', server.url, '--token', 'ct_not-a-token', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'bad-token', message: expect.stringContaining('Token không hợp lệ'), httpStatus: 401 } });
    expect(bytesOf(file).equals(clean)).toBe(true);
    expect(await versionCount()).toBe(2);
  });

  it('the server down: says nothing answers, tries again, leaves the file alone, exit 1', async () => {
    const down = await startServerProcess();
    const downToken = await createToken(down.db, MINISTRY, 'reporter');
    await down.stop();
    const file = put('down.xlsx', clean);
    const run = await chitieu(['submit', file, '--endpoint', down.url, '--token', downToken, '--retries', '1'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Lần gửi 1\/2 không thành: không có máy chủ nào trả lời ở http:\/\/127\.0\.0\.1:\d+ .*Thử lại sau 1 giây…$/m);
    expect(run.stderr).toMatch(/Lỗi: Không gửi được tới http:\/\/127\.0\.0\.1:\d+ sau 2 lần thử: không có máy chủ nào trả lời/);
    expect(run.stderr).toContain('gửi lại cùng tệp là an toàn');
    expect(run.stderr).not.toMatch(NO_STACK);
    const json = await chitieu(['submit', file, '--endpoint', down.url, '--token', downToken, '--retries', '0', '--format', 'json', '--lang', 'en'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'unreachable', message: expect.stringMatching(/^Could not send to http:\/\/127\.0\.0\.1:\d+ after 1 attempts: nothing answers at/), httpStatus: null, attempts: 1 },
    });
    expect(bytesOf(file).equals(clean)).toBe(true);
  });

  it('a read-only file: the receipt printed, a warning that it could not be written, exit 0', async () => {
    const corrected = await filledReturnFile(MINISTRY, 2025, { ...stored(CLEAN), CT_CONTACT_PHONE: '0243 846 2132' });
    const file = put('readonly.xlsx', corrected);
    chmodSync(path.join(dir, file), 0o444);
    const run = await submit(file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Số biên nhận: CT-2025-Q1-bo-y-te-v3');
    expect(run.stdout).not.toContain('Đã ghi biên nhận');
    expect(run.stderr).toBe('Cảnh báo: báo cáo đã được nhận, nhưng không ghi được biên nhận vào tệp readonly.xlsx: tệp chỉ đọc. Hãy lưu lại số biên nhận ở trên.\n');
    expect(bytesOf(file).equals(corrected)).toBe(true);
    expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o444);
    const json = await submit(file, '--format', 'json', '--lang', 'en');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ receipt: { version: 3, created: false }, written: false, warning: expect.stringContaining('the file is read-only') });
    expect(await versionCount()).toBe(3);
  });

  it('the token and endpoint from CHITIEU_TOKEN and CHITIEU_ENDPOINT', async () => {
    const file = put('env.xlsx', clean);
    const run = await chitieuWithEnv(['submit', file, '--format', 'json', '--no-write'], { CHITIEU_TOKEN: token, CHITIEU_ENDPOINT: `${server.url}/api/v1/` });
    expect(run.code).toBe(0);
    // The first content again, after two corrections: received before as version 1; version 3 stays current.
    expect(JSON.parse(run.stdout)).toEqual({ receipt: { ...receiptV1, created: false }, file: 'env.xlsx', written: false, latestVersion: 3 });
    expect(run.stderr).toBe('Cảnh báo: nội dung này là phiên bản 1, nhưng trên máy chủ đã có phiên bản 3 (nội dung khác, gửi sau): máy chủ vẫn coi phiên bản 3 là bản hiện hành.\n');
    expect(bytesOf(file).equals(clean)).toBe(true);
    const none = await chitieuWithEnv(['submit', file, '--endpoint', server.url], {});
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('Lỗi: Thiếu token: đặt biến môi trường CHITIEU_TOKEN (hoặc thêm --token <token>) với token cơ quan tổng hợp đã cấp cho đơn vị.\n');
  });

  it('a bad endpoint address: a sentence, exit 1, nothing read or sent', async () => {
    const run = await chitieu(['submit', 'ret.xlsx', '--endpoint', 'chitieu.example.gov.vn', '--token', token, '--lang', 'en'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: "chitieu\.example\.gov\.vn" is not an endpoint address: give it in full, starting with https:\/\//);
    expect(run.stderr).not.toContain(token);
  });
});
