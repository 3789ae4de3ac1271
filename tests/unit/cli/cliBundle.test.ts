/**
 * bin/cliBundle.js: the compiled command line is rebuilt whenever one of its sources changed, and
 * gives way to the sources (null) when it cannot be built — never runs stale code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundler } = require('../../../bin/cliBundle.js') as {
  bundler(options: { root: string; folder: string; entries: Record<string, string>; ownFile?: string[] }): {
    bundleEntry(): string | null;
    freshEntry(): string | null;
    build(): string;
    dist: string;
  };
};

let root: string;
const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
const run = (entry: string) => execFileSync(process.execPath, [entry], { encoding: 'utf8' }).trim();

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'chitieu-bundle-'));
  write('main.ts', "import { word } from './word';\nconsole.log(word);\n");
  write('word.ts', "export const word: string = 'một';\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const make = () => bundler({ root, folder: 'cli', entries: { main: 'main.ts' } });

test('builds the bundle when there is none, then finds it fresh', () => {
  const b = make();
  expect(b.freshEntry()).toBeNull();
  const entry = b.bundleEntry();
  expect(entry).toBe(path.join(root, 'dist/cli/main.cjs'));
  expect(run(entry!)).toBe('một');
  expect(b.freshEntry()).toBe(entry);
});

test('a changed source (even an imported one) makes it stale, and the next start rebuilds it', () => {
  const b = make();
  b.build();
  write('word.ts', "export const word: string = 'hai';\n");
  expect(b.freshEntry()).toBeNull();
  expect(run(b.bundleEntry()!)).toBe('hai');
});

test('a source touched without a change in size is seen too (its modification time)', () => {
  const b = make();
  b.build();
  write('word.ts', "export const word: string = 'mot';\n");
  const later = new Date(Date.now() + 5000);
  utimesSync(path.join(root, 'word.ts'), later, later);
  expect(b.freshEntry()).toBeNull();
  expect(run(b.bundleEntry()!)).toBe('mot');
});

test('a deleted source makes it stale', () => {
  const b = make();
  b.build();
  rmSync(path.join(root, 'word.ts'));
  expect(b.freshEntry()).toBeNull();
});

test('a source that does not compile gives no bundle (the caller runs the sources, which report the error)', () => {
  const b = make();
  write('word.ts', 'export const word = ;\n');
  expect(b.bundleEntry()).toBeNull();
  expect(existsSync(path.join(root, 'dist/cli/main.cjs'))).toBe(false);
});

test('a package given its own file is bundled there (with what it requires) and required from beside the entry', () => {
  // A package the project depends on ("sach"), which requires one the project does not ("trang").
  for (const [name, main] of [['sach', "module.exports = { title: 'Sách ' + require('trang').page };"], ['trang', 'module.exports = { page: 7 };']] as const) {
    mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
    writeFileSync(path.join(root, 'node_modules', name, 'index.js'), main);
  }
  write('package.json', JSON.stringify({ name: 'probe', dependencies: { sach: '1.0.0' } }));
  write('main.ts', "import { title } from 'sach';\nconsole.log(title);\n");
  const b = bundler({ root, folder: 'cli', entries: { main: 'main.ts' }, ownFile: ['sach'] });
  const entry = b.bundleEntry()!;
  expect(readFileSync(entry, 'utf8')).toContain('require("./sach.cjs")');
  expect(readFileSync(path.join(root, 'dist/cli/sach.cjs'), 'utf8')).toContain('page: 7');
  // Run without node_modules: everything the entry needs is in dist/cli.
  rmSync(path.join(root, 'node_modules'), { recursive: true });
  expect(run(entry)).toBe('Sách 7');
});

test('bundled packages are stood for by npm’s install record: a new install makes the bundle stale', () => {
  mkdirSync(path.join(root, 'node_modules', 'sach'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'sach', 'package.json'), JSON.stringify({ name: 'sach', version: '1.0.0', main: 'index.js' }));
  writeFileSync(path.join(root, 'node_modules', 'sach', 'index.js'), "module.exports = { title: 'Sách' };");
  writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{"lockfileVersion":3}');
  write('package.json', JSON.stringify({ name: 'probe', dependencies: { sach: '1.0.0' } }));
  write('main.ts', "import { title } from 'sach';\nconsole.log(title);\n");
  const b = bundler({ root, folder: 'cli', entries: { main: 'main.ts' }, ownFile: ['sach'] });
  b.build();
  const inputs = Object.keys(JSON.parse(readFileSync(path.join(root, 'dist/cli/meta.json'), 'utf8')).inputs as object);
  expect(inputs).toContain('node_modules/.package-lock.json');
  expect(inputs.filter((f) => f.startsWith('node_modules/sach/'))).toEqual([]);
  expect(b.freshEntry()).not.toBeNull();
  writeFileSync(path.join(root, 'node_modules', 'sach', 'index.js'), "module.exports = { title: 'Sách mới' };");
  writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
  expect(b.freshEntry()).toBeNull();
  expect(run(b.bundleEntry()!)).toBe('Sách mới');
});
