/**
 * A submission id derived from what a return says, for `chitieu submit`: the same content gives
 * the same id, so sending the same file again (after a lost answer, from a script that runs twice,
 * or after the receipt was written into the file) is recognised by the server as the same
 * submission — it returns the first receipt and stores nothing. A corrected file says something
 * else, so it gets another id and becomes the return's next version.
 *
 * The id is shaped as a UUID v4 (version nibble 4, variant 10xx), which the payload schema asks
 * for, taken from the SHA-256 of a canonical JSON of the payload without its submissionId and
 * submittedAt (object keys sorted at every depth; arrays keep their order, which is content).
 */
import { createHash } from 'node:crypto';

/** Fields of the payload that say when and under which id it was sent, not what it says. */
const NOT_CONTENT = new Set(['submissionId', 'submittedAt']);

/** Marks the hash as this scheme's, so a future scheme cannot collide with it by accident. */
const DOMAIN = 'chitieu/submission-content/v1\n';

/**
 * JSON with object keys sorted at every depth, as JSON.stringify would write it otherwise
 * (undefined members left out, undefined in arrays as null, non-finite numbers as null).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return canonicalJson(withJson.toJSON());
  if (Array.isArray(value)) return '[' + value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item))).join(',') + ']';
  const entries = Object.keys(value)
    .filter((key) => {
      const member = (value as Record<string, unknown>)[key];
      return member !== undefined && typeof member !== 'function';
    })
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return '{' + entries.join(',') + '}';
}

/** The payload's content: everything but its submissionId and submittedAt. */
export function payloadContent(payload: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !NOT_CONTENT.has(key)));
}

/** The first 16 bytes of a digest shaped as a UUID v4 (version nibble 4, variant 10xx), lower-case. */
export function uuidFromDigest(digest: Uint8Array): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The submission id of a payload's content (a submissionId or submittedAt it carries is ignored),
 * lower-case, "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx".
 */
export function contentSubmissionId(payload: object): string {
  return uuidFromDigest(createHash('sha256').update(DOMAIN + canonicalJson(payloadContent(payload)), 'utf8').digest());
}
