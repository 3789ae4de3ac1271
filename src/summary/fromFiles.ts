/**
 * One returned workbook → the ReturnInput `chitieu merge` summarises, or the reason it is
 * skipped: summary/fileInput.ts's returnFileInput, with an id made from the file's bytes
 * (node:crypto — so this module is Node-only; the task pane gives its own ids).
 *
 * In a summary an input's id only makes the order of inputs total (summarise/order.ts): two files
 * never get that far, their names differ. So it is the hash of the bytes already in hand rather
 * than `chitieu submit`'s content id, whose canonical JSON cost a tenth of reading a file.
 */
import { createHash } from 'node:crypto';
import type { Catalogue, UnitList } from '../catalogue/schema';
import { uuidFromDigest } from '../submit/contentId';
import { returnFileInput, type FileInput } from './fileInput';

export type { FileInput } from './fileInput';

export interface FileInputOptions {
  catalogue: Catalogue;
  units: UnitList;
  /** When the payload says it was "submitted" if the file carries no receipt (ISO; e.g. the file's modification time). */
  fallbackSubmittedAt: string;
  /** Skip a return with errors instead of using what reads of it (fileInput.ts). */
  strict?: boolean;
}

/** `file` is how the file is named in the summary and the report (its path as given). */
export function fileInput(bytes: Uint8Array, file: string, options: FileInputOptions): FileInput {
  return returnFileInput(bytes, file, { ...options, submissionId: () => uuidFromDigest(createHash('sha256').update(bytes).digest()) });
}
