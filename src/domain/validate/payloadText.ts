/**
 * How long a cell's text is once it is in the payload, and lengths as a person reads them. The
 * payload carries a cell's displayed text where it has one, else its value, trimmed: both are
 * measured, so a cell this passes fits whichever the payload takes.
 */
import type { RawCell } from '../returnData';

const trimmedLength = (x: unknown): number => (typeof x === 'string' ? x.trim().length : 0);

export function payloadTextLength(cell: RawCell | undefined | null): number {
  return Math.max(trimmedLength(cell?.value), trimmedLength(cell?.text));
}

/** 12000 → "12.000" (vi) / "12,000" (en): a count, grouped by thousands the way each language writes it. */
export function formatCount(n: number, lang: 'vi' | 'en'): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

export const localizedCount = (n: number) => ({ vi: formatCount(n, 'vi'), en: formatCount(n, 'en') });
