/**
 * The worker thread behind checkPool.ts, with the catalogue loaded once: judges submissions, and
 * works out what changed between two stored versions (two payloads parsed and compared: for
 * large returns, tens of milliseconds the event loop would otherwise spend).
 */
import { parentPort } from 'node:worker_threads';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { changesJson, type PayloadJson } from './changes';
import { judgeSubmission } from './submissionCheck';

const catalogue = loadCatalogue();
const units = loadUnits();

type Job = { id: number; body: unknown } | { id: number; diff: [PayloadJson, PayloadJson] };

parentPort!.on('message', (job: Job) => {
  try {
    if ('diff' in job) parentPort!.postMessage({ id: job.id, changes: changesJson(job.diff[0], job.diff[1]) });
    else parentPort!.postMessage({ id: job.id, verdict: judgeSubmission(job.body, catalogue, units) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
