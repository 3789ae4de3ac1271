import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../workbook/port';

/**
 * Writes next to the target under a temporary name, then renames: a failure never leaves a
 * half-written return where a person expects a whole one, and an existing file is replaced
 * only when the new one is complete.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw cannotWrite(target, error as NodeJS.ErrnoException);
  }
}

function cannotWrite(target: string, error: NodeJS.ErrnoException): Error {
  const reasons: Record<string, { vi: string; en: string }> = {
    EACCES: { vi: 'không có quyền ghi', en: 'no permission to write' },
    EPERM: { vi: 'không có quyền ghi, hoặc tệp đang mở trong Excel', en: 'no permission to write, or the file is open in Excel' },
    EBUSY: { vi: 'tệp đang mở trong chương trình khác', en: 'the file is open in another program' },
    ENOSPC: { vi: 'hết dung lượng đĩa', en: 'the disk is full' },
    EROFS: { vi: 'ổ đĩa chỉ đọc', en: 'the disk is read-only' },
    EISDIR: { vi: 'đó là một thư mục', en: 'it is a folder' },
  };
  const reason = error.code ? reasons[error.code] : undefined;
  if (!reason) return error;
  return new UserFacingError('cannot-write', {
    vi: `Không ghi được tệp ${target}: ${reason.vi}.`,
    en: `Cannot write ${target}: ${reason.en}.`,
  });
}
