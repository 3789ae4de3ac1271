/**
 * Fixed-window request counters, per key (an address, a token id), in the process's memory. Why
 * not @fastify/rate-limit: one request passes through several counters (its address before
 * authentication, its token after, its address again when authentication fails) and the
 * failures' counter is read without counting; that plugin runs one limiter per request and
 * counts on every read.
 *
 * Bounded: at most `capacity` keys are kept, the least recently counted dropped first (a dropped
 * key starts again from zero, as after its window), so many addresses cannot grow the process.
 */
export interface Verdict {
  exceeded: boolean;
  /** Seconds until the key's window ends (at least 1). */
  retryAfterSeconds: number;
}

export class WindowCounter {
  private readonly entries = new Map<string, { count: number; start: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly capacity = 10_000,
  ) {}

  /** Counts one request of `key` and says whether it is over the limit. */
  hit(key: string, now = Date.now()): Verdict {
    let entry = this.live(key, now);
    if (entry) this.entries.delete(key);
    else entry = { count: 0, start: now };
    entry.count++;
    // Re-inserted last: the Map's order is the order keys were last counted.
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return this.verdict(entry, now);
  }

  /** Whether one more of `key` would be over the limit, without counting. */
  peek(key: string, now = Date.now()): Verdict {
    const entry = this.live(key, now);
    return entry ? { ...this.verdict(entry, now), exceeded: entry.count >= this.max } : { exceeded: this.max <= 0, retryAfterSeconds: 1 };
  }

  private live(key: string, now: number) {
    const entry = this.entries.get(key);
    return entry && now - entry.start < this.windowMs ? entry : undefined;
  }

  private verdict(entry: { count: number; start: number }, now: number): Verdict {
    return { exceeded: entry.count > this.max, retryAfterSeconds: Math.max(1, Math.ceil((entry.start + this.windowMs - now) / 1000)) };
  }
}
