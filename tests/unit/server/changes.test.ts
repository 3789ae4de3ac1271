/**
 * The changes between two stored versions, as the versions and review routes give them: the same
 * as diffPayloads, from JSON text or its bytes, worked out once per pair (versions never change),
 * the cache bounded.
 */
import { diffPayloads } from '../../../src/domain/payload/diff';
import { changesJson, createChanges, type PayloadJson } from '../../../src/server/changes';
import { validPayload } from '../../support/payloads';

describe('changes between versions', () => {
  const payloads = new Map([50, 55, 60].map((percent, i) => [i + 1, JSON.stringify(validPayload({}, { percent }))]));
  const load = async (version: number) => Buffer.from(payloads.get(version)!, 'utf8');

  it('are diffPayloads of the two payloads, as JSON, from text or bytes', () => {
    const expected = diffPayloads(JSON.parse(payloads.get(1)!), JSON.parse(payloads.get(2)!));
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(changesJson(payloads.get(1)!, payloads.get(2)!))).toEqual(expected);
    expect(JSON.parse(changesJson(Buffer.from(payloads.get(1)!), Buffer.from(payloads.get(2)!)))).toEqual(expected);
  });

  it('are worked out once per pair, and the least recently used are dropped past the capacity', async () => {
    let computed = 0;
    const compute = async (before: PayloadJson, after: PayloadJson) => (computed++, changesJson(before, after));
    const pairSize = Buffer.byteLength(changesJson(payloads.get(1)!, payloads.get(2)!));
    const changes = createChanges(compute, 4 * pairSize + 10);
    const first = await changes.between('r', 1, 2, load);
    expect(JSON.parse(first.toString('utf8'))).toEqual(JSON.parse(changesJson(payloads.get(1)!, payloads.get(2)!)));
    await changes.between('r', 1, 2, load);
    expect(computed).toBe(1);
    // Another return's versions 1 and 2 are another pair.
    await changes.between('other', 1, 2, load);
    expect(computed).toBe(2);
    for (const [from, to] of [[2, 3], [1, 3], [3, 1], [3, 2]]) await changes.between('r', from!, to!, load);
    // About four pairs fit: the oldest used (r 1→2) was dropped, so it is worked out again.
    await changes.between('r', 1, 2, load);
    expect(computed).toBe(7);
  });
});
