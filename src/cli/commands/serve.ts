import type { Command } from 'commander';
import { UserFacingError, type Lang } from '../../workbook/port';
import { parseChoice } from '../args';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import { cliText, type CliTextKey } from '../messages';

/** The endpoint's port when neither --port nor CHITIEU_PORT says otherwise (npm start uses it too). */
export const DEFAULT_PORT = 8787;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function both(key: CliTextKey, vars: Record<string, string | number>): { vi: string; en: string } {
  return { vi: cliText(key, 'vi', vars), en: cliText(key, 'en', vars) };
}

/** A whole number within bounds, or a sentence naming the option. */
export function parseWhole(option: string, value: string, min: number, max: number): number {
  if (/^\s*\d+\s*$/.test(value)) {
    const n = Number(value.trim());
    if (n >= min && n <= max) return n;
  }
  throw new UserFacingError('bad-number', both('serveBadNumber', { value, option, min, max }));
}

/** An https origin; http only for this machine (loopback). */
function parseOrigin(value: string): string {
  let origin: string | undefined;
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '')) origin = url.origin;
  } catch {
    // fall through to the sentence
  }
  if (origin === undefined) throw new UserFacingError('bad-origin', both('serveBadOrigin', { value }));
  const { originAllowed } = require('../../server/hardening') as typeof import('../../server/hardening');
  if (!originAllowed(origin)) throw new UserFacingError('http-origin', both('serveHttpOrigin', { value }));
  return origin;
}

/** --db and --data-dir, shared by serve and token. */
export function addStoreOptions(command: Command, lang: Lang): Command {
  return command.option('--db <file|url>', cliText('dbOption', lang)).option('--data-dir <dir>', cliText('dataDirOption', lang));
}

/** The database named by --db, else CHITIEU_DB, else undefined (the default SQLite file). */
export function dbOf(options: { db?: string }): string | undefined {
  const db = options.db ?? process.env.CHITIEU_DB;
  return db === undefined || db.trim() === '' ? undefined : db;
}

/** --versions-per-day and --unit-storage-mib over the defaults; undefined when neither is given. */
function quotasOf(options: ServeCliOptions): { versionsPerReturnPerDay: number; bytesPerUnit: number } | undefined {
  if (options.versionsPerDay === undefined && options.unitStorageMib === undefined) return undefined;
  const { DEFAULT_QUOTAS } = require('../../server/app') as typeof import('../../server/app');
  return {
    versionsPerReturnPerDay:
      options.versionsPerDay === undefined ? DEFAULT_QUOTAS.versionsPerReturnPerDay : parseWhole('--versions-per-day', options.versionsPerDay, 0, 1_000_000_000),
    bytesPerUnit:
      options.unitStorageMib === undefined ? DEFAULT_QUOTAS.bytesPerUnit : parseWhole('--unit-storage-mib', options.unitStorageMib, 0, 1_000_000_000) * 1024 * 1024,
  };
}

interface ServeCliOptions {
  port?: string;
  host?: string;
  db?: string;
  dataDir?: string;
  corsOrigin?: string[];
  rateLimit?: string;
  addressRateLimit?: string;
  bodyLimit?: string;
  versionsPerDay?: string;
  unitStorageMib?: string;
  logLevel?: string;
  trustProxy?: boolean;
  allowHttpLocalhost?: boolean;
  workers?: string;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  register(program, { io, cwd, lang: helpLang }) {
    const command = program
      .command('serve')
      .description(cliText('serveDescription', helpLang))
      .option('--port <n>', cliText('servePortOption', helpLang))
      .option('--host <host>', cliText('serveHostOption', helpLang));
    addStoreOptions(command, helpLang)
      .option('--cors-origin <origin...>', cliText('serveCorsOption', helpLang))
      .option('--rate-limit <n>', cliText('serveRateLimitOption', helpLang))
      .option('--address-rate-limit <n>', cliText('serveAddressRateLimitOption', helpLang))
      .option('--body-limit <bytes>', cliText('serveBodyLimitOption', helpLang))
      .option('--versions-per-day <n>', cliText('serveVersionsPerDayOption', helpLang))
      .option('--unit-storage-mib <n>', cliText('serveUnitStorageOption', helpLang))
      .option('--log-level <level>', cliText('serveLogLevelOption', helpLang))
      .option('--trust-proxy', cliText('serveTrustProxyOption', helpLang))
      .option('--allow-http-localhost', cliText('serveAllowHttpLocalhostOption', helpLang))
      .option('--workers <n>', cliText('serveWorkersOption', helpLang));
    addCommonOptions(command, helpLang);
    return command.action(async (options: ServeCliOptions) => {
      commandLang(command); // an unknown --lang is refused before anything starts
      const port = parseWhole('--port', options.port ?? process.env.CHITIEU_PORT ?? String(DEFAULT_PORT), 0, 65535);
      const host = options.host ?? '127.0.0.1';
      const rateLimit = options.rateLimit === undefined ? undefined : parseWhole('--rate-limit', options.rateLimit, 0, 1_000_000_000);
      const addressRateLimit =
        options.addressRateLimit === undefined ? undefined : parseWhole('--address-rate-limit', options.addressRateLimit, 0, 1_000_000_000);
      const bodyLimit = options.bodyLimit === undefined ? undefined : parseWhole('--body-limit', options.bodyLimit, 1024, 1024 * 1024 * 1024);
      const logLevel = parseChoice('--log-level', options.logLevel ?? 'warn', LOG_LEVELS);
      const quotas = quotasOf(options);
      const allowHttpLocalhost = options.allowHttpLocalhost === true;
      const corsOrigins = options.corsOrigin?.map(parseOrigin);
      const db = dbOf(options);
      const path = require('node:path') as typeof import('node:path');
      const dataDir = path.resolve(cwd, options.dataDir ?? 'data');
      // Fastify and the database drivers load only for this command.
      // require, not import(): bin/chitieu.js runs through tsx's CommonJS hook, which import() bypasses.
      const { startServer, StoreOpenError } = require('../../server/serve') as typeof import('../../server/serve');
      const workers = options.workers === undefined ? 1 : parseWhole('--workers', options.workers, 1, 64);
      const storeDb = db !== undefined && !/^postgres(ql)?:\/\//i.test(db) ? path.resolve(cwd, db) : db;
      if (workers > 1) {
        const { runWorkers } = require('../../server/workers') as typeof import('../../server/workers');
        const { describeStore, openStore } = require('../../server/store/openStore') as typeof import('../../server/store/openStore');
        const shownHost = host.includes(':') ? `[${host}]` : host;
        await runWorkers({
          workers,
          prepare: async () => {
            const store = openStore(storeDb, { dataDir });
            try {
              await store.migrate();
            } catch (error) {
              throw new UserFacingError('store-failed', both('serveStoreFailed', { store: describeStore(storeDb, { dataDir }), reason: error instanceof Error ? error.message : String(error) }));
            } finally {
              await store.close().catch(() => undefined);
            }
          },
          announce: (actualPort) =>
            io.out(`chitieu serve: listening on http://${shownHost}:${actualPort} (store: ${describeStore(storeDb, { dataDir })}; ${workers} worker processes)\n`),
          startWorker: () =>
            startServer({
              port, host, db: storeDb, dataDir,
              ...(corsOrigins ? { corsOrigins } : {}),
          ...(allowHttpLocalhost ? { allowHttpLocalhost } : {}),
              ...(allowHttpLocalhost ? { allowHttpLocalhost } : {}),
              ...(rateLimit !== undefined ? { rateLimit: { max: rateLimit, timeWindowMs: 60_000 } } : {}),
          ...(addressRateLimit !== undefined ? { addressRateLimit: { max: addressRateLimit, timeWindowMs: 60_000 } } : {}),
              ...(addressRateLimit !== undefined ? { addressRateLimit: { max: addressRateLimit, timeWindowMs: 60_000 } } : {}),
              ...(bodyLimit !== undefined ? { bodyLimit } : {}),
              ...(quotas ? { quotas } : {}),
              logLevel,
              ...(options.trustProxy ? { trustProxy: true } : {}),
              print: () => undefined,
              handleSignals: false,
            }),
        });
        return;
      }
      try {
        await startServer({
          port,
          host,
          db: storeDb,
          dataDir,
          ...(corsOrigins ? { corsOrigins } : {}),
          ...(allowHttpLocalhost ? { allowHttpLocalhost } : {}),
          ...(rateLimit !== undefined ? { rateLimit: { max: rateLimit, timeWindowMs: 60_000 } } : {}),
          ...(addressRateLimit !== undefined ? { addressRateLimit: { max: addressRateLimit, timeWindowMs: 60_000 } } : {}),
          ...(bodyLimit !== undefined ? { bodyLimit } : {}),
          ...(quotas ? { quotas } : {}),
          logLevel,
          ...(options.trustProxy ? { trustProxy: true } : {}),
          print: (line) => io.out(line + '\n'),
        });
      } catch (error) {
        if (error instanceof StoreOpenError) throw new UserFacingError('store-failed', both('serveStoreFailed', { store: error.store, reason: error.reason }));
        const code = (error as NodeJS.ErrnoException)?.code;
        if (code === 'EADDRINUSE') throw new UserFacingError('port-in-use', both('servePortInUse', { port, host }));
        if (code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
          throw new UserFacingError('listen-failed', both('serveListenFailed', { port, host, reason: (error as Error).message }));
        }
        throw error;
      }
    });
  },
};
