/**
 * POST /api/v1/returns: a reporting unit submits its return.
 *
 * Order matters: the token first (401/403), then the submission id — a submission id stored
 * before answers with its first receipt at once (200, created: false) when the content is the
 * same (409 when it is not), without checking the payload again, so retries are cheap — then, in a worker thread (submissionCheck.ts), the
 * schema (400), whether the unit may report (422) and the server's own check (422 with the
 * errors), and finally the store, which numbers the version and keeps the submission id unique
 * even between processes.
 */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, returnIdOf, type Receipt } from '../../domain/payload/api';
import type { Authenticate } from '../auth';
import { contentSubmissionId } from '../../submit/contentId';
import type { CheckPool } from '../checkPool';
import { apiError, HttpError } from '../messages';
import { QuotaExceededError, versionsPerDayRefusal, type Quotas, type ReturnStore, type StoredVersion } from '../store/port';

export function receiptOf(version: StoredVersion, created: boolean): Receipt {
  return {
    receiptNumber: version.receiptNumber,
    returnId: version.returnId,
    submissionId: version.submissionId,
    unitId: version.unitId,
    year: version.year,
    quarter: version.quarter,
    version: version.version,
    receivedAt: version.receivedAt,
    created,
  };
}

export interface SubmitRouteOptions {
  store: ReturnStore;
  checks: CheckPool;
  quotas: Quotas;
  auth: Authenticate;
}

/** A quota refusal as an answer: 429 with Retry-After for a full day's window, 507 for a full unit. */
function quotaError(error: QuotaExceededError): HttpError {
  if (error.quota === 'versions-per-day') {
    const hours = Math.ceil((error.retryAfterSeconds ?? 3600) / 3600);
    return new HttpError(429, apiError('version-quota', { limit: error.limit, hours }), { 'retry-after': String(error.retryAfterSeconds ?? 3600) });
  }
  return new HttpError(507, apiError('storage-quota', { mib: Math.floor(error.limit / (1024 * 1024)) }));
}

/**
 * A stored submission sent again: the same unit and the same content (all but its id and time,
 * compared as a hash of the canonical JSON, so key order and spacing do not matter) is a retry,
 * answered with the first receipt; anything else under that id is refused (409).
 */
function sameSubmission(stored: StoredVersion, body: Record<string, unknown>, unitId: string): StoredVersion {
  if (stored.unitId !== unitId) throw new HttpError(409, apiError('submission-id-taken'));
  if (contentSubmissionId(JSON.parse(stored.payloadJson) as object) !== contentSubmissionId(body)) {
    throw new HttpError(409, apiError('submission-id-reused'));
  }
  return stored;
}

async function refuseOverDailyQuota(store: ReturnStore, quotas: Quotas, body: Record<string, unknown>): Promise<void> {
  const { unitId, year, quarter } = body;
  if (quotas.versionsPerReturnPerDay <= 0 || typeof unitId !== 'string' || !Number.isInteger(year) || !Number.isInteger(quarter)) return;
  const returnId = returnIdOf(unitId, year as number, quarter as number);
  const windowStart = await store.windowStartOf(returnId, quotas.versionsPerReturnPerDay);
  const refusal = versionsPerDayRefusal(quotas, windowStart ?? undefined, new Date().toISOString());
  if (refusal) throw quotaError(refusal);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function submitRoute(app: FastifyInstance, { store, checks, quotas, auth }: SubmitRouteOptions): void {
  app.post(`${API_PREFIX}/returns`, { onRequest: auth }, async (request, reply) => {
    const token = request.token!;
    if (token.role !== 'reporter') throw new HttpError(403, apiError('not-reporter'));
    const body = request.body;
    if (!isObject(body)) throw new HttpError(400, apiError('invalid-payload', {}, { issues: [{ path: '', message: 'Expected an object' }] }));

    if (typeof body.submissionId === 'string') {
      // Ids are kept in lower case (the schema lower-cases them): the same UUID in capitals is the same submission.
      const stored = await store.findBySubmissionId(body.submissionId.toLowerCase());
      if (stored) return reply.code(200).send(receiptOf(sameSubmission(stored, body, token.unitId), false));
    }
    if (typeof body.unitId === 'string' && body.unitId !== token.unitId) {
      throw new HttpError(403, apiError('wrong-unit', { tokenUnit: token.unitId, unit: body.unitId.slice(0, 200) }));
    }

    // A return whose versions for the day are used up is refused before any work (the insert checks again).
    await refuseOverDailyQuota(store, quotas, body);

    // Schema, unit and validation run in a worker thread (CPU work); the event loop stores.
    const verdict = await checks.judge(body);
    if (!verdict.ok) throw new HttpError(verdict.status, verdict.body);

    const outcome = await store
      .insertVersion(
        {
          submissionId: verdict.submissionId,
          unitId: verdict.unitId,
          year: verdict.year,
          quarter: verdict.quarter,
          payloadJson: verdict.payloadJson,
          flagsJson: verdict.flagsJson,
          warnings: verdict.warnings,
          infos: verdict.infos,
          tokenId: token.id,
          receivedAt: new Date().toISOString(),
        },
        quotas,
      )
      .catch((error: unknown) => {
        throw error instanceof QuotaExceededError ? quotaError(error) : error;
      });
    // Another process (or request) may have stored the same submission id meanwhile.
    if (!outcome.created) sameSubmission(outcome.version, body, token.unitId);
    return reply.code(outcome.created ? 201 : 200).send(receiptOf(outcome.version, outcome.created));
  });
}
