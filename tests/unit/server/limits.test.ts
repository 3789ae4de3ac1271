/**
 * The endpoint's default body limit, set from the largest return a person can send (issue 11,
 * item 1): a few times above it, so no real return is refused with 413, and not far above it, so
 * a client cannot send megabytes of padding that the quotas then count.
 */
import { DEFAULT_BODY_LIMIT } from '../../../src/server/app';
import { largestPayload, templateTextLimits } from '../../support/largestPayload';

describe('the default body limit', () => {
  const bytes = Buffer.byteLength(JSON.stringify(largestPayload()));

  it('measures a return with every text cell at its template limit', () => {
    const limits = templateTextLimits('tinh-an-giang', 2025);
    // The four sections, 18 rows × 5 comparisons and 18 sources, the focal point.
    expect(limits.size).toBe(4 + 18 * 5 + 18 + 5);
    expect(bytes).toBeGreaterThan(600_000);
  });

  it('is two to five times the largest return', () => {
    expect(DEFAULT_BODY_LIMIT).toBeGreaterThanOrEqual(2 * bytes);
    expect(DEFAULT_BODY_LIMIT).toBeLessThanOrEqual(5 * bytes);
  });
});
