/** The worker thread behind checkPool.ts: judges submissions with the catalogue loaded once. */
import { parentPort } from 'node:worker_threads';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { judgeSubmission } from './submissionCheck';

const catalogue = loadCatalogue();
const units = loadUnits();

parentPort!.on('message', ({ id, body }: { id: number; body: unknown }) => {
  try {
    parentPort!.postMessage({ id, verdict: judgeSubmission(body, catalogue, units) });
  } catch (error) {
    parentPort!.postMessage({ id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
