/**
 * summarise does not depend on the order its inputs come in: a folder listed by name, files as
 * picked in the task pane, the endpoint listed by return id — any permutation of the same returns
 * gives the identical summary (conflicting figures, sector shares, the version picked, skipped).
 */
import fc from 'fast-check';
import { inCanonicalOrder } from '../../../src/domain/summary';
import { summarise } from '../../../src/domain/summary/summarise';
import type { ReturnInput } from '../../../src/domain/summary/types';
import { validPayload } from '../../support/payloads';
import { options, quarterInputs, setFigure } from './fixtures';

/** The hand-built quarter, plus two undated files of one unit (a tie only the file name breaks) and a co-responsible disagreement. */
function inputs(): ReturnInput[] {
  const { inputs: base } = quarterInputs();
  const a = validPayload({ unitId: 'bo-cong-thuong' }, { percent: 50 });
  const b = validPayload({ unitId: 'bo-cong-thuong' }, { percent: 50 });
  setFigure(a, '1.3', 2, 11);
  setFigure(b, '1.3', 2, 13);
  const kh = validPayload({ unitId: 'bo-ke-hoach-va-dau-tu' }, { percent: 50 });
  setFigure(kh, '1.5', 2, 42);
  return [
    ...base,
    { payload: a, source: { kind: 'file', file: 'bct-a.xlsx', receivedAt: null } },
    { payload: b, source: { kind: 'file', file: 'bct-b.xlsx', receivedAt: null } },
    { payload: kh, source: { kind: 'file', file: 'bkhdt.xlsx', receivedAt: '2025-07-02T01:00:00.000Z' } },
  ];
}

const expected = summarise(inputs(), options);

describe('summarise and the order of its inputs', () => {
  it('the fixture has conflicts and sector shares from several units', () => {
    expect(expected.indicators.filter((r) => r.conflicts.length > 1).length).toBeGreaterThan(0);
    expect(expected.indicators.find((r) => r.row === '1.2.OTHER')!.sectors!.length).toBeGreaterThan(1);
    expect(expected.skipped.length).toBeGreaterThan(1);
  });

  it('gives the identical summary for any permutation of the same inputs', () => {
    const all = inputs();
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        expect(summarise(shuffled, options)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('reversed too (the listing order most unlike the canonical one)', () => {
    expect(summarise([...inputs()].reverse(), options)).toEqual(expected);
  });

  it('inCanonicalOrder is a total order: any permutation sorts the same', () => {
    const all = inputs();
    const sorted = inCanonicalOrder(all);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        expect(inCanonicalOrder(shuffled)).toEqual(sorted);
      }),
      { numRuns: 40 },
    );
  });
});
