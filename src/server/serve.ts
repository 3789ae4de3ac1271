/**
 * `chitieu serve`: open the store, bring its schema up to date, listen. One line tells where
 * (tests parse it, so it names the real port when asked for port 0). SIGTERM and SIGINT close the
 * server (requests under way finish) and then the store.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions, type LogLevel } from './app';
import { describeStore, openStore } from './store/openStore';
import type { ReturnStore } from './store/port';

export interface ServeOptions {
  port: number;
  /** Default 127.0.0.1: put a reverse proxy (TLS) in front rather than listening on every interface. */
  host?: string;
  /** A SQLite file or a postgres:// URL; default data/chitieu.sqlite under dataDir. */
  db?: string;
  dataDir?: string;
  corsOrigins?: readonly string[];
  allowHttpLocalhost?: boolean;
  bodyLimit?: number;
  rateLimit?: AppOptions['rateLimit'];
  addressRateLimit?: AppOptions['addressRateLimit'];
  quotas?: AppOptions['quotas'];
  logLevel?: LogLevel;
  trustProxy?: AppOptions['trustProxy'];
  /** Where the listening line goes (default stdout). */
  print?: (line: string) => void;
  /** Close on SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  app: FastifyInstance;
  store: ReturnStore;
  close(): Promise<void>;
}

/** The store could not be opened or brought up to date (bad path, database down, wrong password…). */
export class StoreOpenError extends Error {
  constructor(
    /** The store as describeStore shows it (no password). */
    readonly store: string,
    readonly reason: string,
  ) {
    super(`cannot open the store ${store}: ${reason}`);
    this.name = 'StoreOpenError';
  }
}

async function openAndMigrate(options: ServeOptions): Promise<ReturnStore> {
  const shown = describeStore(options.db, { dataDir: options.dataDir });
  let store: ReturnStore;
  try {
    store = openStore(options.db, { dataDir: options.dataDir });
  } catch (error) {
    throw new StoreOpenError(shown, error instanceof Error ? error.message : String(error));
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new StoreOpenError(shown, error instanceof Error ? error.message || String((error as { code?: string }).code) : String(error));
  }
  return store;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const store = await openAndMigrate(options);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({
      store,
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.allowHttpLocalhost ? { allowHttpLocalhost: true } : {}),
      ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.addressRateLimit ? { addressRateLimit: options.addressRateLimit } : {}),
      ...(options.quotas ? { quotas: options.quotas } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
      logger: { level: options.logLevel ?? 'warn' },
    });
    await app.listen({ port: options.port, host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  (options.print ?? ((line: string) => process.stdout.write(line + '\n')))(
    `chitieu serve: listening on ${url} (store: ${describeStore(options.db, { dataDir: options.dataDir })})`,
  );

  let closing: Promise<void> | undefined;
  const running: RunningServer = {
    url,
    port,
    app,
    store,
    close() {
      closing ??= (async () => {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        try {
          await app!.close();
        } finally {
          await store.close();
        }
      })();
      return closing;
    },
  };
  function onSignal(): void {
    void running.close().then(
      () => (process.exitCode ??= 0),
      (error: unknown) => {
        process.stderr.write(`chitieu serve: error while closing: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      },
    );
  }
  if (options.handleSignals ?? true) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return running;
}
