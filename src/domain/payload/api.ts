/**
 * The endpoint's API as zod schemas, shared by the server (which answers with them and generates
 * its OpenAPI description from them) and its clients (the add-in, `chitieu submit`), which parse
 * every answer before trusting it.
 */
import { z } from 'zod/v4';
import { ROLES } from './roles';
import { ClientFlag, Quarter } from './schema';

export const API_PREFIX = '/api/v1';

export { ROLES };
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

/**
 * Lists come in pages: a page ends with `nextCursor`, passed back as `?cursor=` for the next page;
 * null (or absent, from an older server) on the last page. Clients follow every page.
 */
export const PAGE_SIZES = {
  returns: { default: 200, max: 1000 },
  versions: { default: 20, max: 100 },
  reviews: { default: 200, max: 1000 },
} as const;
/**
 * A page of versions also stops once its payloads and flags reach this many bytes (at least one
 * version): 1 MiB holds about 30 typical versions, and one or two of the largest.
 */
export const VERSION_PAGE_BYTES = 1024 * 1024;

const NextCursor = z.string().max(400).nullable().optional();

const pageLimit = (max: number) => z.coerce.number().int().min(1).max(max).optional();

/** ?cursor=&limit= of a return's versions or reviews: the cursor is the last number of the page before. */
export const versionPageQuery = z.object({ cursor: z.string().regex(/^\d{1,9}$/).optional(), limit: pageLimit(PAGE_SIZES.versions.max) }).strict();
export const reviewPageQuery = z.object({ cursor: z.string().regex(/^\d{1,15}$/).optional(), limit: pageLimit(PAGE_SIZES.reviews.max) }).strict();

export const ReturnList = z.object({ returns: z.array(ReturnListItem), nextCursor: NextCursor }).strict();
export type ReturnList = z.infer<typeof ReturnList>;

/** One flag of the server's own check of a version, as stored with it (the validator's Flag). */
export const StoredFlag = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  indicator: z.string().nullable().optional(),
  column: z.string().nullable().optional(),
  cellName: z.string().nullable(),
  cell: z.string().nullable().optional(),
  message: z.object({ vi: z.string(), en: z.string() }),
  suggestion: z.object({ vi: z.string(), en: z.string() }).optional(),
  key: z.string(),
  justification: z.string().optional(),
});
export type StoredFlag = z.infer<typeof StoredFlag>;

export const VersionItem = z
  .object({
    version: z.number().int().min(1),
    receiptNumber: z.string(),
    submissionId: z.string(),
    receivedAt: z.string(),
    /** The payload as the server checked and stored it (submission id in lower case). */
    payload: z.unknown(),
    /** What changed since the previous version (empty for version 1). */
    changes: z.array(Change),
    /** The server's own flags of this version (the reviewer goes through them); absent from older servers. */
    flags: z.array(StoredFlag).optional(),
  })
  .strict();
export type VersionItem = z.infer<typeof VersionItem>;

export const VersionList = z.object({ returnId: z.string(), versions: z.array(VersionItem), nextCursor: NextCursor }).strict();
export type VersionList = z.infer<typeof VersionList>;

export const ReturnQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    unit: z.string().max(200).optional(),
    /** The last return id of the page before ("<unit>.<year>.q<quarter>"). */
    cursor: z.string().max(250).regex(/^[^.]+\.\d{4}\.q[1-4]$/, 'must be a return id from nextCursor').optional(),
    limit: pageLimit(PAGE_SIZES.returns.max),
  })
  .strict();
export type ReturnQuery = z.infer<typeof ReturnQuery>;

/**
 * Review (Duyệt). A reviewer accepts a flag or queries it with a comment, and accepts a return or
 * sends it back (with a comment). Entries are append-only; a flag's state is its latest entry.
 */
export const REVIEW_ACTIONS = ['accept', 'query', 'acceptReturn', 'sendBack'] as const;
export const ReviewAction = z.enum(REVIEW_ACTIONS);
export type ReviewAction = z.infer<typeof ReviewAction>;
/** Actions about one flag (need flagKey); the others are about the whole return. */
export const FLAG_ACTIONS: readonly ReviewAction[] = ['accept', 'query'];
/** Actions that ask the reporter something (need a comment). */
export const COMMENT_ACTIONS: readonly ReviewAction[] = ['query', 'sendBack'];
export const MAX_REVIEW_COMMENT = 2000;

export const ReviewRequest = z
  .object({
    /** The version reviewed (must exist). */
    version: z.number().int().min(1),
    /** The flag's key ("target.behindPath:CT_2_8_Q2"); absent for acceptReturn / sendBack. */
    flagKey: z.string().min(1).max(200).optional(),
    action: ReviewAction,
    comment: z.string().max(MAX_REVIEW_COMMENT).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const isFlagAction = FLAG_ACTIONS.includes(r.action);
    if (isFlagAction && r.flagKey === undefined) ctx.addIssue({ code: 'custom', path: ['flagKey'], message: `${r.action} needs a flagKey` });
    if (!isFlagAction && r.flagKey !== undefined) ctx.addIssue({ code: 'custom', path: ['flagKey'], message: `${r.action} is about the whole return: no flagKey` });
    if (COMMENT_ACTIONS.includes(r.action) && (r.comment ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: `${r.action} needs a comment` });
    }
  });
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const ReviewEntry = z
  .object({
    id: z.number().int(),
    returnId: z.string(),
    version: z.number().int().min(1),
    flagKey: z.string().nullable(),
    action: ReviewAction,
    comment: z.string().nullable(),
    /** Who: the token's id and its label (e.g. "Anh Minh, Vụ KTS"). */
    reviewer: z.object({ tokenId: z.string(), label: z.string().nullable() }).strict(),
    /** When: ISO 8601, server time. */
    createdAt: z.string(),
  })
  .strict();
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const REVIEW_STATUSES = ['new', 'inReview', 'queried', 'resubmitted', 'sentBack', 'accepted'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const ReviewState = z
  .object({
    returnId: z.string(),
    latestVersion: z.number().int().min(1),
    /**
     * new: nothing reviewed; inReview: some flags reviewed, nothing open; queried / sentBack: open
     * questions on the latest version; resubmitted: open questions, and a newer version came in;
     * accepted: the latest version was accepted.
     */
    status: ReviewStatus,
    /** The open questions: flags whose latest entry is a query, and the return's send-back (flagKey null). */
    openQueries: z.array(ReviewEntry),
    /** When a version newer than the earliest open question's came in: what changed since that one. */
    changesSinceQueried: z
      .object({ fromVersion: z.number().int().min(1), toVersion: z.number().int().min(1), changes: z.array(Change) })
      .strict()
      .nullable(),
  })
  .strict();
export type ReviewState = z.infer<typeof ReviewState>;

export const ReviewList = z.object({ returnId: z.string(), reviews: z.array(ReviewEntry), state: ReviewState, nextCursor: NextCursor }).strict();
export type ReviewList = z.infer<typeof ReviewList>;
