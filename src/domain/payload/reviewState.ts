/**
 * The state of a return's review, from its append-only review entries (oldest first), as one pure
 * function shared by the endpoint and its tests.
 *
 * - A flag's state is its latest entry: open while that entry is a query.
 * - Accepting the return closes every question asked before it.
 * - Sending the return back is an open question about the whole return (flagKey null) until the
 *   reviewer's next word on the whole return (accepting it).
 * - When a version newer than the one the earliest open question was asked on has come in, the
 *   changes since that version are listed, so the reviewer sees what the reporter corrected.
 */
import type { Change, ReviewEntry, ReviewState, ReviewStatus } from './api';

export function reviewStateOf(
  returnId: string,
  entries: readonly ReviewEntry[],
  latestVersion: number,
  changesBetween: (fromVersion: number, toVersion: number) => Change[],
): ReviewState {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const returnLevel = sorted.filter((e) => e.flagKey === null);
  const lastReturnLevel = returnLevel[returnLevel.length - 1];
  const lastAcceptance = [...returnLevel].reverse().find((e) => e.action === 'acceptReturn');
  const cutoff = lastAcceptance?.id ?? 0;

  const latestByFlag = new Map<string, ReviewEntry>();
  for (const e of sorted) if (e.flagKey !== null && e.id > cutoff) latestByFlag.set(e.flagKey, e);
  const openQueries = [...latestByFlag.values()].filter((e) => e.action === 'query');
  if (lastReturnLevel?.action === 'sendBack') openQueries.push(lastReturnLevel);
  openQueries.sort((a, b) => a.id - b.id);

  const fromVersion = openQueries.length ? Math.min(...openQueries.map((q) => q.version)) : null;
  const changesSinceQueried =
    fromVersion !== null && latestVersion > fromVersion ? { fromVersion, toVersion: latestVersion, changes: changesBetween(fromVersion, latestVersion) } : null;

  let status: ReviewStatus;
  if (openQueries.length) status = changesSinceQueried ? 'resubmitted' : lastReturnLevel?.action === 'sendBack' ? 'sentBack' : 'queried';
  else if (lastReturnLevel?.action === 'acceptReturn' && lastReturnLevel.version === latestVersion) status = 'accepted';
  else status = sorted.length ? 'inReview' : 'new';

  return { returnId, latestVersion, status, openQueries, changesSinceQueried };
}
