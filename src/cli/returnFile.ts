/**
 * Reading a return file for a command (`validate`, `submit`): the bytes, when it was changed, and
 * what the cell contract finds in it — or exit 2 with the reason a person can act on (no such
 * file, a folder, no access, not an .xlsx, not a return).
 */
import { promises as fs, type Stats } from 'node:fs';
import type { ReadResult } from '../domain/returnData';
import { UserFacingError, type Lang } from '../workbook/port';
import { CliExit, EXIT, type CliIO } from './io';
import { cliText, type CliTextKey } from './messages';
import { printError } from './output';

const READ_ERRORS: Record<string, CliTextKey> = { ENOENT: 'validateNotFound', EISDIR: 'validateIsFolder', EACCES: 'validateNoAccess', EPERM: 'validateNoAccess' };

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
  let bytes: Buffer;
  let stat: Stats;
  try {
    stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    bytes = await fs.readFile(file);
  } catch (error) {
    const key = READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    if (!key) throw error;
    return unreadableFile(io, lang, cliText('validateNoFile', lang, { file: shownAs, reason: cliText(key, lang) }));
  }
  // ExcelJS takes a quarter of a second to load: only the commands that read files pay for it.
  // require, not import(): bin/chitieu.js runs through tsx's CommonJS hook, which import() bypasses.
  const { readReturnData } = require('../workbook/xlsx/check/readReturnData') as typeof import('../workbook/xlsx/check/readReturnData');
  try {
    return { bytes, stat, read: await readReturnData(bytes) };
  } catch (error) {
    if (error instanceof UserFacingError) return unreadableFile(io, lang, error.messages[lang]);
    throw error;
  }
}
