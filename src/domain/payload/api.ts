/**
 * The endpoint's API as zod schemas, shared by the server (which answers with them and generates
 * its OpenAPI description from them) and its clients (the add-in, `chitieu submit`), which parse
 * every answer before trusting it.
 */
import { z } from 'zod/v4';
import { ClientFlag, Quarter } from './schema';

export const API_PREFIX = '/api/v1';

export const ROLES = ['reporter', 'reviewer', 'aggregator'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** One return is one unit's return for one quarter; its versions are the submissions accepted for it. */
export function returnIdOf(unitId: string, year: number, quarter: number): string {
  return `${unitId}.${year}.q${quarter}`;
}

/** What the server hands back for an accepted submission; the client writes it into the workbook. */
export const Receipt = z
  .object({
    /** Printed on the receipt sheet: "CT-2025-Q3-bo-tai-chinh-v2". */
    receiptNumber: z.string(),
    returnId: z.string(),
    submissionId: z.string(),
    unitId: z.string(),
    year: z.number().int(),
    quarter: Quarter,
    /** 1 for the first accepted submission of the return, then 2, 3, … */
    version: z.number().int().min(1),
    /** ISO 8601, server time. */
    receivedAt: z.string(),
    /** false when this submission id had been accepted before: the first receipt, nothing new stored. */
    created: z.boolean(),
  })
  .strict();
export type Receipt = z.infer<typeof Receipt>;

export function receiptNumberOf(year: number, quarter: number, unitId: string, version: number): string {
  return `CT-${year}-Q${quarter}-${unitId}-v${version}`;
}

/** Every error answer: a stable code, a message in both languages, and details where they help. */
export const ApiError = z
  .object({
    error: z.string(),
    message: z.object({ vi: z.string(), en: z.string() }).strict(),
    /** 422: the flags the server found; 400: the payload's schema problems. */
    flags: z.array(ClientFlag.extend({ message: z.object({ vi: z.string(), en: z.string() }) })).optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .strict();
export type ApiError = z.infer<typeof ApiError>;

/** One change between two versions of a return. */
export const Change = z
  .object({
    /** "figure" | "comparison" | "source" | "section" | "focalPoint" | "justification" */
    kind: z.enum(['figure', 'comparison', 'source', 'section', 'focalPoint', 'justification', 'targetComparison']),
    /** "2.8 Q3", "sections.trend", "focalPoint.email", a flag key … */
    path: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
  })
  .strict();
export type Change = z.infer<typeof Change>;

export const ReturnListItem = z
  .object({
    returnId: z.string(),
    unitId: z.string(),
    year: z.number().int(),
    quarter: Quarter,
    latestVersion: z.number().int().min(1),
    receiptNumber: z.string(),
    receivedAt: z.string(),
    /** The counts of the server's own check of the latest version. */
    warnings: z.number().int(),
    infos: z.number().int(),
  })
  .strict();
export type ReturnListItem = z.infer<typeof ReturnListItem>;

export const ReturnList = z.object({ returns: z.array(ReturnListItem) }).strict();
export type ReturnList = z.infer<typeof ReturnList>;

export const VersionItem = z
  .object({
    version: z.number().int().min(1),
    receiptNumber: z.string(),
    submissionId: z.string(),
    receivedAt: z.string(),
    /** The payload as accepted. */
    payload: z.unknown(),
    /** What changed since the previous version (empty for version 1). */
    changes: z.array(Change),
  })
  .strict();
export type VersionItem = z.infer<typeof VersionItem>;

export const VersionList = z.object({ returnId: z.string(), versions: z.array(VersionItem) }).strict();
export type VersionList = z.infer<typeof VersionList>;

export const ReturnQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    unit: z.string().max(200).optional(),
  })
  .strict();
export type ReturnQuery = z.infer<typeof ReturnQuery>;
