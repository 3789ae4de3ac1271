/**
 * The endpoint's client, used by the add-in (browser fetch) and `chitieu submit` (Node's fetch).
 * Every answer is parsed with the API's zod schemas before it is believed; every failure becomes
 * an outcome the caller can act on (send again later, or tell the person what to fix), never a throw.
 */
import { API_PREFIX, ApiError, Receipt } from '../domain/payload/api';
import type { SubmissionPayload } from '../domain/payload/schema';

export interface EndpointConfig {
  /** Base URL of the endpoint, e.g. "https://chitieu.example.gov.vn" (no /api/v1). */
  url: string;
  token: string;
}

export type SubmitOutcome =
  | { status: 'accepted'; receipt: Receipt }
  /** The server refused the return or the request; sending the same thing again will not help. */
  | { status: 'refused'; httpStatus: number; error: ApiError }
  /**
   * Nothing definite came back (network down, server down, 5xx, 429, timeout; 503 when the
   * server's database is busy or down): nothing was stored, send the same payload again later —
   * not before retryAfterMs when the server said so (Retry-After).
   */
  | { status: 'unreachable'; httpStatus: number | null; reason: string; retryAfterMs?: number };

export interface ClientOptions {
  fetch?: typeof fetch;
  /** Abort one attempt after this long (default 30 s). */
  timeoutMs?: number;
}

/** Statuses after which the same request may succeed later. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Refusals for a quota (429 version-quota, 507 storage-quota): not worth sending again soon. */
const QUOTA_ERRORS = new Set(['version-quota', 'storage-quota']);

export function endpointUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + API_PREFIX + path;
}

function unknownError(status: number, text: string): ApiError {
  const detail = text.slice(0, 200);
  return {
    error: 'unexpected-answer',
    message: {
      vi: `Máy chủ trả lời không như mong đợi (HTTP ${status})${detail ? `: ${detail}` : ''}.`,
      en: `The server gave an unexpected answer (HTTP ${status})${detail ? `: ${detail}` : ''}.`,
    },
  };
}

/** What came back from one request: nothing (network down, timeout), or a status and its JSON body (null when not JSON). */
export type Exchange =
  | { reached: false; reason: string }
  | { reached: true; status: number; body: unknown; text: string; retryAfterMs?: number };

/** Retry-After in seconds (the endpoint never sends a date), as ms; absent or unreadable: undefined. */
function retryAfterOf(header: string | null): number | undefined {
  return header !== null && /^\d{1,6}$/.test(header.trim()) ? Number(header.trim()) * 1000 : undefined;
}

/**
 * One request to the endpoint with the token, a timeout and the answer read as JSON: the one
 * place the add-in's and the command line's clients (submit, review, aggregate) talk HTTP.
 */
export async function exchange(
  config: EndpointConfig,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown },
  options: ClientOptions = {},
): Promise<Exchange> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  let status: number;
  let text: string;
  let retryAfterMs: number | undefined;
  try {
    const response = await (options.fetch ?? fetch)(endpointUrl(config.url, path), {
      method: init.method,
      headers: {
        authorization: `Bearer ${config.token}`,
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: controller.signal,
    });
    status = response.status;
    retryAfterMs = retryAfterOf(response.headers.get('retry-after'));
    text = await response.text();
  } catch (error) {
    return { reached: false, reason: controller.signal.aborted ? 'timeout' : error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { reached: true, status, body, text, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

export async function submitPayload(config: EndpointConfig, payload: SubmissionPayload, options: ClientOptions = {}): Promise<SubmitOutcome> {
  const answer = await exchange(config, '/returns', { method: 'POST', body: payload }, options);
  if (!answer.reached) return { status: 'unreachable', httpStatus: null, reason: answer.reason };
  const { status, body, text } = answer;
  if (status === 200 || status === 201) {
    const receipt = Receipt.safeParse(body);
    if (receipt.success) return { status: 'accepted', receipt: receipt.data };
    // A 2xx we cannot read may still mean it was stored: the same submission id sent again is safe.
    return { status: 'unreachable', httpStatus: status, reason: 'unreadable receipt' };
  }
  const error = ApiError.safeParse(body);
  // A return's versions for the day are used up: waiting hours is not a retry, the person is told.
  const quota = error.success && QUOTA_ERRORS.has(error.data.error);
  if (RETRYABLE.has(status) && !quota) {
    return { status: 'unreachable', httpStatus: status, reason: `HTTP ${status}`, ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}) };
  }
  return { status: 'refused', httpStatus: status, error: error.success ? error.data : unknownError(status, text) };
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait before the next attempt: the backoff, or longer when the server asked (at most a minute). */
export function nextDelayMs(attempt: number, outcome: SubmitOutcome, random: () => number = Math.random): number {
  const asked = outcome.status === 'unreachable' ? Math.min(outcome.retryAfterMs ?? 0, 60_000) : 0;
  return Math.max(retryDelayMs(attempt, random), asked);
}

export interface RetryOptions extends ClientOptions {
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  onAttempt?: (attempt: number, outcome: SubmitOutcome) => void;
}

/**
 * Send until the server answers definitely (accepted or refused) or attempts run out. The payload,
 * and so its submission id, is the same every time: the server stores it once.
 */
export async function submitWithRetry(config: EndpointConfig, payload: SubmissionPayload, options: RetryOptions = {}): Promise<SubmitOutcome> {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let outcome: SubmitOutcome = { status: 'unreachable', httpStatus: null, reason: 'not sent' };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    outcome = await submitPayload(config, payload, options);
    options.onAttempt?.(attempt, outcome);
    if (outcome.status !== 'unreachable') return outcome;
    if (attempt < maxAttempts) await sleep(nextDelayMs(attempt, outcome));
  }
  return outcome;
}
