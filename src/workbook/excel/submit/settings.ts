/**
 * The submission's workbook settings (Office.js `context.workbook.settings`, saved inside the
 * file, so they travel with it): the pending submission until the endpoint acknowledges it, the
 * last receipt, the final mark of an e-mail export, and the acknowledged warnings. Never the
 * endpoint's token: a workbook travels by e-mail.
 */
import type { Receipt } from '../../../domain/payload/api';
import { Receipt as ReceiptSchema } from '../../../domain/payload/api';
import { SubmissionPayload } from '../../../domain/payload/schema';
import type { PendingSubmissionInfo, SubmissionState } from '../../port';

export const PENDING_SETTING = 'chitieu.pendingSubmission';
export const ACKNOWLEDGED_SETTING = 'chitieu.acknowledged';
export const LAST_RECEIPT_SETTING = 'chitieu.lastReceipt';
export const FINAL_SETTING = 'chitieu.final';
/** What the last accepted submission said (a digest of its content), so an unchanged return is not sent again. */
export const LAST_CONTENT_SETTING = 'chitieu.lastSentContent';

/** What `chitieu.pendingSubmission` holds. */
export interface StoredPending {
  payload: SubmissionPayload;
  /** The endpoint's base URL it is meant for; never the token. */
  endpoint: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface StoredSubmission {
  pending: StoredPending | null;
  lastReceipt: Receipt | null;
  final: { at: string; submissionId: string } | null;
  acknowledged: string[];
  /** The digest of the content the last receipt is for (contentDigest), when this add-in sent it. */
  lastContent: { submissionId: string; digest: string } | null;
}

/** Settings may be stored as objects or (by other tools) as JSON text. */
function decode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function parsePending(value: unknown): StoredPending | null {
  const v = decode(value) as Partial<StoredPending> | null;
  if (!v || typeof v !== 'object') return null;
  const payload = SubmissionPayload.safeParse(v.payload);
  // A damaged pending record cannot be sent as it is; the next Gửi builds a new one.
  if (!payload.success) return null;
  return {
    payload: payload.data,
    endpoint: typeof v.endpoint === 'string' ? v.endpoint : null,
    attempts: typeof v.attempts === 'number' && v.attempts >= 0 ? Math.floor(v.attempts) : 0,
    lastError: typeof v.lastError === 'string' ? v.lastError : null,
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : payload.data.submittedAt,
  };
}

function parseFinal(value: unknown): StoredSubmission['final'] {
  const v = decode(value) as { at?: unknown; submissionId?: unknown } | null;
  return v && typeof v.at === 'string' && typeof v.submissionId === 'string' ? { at: v.at, submissionId: v.submissionId } : null;
}

/** Unique non-empty string keys; anything else in the setting is dropped. Shared with the check. */
export function parseAcknowledged(value: unknown): string[] {
  const v = decode(value);
  return Array.isArray(v) ? [...new Set(v.filter((k): k is string => typeof k === 'string' && k.length > 0))] : [];
}

/** Queues the four settings' reads; call the result after the caller's sync. */
export function queueReadSubmission(context: Excel.RequestContext): () => StoredSubmission {
  const settings = context.workbook.settings;
  const items = [PENDING_SETTING, LAST_RECEIPT_SETTING, FINAL_SETTING, ACKNOWLEDGED_SETTING, LAST_CONTENT_SETTING].map((key) => {
    const item = settings.getItemOrNullObject(key);
    item.load('value');
    return item;
  });
  return () => {
    const [pending, receipt, final, acknowledged, lastContent] = items.map((i) => (i.isNullObject ? null : (i.value as unknown)));
    const parsedReceipt = ReceiptSchema.safeParse(decode(receipt));
    return {
      pending: parsePending(pending),
      lastReceipt: parsedReceipt.success ? parsedReceipt.data : null,
      final: parseFinal(final),
      acknowledged: parseAcknowledged(acknowledged),
      lastContent: parseLastContent(lastContent),
    };
  };
}

function parseLastContent(value: unknown): StoredSubmission['lastContent'] {
  const v = decode(value) as { submissionId?: unknown; digest?: unknown } | null;
  return v && typeof v.submissionId === 'string' && typeof v.digest === 'string' ? { submissionId: v.submissionId, digest: v.digest } : null;
}

/**
 * A short digest of a payload's content (SHA-256 of contentFingerprint, hex) to keep in the
 * workbook; the fingerprint itself where the browser has no Web Crypto.
 */
export async function contentDigest(payload: SubmissionPayload): Promise<string> {
  const text = contentFingerprint(payload);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return text;
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function pendingInfo(p: StoredPending): PendingSubmissionInfo {
  return {
    submissionId: p.payload.submissionId,
    unitId: p.payload.unitId,
    year: p.payload.year,
    quarter: p.payload.quarter,
    createdAt: p.createdAt,
    endpoint: p.endpoint,
    attempts: p.attempts,
    lastError: p.lastError,
  };
}

export function publicState(s: StoredSubmission): SubmissionState {
  return { pending: s.pending ? pendingInfo(s.pending) : null, lastReceipt: s.lastReceipt, final: s.final, acknowledged: s.acknowledged };
}

/**
 * What the return says, without the submission's identity: two payloads with the same fingerprint
 * are the same submission, so a pending one is reused (same id: stored once by the server).
 */
export function contentFingerprint(payload: SubmissionPayload): string {
  const { submissionId: _id, submittedAt: _at, ...content } = payload;
  return stableJson(content);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
