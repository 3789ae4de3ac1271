/**
 * `chitieu merge` over a folder as the department's inbox really is (its own process): returns,
 * an older version of one, a return with errors, a return for another quarter, damaged files, and
 * what a folder may also hold — a symbolic link to a return elsewhere (read), a broken link, a
 * link to a folder, a link to /dev/zero and a FIFO (each listed with its reason, none read, none
 * blocking), a return whose unit id is 30,000 characters, and two versions of a return deep in
 * folders with long names (the older one's reason names the later one's path: bounded). The report
 * counts older versions apart from files that could not be used, in text and in JSON; `--strict`
 * skips the return with errors.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HEADER_NAMES, tableCellName } from '../../../src/domain/cellContract';
import { MAX_REASON_LENGTH } from '../../../src/domain/summary/skipped';
import { filledReturn, nudgedCopy } from '../../../scripts/lib/filledReturns';

jest.setTimeout(180_000);

const BIN = path.resolve(__dirname, '../../../bin/chitieu.js');
/** Far more than a merge of a dozen files takes: only a file that blocks would reach it. */
const HANG_MS = 60_000;

interface Run {
  code: number | null;
  killed: boolean;
  stdout: string;
  stderr: string;
}

/** As tests/support/runCli.ts runs the command line, but killed if it hangs (a FIFO read without O_NONBLOCK would). */
function chitieu(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const options = { cwd, timeout: HANG_MS, killSignal: 'SIGKILL' as const, env: { ...process.env, CHITIEU_DEBUG: '' } };
    execFile(process.execPath, [BIN, ...args], options, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, killed: Boolean(e?.killed), stdout, stderr });
    });
  });
}

interface JsonReport {
  used: number;
  withErrors: { file: string; unitId: string; errors: number }[];
  skipped: { file: string; kind: string; reason: string }[];
  skippedCounts: { superseded: number; failed: number; otherPeriod: number };
}

let dir: string;
/** Three folders of 200-character names: a path of some 600 characters. */
const DEEP = ['a', 'b', 'c'].map((c) => c.repeat(200)).join('/');
/** The files that cannot be used, as the report names them. */
const FAILED = [
  'returns/cut.xlsx', 'returns/fifo.xlsx', 'returns/zero.xlsx', 'returns/broken.xlsx', 'returns/folder.xlsx', 'returns/hostile.xlsx', 'fifo-arg.xlsx',
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-merge-folder-'));
  const returns = path.join(dir, 'returns');
  const elsewhere = path.join(dir, 'elsewhere');
  mkdirSync(returns);
  mkdirSync(elsewhere);
  const [btc, bct, btp, btpQ3, byt, hostile] = await Promise.all([
    filledReturn('bo-tai-chinh', { year: 2025, quarter: 2, seed: 1 }),
    filledReturn('bo-cong-thuong', { year: 2025, quarter: 2, seed: 2 }),
    filledReturn('bo-tu-phap', { year: 2025, quarter: 2, seed: 3 }),
    filledReturn('bo-tu-phap', { year: 2025, quarter: 3, seed: 4 }),
    // 2.8 Q2 150% and 1.2.OTHER Q2 empty: two errors.
    filledReturn('bo-y-te', { year: 2025, quarter: 2, cells: { [tableCellName('2.8', 'Q2')]: 1.5, [tableCellName('1.2.OTHER', 'Q2')]: null } }),
    filledReturn('bo-y-te', { year: 2025, quarter: 2, cells: { [HEADER_NAMES.unitId]: 'x'.repeat(30_000) } }),
  ]);
  // Two versions of one return, undated: the name that sorts last is the later one.
  writeFileSync(path.join(returns, 'bo-tai-chinh-1.xlsx'), nudgedCopy(btc, 0.01));
  writeFileSync(path.join(returns, 'bo-tai-chinh-2.xlsx'), btc);
  writeFileSync(path.join(returns, 'bo-cong-thuong.xlsx'), bct);
  writeFileSync(path.join(returns, 'bo-y-te.xlsx'), byt);
  writeFileSync(path.join(returns, 'bo-tu-phap-q3.xlsx'), btpQ3);
  writeFileSync(path.join(returns, 'hostile.xlsx'), hostile);
  writeFileSync(path.join(returns, 'cut.xlsx'), btc.subarray(0, btc.length >> 1));
  writeFileSync(path.join(elsewhere, 'bo-tu-phap.xlsx'), btp);
  symlinkSync(path.join(elsewhere, 'bo-tu-phap.xlsx'), path.join(returns, 'linked.xlsx'));
  symlinkSync(path.join(elsewhere, 'gone.xlsx'), path.join(returns, 'broken.xlsx'));
  symlinkSync(elsewhere, path.join(returns, 'folder.xlsx'));
  symlinkSync('/dev/zero', path.join(returns, 'zero.xlsx'));
  execFileSync('mkfifo', [path.join(returns, 'fifo.xlsx'), path.join(dir, 'fifo-arg.xlsx')]);
  const nhnn = await filledReturn('ngan-hang-nha-nuoc', { year: 2025, quarter: 2, seed: 5 });
  mkdirSync(path.join(dir, DEEP), { recursive: true });
  writeFileSync(path.join(dir, DEEP, 'nhnn-1.xlsx'), nudgedCopy(nhnn, 0.01));
  writeFileSync(path.join(dir, DEEP, 'nhnn-2.xlsx'), nhnn);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const merge = (out: string, ...extra: string[]) =>
  chitieu(['merge', 'returns', 'fifo-arg.xlsx', DEEP, '--year', '2025', '--quarter', '2', '--out', out, ...extra], dir);

describe('chitieu merge over a folder with links, a FIFO and incomplete returns', () => {
  it('finishes, reads the linked return, lists every file it cannot use with its reason, and counts them apart (JSON)', async () => {
    const run = await merge('summary.json.xlsx', '--format', 'json', '--lang', 'en');
    expect(run.killed).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    // bo-tai-chinh and ngan-hang-nha-nuoc (their later versions), bo-cong-thuong, bo-y-te (with errors), bo-tu-phap (through the link).
    expect(report.used).toBe(5);
    expect(report.withErrors).toEqual([{ file: 'returns/bo-y-te.xlsx', unitId: 'bo-y-te', errors: 2 }]);
    expect(report.skippedCounts).toEqual({ superseded: 2, failed: FAILED.length, otherPeriod: 1 });
    const kinds = Object.fromEntries(report.skipped.map((s) => [s.file, s.kind]));
    expect(kinds['returns/bo-tai-chinh-1.xlsx']).toBe('superseded');
    expect(kinds[`${DEEP}/nhnn-1.xlsx`]).toBe('superseded');
    expect(kinds['returns/bo-tu-phap-q3.xlsx']).toBe('otherPeriod');
    expect(report.skipped.filter((s) => s.kind === 'failed').map((s) => s.file).sort()).toEqual([...FAILED].sort());
    expect(kinds['returns/linked.xlsx']).toBeUndefined();
    const reason = (file: string) => report.skipped.find((s) => s.file === file)!.reason;
    expect(reason('returns/fifo.xlsx')).toMatch(/not a regular file/i);
    expect(reason('fifo-arg.xlsx')).toMatch(/not a regular file/i);
    expect(reason('returns/zero.xlsx')).toMatch(/not a regular file/i);
    expect(reason('returns/broken.xlsx')).toMatch(/broken symbolic link/);
    expect(reason('returns/folder.xlsx')).toMatch(/link to a folder/);
    for (const s of report.skipped) expect(Array.from(s.reason).length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    // The older version's reason names the later one's 600-character path: cut, and says so.
    expect(reason(`${DEEP}/nhnn-1.xlsx`)).toMatch(/^An earlier version; the later one \(a{200}\/.*…$/);
  });

  it('says in text how many older versions and how many files that could not be used (Vietnamese)', async () => {
    const run = await merge('summary.vi.xlsx');
    expect(run.killed).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dùng 5 báo cáo');
    expect(run.stdout).toContain('2 phiên bản cũ hơn (đã thay bằng bản mới)');
    expect(run.stdout).toContain(`${FAILED.length} tệp không đọc được`);
    expect(run.stdout).toContain('1 báo cáo của kỳ khác');
    expect(run.stdout).toMatch(/returns\/bo-y-te\.xlsx: 2 lỗi/);
    expect(run.stdout).not.toMatch(/bỏ qua \d+ tệp/);
    for (const file of FAILED) expect(run.stdout).toContain(`  - ${file}: `);
    // A line is a file's name and its bounded reason.
    for (const line of run.stdout.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(MAX_REASON_LENGTH + DEEP.length + 40);
  });

  it('and in English', async () => {
    const run = await merge('summary.en.xlsx', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 returns used');
    expect(run.stdout).toContain('2 older versions (replaced by later ones)');
    expect(run.stdout).toContain(`${FAILED.length} files could not be read`);
    expect(run.stdout).toContain('1 return for another period');
  });

  it('--strict skips the return with errors, as a failure with its error count', async () => {
    const run = await merge('summary.strict.xlsx', '--format', 'json', '--lang', 'en', '--strict');
    expect(run.killed).toBe(false);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.used).toBe(4);
    expect(report.withErrors).toEqual([]);
    expect(report.skippedCounts).toEqual({ superseded: 2, failed: FAILED.length + 1, otherPeriod: 1 });
    const byt = report.skipped.find((s) => s.file === 'returns/bo-y-te.xlsx');
    expect(byt).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/\b2 errors\b/) });
    // Worker threads read with the same choice.
    const threaded = await merge('summary.strict2.xlsx', '--format', 'json', '--lang', 'en', '--strict', '--threads', '2');
    expect({ ...(JSON.parse(threaded.stdout) as object), out: null }).toEqual({ ...report, out: null });
  });

  it('writes the summary file with the errors column', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, 'summary.vi.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const values: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
    expect(values).toContain('Bộ Y tế: 1');
  });
});
