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
  /** The payload as accepted, JSON text (stored as it is, never rewritten). */
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
  insertVersion(version: NewVersion): Promise<InsertOutcome>;
  findBySubmissionId(submissionId: string): Promise<StoredVersion | null>;
  /** The latest version of each return matching the filter, ordered by year, quarter, unit. */
  latestVersions(filter: ReturnFilter): Promise<StoredVersion[]>;
  /** Every version of one return, oldest first; [] when there is none. */
  versionsOf(returnId: string): Promise<StoredVersion[]>;
  /** How many versions are stored in all (tests and benchmarks). */
  countVersions(): Promise<number>;

  /**
   * Append a review entry; null (nothing written) when that version of the return does not exist.
   * Entries are never updated or deleted: the current state of a flag is its latest entry.
   */
  insertReview(review: NewReview): Promise<StoredReview | null>;
  /** Every review entry of one return, in the order they were stored; [] when there is none. */
  reviewsOf(returnId: string): Promise<StoredReview[]>;
}
