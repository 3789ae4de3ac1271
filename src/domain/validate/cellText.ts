/**
 * Text cells (header, focal point, comparisons, sections) read without ever calling a value's
 * own toString: a return is untrusted input, and one hostile cell must not stop a check.
 */
import type { RawCell } from '../returnData';

export function cellText(cell: RawCell | undefined | null): string {
  const value: unknown = cell?.value;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? '' : value.toISOString().slice(0, 10);
  }
  if (value === null || value === undefined) return '';
  // Whatever else an adapter passed (an ExcelJS object), the displayed text is the best witness.
  const shown = cell?.text;
  return typeof shown === 'string' ? shown.trim() : '';
}

/** No letter: empty, or a template's leftover numbering ("1.\n2.\n3."). */
export function hasNoWords(text: string): boolean {
  return !/\p{L}/u.test(text);
}

/** Neither a letter nor a digit: "", "-", "…" say nothing. */
export function saysNothing(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** User text inside a message: quoted the way each language quotes, one short line. */
export function quoted(text: string): { vi: string; en: string } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
  return { vi: `“${short}”`, en: `"${short}"` };
}
