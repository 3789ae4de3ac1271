#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx's require hook, so a fresh clone
// needs no build step before `npx chitieu`.
require('tsx/cjs');
require('../src/cli/main.ts');
