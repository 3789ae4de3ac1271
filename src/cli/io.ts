/** Where the command line writes: the process's streams, or a capture in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** 0 done; 1 something the person can fix (named in a sentence); 2 a fault of ours. */
export const EXIT = { ok: 0, userError: 1, unexpected: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Thrown by a command that has said what it had to and must leave with a code other than 0
 * (validate: 1 when the return has errors, 2 when the file is no return). runCli returns the code.
 */
export class CliExit extends Error {
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
    this.name = 'CliExit';
  }
}
