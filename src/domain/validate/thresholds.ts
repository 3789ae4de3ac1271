/**
 * The numbers behind the judgement rules, in one place so they can be argued about.
 *
 * - JUMP_POINTS: a share of the population or of GDP rarely moves 15 percentage points in a
 *   quarter; more is usually a typing or unit slip (0.85 vs 85) or a change of method.
 * - FALL_RATIO: a figure falling below half the previous one is a slip or a change of scope,
 *   whatever its size (2.3's e-signatures at 0.34% would not trip the 15-point rule).
 * - FAR_ABOVE_FACTOR / FAR_ABOVE_POINTS: "far above" the year's target is 1.5× it or 20 points
 *   above it, whichever comes first: 1.5× matters for small targets (1.6's 3%), 20 points for
 *   large ones (2.4's 50%), and a target above 80% can never be far exceeded.
 */
export const JUMP_POINTS = 15;
export const FALL_RATIO = 0.5;
export const FAR_ABOVE_FACTOR = 1.5;
export const FAR_ABOVE_POINTS = 20;

/** Percents read from cells carry binary noise; differences below this are none. */
export const EPSILON = 1e-9;

export function farAboveThreshold(target: number): number {
  return Math.min(target * FAR_ABOVE_FACTOR, target + FAR_ABOVE_POINTS);
}
