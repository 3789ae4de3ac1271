/**
 * The schema, as ordered migrations per dialect. A migration is never edited once released: a
 * change to the schema is a new migration at the end of the list. Each store applies, in a
 * transaction and under a lock that makes concurrent starts take turns, those whose id is not yet
 * in `schema_migrations`.
 *
 * Design notes that hold for both dialects:
 * - Timestamps are TEXT (ISO 8601 as the server wrote them), so what is read back is exactly what
 *   was written (a timestamptz would normalise the zone and the precision).
 * - Payload and flags are TEXT, not JSON/JSONB: the store keeps exactly the text the server
 *   wrote (JSONB would reorder keys and drop duplicates). That text is the payload as the server
 *   checked it (JSON.stringify of the parsed payload), not the request's raw bytes.
 * - versions.token_id has no foreign key: a version must outlive whatever happens to tokens, and
 *   the token id is a record of who sent it, not a live reference.
 * - Versions are immutable: the code has no UPDATE or DELETE on them, and triggers refuse both,
 *   so a hand-typed statement or a future bug cannot rewrite what a unit submitted. That guards
 *   against mistakes, not against the database's owner, who can drop a trigger or edit the file.
 */

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  /** Increasing, never reused. */
  id: number;
  name: string;
  sql: string;
}

/** The table recording which migrations have run; created before any migration. */
export const SCHEMA_MIGRATIONS_DDL: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`,
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`,
};

const SQLITE: Migration[] = [
  {
    id: 1,
    name: 'tokens and versions',
    sql: `
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  unit_id TEXT NOT NULL,
  role TEXT NOT NULL,
  label TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  return_id TEXT NOT NULL,
  submission_id TEXT NOT NULL UNIQUE,
  unit_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  version INTEGER NOT NULL CHECK (version >= 1),
  receipt_number TEXT NOT NULL,
  payload TEXT NOT NULL,
  flags TEXT NOT NULL,
  warnings INTEGER NOT NULL,
  infos INTEGER NOT NULL,
  token_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (return_id, version)
);
CREATE INDEX versions_by_period_unit ON versions (year, quarter, unit_id);
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
`,
  },
  {
    id: 2,
    name: 'reviews',
    // Append-only like versions: a review is a record of what a reviewer did and when; the
    // current state of a flag is its latest entry. flag_key NULL = the whole return. No foreign
    // key to versions (it would change how TRUNCATE versions is refused): the store inserts a
    // review only when its version exists, in the same transaction / statement.
    sql: `
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  return_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  flag_key TEXT,
  action TEXT NOT NULL CHECK (action IN ('accept', 'query', 'acceptReturn', 'sendBack')),
  comment TEXT,
  token_id TEXT NOT NULL,
  reviewer_label TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX reviews_by_return ON reviews (return_id, id);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
`,
  },
  {
    id: 3,
    name: 'unit usage',
    // What each unit holds, for the quotas: one row per unit, counted in the insert's transaction
    // (summing payload sizes on every submission would read every version the unit ever sent).
    // Not immutable: a counter, rebuilt from versions by this migration.
    sql: `
CREATE TABLE unit_usage (
  unit_id TEXT PRIMARY KEY,
  bytes INTEGER NOT NULL,
  versions INTEGER NOT NULL
);
INSERT INTO unit_usage (unit_id, bytes, versions)
  SELECT unit_id, SUM(length(CAST(payload AS BLOB))), COUNT(*) FROM versions GROUP BY unit_id;
`,
  },
];

const POSTGRES: Migration[] = [
  {
    id: 1,
    name: 'tokens and versions',
    sql: `
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  unit_id TEXT NOT NULL,
  role TEXT NOT NULL,
  label TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE versions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  return_id TEXT NOT NULL,
  submission_id TEXT NOT NULL UNIQUE,
  unit_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  version INTEGER NOT NULL CHECK (version >= 1),
  receipt_number TEXT NOT NULL,
  payload TEXT NOT NULL,
  flags TEXT NOT NULL,
  warnings INTEGER NOT NULL,
  infos INTEGER NOT NULL,
  token_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (return_id, version)
);
CREATE INDEX versions_by_period_unit ON versions (year, quarter, unit_id);
CREATE FUNCTION versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'versions are immutable (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER versions_no_update_delete BEFORE UPDATE OR DELETE ON versions
  FOR EACH ROW EXECUTE FUNCTION versions_refuse_change();
-- TRUNCATE bypasses row triggers; refuse it too.
CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON versions
  FOR EACH STATEMENT EXECUTE FUNCTION versions_refuse_change();
`,
  },
  {
    id: 2,
    name: 'reviews',
    sql: `
CREATE TABLE reviews (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  return_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  flag_key TEXT,
  action TEXT NOT NULL CHECK (action IN ('accept', 'query', 'acceptReturn', 'sendBack')),
  comment TEXT,
  token_id TEXT NOT NULL,
  reviewer_label TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX reviews_by_return ON reviews (return_id, id);
CREATE FUNCTION reviews_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'reviews are append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER reviews_no_update_delete BEFORE UPDATE OR DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION reviews_refuse_change();
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
  FOR EACH STATEMENT EXECUTE FUNCTION reviews_refuse_change();
`,
  },
  {
    id: 3,
    name: 'unit usage',
    sql: `
CREATE TABLE unit_usage (
  unit_id TEXT PRIMARY KEY,
  bytes BIGINT NOT NULL,
  versions INTEGER NOT NULL
);
INSERT INTO unit_usage (unit_id, bytes, versions)
  SELECT unit_id, SUM(octet_length(payload)), COUNT(*) FROM versions GROUP BY unit_id;
`,
  },
];

export const MIGRATIONS: Record<Dialect, readonly Migration[]> = { sqlite: SQLITE, postgres: POSTGRES };
