// Jest globalSetup: a throwaway PostgreSQL cluster for the tests that need one (see postgres.ts).
//
// - CHITIEU_TEST_PG_URL already set (an admin URL to a server you run): nothing to do.
// - Otherwise, when some test file of this run uses tests/support/postgres (or storeBackends, which
//   uses it), initdb a cluster in a fresh temp folder and start it on a free 127.0.0.1 port; its admin URL goes into
//   CHITIEU_TEST_PG_URL, which test workers inherit. pgGlobalTeardown stops it and removes the folder.
// - PostgreSQL missing or failing to start: the reason goes into CHITIEU_TEST_PG_ERROR and only the
//   PostgreSQL tests fail, with it (they never skip).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const NOT_FOUND = 'PostgreSQL not found: apt-get install -y postgresql, or set CHITIEU_TEST_PG_URL';

/** The folder of initdb and pg_ctl: the newest Debian PostgreSQL, else one on the PATH; or null. */
function findBinaries() {
  const root = '/usr/lib/postgresql';
  const hasTools = (bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'));
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => hasTools(path.join(root, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(root, versions[0], 'bin');
  }
  // Elsewhere (Homebrew, a source build) the tools are usually on the PATH.
  const onPath = (process.env.PATH || '').split(path.delimiter).find((dir) => dir && hasTools(dir));
  return onPath || null;
}

/** Whether this run includes a test file that uses the harness (starting a cluster costs seconds). */
function runNeedsPostgres(globalConfig) {
  let pattern;
  try {
    pattern = globalConfig.testPathPattern ? new RegExp(globalConfig.testPathPattern, 'i') : null;
  } catch {
    pattern = null;
  }
  const rootDir = globalConfig.rootDir;
  const stack = ['tests', 'src'].map((d) => path.join(rootDir, d));
  while (stack.length) {
    const dir = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') stack.push(file);
      } else if (/\.test\.tsx?$/.test(entry.name) && (!pattern || pattern.test(file))) {
        if (/support\/(postgres|storeBackends)/.test(fs.readFileSync(file, 'utf8'))) return true;
      }
    }
  }
  return false;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its tools as the postgres user. */
function runPg(bin, tool, args) {
  const command = path.join(bin, tool);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
}

async function startCluster(bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-pg-'));
  const data = path.join(dir, 'data');
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const state = { bin, dir, data };
  globalThis.__CHITIEU_TEST_PG__ = state;
  process.env.CHITIEU_TEST_PG_DIR = dir;
  // --no-sync and fsync=off: the cluster is thrown away after the run, durability is not tested here.
  runPg(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  runPg(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', '-o', serverOptions, 'start']);
  state.started = true;
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

module.exports = async function pgGlobalSetup(globalConfig) {
  if (process.env.CHITIEU_TEST_PG_URL) return;
  if (!runNeedsPostgres(globalConfig)) return;
  const bin = findBinaries();
  if (!bin) {
    process.env.CHITIEU_TEST_PG_ERROR = NOT_FOUND;
    return;
  }
  try {
    process.env.CHITIEU_TEST_PG_URL = await startCluster(bin);
  } catch (error) {
    const stderr = error && error.stderr ? String(error.stderr).trim() : '';
    process.env.CHITIEU_TEST_PG_ERROR = `The test PostgreSQL cluster (${bin}) did not start: ${error.message}${stderr ? `\n${stderr}` : ''}`;
  }
};

module.exports.runPg = runPg;
