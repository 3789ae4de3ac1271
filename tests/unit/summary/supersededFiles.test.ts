/**
 * SupersededFiles (what `chitieu merge` keeps while reading): summarise over the folded inputs
 * gives the very summary it gives over every file, whatever order the files are read in — while
 * only the latest file of each unit, year and quarter keeps its content.
 */
import fc from 'fast-check';
import { summarise } from '../../../src/domain/summary/summarise';
import { SupersededFiles, type FileReturnInput } from '../../../src/domain/summary/supersededFiles';
import { validPayload } from '../../support/payloads';
import { options, setFigure } from './fixtures';

const UNITS = ['bo-tai-chinh', 'bo-y-te', 'bo-cong-thuong', 'tinh-cao-bang'] as const;
const TIMES = [null, '2025-07-01T02:00:00.000Z', '2025-07-03T10:00:00.000Z', '2025-07-08T03:00:00.000Z', '2025-04-03T01:00:00.000Z'] as const;

interface Version {
  unit: number;
  year: number;
  quarter: number;
  time: number;
  value: number;
  provisional: boolean;
  trend: string;
}

const version = fc.record({
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
  year: fc.constantFrom(2025, 2025, 2025, 2024),
  quarter: fc.integer({ min: 1, max: 3 }),
  time: fc.integer({ min: 0, max: TIMES.length - 1 }),
  value: fc.integer({ min: 10, max: 90 }),
  provisional: fc.boolean(),
  trend: fc.constantFrom('', 'Tăng.', 'Giảm nhẹ.'),
});

/** Payloads are built once per (unit, year, quarter) and copied: building one takes a few ms. */
const bases = new Map<string, ReturnType<typeof validPayload>>();
function fileInput(v: Version, index: number): FileReturnInput {
  const key = `${v.unit}/${v.year}/${v.quarter}`;
  let base = bases.get(key);
  if (!base) bases.set(key, (base = validPayload({ unitId: UNITS[v.unit]!, year: v.year, quarter: v.quarter }, { percent: 50 })));
  const payload = structuredClone(base);
  payload.submissionId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  setFigure(payload, '1.1', v.quarter, v.value, { provisional: v.provisional });
  setFigure(payload, '1.2.OTHER', v.quarter, v.value / 10);
  payload.sections = { ...payload.sections, trend: v.trend };
  // File names repeat across units and years as in real folders; within one listing each is unique.
  return { payload, source: { kind: 'file', file: `tra-ve-${String(index % 7)}-${index}.xlsx`, receivedAt: TIMES[v.time]! } };
}

function folded(inputs: readonly FileReturnInput[]) {
  const f = new SupersededFiles();
  for (const input of inputs) f.add(input);
  return f.inputs();
}

describe('SupersededFiles', () => {
  it('summarise over the folded inputs equals summarise over all of them, in any reading order', () => {
    fc.assert(
      fc.property(
        fc.array(version, { minLength: 1, maxLength: 14 }).chain((versions) => {
          const inputs = versions.map(fileInput);
          return fc.tuple(fc.constant(inputs), fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }));
        }),
        ([inputs, readingOrder]) => {
          expect(summarise(folded(readingOrder), options)).toEqual(summarise(inputs, options));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the content of one file per unit, year and quarter: the latest', () => {
    const v = (time: number, value: number): Version => ({ unit: 0, year: 2025, quarter: 2, time, value, provisional: false, trend: 'Tăng.' });
    const inputs = [fileInput(v(2, 31), 1), fileInput(v(3, 33), 2), fileInput(v(1, 30), 3), fileInput(v(0, 29), 4)];
    const out = folded(inputs);
    expect(out).toHaveLength(4);
    const withFigures = out.filter((i) => i.payload.figures.length > 0);
    // The one received last (8 July) is the latest, wherever it came in the reading.
    expect(withFigures.map((i) => i.source.kind === 'file' && i.source.file)).toEqual([inputs[1]!.source.file]);
    expect(out.filter((i) => i.payload.sections.trend !== '')).toHaveLength(1);
    expect(summarise(out, options).indicators.find((r) => r.row === '1.1')!.quarters[1]!.value).toBe(33);
  });

  it('between undated files the one listed last is the latest (as a folder is listed)', () => {
    const v = (value: number): Version => ({ unit: 0, year: 2025, quarter: 2, time: 0, value, provisional: false, trend: '' });
    const a = fileInput(v(41), 1);
    const b = fileInput(v(42), 2);
    (a.source as { file: string }).file = 'b-later.xlsx';
    (b.source as { file: string }).file = 'a-earlier.xlsx';
    const out = folded([a, b]);
    expect(out.find((i) => i.payload.figures.length > 0)!.source).toEqual(a.source);
  });
});
