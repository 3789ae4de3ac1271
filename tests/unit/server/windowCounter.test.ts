import { WindowCounter } from '../../../src/server/windowCounter';

describe('WindowCounter', () => {
  it('counts per key within the window, says how long to wait, and starts again after it', () => {
    const c = new WindowCounter(2, 10_000);
    expect([c.hit('a', 0), c.hit('a', 1000), c.hit('a', 2500)].map((v) => v.exceeded)).toEqual([false, false, true]);
    expect(c.hit('a', 2500).retryAfterSeconds).toBe(8);
    expect(c.hit('b', 3000).exceeded).toBe(false);
    expect(c.hit('a', 10_000).exceeded).toBe(false);
  });

  it('peeks without counting: exceeded once the limit is reached', () => {
    const c = new WindowCounter(2, 10_000);
    expect(c.peek('a', 0).exceeded).toBe(false);
    c.hit('a', 0);
    expect(c.peek('a', 1).exceeded).toBe(false);
    c.hit('a', 2);
    expect(c.peek('a', 3)).toEqual({ exceeded: true, retryAfterSeconds: 10 });
    expect(c.peek('a', 10_001).exceeded).toBe(false);
  });

  it('keeps at most its capacity of keys, dropping the least recently counted', () => {
    const c = new WindowCounter(1, 60_000, 3);
    for (const key of ['a', 'b', 'c']) c.hit(key, 0);
    c.hit('a', 1);
    c.hit('d', 2);
    // b was dropped: it starts again from zero; a was kept.
    expect(c.hit('b', 3).exceeded).toBe(false);
    expect(c.hit('a', 4).exceeded).toBe(true);
  });
});
