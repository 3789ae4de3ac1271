/**
 * The endpoint's storage, one interface with two implementations: SQLite (better-sqlite3, WAL,
 * the default, one machine) and PostgreSQL (pg, several `chitieu serve` processes on one
 * database). The process keeps no state of its own: everything that must be shared between
 * requests or processes is in here, and every guarantee (idempotent submission ids, version
 * numbers without gaps or duplicates, immutable versions) is enforced by the database itself
 * (unique constraints, transactions), not by the process.
 */
import type { ReviewAction, Role } from '../../domain/payload/api';

export interface TokenRecord {
  /** Short public id ("tok_3f9a1c2b"), printed at creation, used to revoke. */
  id: string;
  /** SHA-256 hex of the secret token; the token itself is never stored. */
  hash: string;
  unitId: string;
  role: Role;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewVersion {
  submissionId: string;
  unitId: string;
  year: number;
  quarter: number;
  /** The payload as the server checked it, JSON text (stored as given here, never rewritten). */
  payloadJson: string;
  /** The server's own flags for this version, JSON text. */
  flagsJson: string;
  warnings: number;
  infos: number;
  /** Who sent it (token id, never the token). */
  tokenId: string;
  /** ISO 8601, server time. */
  receivedAt: string;
}

export interface StoredVersion {
  returnId: string;
  submissionId: string;
  unitId: string;
  year: number;
  quarter: number;
  version: number;
  receiptNumber: string;
  payloadJson: string;
  flagsJson: string;
  warnings: number;
  infos: number;
  tokenId: string;
  receivedAt: string;
}

/**
 * What one unit may store (0 turns a quota off). Checked inside the insert's transaction, so
 * concurrent submissions (and several processes) cannot pass a quota together.
 */
export interface Quotas {
  /** Versions of one return accepted in any 24 hours. */
  versionsPerReturnPerDay: number;
  /** Bytes of accepted payloads one unit may hold in all (UTF-8 JSON as stored). */
  bytesPerUnit: number;
}

export const DAY_MS = 86_400_000;

export type QuotaKind = 'versions-per-day' | 'unit-bytes';

/** insertVersion refused a new version: a quota would be passed. Nothing was written. */
export class QuotaExceededError extends Error {
  constructor(
    readonly quota: QuotaKind,
    readonly limit: number,
    /** versions-per-day: seconds until the oldest version of the window is 24 hours old. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(`quota exceeded: ${quota} (${limit})`);
    this.name = 'QuotaExceededError';
  }
}

/** The quotas' verdict on a new version, shared by both stores. */
export function versionsPerDayRefusal(quotas: Quotas | undefined, windowStart: string | undefined, receivedAt: string): QuotaExceededError | null {
  if (!quotas || quotas.versionsPerReturnPerDay <= 0 || windowStart === undefined) return null;
  const freeAt = Date.parse(windowStart) + DAY_MS;
  const now = Date.parse(receivedAt);
  if (!(freeAt > now)) return null;
  return new QuotaExceededError('versions-per-day', quotas.versionsPerReturnPerDay, Math.max(1, Math.ceil((freeAt - now) / 1000)));
}

/** The size a quota counts: the payload's UTF-8 bytes, as both databases store it. */
export function payloadBytes(payloadJson: string): number {
  return Buffer.byteLength(payloadJson, 'utf8');
}

/** A version without its payload and flags: what lists carry. */
export type VersionSummary = Omit<StoredVersion, 'payloadJson' | 'flagsJson'>;

/** A version with its payload and flags as the stored UTF-8 bytes (answers are written from them, never decoded). */
export interface VersionBytes extends VersionSummary {
  payload: Buffer;
  flags: Buffer;
}

/** Where a page of the return list starts: after this return (lists are ordered by year, quarter, unit). */
export interface ReturnKey {
  year: number;
  quarter: number;
  unitId: string;
}

export interface InsertOutcome {
  /** The version now stored under this submission id: the new one, or the one stored before. */
  version: StoredVersion;
  /** false when the submission id was already stored (nothing new was written). */
  created: boolean;
}

export interface ReturnFilter {
  year?: number;
  quarter?: number;
  unitId?: string;
}

/** A reviewer's act on a version of a return (reviews are append-only). */
export interface NewReview {
  returnId: string;
  version: number;
  /** The flag reviewed, or null for the whole return (acceptReturn, sendBack). */
  flagKey: string | null;
  action: ReviewAction;
  comment: string | null;
  /** Who (token id, never the token) and the token's label at the time. */
  tokenId: string;
  reviewerLabel: string | null;
  /** ISO 8601, server time. */
  createdAt: string;
}

export interface StoredReview extends NewReview {
  /** Increasing in the order the entries were stored. */
  id: number;
}

export interface ReturnStore {
  /** 'sqlite' | 'postgres', for /healthz and logs. */
  readonly kind: 'sqlite' | 'postgres';
  /** Bring the schema up to date; safe to run from several processes at once. */
  migrate(): Promise<void>;
  /** A cheap round trip to the database (healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;

  createToken(token: Omit<TokenRecord, 'revokedAt'>): Promise<void>;
  /** The token with this hash, revoked or not (the caller decides), or null. */
  findTokenByHash(hash: string): Promise<TokenRecord | null>;
  /** true when a live token was revoked; false when there is no such token or it was revoked already. */
  revokeToken(id: string, at: string): Promise<boolean>;
  listTokens(): Promise<TokenRecord[]>;

  /**
   * Store a new immutable version, numbered max+1 for its (unit, year, quarter), atomically.
   * The same submission id stored before (even concurrently, from another process) returns the
   * stored version with created: false and writes nothing.
   */
  insertVersion(version: NewVersion, quotas?: Quotas): Promise<InsertOutcome>;
  findBySubmissionId(submissionId: string): Promise<StoredVersion | null>;
  /**
   * The latest version of each return matching the filter, ordered by year, quarter, unit, without
   * payloads; from after `page.after`, at most `page.limit` of them.
   */
  latestVersions(filter: ReturnFilter, page?: { after?: ReturnKey; limit?: number }): Promise<VersionSummary[]>;
  /** Every version of one return, oldest first; [] when there is none (tests: a route reads pages). */
  versionsOf(returnId: string): Promise<StoredVersion[]>;
  /** One version, or null. */
  versionOf(returnId: string, version: number): Promise<StoredVersion | null>;
  /** The number of the return's latest version, or null when it has none. */
  latestVersionNumber(returnId: string): Promise<number | null>;
  /**
   * The versions after `afterVersion`, oldest first, at most `limit`, with the bytes each would
   * load (payload and flags): a page is cut to a byte budget before any payload is read.
   */
  versionSizes(returnId: string, afterVersion: number, limit: number): Promise<{ version: number; bytes: number }[]>;
  /** One version, its payload and flags as bytes, or null. */
  versionBytes(returnId: string, version: number): Promise<VersionBytes | null>;
  /** The versions numbered from..to (inclusive), oldest first. */
  versionsBetween(returnId: string, from: number, to: number): Promise<StoredVersion[]>;
  /**
   * When the `count`-th latest version of a return was received (null when it has fewer): the
   * start of the day's window once `count` versions are in it. Read before a submission is
   * checked, so a return over its quota is refused without the work; the insert checks again.
   */
  windowStartOf(returnId: string, count: number): Promise<string | null>;
  /** What a unit holds: the payload bytes and versions counted by the quotas. */
  unitUsage(unitId: string): Promise<{ bytes: number; versions: number }>;
  /** How many versions are stored in all (tests and benchmarks). */
  countVersions(): Promise<number>;

  /**
   * Append a review entry; null (nothing written) when that version of the return does not exist.
   * Entries are never updated or deleted: the current state of a flag is its latest entry.
   */
  insertReview(review: NewReview): Promise<StoredReview | null>;
  /** Every review entry of one return, in the order they were stored; [] when there is none. */
  reviewsOf(returnId: string): Promise<StoredReview[]>;
  /** The entries stored after the entry `afterId` (0: from the first), at most `limit`. */
  reviewsPage(returnId: string, afterId: number, limit: number): Promise<StoredReview[]>;
}
