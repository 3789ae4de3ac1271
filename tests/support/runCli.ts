import { execFile } from 'node:child_process';
import path from 'node:path';

/** The command line as a person runs it: `node bin/chitieu.js …`, in its own process. */
const BIN = path.resolve(__dirname, '../../bin/chitieu.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function chitieu(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CHITIEU_DEBUG: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}
