/**
 * The command line's words (issue 12, item 13): English plurals, `token create` without --role
 * pointing at its own help, an unknown --unit answered with the id meant, times in Vietnam time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { cliText } from '../../../src/cli/messages';
import { runCli } from '../../../src/cli/run';
import { unitsMeant } from '../../../src/cli/unitSuggestion';
import { loadUnits } from '../../../src/catalogue/load';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-words-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('English counts agree with their number', () => {
  expect(cliText('validateSummary', 'en', { error: 1, warning: 2, info: 0 })).toBe('Result: 1 error, 2 warnings, 0 information.');
  expect(cliText('unitsCount', 'en', { count: 1 })).toBe('1 unit.');
  expect(cliText('tokenCount', 'en', { count: 1, live: 1 })).toBe('1 token (1 live).');
  expect(cliText('validateSummary', 'vi', { error: 1, warning: 2, info: 0 })).toBe('Kết quả: 1 lỗi, 2 cảnh báo, 0 thông tin.');
});

it('token create without --role points at `chitieu token create --help`', async () => {
  const io = capture();
  expect(await runCli(['token', 'create', '--unit', 'bo-y-te', '--data-dir', dir], { io, cwd: dir })).toBe(1);
  expect(io.stderr()).toContain('chitieu token create --help');
  expect(io.stderr()).not.toMatch(/chitieu token --help/);
});

it.each([
  ['Bộ Y tế', 'bo-y-te'],
  ['bo-yte', 'bo-y-te'],
  ['bo y te', 'bo-y-te'],
])('--unit %p: the message names %s', async (typed, id) => {
  const io = capture();
  expect(await runCli(['template', '--unit', typed, '--year', '2025', '--out', path.join(dir, 'x.xlsx')], { io, cwd: dir })).toBe(1);
  expect(io.stderr()).toContain(`Có phải là: ${id} (`);
  const reporter = capture();
  expect(await runCli(['token', 'create', '--unit', typed, '--role', 'reporter', '--data-dir', dir, '--lang', 'en'], { io: reporter, cwd: dir })).toBe(1);
  expect(reporter.stderr()).toContain(`Did you mean: ${id} (`);
});

it('no guess when nothing is close, or too much is', () => {
  const units = loadUnits().units;
  expect(unitsMeant(units, 'xyzzy')).toEqual([]);
  expect(unitsMeant(units, 'tinh').length).toBe(0);
});

it('token list shows times in Vietnam time; JSON keeps ISO 8601', async () => {
  const create = capture();
  expect(await runCli(['token', 'create', '--unit', 'bo-y-te', '--role', 'reporter', '--data-dir', dir], { io: create, cwd: dir })).toBe(0);
  const list = capture();
  expect(await runCli(['token', 'list', '--data-dir', dir], { io: list, cwd: dir })).toBe(0);
  expect(list.stdout()).toContain('Cấp lúc (giờ Việt Nam)');
  expect(list.stdout()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  expect(list.stdout()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  const json = capture();
  await runCli(['token', 'list', '--data-dir', dir, '--format', 'json'], { io: json, cwd: dir });
  expect((JSON.parse(json.stdout()) as { createdAt: string }[])[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});
