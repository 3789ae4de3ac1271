#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, dev helpers) without a build step.
require('tsx/cjs');
const path = require('path');
const script = process.argv[2];
if (!script) {
  console.error('usage: run-ts <script.ts> [args…]');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(script));
