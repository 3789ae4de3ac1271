import { processIO } from './io';
import { runCli } from './run';

// The entry bin/chitieu.js loads: run, then leave with the code (no process.exit, so output drains).
void runCli(process.argv.slice(2), { io: processIO }).then((code) => {
  process.exitCode = code;
});
