/**
 * What changed between two stored versions, as UTF-8 JSON ready to put in an answer. Versions are
 * immutable, so the changes between two of them never change: they are worked out once, in a
 * check thread (the two payloads parsed and compared: tens of milliseconds for large returns, which
 * the event loop does not spend), and kept, a bounded number of bytes of them, least recently used
 * dropped first.
 */
import { diffPayloads } from '../domain/payload/diff';
import type { SubmissionPayload } from '../domain/payload/schema';

/** A stored payload: JSON text, or its UTF-8 bytes as the store gives them. */
export type PayloadJson = string | Uint8Array;

const textOf = (json: PayloadJson) => (typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));

/** The changes from the payload `before` to `after`, as JSON. */
export function changesJson(before: PayloadJson, after: PayloadJson): string {
  return JSON.stringify(diffPayloads(JSON.parse(textOf(before)) as SubmissionPayload, JSON.parse(textOf(after)) as SubmissionPayload));
}

export interface Changes {
  /** The changes from version `from` to version `to` of a return, as UTF-8 JSON; `load` gives a version's payload when they must be worked out. */
  between(returnId: string, from: number, to: number, load: (version: number) => Promise<PayloadJson>): Promise<Buffer>;
}

/** Bytes of changes kept. */
export const CHANGES_CACHE_BYTES = 16 * 1024 * 1024;

export function createChanges(compute: (before: PayloadJson, after: PayloadJson) => Promise<string>, capacity = CHANGES_CACHE_BYTES): Changes {
  const kept = new Map<string, Buffer>();
  let size = 0;
  return {
    async between(returnId, from, to, load) {
      const key = `${returnId}\u0000${from}\u0000${to}`;
      const hit = kept.get(key);
      if (hit !== undefined) {
        // Last used last: the Map's order is the order of use.
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const [before, after] = await Promise.all([load(from), load(to)]);
      const json = Buffer.from(await compute(before, after), 'utf8');
      if (json.length <= capacity / 4 && !kept.has(key)) {
        kept.set(key, json);
        size += json.length;
        for (const [k, v] of kept) {
          if (size <= capacity) break;
          kept.delete(k);
          size -= v.length;
        }
      }
      return json;
    },
  };
}
