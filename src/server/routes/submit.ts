/**
 * POST /api/v1/returns: a reporting unit submits its return.
 *
 * Order matters: the token first (401/403), then the submission id — a submission id stored
 * before answers with its first receipt at once (200, created: false), without checking the
 * payload again, so retries are cheap — then the schema (400), whether the unit may report
 * (422), the server's own check (422 with the errors), and finally the store, which numbers
 * the version and keeps the submission id unique even between processes.
 */
import type { FastifyInstance } from 'fastify';
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { API_PREFIX, type ApiError, type Receipt } from '../../domain/payload/api';
import { acceptance, checkPayload, unitMayReport } from '../../domain/payload/checkPayload';
import { SubmissionPayload, formatPayloadIssues } from '../../domain/payload/schema';
import { requireToken } from '../auth';
import { apiError, HttpError } from '../messages';
import type { ReturnStore, StoredVersion } from '../store/port';

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
  catalogue: Catalogue;
  units: UnitList;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function submitRoute(app: FastifyInstance, { store, catalogue, units }: SubmitRouteOptions): void {
  app.post(`${API_PREFIX}/returns`, { onRequest: requireToken(store) }, async (request, reply) => {
    const token = request.token!;
    if (token.role !== 'reporter') throw new HttpError(403, apiError('not-reporter'));
    const body = request.body;
    if (!isObject(body)) throw new HttpError(400, apiError('invalid-payload', {}, { issues: [{ path: '', message: 'Expected an object' }] }));

    if (typeof body.submissionId === 'string') {
      const stored = await store.findBySubmissionId(body.submissionId);
      if (stored) {
        if (stored.unitId !== token.unitId) throw new HttpError(409, apiError('submission-id-taken'));
        return reply.code(200).send(receiptOf(stored, false));
      }
    }
    if (typeof body.unitId === 'string' && body.unitId !== token.unitId) {
      throw new HttpError(403, apiError('wrong-unit', { tokenUnit: token.unitId, unit: body.unitId.slice(0, 200) }));
    }

    const parsed = SubmissionPayload.safeParse(body);
    if (!parsed.success) throw new HttpError(400, apiError('invalid-payload', {}, { issues: formatPayloadIssues(parsed.error).slice(0, 100) }));
    const payload = parsed.data;

    const may = unitMayReport(payload, units);
    if (!may.ok) throw new HttpError(422, { error: 'unit-may-not-report', message: may.message } satisfies ApiError);

    const result = checkPayload(payload, { catalogue, units });
    const { accept, errors } = acceptance(result);
    if (!accept) {
      const flags = errors.map((f) => ({ rule: f.rule, severity: f.severity, cellName: f.cellName, key: f.key, message: f.message }));
      throw new HttpError(422, apiError('has-errors', { count: errors.length }, { flags }));
    }

    const outcome = await store.insertVersion({
      submissionId: payload.submissionId,
      unitId: payload.unitId,
      year: payload.year,
      quarter: payload.quarter,
      payloadJson: JSON.stringify(payload),
      flagsJson: JSON.stringify(result.flags),
      warnings: result.counts.warning,
      infos: result.counts.info,
      tokenId: token.id,
      receivedAt: new Date().toISOString(),
    });
    // Another process (or request) may have stored the same submission id for another unit meanwhile.
    if (outcome.version.unitId !== token.unitId) throw new HttpError(409, apiError('submission-id-taken'));
    return reply.code(outcome.created ? 201 : 200).send(receiptOf(outcome.version, outcome.created));
  });
}
