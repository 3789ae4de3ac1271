/**
 * Reading a return file for a command (`validate`, `submit`): the bytes, when it was changed, and
 * what the cell contract finds in it — or exit 2 with the reason a person can act on (no such
 * file, a folder or device, too large, not an .xlsx and what it is instead, damaged, not a return).
 * The same reader as `chitieu merge` and the task pane's file import (workbook/xlsx/fastReturn.ts).
 */
import type { Stats } from 'node:fs';
import type { ReadResult } from '../domain/returnData';
import { readRegularFileSync } from '../io/regularFile';
import type { Lang } from '../workbook/port';
import { readReturnFast } from '../workbook/xlsx/fastReturn';
import { CliExit, EXIT, type CliIO } from './io';
import { cliText } from './messages';
import { printError } from './output';

/** Exit 2 with the reason: the file is not there, not an .xlsx, or not a return. */
export function unreadableFile(io: CliIO, lang: Lang, message: string): never {
  printError(io, lang, message);
  throw new CliExit(EXIT.unexpected);
}

export interface ReturnFileRead {
  bytes: Buffer;
  stat: Stats;
  read: ReadResult;
}

export async function readReturnFileOrExit(io: CliIO, lang: Lang, file: string, shownAs: string): Promise<ReturnFileRead> {
  const opened = readRegularFileSync(file);
  if (!opened.ok) return unreadableFile(io, lang, cliText('validateNoFile', lang, { file: shownAs, reason: opened.reason[lang] }));
  const fast = readReturnFast(opened.bytes);
  if (fast.damaged) return unreadableFile(io, lang, cliText('validateNoFile', lang, { file: shownAs, reason: fast.damaged[lang] }));
  return { bytes: opened.bytes, stat: opened.stats, read: fast.result };
}
