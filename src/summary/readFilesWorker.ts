/** A worker thread of readFiles.ts: batches of files in, their inputs (payloads or skipped reasons) out. */
import { parentPort } from 'node:worker_threads';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { readOneFile, type FileToRead } from './readFiles';

const catalogue = loadCatalogue();
const units = loadUnits();

parentPort!.on('message', (files: FileToRead[]) => {
  parentPort!.postMessage({ results: files.map((file) => readOneFile(file, catalogue, units)) });
});
parentPort!.postMessage({ ready: true });
