/**
 * A worker thread of readFiles.ts: batches of files in, each batch's skipped reasons out; the
 * readable returns are folded here (SupersededFiles) and posted once, at the end — so only the
 * latest file of each unit and quarter crosses to the main thread with its content.
 */
import { parentPort } from 'node:worker_threads';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { SupersededFiles } from '../domain/summary/supersededFiles';
import { readOneFile, type WorkerMessage, type WorkerRequest } from './readFiles';

const catalogue = loadCatalogue();
const units = loadUnits();
const kept = new SupersededFiles();
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

parentPort!.on('message', (request: WorkerRequest) => {
  if ('finish' in request) {
    post({ kept: kept.inputs() });
    return;
  }
  post({
    skipped: request.files.map((file) => {
      const r = readOneFile(file, catalogue, units, request.strict);
      if (r.input) kept.add(r.input);
      return r.skipped ?? null;
    }),
  });
});
post({ ready: true });
