/**
 * What a file that is not an .xlsx is, so the person who sent it is told what to do ("save it as
 * .xlsx", "save it without a password") instead of what a zip library thought of its bytes.
 */
import type { Reason, ZipArchive } from './zip';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** "EncryptionInfo" as a compound file's directory stores stream names (UTF-16LE). */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export const PASSWORD_PROTECTED: Reason = {
  vi: 'Tệp được đặt mật khẩu: hãy lưu lại không đặt mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi gửi',
  en: 'The workbook is password-protected: save it without a password (File → Info → Protect Workbook) and send it again',
};

/** The reason bytes that are not a zip cannot be a return, or undefined when they are a zip. */
export function notAZip(bytes: Uint8Array): Reason | undefined {
  if (bytes.length === 0) return { vi: 'Tệp rỗng (0 byte): hãy gửi lại tệp .xlsx đã lưu', en: 'The file is empty (0 bytes): send the saved .xlsx again' };
  if (startsWith(bytes, OLE2)) {
    // Office keeps a password-protected .xlsx inside an OLE2 compound file, beside an EncryptionInfo stream.
    if (contains(bytes, ENCRYPTION_INFO)) return PASSWORD_PROTECTED;
    return {
      vi: 'Đây là tệp Excel cũ (.xls, Excel 97–2003): hãy mở trong Excel và lưu thành .xlsx (Sổ làm việc Excel)',
      en: 'This is an old Excel file (.xls, Excel 97–2003): open it in Excel and save it as .xlsx (Excel Workbook)',
    };
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return undefined;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<html') || head.startsWith('<!doctype') || head.startsWith('<table')) {
    return {
      vi: 'Đây là tệp văn bản XML/HTML đổi tên thành .xlsx, không phải sổ làm việc Excel: hãy mở trong Excel và lưu thành .xlsx',
      en: 'This is an XML/HTML text file renamed to .xlsx, not an Excel workbook: open it in Excel and save it as .xlsx',
    };
  }
  return {
    vi: 'Không phải tệp Excel .xlsx (tệp .xlsx là một tệp zip; tệp này không phải): hãy lưu lại bằng Excel thành .xlsx',
    en: 'Not an Excel .xlsx file (an .xlsx is a zip file; this one is not): save it from Excel as .xlsx',
  };
}

/** The reason a zip that holds no workbook is not a return (an .ods, a Word file…). */
export function notAWorkbook(zip: ZipArchive, mimetype: string | undefined): Reason {
  const type = (mimetype ?? '').trim();
  if (type === 'application/vnd.oasis.opendocument.spreadsheet') {
    return {
      vi: 'Đây là tệp OpenDocument (.ods): hãy lưu thành .xlsx (Tệp → Lưu thành → Excel 2007-365)',
      en: 'This is an OpenDocument spreadsheet (.ods): save it as .xlsx (File → Save As → Excel 2007-365)',
    };
  }
  if (type.startsWith('application/vnd.oasis.opendocument')) {
    return { vi: 'Đây là tài liệu OpenDocument, không phải bảng tính .xlsx', en: 'This is an OpenDocument file, not an .xlsx workbook' };
  }
  if (zip.has('word/document.xml')) return { vi: 'Đây là tài liệu Word (.docx), không phải bảng tính .xlsx', en: 'This is a Word document (.docx), not an .xlsx workbook' };
  if (zip.has('ppt/presentation.xml')) {
    return { vi: 'Đây là tệp PowerPoint (.pptx), không phải bảng tính .xlsx', en: 'This is a PowerPoint file (.pptx), not an .xlsx workbook' };
  }
  return {
    vi: 'Tệp zip này không chứa sổ làm việc Excel (thiếu phần workbook): hãy lưu lại bằng Excel thành .xlsx',
    en: 'This zip holds no Excel workbook (no workbook part): save it from Excel as .xlsx',
  };
}
