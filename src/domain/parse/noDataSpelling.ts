/**
 * How a person writes "no figure yet" so that Excel keeps it as typed. A leading "-" or "+" makes
 * Excel read the entry as a formula ("- (chưa điều tra)" becomes =-(chưa điều tra) and shows
 * #NAME?), so the spelling every prompt, legend and suggestion gives starts with words. The
 * parser still reads the older spellings ("-", "'- chưa điều tra") in returns already filled.
 */
import type { Lang } from './types';

/** The pattern, as the input prompt and the legend show it. */
export const NO_DATA_SPELLING: Record<Lang, string> = { vi: 'chưa có số liệu (lý do)', en: 'no data (reason)' };

/** One filled-in example of it. */
export const NO_DATA_EXAMPLE: Record<Lang, string> = { vi: 'chưa có số liệu (chưa điều tra)', en: 'no data (not surveyed yet)' };

/**
 * What a person typed when Excel turned it into a formula: "=- chưa điều tra" showing #NAME?
 * was typed as "- chưa điều tra". Null for a real formula (one that computes, or one that starts
 * otherwise): only an entry beginning with a sign followed by words is a typing slip.
 */
export function typedAsFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== 'string' || value !== '#NAME?') return null;
  const m = /^=\s*([-+])(.*)$/su.exec(formula);
  if (!m || !/^[\s([]*\p{L}/u.test(m[2]!)) return null;
  return `${m[1]}${m[2]}`;
}
