/**
 * The endpoint's review client (the Duyệt tab, and the reporter's add-in reading its open queries).
 * Every answer is parsed with the API's zod schemas before it is believed; every failure is an
 * outcome with a message in both languages, never a throw.
 */
import type { z } from 'zod/v4';
import {
  ApiError,
  ReturnList,
  ReviewEntry,
  ReviewList,
  ReviewState,
  VersionList,
  returnIdOf,
  type ReviewRequest,
} from '../domain/payload/api';
import { exchange, type EndpointConfig } from '../submit/client';
import { everyPage, type Paged } from './pages';

export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; httpStatus: number | null; error: ApiError };

export interface ReviewClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

function failure(httpStatus: number | null, vi: string, en: string): ApiOutcome<never> {
  return { ok: false, httpStatus, error: { error: httpStatus === null ? 'unreachable' : 'unexpected-answer', message: { vi, en } } };
}

async function call<S extends z.ZodType>(
  config: EndpointConfig,
  path: string,
  schema: S,
  options: ReviewClientOptions,
  init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
): Promise<ApiOutcome<z.infer<S>>> {
  const answer = await exchange(config, path, init, options);
  if (!answer.reached) return failure(null, `Không kết nối được máy chủ: ${answer.reason}`, `Could not reach the server: ${answer.reason}`);
  const { status, body } = answer;
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
    return failure(status, `Máy chủ trả lời không như mong đợi (HTTP ${status}).`, `The server gave an unexpected answer (HTTP ${status}).`);
  }
  const error = ApiError.safeParse(body);
  if (error.success) return { ok: false, httpStatus: status, error: error.data };
  return failure(status, `Máy chủ trả lời HTTP ${status}.`, `The server answered HTTP ${status}.`);
}

const enc = encodeURIComponent;

/** A list the server answers in pages, read whole: the items of every page, the rest from the last. */
async function callAll<S extends z.ZodType<Paged>>(
  config: EndpointConfig,
  path: string,
  schema: S,
  options: ReviewClientOptions,
  merge: (pages: z.infer<S>[]) => z.infer<S>,
): Promise<ApiOutcome<z.infer<S>>> {
  const read = await everyPage(
    path,
    (p) => call(config, p, schema, options),
    () => failure(200, 'Máy chủ trả lại mãi cùng một trang.', 'The server keeps answering the same page.'),
  );
  return read.ok ? { ok: true, data: merge(read.data) } : read;
}

/** The last page with the items of every page under `key`. */
const concatenated =
  <K extends string>(key: K) =>
  <P extends Record<K, unknown[]> & Paged>(pages: P[]): P => ({ ...pages[pages.length - 1]!, [key]: pages.flatMap((p) => p[key]), nextCursor: null });

export function listReturns(config: EndpointConfig, filter: { year?: number; quarter?: number; unit?: string }, options: ReviewClientOptions = {}) {
  const query = new URLSearchParams();
  if (filter.year !== undefined) query.set('year', String(filter.year));
  if (filter.quarter !== undefined) query.set('quarter', String(filter.quarter));
  if (filter.unit !== undefined) query.set('unit', filter.unit);
  const qs = query.toString();
  return callAll(config, `/returns${qs ? `?${qs}` : ''}`, ReturnList, options, concatenated('returns'));
}

/** Every version of a return (the server answers in pages; each is followed). */
export function getVersions(config: EndpointConfig, returnId: string, options: ReviewClientOptions = {}) {
  return callAll(config, `/returns/${enc(returnId)}/versions`, VersionList, options, concatenated('versions'));
}

/** Every review entry of a return and its state (from the last page, read last). */
export function getReviews(config: EndpointConfig, returnId: string, options: ReviewClientOptions = {}) {
  return callAll(config, `/returns/${enc(returnId)}/reviews`, ReviewList, options, concatenated('reviews'));
}

export function getReviewState(config: EndpointConfig, returnId: string, options: ReviewClientOptions = {}) {
  return call(config, `/returns/${enc(returnId)}/review-state`, ReviewState, options);
}

export function postReview(config: EndpointConfig, returnId: string, review: ReviewRequest, options: ReviewClientOptions = {}) {
  return call(config, `/returns/${enc(returnId)}/reviews`, ReviewEntry, options, { method: 'POST', body: review });
}

/** The return a receipt is for (the reporter's workbook keeps its last receipt). */
export function returnIdOfReceipt(receipt: { unitId: string; year: number; quarter: number }): string {
  return returnIdOf(receipt.unitId, receipt.year, receipt.quarter);
}
