/**
 * What the server decides about a submission before storing it, as one pure function: the
 * schema (400), whether the unit may report that year (422), and the same validation the add-in
 * runs (422 with the errors). It runs in a worker thread (checkPool.ts) so the event loop only
 * does HTTP and the database; the answer carries the payload as JSON, ready to store.
 */
import type { Catalogue, UnitList } from '../catalogue/schema';
import type { ApiError } from '../domain/payload/api';
import { acceptance, checkPayload, unitMayReport } from '../domain/payload/checkPayload';
import { SubmissionPayload, formatPayloadIssues } from '../domain/payload/schema';
import { apiError } from './messages';

export type SubmissionVerdict =
  | {
      ok: true;
      submissionId: string;
      unitId: string;
      year: number;
      quarter: number;
      payloadJson: string;
      flagsJson: string;
      warnings: number;
      infos: number;
    }
  | { ok: false; status: 400 | 422; body: ApiError };

export function judgeSubmission(body: unknown, catalogue: Catalogue, units: UnitList): SubmissionVerdict {
  const parsed = SubmissionPayload.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, body: apiError('invalid-payload', {}, { issues: formatPayloadIssues(parsed.error).slice(0, 100) }) };
  const payload = parsed.data;

  const may = unitMayReport(payload, units, catalogue);
  if (!may.ok) return { ok: false, status: 422, body: { error: 'unit-may-not-report', message: may.message } };

  const result = checkPayload(payload, { catalogue, units });
  const { accept, errors } = acceptance(result);
  if (!accept) {
    const flags = errors.map((f) => ({ rule: f.rule, severity: f.severity, cellName: f.cellName, key: f.key, message: f.message }));
    return { ok: false, status: 422, body: apiError('has-errors', { count: errors.length }, { flags }) };
  }
  return {
    ok: true,
    submissionId: payload.submissionId,
    unitId: payload.unitId,
    year: payload.year,
    quarter: payload.quarter,
    payloadJson: JSON.stringify(payload),
    flagsJson: JSON.stringify(result.flags),
    warnings: result.counts.warning,
    infos: result.counts.info,
  };
}
