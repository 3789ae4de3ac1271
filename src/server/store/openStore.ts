/**
 * Which store `--db` names: nothing → the SQLite file in the data folder; a postgres:// or
 * postgresql:// URL → PostgreSQL; anything else → a SQLite file at that path.
 */
import path from 'node:path';
import type { ReturnStore } from './port';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import { classifyPostgres, classifySqlite, withUnavailability } from './unavailable';

export interface OpenStoreOptions {
  /** Where the default SQLite file goes (default ./data). */
  dataDir?: string;
  /** How long a request waits for a busy database before 503 (default DEFAULT_STORE_WAIT_MS). */
  waitMs?: number;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(db: string | undefined): db is string {
  return db !== undefined && POSTGRES_URL.test(db);
}

export function sqliteFileOf(db: string | undefined, options: OpenStoreOptions = {}): string {
  return db ?? path.join(options.dataDir ?? './data', 'chitieu.sqlite');
}

/** The store, its failures classified: a database in trouble is StoreUnavailableError (503), not a server error. */
export function openStore(db: string | undefined, options: OpenStoreOptions = {}): ReturnStore {
  const wait = options.waitMs !== undefined ? { waitMs: options.waitMs } : {};
  return isPostgresUrl(db)
    ? withUnavailability(openPostgresStore(db, wait), classifyPostgres)
    : withUnavailability(openSqliteStore(sqliteFileOf(db, options), wait), classifySqlite);
}

/** The store for logs and /healthz: the kind and where, never a password. */
export function describeStore(db: string | undefined, options: OpenStoreOptions = {}): string {
  if (!isPostgresUrl(db)) return `sqlite ${sqliteFileOf(db, options)}`;
  return `postgres ${maskPassword(db)}`;
}

/** Replaces the password of a connection URL (user:password@ and ?password=) with ***. */
export function maskPassword(url: string): string {
  // By hand rather than with URL(): a password may hold characters (@, /, #) that make the URL
  // unparseable, and the mask must hold for whatever the operator typed. The user info ends at
  // the last @ before the path.
  const noQueryPassword = url.replace(/([?&]password=)[^&#]*/gi, '$1***');
  const scheme = noQueryPassword.match(/^[a-z]+:\/\//i)?.[0] ?? '';
  const rest = noQueryPassword.slice(scheme.length);
  const pathStart = rest.search(/[/?](?![^@]*@)/);
  const authority = pathStart === -1 ? rest : rest.slice(0, pathStart);
  const tail = pathStart === -1 ? '' : rest.slice(pathStart);
  const at = authority.lastIndexOf('@');
  let masked = authority;
  if (at !== -1) {
    const userInfo = authority.slice(0, at);
    const colon = userInfo.indexOf(':');
    if (colon !== -1) masked = `${userInfo.slice(0, colon)}:***${authority.slice(at)}`;
  }
  return scheme + masked + tail;
}
