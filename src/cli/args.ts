import { UserFacingError } from '../workbook/port';

/** Argument checks shared by commands; each failure is a sentence in both languages. */

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) {
    throw new UserFacingError('bad-year', {
      vi: `Năm "${value}" không hợp lệ: ghi 4 chữ số, ví dụ --year 2025.`,
      en: `"${value}" is not a year: give four digits, e.g. --year 2025.`,
    });
  }
  return Number(value.trim());
}

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UserFacingError('bad-choice', {
    vi: `Giá trị "${value}" không hợp lệ cho ${option}: chọn ${choices.join(' hoặc ')}.`,
    en: `"${value}" is not valid for ${option}: choose ${choices.join(' or ')}.`,
  });
}
