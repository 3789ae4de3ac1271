/**
 * The command line's compiled bundle: src/cli/main.ts and its worker threads bundled by esbuild
 * into dist/cli/*.cjs (node_modules stay external). bin/chitieu.js runs it instead of the sources
 * through tsx: no transform on start (about half a second) and no per-function wrappers tsx adds
 * (a third of `chitieu merge`'s time over a thousand files).
 *
 * The bundle is rebuilt whenever a source it was built from changed (each input's size and
 * modification time are kept in its meta.json: a checkout, a pull or an edit is seen at the next
 * start), so nobody runs stale code. `npm ci` builds it once (the "prepare" script).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const FORMAT = 2;
/** npm writes it whenever it installs, changes or removes a package. */
const INSTALL_RECORD = 'node_modules/.package-lock.json';

/**
 * A bundle of `entries` (output name → source file relative to `root`) kept in root/dist/<folder>.
 * Packages stay outside it (required from node_modules at run time) except those in `ownFile`:
 * each is bundled into a file of its own beside the entries (<package>.cjs), required from there.
 * ExcelJS and the few dozen packages it pulls in load in half the time from one file (no module
 * resolution for each of its hundreds of files) — and only by the commands that need it.
 */
function bundler({ root, folder, entries, ownFile = [] }) {
  const dist = path.join(root, 'dist', folder);
  const meta = path.join(dist, 'meta.json');

  const stamp = (file) => {
    const s = fs.statSync(path.join(root, file));
    return [s.size, s.mtimeMs];
  };

  /** The bundle's main entry when every input is as it was at build time; else null. */
  function freshEntry() {
    try {
      const built = JSON.parse(fs.readFileSync(meta, 'utf8'));
      if (built.format !== FORMAT || !built.inputs) return null;
      for (const [file, [size, mtime]] of Object.entries(built.inputs)) {
        const [s, m] = stamp(file);
        if (s !== size || m !== mtime) return null;
      }
      for (const name of [...Object.keys(entries), ...ownFile]) fs.statSync(path.join(dist, `${name}.cjs`));
    } catch {
      return null;
    }
    return path.join(dist, 'main.cjs');
  }

  /**
   * Builds into a folder of its own, then moves each file into place (a rename each, meta.json
   * last), so two processes starting at once never read a half-written bundle.
   */
  function build() {
    const esbuild = require('esbuild');
    fs.mkdirSync(path.dirname(dist), { recursive: true });
    const tmp = fs.mkdtempSync(path.join(path.dirname(dist), `.${folder}-`));
    try {
      const common = { absWorkingDir: root, outdir: tmp, outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', sourcesContent: false, metafile: true, logLevel: 'silent' };
      const built = [esbuild.buildSync({ ...common, entryPoints: entries, packages: 'external' })];
      if (ownFile.length) {
        const packageEntries = Object.fromEntries(ownFile.map((name) => [name, require.resolve(name, { paths: [root] })]));
        built.push(esbuild.buildSync({ ...common, entryPoints: packageEntries, external: externalPackages(root, ownFile) }));
        // The entries require each such package from its file beside them (esbuild leaves `require("name")` for an external).
        for (const name of Object.keys(entries)) {
          const file = path.join(tmp, `${name}.cjs`);
          let code = fs.readFileSync(file, 'utf8');
          for (const pkg of ownFile) code = code.split(`require(${JSON.stringify(pkg)})`).join(`require(${JSON.stringify(`./${pkg}.cjs`)})`);
          fs.writeFileSync(file, code);
        }
      }
      const inputs = {};
      for (const result of built) for (const file of Object.keys(result.metafile.inputs)) inputs[file] = stamp(file);
      // Hundreds of bundled package files are stood for by the record npm rewrites on every install:
      // checking each on every start cost more than the rest of the check.
      if (fs.existsSync(path.join(root, INSTALL_RECORD))) {
        for (const file of Object.keys(inputs)) if (file.startsWith('node_modules/')) delete inputs[file];
        inputs[INSTALL_RECORD] = stamp(INSTALL_RECORD);
      }
      fs.writeFileSync(path.join(tmp, 'meta.json'), JSON.stringify({ format: FORMAT, builtAt: new Date().toISOString(), inputs }));
      fs.mkdirSync(dist, { recursive: true });
      const names = fs.readdirSync(tmp).filter((n) => n !== 'meta.json');
      for (const name of [...names, 'meta.json']) fs.renameSync(path.join(tmp, name), path.join(dist, name));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    return path.join(dist, 'main.cjs');
  }

  /**
   * The main entry, built first if missing or stale; null when it cannot be built here (no
   * esbuild, a read-only checkout, a compile error: the sources through tsx then say what is wrong).
   */
  function bundleEntry() {
    const fresh = freshEntry();
    if (fresh) return fresh;
    try {
      return build();
    } catch (error) {
      if (process.env.CHITIEU_DEBUG) process.stderr.write(`chitieu: the compiled bundle cannot be built (${error && error.message}); running the sources.\n`);
      return null;
    }
  }

  return { bundleEntry, build, freshEntry, dist };
}

/**
 * The packages the project depends on itself, but those given: external to the bundle. (A package
 * that one of those requires and the project does not is bundled along with it.)
 */
function externalPackages(root, inline) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((n) => !inline.includes(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

const cli = bundler({
  root: path.join(__dirname, '..'),
  folder: 'cli',
  entries: {
    main: 'src/cli/main.ts',
    // Started by src/runtime/workerScript.ts from beside main.cjs.
    readFilesWorker: 'src/summary/readFilesWorker.ts',
    checkWorker: 'src/server/checkWorker.ts',
  },
  ownFile: ['exceljs'],
});

module.exports = { bundler, bundleEntry: cli.bundleEntry };

// `node bin/cliBundle.js` (npm's "prepare"): build it now.
if (require.main === module) {
  cli.build();
  console.log(`chitieu: command line bundle built in ${path.relative(process.cwd(), cli.dist) || cli.dist}`);
}
