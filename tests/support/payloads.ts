/**
 * Submission payloads for tests, built the way the add-in builds them: a filled ReturnData (the
 * validate tests' builders), checked with validateReturn, turned into a payload by buildPayload.
 *
 *   validPayload()                                  // bo-y-te, 2025 Q2, no errors, a new submission id
 *   validPayload({ unitId: 'bo-tai-chinh', quarter: 3 })
 *   validPayload({}, { percent: 55 })               // the same return with other figures (a correction)
 *   payloadWithErrors()                             // passes the schema, but the server's check finds errors
 */
import { randomUUID } from 'node:crypto';
import { fillsForYear, findUnit } from '../../src/catalogue/load';
import { buildPayload } from '../../src/domain/payload/buildPayload';
import type { SubmissionPayload } from '../../src/domain/payload/schema';
import { aReturn, check, steady, units } from '../unit/domain/validate/builders';

export const DEFAULT_UNIT = 'bo-y-te';
export const DEFAULT_YEAR = 2025;
export const DEFAULT_QUARTER = 2;
/** The focal point's email in every payload built here (tests check it never reaches a log). */
export const FOCAL_EMAIL = 'nva@moh.gov.vn';

export interface PayloadOptions {
  /** The percent written in every figure the unit must report (default 50). */
  percent?: number;
}

const cache = new Map<string, SubmissionPayload>();

function built(unitId: string, year: number, quarter: number, percent: number, withErrors: boolean): SubmissionPayload {
  const key = JSON.stringify([unitId, year, quarter, percent, withErrors]);
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const unit = findUnit(units, unitId);
  if (!unit) throw new Error(`payloads: no unit ${unitId}`);
  const b = aReturn(unitId, year, quarter);
  const fills = fillsForYear(unit, year);
  // With errors: the focal point's email is not an email and the unit's other rows are left empty.
  if (withErrors) b.contact({ email: 'khong-phai-email' });
  for (const row of withErrors ? fills.slice(0, 1) : fills) steady(b, row, percent, quarter);
  const data = b.build();
  const payload = buildPayload(data, check(data), { submissionId: randomUUID(), submittedAt: new Date().toISOString(), quarter });
  cache.set(key, payload);
  return structuredClone(payload);
}

/**
 * A payload the server accepts (no errors in its check), with a new submission id. Overrides are
 * applied last (unitId, year and quarter also choose the return that is built).
 */
export function validPayload(overrides: Partial<SubmissionPayload> = {}, options: PayloadOptions = {}): SubmissionPayload {
  const unitId = overrides.unitId ?? DEFAULT_UNIT;
  const year = overrides.year ?? DEFAULT_YEAR;
  const quarter = overrides.quarter ?? DEFAULT_QUARTER;
  const payload = built(unitId, year, quarter, options.percent ?? 50, false);
  return { ...payload, submissionId: randomUUID(), submittedAt: new Date().toISOString(), ...overrides };
}

/** A payload that passes the schema but has errors (a bad email, required figures missing). */
export function payloadWithErrors(overrides: Partial<SubmissionPayload> = {}): SubmissionPayload {
  const unitId = overrides.unitId ?? DEFAULT_UNIT;
  const year = overrides.year ?? DEFAULT_YEAR;
  const quarter = overrides.quarter ?? DEFAULT_QUARTER;
  const payload = built(unitId, year, quarter, 50, true);
  return { ...payload, submissionId: randomUUID(), submittedAt: new Date().toISOString(), ...overrides };
}
