/**
 * One returned workbook → the ReturnInput `chitieu merge` summarises, or the reason it is
 * skipped: summary/fileInput.ts's returnFileInput with the submission id `chitieu submit` gives,
 * derived from the content (submit/contentId.ts, node:crypto — so this module is Node-only; the
 * task pane calls returnFileInput with its own id maker).
 */
import type { Catalogue, UnitList } from '../catalogue/schema';
import { contentSubmissionId } from '../submit/contentId';
import { returnFileInput, type FileInput } from './fileInput';

export type { FileInput } from './fileInput';

export interface FileInputOptions {
  catalogue: Catalogue;
  units: UnitList;
  /** When the payload says it was "submitted" if the file carries no receipt (ISO; e.g. the file's modification time). */
  fallbackSubmittedAt: string;
}

/** `file` is how the file is named in the summary and the report (its path as given). */
export function fileInput(bytes: Uint8Array, file: string, options: FileInputOptions): FileInput {
  return returnFileInput(bytes, file, { ...options, submissionId: contentSubmissionId });
}
