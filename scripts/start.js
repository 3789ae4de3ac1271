#!/usr/bin/env node
/**
 * `npm start`: the add-in's dev server (task pane, commands, preview). Each service is an entry
 * of SERVICES with start() → { urls, stop() }, so the central endpoint can join it later; Ctrl-C
 * stops them all.
 */
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** The webpack dev server on port 3000, HTTPS when the Office dev certificate is installed. */
async function startAddinServer() {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = makeConfig({}, { mode: 'development' });
  const transport = makeConfig.devServerTransport();
  const compiler = webpack(config);
  let first = true;
  compiler.hooks.done.tap('start', (stats) => {
    const { errors = [], warnings = [] } = stats.toJson({ all: false, errors: true, warnings: true });
    const summary = errors.length ? `${errors.length} error(s); see above` : `ready${warnings.length ? ` (${warnings.length} warning(s))` : ''}`;
    console.log(`[addin] ${first ? 'first build' : 'rebuild'}: ${summary}`);
    first = false;
  });
  const server = new WebpackDevServer(config.devServer, compiler);
  await server.start();
  const base = `${transport.protocol}://localhost:${makeConfig.DEV_PORT}`;
  if (transport.note) console.log(`[addin] ${transport.note}`);
  return {
    urls: { 'task pane (in Excel)': `${base}/taskpane.html`, 'preview (no Excel needed)': `${base}/preview.html` },
    stop: () => server.stop(),
  };
}

/** The central endpoint (`chitieu serve`) on port 8787 with the default SQLite store in ./data, as a child process. */
const ENDPOINT_PORT = 8787;

function startEndpoint() {
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/chitieu.js'), 'serve', '--port', String(ENDPOINT_PORT), '--allow-http-localhost'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) => {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) if (line.trim()) out.write(`[endpoint] ${line}\n`);
    });
  };
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  prefix(child.stderr, process.stderr);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let started = false;
    let seen = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      if (started) return void process.stdout.write(chunk.replace(/^(?=.)/gm, '[endpoint] '));
      seen += chunk;
      const match = /listening on (\S+)/.exec(seen);
      if (!match) return;
      started = true;
      resolve({
        urls: { 'API (chitieu serve, SQLite in ./data)': `${match[1]}/api/v1`, 'health': `${match[1]}/healthz` },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    exited.then(({ code }) => {
      const said = (seen + errors).trim();
      if (!started) reject(Object.assign(new Error(`chitieu serve exited with code ${code}${said ? `: ${said}` : ''}`), /in use|đang được dùng/.test(said) ? { code: 'EADDRINUSE' } : {}));
      else console.error(`[endpoint] stopped (code ${code})`);
    });
  });
}

const SERVICES = [
  { name: 'addin', start: startAddinServer },
  { name: 'endpoint', start: startEndpoint },
];

async function main() {
  const running = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(running.map((r) => r.stop()));
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const service of SERVICES) {
    try {
      const started = await service.start();
      running.push(started);
      for (const [what, url] of Object.entries(started.urls)) console.log(`[${service.name}] ${what}: ${url}`);
    } catch (error) {
      const hint = error && error.code === 'EADDRINUSE' ? ' (the port is in use: stop the other server first)' : '';
      console.error(`[${service.name}] could not start${hint}: ${error && error.message ? error.message : error}`);
      await stopAll(1);
      return;
    }
  }
  console.log('Press Ctrl-C to stop.');
}

main();
