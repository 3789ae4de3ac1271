/**
 * The database in trouble is not a server error: a lock held by someone else, a database that is
 * down or restarting, a pool with no free connection. The store turns those failures into
 * StoreUnavailableError, which the endpoint answers with 503 and Retry-After (nothing was written,
 * the client sends the same submission again later); any other failure stays what it is (500).
 */
import type { ReturnStore } from './port';

export type Unavailability = 'busy' | 'unavailable';

export class StoreUnavailableError extends Error {
  constructor(
    /** busy: locked by another writer, try again soon; unavailable: not reachable (down, closed). */
    readonly reason: Unavailability,
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super(`the store is ${reason}`, cause === undefined ? undefined : { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** How long a request waits for a busy database before the answer is 503 (default). */
export const DEFAULT_STORE_WAIT_MS = 5_000;

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** SQLite (better-sqlite3): locked, or a connection that is closed. */
export function classifySqlite(error: unknown): Unavailability | null {
  const code = codeOf(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code === 'SQLITE_READONLY') return 'unavailable';
  if (/database connection is not open/i.test(messageOf(error))) return 'unavailable';
  return null;
}

/** SQLSTATEs of a busy PostgreSQL: lock or statement timeout, deadlock, serialization, too many connections. */
const PG_BUSY = new Set(['55P03', '57014', '40001', '40P01', '53300', '53400']);

/** PostgreSQL (pg): busy (the codes above), or unreachable (connection refused, lost, shut down, a closed pool). */
export function classifyPostgres(error: unknown): Unavailability | null {
  const code = codeOf(error);
  if (PG_BUSY.has(code)) return 'busy';
  if (code.startsWith('08') || code.startsWith('57P') || /^E(CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN|PIPE|TIMEDOUT)$/.test(code)) return 'unavailable';
  if (/timeout exceeded when trying to connect|Connection terminated|pool after calling end|Client has encountered a connection error/i.test(messageOf(error))) return 'unavailable';
  return null;
}

/**
 * The store with every method's failures classified: trouble with the database becomes
 * StoreUnavailableError, anything else is thrown unchanged.
 */
export function withUnavailability(store: ReturnStore, classify: (error: unknown) => Unavailability | null): ReturnStore {
  const wrap = (error: unknown): unknown => {
    if (error instanceof StoreUnavailableError) return error;
    const reason = classify(error);
    return reason ? new StoreUnavailableError(reason, reason === 'busy' ? 2 : 10, error) : error;
  };
  const guarded = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(store) as (keyof ReturnStore)[]) {
    const member = store[key];
    guarded[key] =
      typeof member === 'function'
        ? (...args: unknown[]) => {
            // Not async: one promise per call, not two (every request makes several).
            try {
              return (member as (...a: unknown[]) => Promise<unknown>).apply(store, args).catch((error: unknown) => Promise.reject(wrap(error)));
            } catch (error) {
              return Promise.reject(wrap(error));
            }
          }
        : member;
  }
  return guarded as unknown as ReturnStore;
}
