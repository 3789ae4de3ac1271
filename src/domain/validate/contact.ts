/**
 * How lenient the focal-point checks are. People write several addresses or numbers in one
 * cell, with dots, spaces, dashes and an extension; the check only refuses what cannot be
 * dialled or mailed: letters in a number, too few digits, an address without "@" and a domain.
 */

/** "name@agency.gov.vn"; several separated by ";", "," or spaces are accepted. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

export function isEmail(text: string): boolean {
  const parts = text
    .replace(/^mailto:/i, '')
    .split(/[;,\s]+/)
    .filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => EMAIL.test(p));
}

/** Fewer digits cannot be a Vietnamese number: 1800/1900 hotlines have 8, mobiles 10, landlines 11. */
export const PHONE_MIN_DIGITS = 8;
/** E.164's maximum. */
export const PHONE_MAX_DIGITS = 15;

/** "máy lẻ 123", "ML 123", "ext. 123", "x123", "nhánh 12" at the end of a number. */
const EXTENSION = /\s*(?:[-,;(]\s*)?(?:máy\s*lẻ|may\s*le|ml|số\s*lẻ|nhánh|nhanh|ext\.?|extension|x)\s*[:.]?\s*\d{1,6}\s*\)?\s*$/iu;
/** What may stand between digits: spaces, dots, dashes, brackets. */
const NUMBER_BODY = /^\+?[\d\s.\-()\u2010-\u2015]+$/u;

function isOnePhone(part: string): boolean {
  const body = part.replace(EXTENSION, '').trim();
  if (!NUMBER_BODY.test(body)) return false;
  const digits = body.replace(/\D/g, '').length;
  return digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
}

/** "024 3943 7190", "0912.345.678", "+84 24 3943 7190 máy lẻ 12", "0912345678 / 0243 123 456". */
export function isPhone(text: string): boolean {
  const parts = text
    // A separator starts another number only when a number follows: ", ML 5" is an extension.
    .split(/\s*(?:[\/;,]|(?<!\p{L})(?:hoặc|hoac|or)(?!\p{L}))\s*(?=[+(\d])/iu)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // A leading "ĐT:" / "Tel:" / "SĐT" label is harmless.
  const unlabelled = parts.map((p, i) => (i === 0 ? p.replace(/^(?:đt|dt|sđt|sdt|tel|phone|điện thoại|dien thoai|mobile|dđ|dd)\s*[:.]?\s*/iu, '') : p));
  return unlabelled.length > 0 && unlabelled.every(isOnePhone);
}
