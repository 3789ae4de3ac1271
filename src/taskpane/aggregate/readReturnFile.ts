/**
 * Returned workbooks picked in the Tổng hợp tab → the ReturnInputs `summarise` reads, or the
 * reasons they are skipped. Each file is read by summary/fileInput.ts's returnFileInput, as
 * `chitieu merge` reads it (the same reasons; a return with errors used for what reads of it
 * unless strict), with the add-in's own submission id
 * (`crypto.randomUUID()`: merge derives it from the content with node:crypto, which the task pane
 * cannot load) and, for "submitted", the receipt's time or now (the summary counts the receipt
 * time, or "unknown", for timeliness — never this).
 */
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { skippedInput } from '../../domain/summary/skipped';
import type { ReturnInput, SkippedInput } from '../../domain/summary/types';
import { returnFileInput, type FileInput } from '../../summary/fileInput';

export type FileRead = FileInput;

export interface ReadFileOptions {
  catalogue: Catalogue;
  units: UnitList;
  now?: () => Date;
  uuid?: () => string;
  /** Skip returns with errors, as `chitieu merge --strict` does; by default what reads of them is used. */
  strict?: boolean;
}

const randomId = () => globalThis.crypto.randomUUID();

/** Never throws: whatever is wrong with a file becomes its reason. */
export function readReturnBytes(bytes: Uint8Array, file: string, options: ReadFileOptions): FileRead {
  const uuid = options.uuid ?? randomId;
  return returnFileInput(bytes, file, {
    catalogue: options.catalogue,
    units: options.units,
    fallbackSubmittedAt: (options.now ?? (() => new Date()))().toISOString(),
    submissionId: () => uuid(),
    strict: options.strict ?? false,
  });
}

/** What the tab needs of a picked file (a DOM File has both). */
export interface PickedFile {
  name: string;
  /** The path inside a picked folder, when the folder option was used. */
  webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FilesRead {
  inputs: ReturnInput[];
  skipped: SkippedInput[];
}

/**
 * Reads the files one by one (one file's bytes in memory at a time), telling `onProgress` before
 * each, and yielding to the browser between files so the progress bar is drawn. Files that are
 * not .xlsx (a folder's other files) are skipped with their reason.
 */
export async function readReturnFiles(
  files: readonly PickedFile[],
  options: ReadFileOptions & { onProgress?(done: number, total: number, name: string): void; yieldToUi?: () => Promise<void> },
): Promise<FilesRead> {
  const inputs: ReturnInput[] = [];
  const skipped: SkippedInput[] = [];
  const pause = options.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  for (const [i, file] of files.entries()) {
    const name = file.webkitRelativePath || file.name;
    options.onProgress?.(i + 1, files.length, name);
    await pause();
    if (!/\.xlsx$/i.test(file.name)) {
      skipped.push(skippedInput(name, { vi: 'Không phải tệp .xlsx.', en: 'Not an .xlsx file.' }));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      skipped.push(skippedInput(name, { vi: `Không đọc được tệp (${detail}).`, en: `The file cannot be read (${detail}).` }));
      continue;
    }
    const read = readReturnBytes(bytes, name, options);
    if (read.input) inputs.push(read.input);
    else skipped.push(read.skipped);
  }
  return { inputs, skipped };
}
