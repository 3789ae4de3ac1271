import { loadUnits, unitsForYear } from '../../../src/catalogue/load';
import type { CliCommand } from '../../../src/cli/command';
import { COMMANDS } from '../../../src/cli/commands';
import type { CliIO } from '../../../src/cli/io';
import { langFromArgv } from '../../../src/cli/lang';
import { formatTable } from '../../../src/cli/output';
import { runCli } from '../../../src/cli/run';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

describe('the command line, run in-process', () => {
  it('lists the units as an aligned table, and only a year’s units with --year', async () => {
    const io = capture();
    expect(await runCli(['units'], { io })).toBe(0);
    const lines = io.stdout().trimEnd().split('\n');
    const units = loadUnits().units;
    expect(lines).toHaveLength(units.length + 3);
    const nameColumn = lines[0]!.indexOf('Tên');
    units.forEach((u, i) => expect([u.id, [...lines[i + 2]!].slice(nameColumn).join('').startsWith(u.name.vi)]).toEqual([u.id, true]));

    const year = 2025;
    const json = capture();
    expect(await runCli(['units', '--year', String(year), '--format', 'json'], { io: json })).toBe(0);
    expect((JSON.parse(json.stdout()) as { id: string }[]).map((u) => u.id)).toEqual(unitsForYear(loadUnits(), year).map((u) => u.id));
  });

  it('reports an unexpected failure with exit 2, and the stack only when asked', async () => {
    const failing: CliCommand = {
      name: 'boom',
      register: (program) => program.command('boom').action(() => {
        throw new Error('disk on fire');
      }),
    };
    const io = capture();
    expect(await runCli(['boom'], { io, commands: [...COMMANDS, failing] })).toBe(2);
    expect(io.stderr()).toContain('disk on fire');
    expect(io.stderr()).not.toMatch(/^\s+at /m);
    process.env.CHITIEU_DEBUG = '1';
    try {
      const debug = capture();
      expect(await runCli(['boom'], { io: debug, commands: [...COMMANDS, failing] })).toBe(2);
      expect(debug.stderr()).toMatch(/^\s+at /m);
    } finally {
      delete process.env.CHITIEU_DEBUG;
    }
  });

  it('turns commander’s own errors into sentences in the chosen language', async () => {
    const vi = capture();
    expect(await runCli(['units', '--colour'], { io: vi })).toBe(1);
    expect(vi.stderr()).toBe('Lỗi: Tùy chọn không hợp lệ: --colour. Xem: chitieu units --help\n');
    const en = capture();
    expect(await runCli(['--lang', 'en', 'unit'], { io: en })).toBe(1);
    expect(en.stderr()).toBe('Error: There is no command "unit". Did you mean units? See: chitieu --help\n');
    const lang = capture();
    expect(await runCli(['units', '--lang', 'fr'], { io: lang })).toBe(1);
    expect(lang.stderr()).toContain('--lang vi');
  });

  it('shows help without a command, and exits 1 (nothing was done)', async () => {
    const io = capture();
    expect(await runCli([], { io })).toBe(1);
    expect(io.stderr()).toContain('Cách dùng: chitieu');
  });
});

describe('output helpers', () => {
  it('aligns columns by what a terminal shows, also for decomposed Vietnamese', () => {
    const decomposed = 'Bộ Y tế'.normalize('NFD');
    const table = formatTable(['Mã', 'Tên', 'Loại'], [['bo-y-te', decomposed, 'bộ'], ['x', 'Tỉnh Lào Cai', 'tỉnh']]);
    const [header, , first, second] = table.split('\n').map((l) => [...l.normalize('NFC')]);
    const kindAt = header!.join('').indexOf('Loại');
    expect(first!.join('').indexOf('bộ')).toBe(kindAt);
    expect(second!.join('').indexOf('tỉnh')).toBe(kindAt);
  });

  it('finds the language on the command line before parsing; the last --lang wins', () => {
    expect(langFromArgv([])).toBe('vi');
    expect(langFromArgv(['units', '--lang', 'en'])).toBe('en');
    expect(langFromArgv(['--lang=en', 'units', '--lang', 'vi'])).toBe('vi');
    expect(langFromArgv(['units', '--lang', 'fr'])).toBe('vi');
  });
});
