/**
 * The PostgreSQL store (pg Pool), for several `chitieu serve` processes on one database. Nothing
 * is coordinated in the process: concurrent starts and concurrent submissions are serialised by
 * PostgreSQL advisory locks, and the unique constraints are the last word.
 */
import { Pool, type PoolClient } from 'pg';
import { returnIdOf } from '../../domain/payload/api';
import { MIGRATIONS, SCHEMA_MIGRATIONS_DDL } from './migrations';
import { DEFAULT_STORE_WAIT_MS } from './unavailable';
import {
  QuotaExceededError,
  payloadBytes,
  versionsPerDayRefusal,
  type InsertOutcome,
  type NewVersion,
  type Quotas,
  type ReturnFilter,
  type ReturnStore,
  type StoredReview,
  type StoredVersion,
  type TokenRecord,
  type VersionSummary,
} from './port';
import {
  REVIEW_COLUMNS,
  REVIEW_INSERT_COLUMNS,
  TOKEN_COLUMNS,
  VERSION_COLUMNS,
  VERSION_SUMMARY_COLUMNS,
  reviewFromRow,
  reviewValues,
  summaryFromRow,
  tokenFromRow,
  versionFromRow,
  versionRow,
  type ReviewRow,
  type TokenRow,
  type VersionRow,
} from './rows';

/**
 * Advisory lock keys use the two-int form (namespace, key) so they cannot collide with another
 * application's single-bigint locks on the same database. The namespace is "chit" in ASCII.
 */
const LOCK_NAMESPACE_MIGRATE = 0x63686974;
const LOCK_NAMESPACE_RETURN = 0x63686975;

const UNIQUE_VIOLATION = '23505';
/** A racing insert can only lose on a unique constraint; after that the retry finds the winner. */
const INSERT_ATTEMPTS = 3;

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /**
   * How long a request waits for a lock (lock_timeout) or a free connection before failing as
   * busy (503). Statements are cut after STATEMENT_TIMEOUT_MS whatever they wait for.
   */
  waitMs?: number;
}

const STATEMENT_TIMEOUT_MS = 30_000;
/** /healthz's own connection: a pool full of requests waiting on a lock must not make it wait too. */
const PING_TIMEOUT_MS = 2_000;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

/** Runs `work` in a transaction on one pooled connection; a connection that failed to roll back is discarded. */
async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

const SQL = {
  insertToken: `INSERT INTO tokens (id, hash, unit_id, role, label, created_at, revoked_at)
                VALUES ($1, $2, $3, $4, $5, $6, NULL)`,
  tokenByHash: `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = $1`,
  revokeToken: 'UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
  listTokens: `SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, id`,
  lockReturn: `SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE_RETURN}, hashtext($1))`,
  bySubmission: `SELECT ${VERSION_COLUMNS} FROM versions WHERE submission_id = $1`,
  nextVersion: 'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM versions WHERE return_id = $1',
  insertVersion: `INSERT INTO versions (${VERSION_COLUMNS})
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
  // A NULL filter matches everything; the latest version of a return is the one with no later one.
  // COLLATE "C": the order (and the cursor's comparison) by bytes, as SQLite compares text.
  latest: `SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions v
           WHERE ($1::integer IS NULL OR v.year = $1)
             AND ($2::integer IS NULL OR v.quarter = $2)
             AND ($3::text IS NULL OR v.unit_id = $3)
             AND ($4::integer IS NULL OR (v.year, v.quarter, v.unit_id COLLATE "C") > ($4, $5::integer, $6::text COLLATE "C"))
             AND v.version = (SELECT MAX(w.version) FROM versions w WHERE w.return_id = v.return_id)
           ORDER BY v.year, v.quarter, v.unit_id COLLATE "C"
           LIMIT $7`,
  versionsOf: `SELECT ${VERSION_COLUMNS} FROM versions WHERE return_id = $1 ORDER BY version`,
  versionOf: `SELECT ${VERSION_COLUMNS} FROM versions WHERE return_id = $1 AND version = $2`,
  receivedAtOf: 'SELECT received_at FROM versions WHERE return_id = $1 AND version = $2',
  latestNumber: 'SELECT MAX(version) AS v FROM versions WHERE return_id = $1',
  windowStart: 'SELECT received_at FROM versions WHERE return_id = $1 ORDER BY version DESC LIMIT 1 OFFSET $2',
  // octet_length reads the stored size without fetching a TOASTed value.
  sizes: `SELECT version, octet_length(payload) + octet_length(flags) AS bytes FROM versions
          WHERE return_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
  // bytea: pg hands it over as a Buffer, never as a string.
  versionBytes: `SELECT ${VERSION_SUMMARY_COLUMNS}, convert_to(payload, 'UTF8') AS payload, convert_to(flags, 'UTF8') AS flags
                 FROM versions WHERE return_id = $1 AND version = $2`,
  between: `SELECT ${VERSION_COLUMNS} FROM versions WHERE return_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version`,
  usageOf: 'SELECT bytes, versions FROM unit_usage WHERE unit_id = $1',
  // Adds the version's bytes unless that would pass the quota ($3 > 0): no row back = refused. The
  // row lock it takes orders two returns of one unit stored at once (the advisory lock is per return).
  addUsage: `INSERT INTO unit_usage (unit_id, bytes, versions) VALUES ($1, $2, 1)
             ON CONFLICT (unit_id) DO UPDATE SET bytes = unit_usage.bytes + EXCLUDED.bytes, versions = unit_usage.versions + 1
             WHERE $3::bigint <= 0 OR unit_usage.bytes + EXCLUDED.bytes <= $3::bigint
             RETURNING bytes`,
  count: 'SELECT COUNT(*)::integer AS n FROM versions',
  // Only when the version exists (one statement; versions are never deleted, so nothing to race).
  insertReview: `INSERT INTO reviews (${REVIEW_INSERT_COLUMNS})
                 SELECT $1::text, $2::integer, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text
                 WHERE EXISTS (SELECT 1 FROM versions WHERE return_id = $1::text AND version = $2::integer)
                 RETURNING ${REVIEW_COLUMNS}`,
  reviewsOf: `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE return_id = $1 ORDER BY id`,
  reviewsPage: `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE return_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
};

async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // Session lock, held across the per-migration transactions: a second process starting at
    // the same time waits here, then finds every migration applied. Without it both could run
    // CREATE TABLE IF NOT EXISTS at once, which PostgreSQL does not make safe.
    await client.query('SELECT pg_advisory_lock($1, 0)', [LOCK_NAMESPACE_MIGRATE]);
    try {
      await client.query(SCHEMA_MIGRATIONS_DDL.postgres);
      const { rows } = await client.query<{ id: number }>('SELECT id FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.id));
      for (const migration of MIGRATIONS.postgres) {
        if (applied.has(migration.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
            migration.id,
            migration.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, 0)', [LOCK_NAMESPACE_MIGRATE]).catch((error: Error) => {
        // A connection that cannot unlock may still hold the lock: never give it back to the pool.
        broken = error;
      });
    }
  } finally {
    client.release(broken);
  }
}

async function insertOnce(pool: Pool, input: NewVersion, quotas: Quotas | undefined): Promise<InsertOutcome> {
  const returnId = returnIdOf(input.unitId, input.year, input.quarter);
  return inTransaction(pool, async (client) => {
    // One writer per return at a time (across processes), so MAX(version)+1 cannot be taken twice.
    // READ COMMITTED takes a new snapshot per statement, so the reads below see the previous
    // holder's committed row.
    await client.query(SQL.lockReturn, [returnId]);
    const existing = await client.query<VersionRow>(SQL.bySubmission, [input.submissionId]);
    if (existing.rows[0]) return { version: versionFromRow(existing.rows[0]), created: false };
    const next = Number((await client.query<{ next: number }>(SQL.nextVersion, [returnId])).rows[0].next);
    const perDay = quotas?.versionsPerReturnPerDay ?? 0;
    if (perDay > 0 && next > perDay) {
      const { rows } = await client.query<{ received_at: string }>(SQL.receivedAtOf, [returnId, next - perDay]);
      const refusal = versionsPerDayRefusal(quotas, rows[0]?.received_at, input.receivedAt);
      if (refusal) throw refusal;
    }
    const bytes = payloadBytes(input.payloadJson);
    const perUnit = quotas?.bytesPerUnit ?? 0;
    // A first version larger than the quota (the upsert below checks only an existing row).
    if (perUnit > 0 && bytes > perUnit) throw new QuotaExceededError('unit-bytes', perUnit, null);
    const usage = await client.query(SQL.addUsage, [input.unitId, bytes, perUnit]);
    if (usage.rowCount === 0) throw new QuotaExceededError('unit-bytes', perUnit, null);
    const row = versionRow(input, next);
    await client.query(SQL.insertVersion, [
      row.return_id,
      row.submission_id,
      row.unit_id,
      row.year,
      row.quarter,
      row.version,
      row.receipt_number,
      row.payload,
      row.flags,
      row.warnings,
      row.infos,
      row.token_id,
      row.received_at,
    ]);
    return { version: versionFromRow(row), created: true };
  });
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): ReturnStore {
  const waitMs = options.waitMs ?? DEFAULT_STORE_WAIT_MS;
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: waitMs,
    lock_timeout: waitMs,
    statement_timeout: STATEMENT_TIMEOUT_MS,
  });
  const pingPool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: PING_TIMEOUT_MS, query_timeout: PING_TIMEOUT_MS });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, that would
  // crash the process. The pool replaces the connection; the next query reports any real outage.
  for (const p of [pool, pingPool]) {
    p.on('error', (error) => {
      console.error(`chitieu: idle PostgreSQL connection lost: ${error.message}`);
    });
  }

  const findBySubmissionId = async (submissionId: string): Promise<StoredVersion | null> => {
    const { rows } = await pool.query<VersionRow>(SQL.bySubmission, [submissionId]);
    return rows[0] ? versionFromRow(rows[0]) : null;
  };

  return {
    kind: 'postgres',
    migrate: () => migrate(pool),
    async ping() {
      // SELECT 1 reads no table, so no lock held on one can make it wait.
      await pingPool.query('SELECT 1');
    },
    async close() {
      // Idempotent, like the SQLite store's (pg throws on a second end()).
      await Promise.all([pool, pingPool].filter((p) => !p.ended).map((p) => p.end()));
    },

    async createToken(token) {
      await pool.query(SQL.insertToken, [token.id, token.hash, token.unitId, token.role, token.label ?? null, token.createdAt]);
    },
    async findTokenByHash(hash) {
      const { rows } = await pool.query<TokenRow>(SQL.tokenByHash, [hash]);
      return rows[0] ? tokenFromRow(rows[0]) : null;
    },
    async revokeToken(id, at) {
      const result = await pool.query(SQL.revokeToken, [at, id]);
      return result.rowCount === 1;
    },
    async listTokens(): Promise<TokenRecord[]> {
      const { rows } = await pool.query<TokenRow>(SQL.listTokens);
      return rows.map(tokenFromRow);
    },

    async insertVersion(input, quotas) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await insertOnce(pool, input, quotas);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= INSERT_ATTEMPTS) throw error;
          // The same submission id committed by a transaction holding another return's lock
          // (the advisory lock is per return): the stored one is the answer.
          const stored = await findBySubmissionId(input.submissionId);
          if (stored) return { version: stored, created: false };
          // Otherwise (return_id, version) was taken by a writer that bypassed the lock: retry.
        }
      }
    },
    findBySubmissionId,
    async latestVersions(filter: ReturnFilter, page = {}): Promise<VersionSummary[]> {
      const { rows } = await pool.query<VersionRow>(SQL.latest, [
        filter.year ?? null,
        filter.quarter ?? null,
        filter.unitId ?? null,
        page.after?.year ?? null,
        page.after?.quarter ?? null,
        page.after?.unitId ?? null,
        // LIMIT NULL is no limit.
        page.limit ?? null,
      ]);
      return rows.map(summaryFromRow);
    },
    async versionsOf(returnId) {
      const { rows } = await pool.query<VersionRow>(SQL.versionsOf, [returnId]);
      return rows.map(versionFromRow);
    },
    async versionOf(returnId, version) {
      const { rows } = await pool.query<VersionRow>(SQL.versionOf, [returnId, version]);
      return rows[0] ? versionFromRow(rows[0]) : null;
    },
    async latestVersionNumber(returnId) {
      const { rows } = await pool.query<{ v: number | null }>(SQL.latestNumber, [returnId]);
      return rows[0]?.v === null || rows[0]?.v === undefined ? null : Number(rows[0].v);
    },
    async versionSizes(returnId, afterVersion, limit) {
      const { rows } = await pool.query<{ version: number; bytes: number | string }>(SQL.sizes, [returnId, afterVersion, limit]);
      return rows.map((r) => ({ version: Number(r.version), bytes: Number(r.bytes) }));
    },
    async versionBytes(returnId, version) {
      const { rows } = await pool.query<Omit<VersionRow, 'payload' | 'flags'> & { payload: Buffer; flags: Buffer }>(SQL.versionBytes, [returnId, version]);
      const row = rows[0];
      return row ? { ...summaryFromRow(row), payload: row.payload, flags: row.flags } : null;
    },
    async versionsBetween(returnId, from, to) {
      const { rows } = await pool.query<VersionRow>(SQL.between, [returnId, from, to]);
      return rows.map(versionFromRow);
    },
    async windowStartOf(returnId, count) {
      const { rows } = await pool.query<{ received_at: string }>(SQL.windowStart, [returnId, count - 1]);
      return rows[0]?.received_at ?? null;
    },
    async unitUsage(unitId) {
      const { rows } = await pool.query<{ bytes: string | number; versions: number }>(SQL.usageOf, [unitId]);
      // pg returns BIGINT as text.
      return rows[0] ? { bytes: Number(rows[0].bytes), versions: Number(rows[0].versions) } : { bytes: 0, versions: 0 };
    },
    async countVersions() {
      const { rows } = await pool.query<{ n: number }>(SQL.count);
      return Number(rows[0].n);
    },

    async insertReview(input): Promise<StoredReview | null> {
      const { rows } = await pool.query<ReviewRow>(SQL.insertReview, reviewValues(input));
      return rows[0] ? reviewFromRow(rows[0]) : null;
    },
    async reviewsOf(returnId) {
      const { rows } = await pool.query<ReviewRow>(SQL.reviewsOf, [returnId]);
      return rows.map(reviewFromRow);
    },
    async reviewsPage(returnId, afterId, limit) {
      const { rows } = await pool.query<ReviewRow>(SQL.reviewsPage, [returnId, afterId, limit]);
      return rows.map(reviewFromRow);
    },
  };
}
