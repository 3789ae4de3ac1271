import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chitieu } from '../../support/runCli';
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { HEADER_NAMES } from '../../../src/domain/cellContract';
import { readXlsxSheet } from '../../support/readXlsx';


const catalogue = loadCatalogue();
const health = loadUnits().units.find((u) => u.name.vi === 'Bộ Y tế')!;
const year = catalogue.years[0]!;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NO_STACK = /^\s+at /m;

describe('chitieu template', () => {
  it('writes the return, says where, and sums up what the unit must fill', async () => {
    const run = await chitieu(['template', '--unit', health.id, '--year', String(year), '--out', 'ret.xlsx'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = path.join(dir, 'ret.xlsx');
    expect(run.stdout).toContain(out);
    expect(run.stdout).toContain(`${health.name.vi} (${health.id}), năm ${year}: ${health.fills.length} dòng`);
    expect(readdirSync(dir)).toEqual(['ret.xlsx']);
    const sheet = await readXlsxSheet(readFileSync(out));
    expect(sheet.cells[sheet.names[HEADER_NAMES.unitId]!]!.value).toBe(health.id);
    expect(sheet.protected).toBe(true);
  });

  it('refuses a year without targets: exit 1, one sentence, no file', async () => {
    const run = await chitieu(['template', '--unit', health.id, '--year', '2030', '--out', 'ret.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Danh mục chưa có mục tiêu cho năm 2030');
    expect(run.stderr).toContain(catalogue.years.join(', '));
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unknown unit in the chosen language, pointing to `chitieu units`; no file', async () => {
    const vi = await chitieu(['template', '--unit', 'bo-khong-co', '--year', String(year), '--out', 'ret.xlsx'], dir);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatch(/^Lỗi: Không có đơn vị báo cáo mã "bo-khong-co".*chitieu units/);
    const en = await chitieu(['template', '--unit', 'bo-khong-co', '--year', String(year), '--out', 'ret.xlsx', '--lang', 'en'], dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/^Error: There is no reporting unit with id "bo-khong-co".*chitieu units/);
    expect(en.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps an existing file unless --force is given', async () => {
    const out = path.join(dir, 'ret.xlsx');
    writeFileSync(out, 'a filled-in return');
    const refused = await chitieu(['template', '--unit', health.id, '--year', String(year), '--out', out], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('a filled-in return');
    const forced = await chitieu(['template', '--unit', health.id, '--year', String(year), '--out', out, '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir)).toEqual(['ret.xlsx']);
  });

  it('treats bad arguments as user errors (exit 1) with a pointer to --help', async () => {
    const missing = await chitieu(['template', '--year', String(year), '--out', 'ret.xlsx'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--unit');
    expect(missing.stderr).toContain('chitieu template --help');
    const badYear = await chitieu(['template', '--unit', health.id, '--year', 'năm nay', '--out', 'ret.xlsx'], dir);
    expect(badYear.code).toBe(1);
    expect(badYear.stderr).toContain('không hợp lệ');
    const badOut = await chitieu(['template', '--unit', health.id, '--year', String(year), '--out', 'ret.xls'], dir);
    expect(badOut.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('chitieu units', () => {
  it('prints JSON that parses and lists Bộ Y tế with the rows it fills', async () => {
    const run = await chitieu(['units', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const units = JSON.parse(run.stdout) as { id: string; name: string; kind: string; fills: string[] }[];
    expect(units.map((u) => u.id)).toEqual(loadUnits().units.map((u) => u.id));
    const moh = units.find((u) => u.name === 'Bộ Y tế')!;
    expect(moh).toMatchObject({ id: health.id, kind: 'ministry', fills: health.fills });
    expect(moh.fills).toEqual(expect.arrayContaining(['2.8', '2.9']));
  });
});

describe('--help', () => {
  it.each([[[]], [['units']], [['template']]])('works on %j', async (command) => {
    const run = await chitieu([...command, '--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Cách dùng: chitieu ${command.join(' ')}`.trimEnd());
    expect(run.stdout).toContain('--lang');
  });

  it('speaks English with --lang en', async () => {
    const run = await chitieu(['template', '--help', '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: chitieu template');
    expect(run.stdout).toContain('--unit <id>');
  });
});
