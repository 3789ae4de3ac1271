/**
 * The files `chitieu merge` reads: those named on the command line (as given) and the .xlsx files
 * in the folders named (one level; not Excel's "~$" lock files nor hidden files), sorted within
 * each folder, without duplicates and without the output file.
 *
 * Nothing a folder holds under an .xlsx name is passed over in silence: a symbolic link to a
 * regular file is read like the file; a broken link or a link to a folder is listed with its
 * reason; a FIFO, socket or device (or a link to one) is handed on to be refused by the reader
 * (io/regularFile.ts, which never blocks on a FIFO). Only real sub-folders are not looked into.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { skippedInput } from '../domain/summary/skipped';
import type { SkippedInput } from '../domain/summary/types';
import type { FileToRead } from './readFiles';

export interface CollectedFiles {
  files: FileToRead[];
  /** Names that cannot be read at all (missing, a broken link, a link to a folder), with the reason. */
  missing: SkippedInput[];
}

const isCandidate = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');

const NOTHING_THERE = { vi: 'Không có tệp hoặc thư mục này.', en: 'There is no such file or folder.' };

/** Why a symbolic link cannot be followed (its target's stat failed). */
function brokenLink(error: NodeJS.ErrnoException) {
  if (error.code === 'ENOENT') {
    return {
      vi: 'Liên kết tượng trưng hỏng: không trỏ tới tệp nào, nên không đọc.',
      en: 'A broken symbolic link: it points to nothing, so it is not read.',
    };
  }
  if (error.code === 'ELOOP') return { vi: 'Liên kết tượng trưng lặp vòng: không đọc.', en: 'The symbolic link loops: not read.' };
  const code = error.code ?? error.message;
  return { vi: `Không theo được liên kết tượng trưng (${code}).`, en: `The symbolic link cannot be followed (${code}).` };
}

const LINK_TO_FOLDER = {
  vi: 'Liên kết tới một thư mục, không phải tệp .xlsx: không đọc (chỉ đọc các thư mục nêu trong lệnh, một cấp).',
  en: 'A link to a folder, not an .xlsx file: not read (only the folders named in the command are read, one level deep).',
};

/** A folder's entry: to read, to list with a reason, or (a real sub-folder, another name) to pass over. */
async function entryOf(dir: string, d: Dirent): Promise<'read' | 'pass' | SkippedInput['reason']> {
  if (!isCandidate(d.name) || d.isDirectory()) return 'pass';
  if (!d.isSymbolicLink()) return 'read';
  try {
    return (await fs.stat(path.join(dir, d.name))).isDirectory() ? LINK_TO_FOLDER : 'read';
  } catch (error) {
    return brokenLink(error as NodeJS.ErrnoException);
  }
}

export async function collectFiles(args: readonly string[], cwd: string, out: string): Promise<CollectedFiles> {
  const files: FileToRead[] = [];
  const missing: SkippedInput[] = [];
  const seen = new Set<string>([out]);
  const add = (full: string, shown: string) => {
    if (seen.has(full)) return;
    seen.add(full);
    files.push({ path: full, shown });
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stats;
    try {
      stats = await fs.stat(full);
    } catch (error) {
      const link = await fs.lstat(full).then((l) => l.isSymbolicLink(), () => false);
      missing.push(skippedInput(arg, link ? brokenLink(error as NodeJS.ErrnoException) : NOTHING_THERE));
      continue;
    }
    if (!stats.isDirectory()) {
      add(full, arg);
      continue;
    }
    const entries = (await fs.readdir(full, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      const what = await entryOf(full, d);
      if (what === 'read') add(path.join(full, d.name), path.join(arg, d.name));
      else if (what !== 'pass') missing.push(skippedInput(path.join(arg, d.name), what));
    }
  }
  return { files, missing };
}
