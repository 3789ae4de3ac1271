/**
 * The default store: one SQLite file (better-sqlite3), for one machine. Several processes may
 * share the file: every write is one IMMEDIATE transaction (the write lock is taken at BEGIN, so
 * the read of MAX(version) and the insert cannot interleave with another writer).
 *
 * A writer that finds the file locked waits without blocking the process: better-sqlite3 is
 * synchronous, so SQLite's own busy wait (busy_timeout) would stop every other request, /healthz
 * included, for as long as it waited. SQLite waits only a few milliseconds; then the write is
 * tried again from a timer until `waitMs`, and then it fails as StoreUnavailableError (503).
 * The file and its WAL are created readable by their owner only (0600): they hold names, phone
 * numbers and e-mail addresses.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { returnIdOf } from '../../domain/payload/api';
import { MIGRATIONS, SCHEMA_MIGRATIONS_DDL } from './migrations';
import { DEFAULT_STORE_WAIT_MS, StoreUnavailableError } from './unavailable';
import {
  QuotaExceededError,
  payloadBytes,
  versionsPerDayRefusal,
  type InsertOutcome,
  type NewReview,
  type NewVersion,
  type Quotas,
  type ReturnFilter,
  type ReturnStore,
  type StoredReview,
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

/** SQLite's own (blocking) wait for a lock, while serving; a writer then waits on a timer. */
const SERVING_BUSY_TIMEOUT_MS = 20;

export interface SqliteStoreOptions {
  /** How long a write waits for a lock held by another connection before failing (503). */
  waitMs?: number;
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code ?? ''));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `op` until it does not find the database locked, waiting between tries, for at most `waitMs`. */
async function whenUnlocked<T>(op: () => T, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return op();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() + pause > deadline) throw new StoreUnavailableError('busy', Math.max(1, Math.ceil(waitMs / 1000)), error);
      await sleep(pause);
    }
  }
}

/**
 * A new database file is created readable by its owner only, before SQLite opens it: SQLite then
 * gives its WAL and shared-memory files the database file's permissions. An existing file is left
 * as its owner set it.
 */
function createPrivately(file: string): void {
  if (file === ':memory:') return;
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    insertToken: db.prepare(
      `INSERT INTO tokens (id, hash, unit_id, role, label, created_at, revoked_at)
       VALUES (@id, @hash, @unitId, @role, @label, @createdAt, NULL)`,
    ),
    tokenByHash: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`),
    revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    listTokens: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, id`),
    bySubmission: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions WHERE submission_id = ?`),
    nextVersion: db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM versions WHERE return_id = ?'),
    insertVersion: db.prepare(
      `INSERT INTO versions (${VERSION_COLUMNS})
       VALUES (@return_id, @submission_id, @unit_id, @year, @quarter, @version, @receipt_number,
               @payload, @flags, @warnings, @infos, @token_id, @received_at)`,
    ),
    // A NULL filter matches everything; the latest version of a return is the one with no later one.
    latest: db.prepare(
      `SELECT ${VERSION_SUMMARY_COLUMNS} FROM versions v
       WHERE (@year IS NULL OR v.year = @year)
         AND (@quarter IS NULL OR v.quarter = @quarter)
         AND (@unitId IS NULL OR v.unit_id = @unitId)
         AND (@afterYear IS NULL OR (v.year, v.quarter, v.unit_id) > (@afterYear, @afterQuarter, @afterUnit))
         AND v.version = (SELECT MAX(w.version) FROM versions w WHERE w.return_id = v.return_id)
       ORDER BY v.year, v.quarter, v.unit_id
       LIMIT @limit`,
    ),
    versionsOf: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions WHERE return_id = ? ORDER BY version`),
    versionOf: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions WHERE return_id = ? AND version = ?`),
    receivedAtOf: db.prepare('SELECT received_at FROM versions WHERE return_id = ? AND version = ?').pluck(),
    latestNumber: db.prepare('SELECT MAX(version) FROM versions WHERE return_id = ?').pluck(),
    windowStart: db.prepare('SELECT received_at FROM versions WHERE return_id = ? ORDER BY version DESC LIMIT 1 OFFSET ?').pluck(),
    // octet_length: bytes, as the budget counts them, read without loading the text (SQLite 3.43+).
    sizes: db.prepare(
      `SELECT version, octet_length(payload) + octet_length(flags) AS bytes FROM versions
       WHERE return_id = ? AND version > ? ORDER BY version LIMIT ?`,
    ),
    // As bytes: better-sqlite3 gives a BLOB as a Buffer, with no decoding into a JavaScript string.
    versionBytes: db.prepare(
      `SELECT ${VERSION_SUMMARY_COLUMNS}, CAST(payload AS BLOB) AS payload, CAST(flags AS BLOB) AS flags
       FROM versions WHERE return_id = ? AND version = ?`,
    ),
    between: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions WHERE return_id = ? AND version BETWEEN ? AND ? ORDER BY version`),
    usageOf: db.prepare('SELECT bytes, versions FROM unit_usage WHERE unit_id = ?'),
    addUsage: db
      .prepare(
        `INSERT INTO unit_usage (unit_id, bytes, versions) VALUES (?, ?, 1)
         ON CONFLICT (unit_id) DO UPDATE SET bytes = bytes + excluded.bytes, versions = versions + 1
         RETURNING bytes`,
      )
      .pluck(),
    count: db.prepare('SELECT COUNT(*) AS n FROM versions'),
    versionExists: db.prepare('SELECT 1 FROM versions WHERE return_id = ? AND version = ?'),
    insertReview: db.prepare(`INSERT INTO reviews (${REVIEW_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    reviewById: db.prepare(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = ?`),
    reviewsOf: db.prepare(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE return_id = ? ORDER BY id`),
    reviewsPage: db.prepare(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE return_id = ? AND id > ? ORDER BY id LIMIT ?`),
    ping: db.prepare('SELECT 1'),
  };
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): ReturnStore {
  const waitMs = options.waitMs ?? DEFAULT_STORE_WAIT_MS;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  createPrivately(file);
  const db = new Database(file);
  // busy_timeout first: switching to WAL itself needs a lock another process may hold (opening
  // and migrating happen before serving, so waiting there blocks nobody).
  db.pragma(`busy_timeout = ${waitMs}`);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives the process being killed (what the
  // tests check); it may be lost on power loss or an OS crash, which would need FULL.
  db.pragma('synchronous = NORMAL');

  // Statements are prepared on first use: better-sqlite3 checks tables at prepare time, and the
  // tables exist only once migrate() has run.
  let statements: ReturnType<typeof prepareStatements> | null = null;
  const st = () => (statements ??= prepareStatements(db));

  const migrateTx = db.transaction(() => {
    db.exec(SCHEMA_MIGRATIONS_DDL.sqlite);
    const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
    const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of MIGRATIONS.sqlite) {
      if (applied.has(migration.id)) continue;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
    }
  });

  // The write lock is held from the submission-id check to the insert, so quotas hold between
  // processes too: a refusal throws inside the savepoint and writes nothing.
  const insertTx = db.transaction((input: NewVersion, quotas?: Quotas): InsertOutcome => {
    const s = st();
    const existing = s.bySubmission.get(input.submissionId) as VersionRow | undefined;
    if (existing) return { version: versionFromRow(existing), created: false };
    const returnId = returnIdOf(input.unitId, input.year, input.quarter);
    const { next } = s.nextVersion.get(returnId) as { next: number };
    const perDay = quotas?.versionsPerReturnPerDay ?? 0;
    // The window is full when the version perDay places back was received less than 24 h ago.
    const windowStart = perDay > 0 && next > perDay ? (s.receivedAtOf.get(returnId, next - perDay) as string | undefined) : undefined;
    const refusal = versionsPerDayRefusal(quotas, windowStart, input.receivedAt);
    if (refusal) throw refusal;
    const stored = versionRow(input, next);
    s.insertVersion.run(stored);
    // Counted, then judged: past the quota, the throw rolls this submission's savepoint back.
    const held = s.addUsage.get(input.unitId, payloadBytes(input.payloadJson)) as number;
    const perUnit = quotas?.bytesPerUnit ?? 0;
    if (perUnit > 0 && held > perUnit) throw new QuotaExceededError('unit-bytes', perUnit, null);
    return { version: versionFromRow(stored), created: true };
  });

  // The version's existence and the insert in one transaction.
  const reviewTx = db.transaction((input: NewReview): StoredReview | null => {
    const s = st();
    if (!s.versionExists.get(input.returnId, input.version)) return null;
    const { lastInsertRowid } = s.insertReview.run(...reviewValues(input));
    return reviewFromRow(s.reviewById.get(lastInsertRowid) as ReviewRow);
  });

  /*
   * Group commit: the submissions that arrive in one turn of the event loop are written in one
   * IMMEDIATE transaction, each in its own savepoint (insertTx nested), so a failing one is
   * refused alone and the others still commit. One commit instead of many writes the shared index
   * pages once; every promise resolves only after the commit, so an acknowledged submission is
   * stored. The write lock is held from each submission-id check to its insert, as before.
   */
  type Queued = { input: NewVersion; quotas: Quotas | undefined; resolve: (outcome: InsertOutcome) => void; reject: (error: unknown) => void };
  let queue: Queued[] = [];
  const batchTx = db.transaction((batch: Queued[]) =>
    batch.map((item) => {
      try {
        return { item, outcome: insertTx(item.input, item.quotas) as InsertOutcome };
      } catch (error) {
        return { item, error };
      }
    }),
  );
  function settle(batch: Queued[], results: { item: Queued; outcome?: InsertOutcome; error?: unknown }[]): void {
    for (const r of results) {
      if (r.outcome) r.item.resolve(r.outcome);
      else r.item.reject(r.error);
    }
  }
  async function flush(): Promise<void> {
    const batch = queue;
    queue = [];
    try {
      settle(batch, await whenUnlocked(() => batchTx.immediate(batch), waitMs));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  return {
    kind: 'sqlite',
    async migrate() {
      // IMMEDIATE: two processes starting at once take turns; the second finds nothing to do.
      migrateTx.immediate();
      // From here on a locked file is waited for on a timer (whenUnlocked), not in SQLite.
      db.pragma(`busy_timeout = ${SERVING_BUSY_TIMEOUT_MS}`);
    },
    async ping() {
      st().ping.get();
    },
    async close() {
      // Submissions already queued are written before the file closes.
      if (queue.length && db.open) {
        const batch = queue;
        queue = [];
        try {
          settle(batch, batchTx.immediate(batch));
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
      if (db.open) db.close();
    },

    async createToken(token) {
      await whenUnlocked(() => st().insertToken.run({ ...token, label: token.label ?? null }), waitMs);
    },
    async findTokenByHash(hash) {
      const row = st().tokenByHash.get(hash) as TokenRow | undefined;
      return row ? tokenFromRow(row) : null;
    },
    async revokeToken(id, at) {
      return (await whenUnlocked(() => st().revokeToken.run(at, id), waitMs)).changes === 1;
    },
    async listTokens(): Promise<TokenRecord[]> {
      return (st().listTokens.all() as TokenRow[]).map(tokenFromRow);
    },

    insertVersion(input, quotas) {
      return new Promise<InsertOutcome>((resolve, reject) => {
        queue.push({ input, quotas, resolve, reject });
        if (queue.length === 1) setImmediate(() => void flush());
      });
    },
    async findBySubmissionId(submissionId) {
      const row = st().bySubmission.get(submissionId) as VersionRow | undefined;
      return row ? versionFromRow(row) : null;
    },
    async latestVersions(filter: ReturnFilter, page = {}): Promise<VersionSummary[]> {
      const rows = st().latest.all({
        year: filter.year ?? null,
        quarter: filter.quarter ?? null,
        unitId: filter.unitId ?? null,
        afterYear: page.after?.year ?? null,
        afterQuarter: page.after?.quarter ?? null,
        afterUnit: page.after?.unitId ?? null,
        // SQLite: a negative LIMIT is no limit.
        limit: page.limit ?? -1,
      }) as VersionRow[];
      return rows.map(summaryFromRow);
    },
    async versionsOf(returnId) {
      return (st().versionsOf.all(returnId) as VersionRow[]).map(versionFromRow);
    },
    async versionOf(returnId, version) {
      const row = st().versionOf.get(returnId, version) as VersionRow | undefined;
      return row ? versionFromRow(row) : null;
    },
    async latestVersionNumber(returnId) {
      const n = st().latestNumber.get(returnId) as number | null;
      return n ?? null;
    },
    async versionSizes(returnId, afterVersion, limit) {
      return st().sizes.all(returnId, afterVersion, limit) as { version: number; bytes: number }[];
    },
    async versionBytes(returnId, version) {
      const row = st().versionBytes.get(returnId, version) as (Omit<VersionRow, 'payload' | 'flags'> & { payload: Buffer; flags: Buffer }) | undefined;
      return row ? { ...summaryFromRow(row), payload: row.payload, flags: row.flags } : null;
    },
    async versionsBetween(returnId, from, to) {
      return (st().between.all(returnId, from, to) as VersionRow[]).map(versionFromRow);
    },
    async windowStartOf(returnId, count) {
      return (st().windowStart.get(returnId, count - 1) as string | undefined) ?? null;
    },
    async unitUsage(unitId) {
      return (st().usageOf.get(unitId) as { bytes: number; versions: number } | undefined) ?? { bytes: 0, versions: 0 };
    },
    async countVersions() {
      return (st().count.get() as { n: number }).n;
    },

    async insertReview(input) {
      return whenUnlocked(() => reviewTx.immediate(input), waitMs);
    },
    async reviewsOf(returnId) {
      return (st().reviewsOf.all(returnId) as ReviewRow[]).map(reviewFromRow);
    },
    async reviewsPage(returnId, afterId, limit) {
      return (st().reviewsPage.all(returnId, afterId, limit) as ReviewRow[]).map(reviewFromRow);
    },
  };
}
