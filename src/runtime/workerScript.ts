/**
 * How a worker thread of the command line is started, in either of the two ways the CLI runs:
 * from the compiled bundle (dist/cli/*.cjs, built by scripts/build-cli.js; bin/chitieu.js uses it
 * when it is fresh) the worker is a compiled file beside it; from the TypeScript sources (jest,
 * bin/run-ts.js, or no bundle) it loads through tsx's CommonJS hook. Worker threads do not
 * inherit the parent's require hooks, hence the eval'd bootstrap.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * `dir` is the calling module's __dirname and `name` the worker module's name without extension
 * ("readFilesWorker"): in a bundle every module's __dirname is the bundle's folder, where the
 * compiled worker lies; in the sources it is the module's own folder, beside the worker's .ts.
 */
export function startWorker(callerFile: string, dir: string, name: string): Worker {
  if (callerFile.endsWith('.cjs')) return new Worker(path.join(dir, `${name}.cjs`));
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(path.join(dir, `${name}.ts`))});`, { eval: true });
}
