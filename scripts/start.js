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

const SERVICES = [{ name: 'addin', start: startAddinServer }];

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
