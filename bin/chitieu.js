#!/usr/bin/env node
// The command line: its compiled bundle (bin/cliBundle.js, rebuilt when a source changed), or the
// TypeScript sources through tsx's require hook when the bundle cannot be built here — either way
// a fresh clone needs no build step before `npx chitieu`.
const entry = process.env.CHITIEU_FROM_SOURCES ? null : require('./cliBundle').bundleEntry();
if (entry) {
  require(entry);
} else {
  require('tsx/cjs');
  require('../src/cli/main.ts');
}
