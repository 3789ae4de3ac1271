/**
 * Opening a file someone sent us, for reading a return: only a regular file (a symlink to one is
 * followed), never a device, FIFO or socket (a FIFO blocks a plain open forever; /dev/zero never
 * ends), and never more bytes than a return could have. Shared by every command that reads returns.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { DEFAULT_ZIP_LIMITS } from '../workbook/xlsx/zip';

/** A filled return is ~100 KB; even one with pictures pasted in stays far below this (the reader's own cap). */
export const MAX_RETURN_FILE_BYTES = DEFAULT_ZIP_LIMITS.fileBytes;

export type RegularFileRead =
  | { ok: true; bytes: Buffer; modified: Date; stats: Stats }
  | { ok: false; code: 'notRegular' | 'tooLarge' | 'openFailed'; reason: { vi: string; en: string } };

const mib = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Reads the whole file in one read of the size fstat gave; never throws for what the path is. */
export function readRegularFileSync(path: string, maxBytes = MAX_RETURN_FILE_BYTES): RegularFileRead {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; fstat then refuses it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      return {
        ok: false,
        code: 'notRegular',
        reason: {
          vi: 'không phải tệp thông thường (thư mục, thiết bị, FIFO hoặc socket): không đọc',
          en: 'not a regular file (a folder, device, FIFO or socket): not read',
        },
      };
    }
    if (stats.size > maxBytes) {
      return {
        ok: false,
        code: 'tooLarge',
        reason: {
          vi: `tệp quá lớn (${mib(stats.size).replace('.', ',')} MB; một biểu chỉ khoảng 0,1 MB, giới hạn ${mib(maxBytes)} MB)`,
          en: `the file is too large (${mib(stats.size)} MB; a return is about 0.1 MB, the limit is ${mib(maxBytes)} MB)`,
        },
      };
    }
    const bytes = Buffer.allocUnsafe(stats.size);
    let got = 0;
    // A file still being written may give fewer bytes than fstat said: keep what is there.
    while (got < stats.size) {
      const n = readSync(fd, bytes, got, stats.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return { ok: true, bytes: got === stats.size ? bytes : bytes.subarray(0, got), modified: stats.mtime, stats };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const code = e.code ?? e.message;
    const why: Record<string, [string, string]> = {
      ENOENT: ['không có tệp này', 'no such file'],
      EISDIR: ['đây là một thư mục', 'this is a folder'],
      EACCES: ['không có quyền đọc tệp', 'no permission to read the file'],
      EPERM: ['không có quyền đọc tệp', 'no permission to read the file'],
      ELOOP: ['liên kết tượng trưng lặp vòng', 'the symbolic link loops'],
    };
    const [vi, en] = why[e.code ?? ''] ?? [`không mở được tệp (${code})`, `the file cannot be opened (${code})`];
    return { ok: false, code: 'openFailed', reason: { vi, en } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
