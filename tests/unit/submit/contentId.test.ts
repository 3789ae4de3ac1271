import fc from 'fast-check';
import { SubmissionPayload, type SubmissionPayload as Payload } from '../../../src/domain/payload/schema';
import { canonicalJson, contentSubmissionId } from '../../../src/submit/contentId';
import { validPayload } from '../../support/payloads';

/** The same expression as schema.ts's UUID_V4 (which the schema applies to submissionId). */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The same value with every object's keys in another order (arrays keep theirs). */
function reorder(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, pick));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const shuffled: string[] = [];
  while (keys.length) shuffled.push(keys.splice(pick(keys.length), 1)[0]!);
  return Object.fromEntries(shuffled.map((k) => [k, reorder((value as Record<string, unknown>)[k], pick)]));
}

const base: Payload = validPayload();

describe('contentSubmissionId', () => {
  it('is a UUID v4 the payload schema accepts, lower-case, and stable', () => {
    const id = contentSubmissionId(base);
    expect(id).toMatch(UUID_V4);
    expect(id).toBe(id.toLowerCase());
    expect(SubmissionPayload.safeParse({ ...base, submissionId: id }).success).toBe(true);
    expect(contentSubmissionId(structuredClone(base))).toBe(id);
  });

  it('ignores the submission id and time the payload carries', () => {
    const other = { ...base, submissionId: 'ffffffff-ffff-4fff-bfff-ffffffffffff', submittedAt: '2030-01-01T00:00:00.000Z' };
    expect(contentSubmissionId(other)).toBe(contentSubmissionId(base));
    const { submissionId: _id, submittedAt: _at, ...content } = base;
    expect(contentSubmissionId(content)).toBe(contentSubmissionId(base));
  });

  it('property: the order of keys, at any depth, does not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), (choices) => {
        let i = 0;
        const pick = (n: number) => choices[i++ % choices.length]! % n;
        expect(contentSubmissionId(reorder(base, pick) as object)).toBe(contentSubmissionId(base));
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (value, choices) => {
        let i = 0;
        const pick = (n: number) => choices[i++ % choices.length]! % n;
        expect(canonicalJson(reorder(value, pick))).toBe(canonicalJson(value));
      }),
      { numRuns: 200 },
    );
  });

  it('property: any change of a figure changes the id', () => {
    const numbers = base.figures.map((f, i) => [f, i] as const).filter(([f]) => f.status === 'number');
    expect(numbers.length).toBeGreaterThan(0);
    const original = contentSubmissionId(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...numbers.map(([, i]) => i)),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (index, value) => {
          fc.pre(value !== base.figures[index]!.value);
          const changed = structuredClone(base);
          changed.figures[index] = { ...changed.figures[index]!, value, typed: `${value}%` };
          expect(contentSubmissionId(changed)).not.toBe(original);
          // The value alone, too: what the server stores is the value.
          const valueOnly = structuredClone(base);
          valueOnly.figures[index] = { ...valueOnly.figures[index]!, value };
          expect(contentSubmissionId(valueOnly)).not.toBe(original);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changes with any other content: typed text, status, a section, the focal point, a justification, the quarter', () => {
    const ids = new Set([contentSubmissionId(base)]);
    const variants: ((p: Payload) => void)[] = [
      (p) => (p.figures[0]!.typed = p.figures[0]!.typed + ' '),
      (p) => (p.figures[0]!.provisional = !p.figures[0]!.provisional),
      (p) => (p.sections.trend = p.sections.trend + '.'),
      (p) => (p.focalPoint.phone = '0000'),
      (p) => (p.justifications['x:CT_1_1_Q1'] = 'lý do'),
      (p) => (p.quarter = 3),
      (p) => p.figures.reverse(),
    ];
    for (const change of variants) {
      const p = structuredClone(base);
      change(p);
      ids.add(contentSubmissionId(p));
    }
    expect(ids.size).toBe(variants.length + 1);
  });

  it('property: always a UUID v4, whatever the content', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(contentSubmissionId(value)).toMatch(UUID_V4);
      }),
      { numRuns: 300 },
    );
  });

  it('canonicalJson writes what JSON.stringify writes, keys sorted', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: 'x' }], u: undefined })).toBe('{"a":[3,{"c":"x","d":null}],"b":1}');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'));
      }),
      { numRuns: 200 },
    );
  });
});
