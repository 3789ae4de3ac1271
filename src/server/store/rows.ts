/**
 * Rows as both dialects return them (same column names, see migrations.ts) and their mapping to
 * the port's records, shared so the two stores cannot drift apart.
 */
import { receiptNumberOf, returnIdOf, type ReviewAction, type Role } from '../../domain/payload/api';
import type { NewReview, NewVersion, StoredReview, StoredVersion, TokenRecord, VersionSummary } from './port';

export interface TokenRow {
  id: string;
  hash: string;
  unit_id: string;
  role: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface VersionRow {
  return_id: string;
  submission_id: string;
  unit_id: string;
  year: number;
  quarter: number;
  version: number;
  receipt_number: string;
  payload: string;
  flags: string;
  warnings: number;
  infos: number;
  token_id: string;
  received_at: string;
}

/** The columns read for a version, in one place (ids are internal and never leave the store). */
export const VERSION_COLUMNS =
  'return_id, submission_id, unit_id, year, quarter, version, receipt_number, payload, flags, warnings, infos, token_id, received_at';

/** A version without payload and flags, for lists (never loads what a list does not show). */
export const VERSION_SUMMARY_COLUMNS = 'return_id, submission_id, unit_id, year, quarter, version, receipt_number, warnings, infos, token_id, received_at';

export const TOKEN_COLUMNS = 'id, hash, unit_id, role, label, created_at, revoked_at';

export function tokenFromRow(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    hash: row.hash,
    unitId: row.unit_id,
    // Only the server writes tokens, with a Role; the column is TEXT so a new role needs no migration.
    role: row.role as Role,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export function versionFromRow(row: VersionRow): StoredVersion {
  return {
    returnId: row.return_id,
    submissionId: row.submission_id,
    unitId: row.unit_id,
    // Number(): pg returns INTEGER as number already, but be explicit about the JS type promised.
    year: Number(row.year),
    quarter: Number(row.quarter),
    version: Number(row.version),
    receiptNumber: row.receipt_number,
    payloadJson: row.payload,
    flagsJson: row.flags,
    warnings: Number(row.warnings),
    infos: Number(row.infos),
    tokenId: row.token_id,
    receivedAt: row.received_at,
  };
}

export function summaryFromRow(row: Omit<VersionRow, 'payload' | 'flags'>): VersionSummary {
  const { payloadJson: _p, flagsJson: _f, ...summary } = versionFromRow({ ...row, payload: '', flags: '' });
  return summary;
}

/** The row to insert for a new version, once its number is known. */
export function versionRow(input: NewVersion, version: number): VersionRow {
  return {
    return_id: returnIdOf(input.unitId, input.year, input.quarter),
    submission_id: input.submissionId,
    unit_id: input.unitId,
    year: input.year,
    quarter: input.quarter,
    version,
    receipt_number: receiptNumberOf(input.year, input.quarter, input.unitId, version),
    payload: input.payloadJson,
    flags: input.flagsJson,
    warnings: input.warnings,
    infos: input.infos,
    token_id: input.tokenId,
    received_at: input.receivedAt,
  };
}

export interface ReviewRow {
  id: number | string;
  return_id: string;
  version: number;
  flag_key: string | null;
  action: string;
  comment: string | null;
  token_id: string;
  reviewer_label: string | null;
  created_at: string;
}

/** The columns written for a review entry (id is the database's). */
export const REVIEW_INSERT_COLUMNS = 'return_id, version, flag_key, action, comment, token_id, reviewer_label, created_at';
export const REVIEW_COLUMNS = `id, ${REVIEW_INSERT_COLUMNS}`;

export function reviewFromRow(row: ReviewRow): StoredReview {
  return {
    // pg returns BIGINT as text.
    id: Number(row.id),
    returnId: row.return_id,
    version: Number(row.version),
    flagKey: row.flag_key,
    // The column has a CHECK constraint on the four actions.
    action: row.action as ReviewAction,
    comment: row.comment,
    tokenId: row.token_id,
    reviewerLabel: row.reviewer_label,
    createdAt: row.created_at,
  };
}

/** The values to insert for a review, in REVIEW_INSERT_COLUMNS order. */
export function reviewValues(r: NewReview): (string | number | null)[] {
  return [r.returnId, r.version, r.flagKey, r.action, r.comment, r.tokenId, r.reviewerLabel, r.createdAt];
}
