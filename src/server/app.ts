/**
 * The endpoint as a Fastify instance (not listening): routes, CORS, rate limit, body limit, and
 * one error handler that answers every failure with an ApiError (vi + en), never a stack trace.
 * The catalogue and the unit list are loaded once, here; the process holds no other state, so
 * several processes may serve one PostgreSQL database.
 *
 * Logging: pino through Fastify, the Authorization header redacted, request bodies never logged
 * (payloads hold the focal point's name, email and phone); an authenticated request's log lines
 * carry the token's id.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadCatalogue, loadUnits } from '../catalogue/load';
import { requireToken } from './auth';
import { createChanges } from './changes';
import { createCheckPool, defaultCheckThreads } from './checkPool';
import { connectionOptions, DEFAULT_CONNECTION_LIMITS, limitServer, type ConnectionLimits } from './connections';
import { errorOptions, HTTP_OPTIONS, installErrorHandling } from './errors';
import { createRateLimits, type Limit } from './rateLimits';
import { corsOriginsOf } from './hardening';
import { addJsonParser } from './jsonBody';
import { refuseTokenInUrl, requestSerializer } from './queryTokens';
import { healthRoute } from './routes/health';
import { openApiRoute } from './routes/openapi';
import { returnsRoutes } from './routes/returns';
import { reviewsRoutes } from './routes/reviews';
import { submitRoute } from './routes/submit';
import type { Quotas, ReturnStore } from './store/port';

/**
 * 2 MiB: three times the largest return a person can type into the template (every text cell at
 * its input limit in three-byte Vietnamese letters, a justification for every warning: 666 KB of
 * JSON; tests/unit/server/limits.test.ts measures it). A typical return is 20–40 KB.
 */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/**
 * A unit corrects a return a few times a quarter: 20 versions of one return in 24 hours, and
 * 64 MiB in all (a hundred of the largest returns, two thousand typical ones), stop a leaked
 * token from growing the immutable store without end. 0 turns a quota off.
 */
export const DEFAULT_QUOTAS: Quotas = { versionsPerReturnPerDay: 20, bytesPerUnit: 64 * 1024 * 1024 };
/** Requests per token per minute; a unit submits a few times a quarter. */
export const DEFAULT_RATE_LIMIT = { max: 300, timeWindowMs: 60_000 };
/** Requests per address per minute, before authentication: a few units behind one office's NAT. */
export const DEFAULT_ADDRESS_RATE_LIMIT = { max: 1200, timeWindowMs: 60_000 };
/** Failed authentications per address in 10 minutes; then 429 without looking tokens up. */
export const DEFAULT_AUTH_FAILURE_LIMIT = { max: 30, timeWindowMs: 600_000 };
export { DEFAULT_CORS_ORIGINS } from './hardening';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface AppOptions {
  store: ReturnStore;
  /** Origins allowed to call the API from a browser (the add-in's), https only; default the dev server's. */
  corsOrigins?: readonly string[];
  /** Also allow http://localhost origins (the dev server without a certificate); default false. */
  allowHttpLocalhost?: boolean;
  /** Largest request body in bytes (default 2 MiB). */
  bodyLimit?: number;
  /** Requests per token per window; max 0 turns this and the address limit off (benchmarks). */
  rateLimit?: Limit;
  /** Requests per address per window, before authentication (default DEFAULT_ADDRESS_RATE_LIMIT). */
  addressRateLimit?: Limit;
  /** Failed authentications per address per window (default DEFAULT_AUTH_FAILURE_LIMIT; max 0: off). */
  authFailureLimit?: Limit;
  /** false: no logging; otherwise pino's level (default warn) and where to write (default stdout). */
  logger?: false | { level?: LogLevel; stream?: NodeJS.WritableStream };
  /** Behind a reverse proxy: trust X-Forwarded-For for the client's address (rate limit by address). */
  trustProxy?: boolean | string | string[];
  /** Timeouts and header limits of a connection (default DEFAULT_CONNECTION_LIMITS). */
  connections?: Partial<ConnectionLimits>;
  /** Per-unit quotas (default DEFAULT_QUOTAS; 0 turns one off). */
  quotas?: Quotas;
  /** Worker threads judging submissions (default: one fewer than the cores, at least 1); 0 judges in-process. */
  checkThreads?: number;
}

function loggerOptions(logger: AppOptions['logger']) {
  if (logger === false) return false;
  return {
    level: logger?.level ?? 'warn',
    ...(logger?.stream ? { stream: logger.stream } : {}),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'request.body', 'body'], censor: '[redacted]' },
    // The request's URL with any token in it masked (they are refused, but logged on arrival).
    serializers: { req: requestSerializer },
  };
}

const isHealthz = (url: string) => url === '/healthz' || url.startsWith('/healthz?');

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const perToken = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limits = createRateLimits({
    perToken,
    perAddress: perToken.max > 0 ? (options.addressRateLimit ?? DEFAULT_ADDRESS_RATE_LIMIT) : perToken,
    authFailures: options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT,
  });
  const catalogue = loadCatalogue();
  const units = loadUnits();
  const connectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  const connections = connectionOptions(connectionLimits);

  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    // Answers carry no stack; a request id helps match a complaint to a log line.
    requestIdHeader: false,
    ...errorOptions(bodyLimit),
    ...connections,
    http: { ...connections.http, ...HTTP_OPTIONS },
  });
  limitServer(app.server, connectionLimits);
  app.decorateRequest('tokenHash', undefined);
  app.decorateRequest('token', null);

  // JSON only: a body of any other type is refused with 415 before it is read.
  app.removeAllContentTypeParsers();
  addJsonParser(app, bodyLimit);

  const admit = installErrorHandling(app, bodyLimit);

  await app.register(cors, {
    origin: corsOriginsOf(options.corsOrigins, options.allowHttpLocalhost ?? false),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });

  // Before every route's own hooks (authentication), so requests without a valid token count
  // too; a callback hook, as it runs on every request.
  app.addHook('onRequest', (request, reply, done) => {
    try {
      admit(request, reply);
      // /healthz is never limited (its URL, not routeOptions, which builds an object on each read).
      if (!isHealthz(request.url)) limits.address(request);
      refuseTokenInUrl(request);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });

  const checks = createCheckPool(options.checkThreads ?? defaultCheckThreads(), catalogue, units);
  app.addHook('onClose', () => checks.close());
  const auth = requireToken(store, limits);
  submitRoute(app, { store, checks, quotas: options.quotas ?? DEFAULT_QUOTAS, auth });
  const changes = createChanges((before, after) => checks.diff(before, after));
  returnsRoutes(app, { store, auth, changes });
  reviewsRoutes(app, { store, auth, changes });
  healthRoute(app, { store });
  openApiRoute(app);
  return app;
}
