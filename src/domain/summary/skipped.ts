/**
 * Inputs the summary does not read, and why, built one way: every reason is bounded (a hostile
 * file can put megabytes into a cell or a name that a reason quotes, and a reason is printed in
 * the report, on the summary sheet and in the task pane), and every one says which kind of skip
 * it is, so an older version is never counted as a failure.
 *
 * Pure: no Node, no DOM.
 */
import type { Bilingual, SkipKind, SkippedInput } from './types';

/** Enough for any reason the code writes with a file's name in it; a quoted value beyond it is cut. */
export const MAX_REASON_LENGTH = 300;

const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` characters (code points: an emoji or a character outside the BMP
 * is never cut in two), ending in "…" when cut.
 */
export function capText(text: string, max = MAX_REASON_LENGTH): string {
  if (text.length <= max) return text;
  // A code point is one or two code units, so the first 2 × max units hold more than max points
  // whenever the text is longer than that: a megabyte is never split whole.
  const whole = text.length <= 2 * max;
  const points = Array.from(whole ? text : text.slice(0, 2 * max));
  if (whole && points.length <= max) return text;
  return points.slice(0, max - 1).join('') + ELLIPSIS;
}

export function capReason(reason: Bilingual): Bilingual {
  return { vi: capText(reason.vi), en: capText(reason.en) };
}

export function skippedInput(source: string, reason: Bilingual, kind: SkipKind = 'failed'): SkippedInput {
  return { source, reason: capReason(reason), kind };
}

export const SKIP_KINDS: readonly SkipKind[] = ['superseded', 'otherPeriod', 'failed'];

export function countSkipped(skipped: readonly SkippedInput[]): Record<SkipKind, number> {
  const counts: Record<SkipKind, number> = { superseded: 0, otherPeriod: 0, failed: 0 };
  for (const s of skipped) counts[s.kind] += 1;
  return counts;
}
