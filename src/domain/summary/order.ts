/**
 * One order for the returns, whatever their source and however they were listed: by unit, year,
 * quarter, then version (an endpoint's) or receipt time, then where they came from (receipt
 * number or file name), then submission id. summarise puts its inputs in this order before it
 * reads them, so the returns of a quarter in any order — a folder listed by file name, files as
 * picked in the task pane, the endpoint listed by return id — give the same summary: the same
 * version picked, conflicting figures and sector shares in the same order.
 *
 * Pure (no Node, no DOM): bundled in the task pane and used by `chitieu merge`.
 */
import { describeSource } from './pickReturns';
import type { ReturnInput } from './types';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed {
  input: ReturnInput;
  rank: number;
  time: number;
  source: string;
}

const keyOf = (input: ReturnInput): Keyed => ({
  input,
  rank: input.source.kind === 'endpoint' ? input.source.version : 0,
  time: input.source.receivedAt ? Date.parse(input.source.receivedAt) : -Infinity,
  source: describeSource(input),
});

const compareKeyed = (a: Keyed, b: Keyed): number =>
  compare(a.input.payload.unitId, b.input.payload.unitId) ||
  a.input.payload.year - b.input.payload.year ||
  a.input.payload.quarter - b.input.payload.quarter ||
  a.rank - b.rank ||
  (a.time === b.time ? 0 : a.time < b.time ? -1 : 1) ||
  compare(a.source, b.source) ||
  compare(a.input.payload.submissionId, b.input.payload.submissionId);

/** Negative when `a` comes before `b` in the canonical order; between two returns of one unit and quarter, the later one comes last. */
export const compareInputs = (a: ReturnInput, b: ReturnInput): number => compareKeyed(keyOf(a), keyOf(b));

export function inCanonicalOrder(inputs: readonly ReturnInput[]): ReturnInput[] {
  return inputs.map(keyOf).sort(compareKeyed).map((k) => k.input);
}
