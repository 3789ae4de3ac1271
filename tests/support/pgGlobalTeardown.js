// Jest globalTeardown: stops the cluster pgGlobalSetup started (if it did) and removes its folder.
const fs = require('node:fs');
const { runPg } = require('./pgGlobalSetup');

module.exports = async function pgGlobalTeardown() {
  const state = globalThis.__CHITIEU_TEST_PG__;
  if (!state) return;
  globalThis.__CHITIEU_TEST_PG__ = undefined;
  // Watch mode runs setup again: it must not find the stopped cluster's URL.
  delete process.env.CHITIEU_TEST_PG_URL;
  delete process.env.CHITIEU_TEST_PG_DIR;
  try {
    // immediate: no shutdown checkpoint, the data is thrown away anyway.
    if (state.started) runPg(state.bin, 'pg_ctl', ['-D', state.data, '-m', 'immediate', '-w', 'stop']);
  } catch (error) {
    console.error(`chitieu tests: could not stop the test PostgreSQL cluster in ${state.dir}: ${error.message}`);
  } finally {
    fs.rmSync(state.dir, { recursive: true, force: true });
  }
};
