/**
 * buildUsablePayload: what merge makes of a return with errors. What reads is kept; a figure that
 * is not a figure and a text the payload cannot carry are left out, each marked by an error flag
 * on its cell — the check's own flag where it flagged the cell, else one of its own (here the
 * check is given without flags, as if a rule were missing, to show nothing is left out unmarked).
 * A return that reads whole gives buildPayload's very payload.
 */
import { NARRATIVE_NAMES, tableCellName } from '../../../src/domain/cellContract';
import type { CheckResult } from '../../../src/domain/flags';
import { PayloadError, buildPayload } from '../../../src/domain/payload/buildPayload';
import { MAX_SECTION } from '../../../src/domain/payload/schema';
import { LEFT_OUT_RULE, buildUsablePayload } from '../../../src/domain/summary/usablePayload';
import { aReturn, check, steady, text } from '../domain/validate/builders';

const META = { submissionId: '00000000-0000-4000-8000-000000000001', submittedAt: '2025-07-01T00:00:00.000Z', quarter: 2 };
const noFlags = (c: CheckResult): CheckResult => ({ ...c, flags: [], counts: { error: 0, warning: 0, info: 0 } });

function bytReturn() {
  const b = aReturn('bo-y-te', 2025, 2);
  for (const row of ['1.2.OTHER', '2.8', '2.9']) steady(b, row, 40, 2);
  return b;
}

describe('buildUsablePayload', () => {
  it('a return that reads whole: buildPayload’s payload, nothing left out', () => {
    const data = bytReturn().build();
    const usable = buildUsablePayload(data, check(data), META);
    expect(usable.leftOut).toEqual([]);
    expect(usable.payload).toEqual(buildPayload(data, check(data), META));
  });

  it('leaves out a figure that is not a figure, keeps the rest, and keeps the check’s error flag on it', () => {
    const data = bytReturn().cell('2.8', 'Q2', text('khoảng mười lăm')).build();
    const checked = check(data);
    expect(() => buildPayload(data, checked, META)).toThrow(PayloadError);
    const { payload, leftOut } = buildUsablePayload(data, checked, META);
    const at = (row: string, q: number) => payload.figures.find((f) => f.row === row && f.quarter === q);
    expect(at('2.8', 2)).toBeUndefined();
    expect(at('2.8', 1)).toMatchObject({ status: 'number', value: 40 });
    expect(at('2.9', 2)).toMatchObject({ status: 'number', value: 40 });
    expect(leftOut.map((l) => l.cellName)).toEqual([tableCellName('2.8', 'Q2')]);
    const errors = payload.clientFlags.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.cellName)).toContain(tableCellName('2.8', 'Q2'));
    expect(errors.some((f) => f.rule === LEFT_OUT_RULE)).toBe(false);
  });

  it('marks what it leaves out where no check flagged it: a figure, a section too long', () => {
    const data = bytReturn().cell('2.9', 'Q1', text('10-12%')).section('trend', 'x'.repeat(MAX_SECTION + 1)).build();
    const { payload, leftOut } = buildUsablePayload(data, noFlags(check(data)), META);
    expect(leftOut.map((l) => l.cellName).sort()).toEqual([NARRATIVE_NAMES.trend, tableCellName('2.9', 'Q1')].sort());
    expect(payload.sections.trend).toBe('');
    expect(payload.figures.some((f) => f.row === '2.9' && f.quarter === 1)).toBe(false);
    expect(payload.clientFlags.map((f) => [f.rule, f.severity, f.cellName, f.key]).sort()).toEqual(
      [
        [LEFT_OUT_RULE, 'error', NARRATIVE_NAMES.trend, `${LEFT_OUT_RULE}:${NARRATIVE_NAMES.trend}`],
        [LEFT_OUT_RULE, 'error', tableCellName('2.9', 'Q1'), `${LEFT_OUT_RULE}:${tableCellName('2.9', 'Q1')}`],
      ].sort(),
    );
  });

  it('never leaves out whose return it is: no unit id is thrown as buildPayload throws it', () => {
    const data = { ...bytReturn().build(), unitId: { value: null } };
    expect(() => buildUsablePayload(data, noFlags(check(data)), META)).toThrow(PayloadError);
  });
});
