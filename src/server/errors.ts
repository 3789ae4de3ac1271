/**
 * Every answer the endpoint sends for a failure is an ApiError ({error, message: {vi, en}}), in
 * JSON, without a stack trace — including the ones Fastify and Node write themselves:
 * - errors thrown in a route or a hook (the error handler), unknown routes (404);
 * - Fastify's framework errors, answered before any route (a malformed %-escape in the path:
 *   400, a path parameter over maxParamLength: 414);
 * - Node's client errors, written on the socket before Fastify sees a request (a malformed
 *   request: 400, headers or URL over maxHeaderSize: 431, a request that took too long: 408);
 * - anything else a plugin answers in another shape (@fastify/cors's text "Invalid Preflight
 *   Request"): rewritten in onSend;
 * - requests that arrive while the server closes: 503 with Retry-After (Fastify's own 503 is not
 *   an ApiError).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError, HttpError, type ServerErrorCode } from './messages';
import { StoreUnavailableError } from './store/unavailable';

/** Headers every answer carries (also the ones written straight on the socket). */
export const SECURITY_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

/** Fastify's own client errors, as ApiError codes. */
const FASTIFY_ERRORS: Record<string, ServerErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty-body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_BAD_URL: 'bad-url',
  FST_ERR_MAX_PARAM_LENGTH: 'url-too-long',
};

/** What a status means when nothing more precise is known. */
function codeForStatus(status: number): ServerErrorCode {
  if (status === 404) return 'not-found';
  if (status === 408) return 'request-timeout';
  if (status === 413) return 'too-large';
  if (status === 414) return 'url-too-long';
  if (status === 415) return 'unsupported-media-type';
  if (status === 431) return 'headers-too-large';
  if (status === 503) return 'store-unavailable';
  return status >= 500 ? 'internal' : 'bad-request';
}

/** Node's client errors (before a request exists): the answer, written on the socket. */
export function clientErrorAnswer(error: { code?: string }): { status: number; body: string } {
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  return { status, body: JSON.stringify(apiError(codeForStatus(status))) };
}

function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A connection reset has nothing left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = clientErrorAnswer(error);
  // An answer already started on this socket cannot be replaced.
  const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !started) {
    const headers = Object.entries({ ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
  }
  socket.destroy(error);
}

/** Fastify's options for the errors it answers itself. */
export function errorOptions(bodyLimit: number) {
  return {
    clientErrorHandler,
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply.code(status).send(apiError(FASTIFY_ERRORS[error.code] ?? codeForStatus(status), { limit: bodyLimit }));
    },
    // Ours (below) says 503 as an ApiError, with Retry-After.
    return503OnClosing: false,
  };
}

/**
 * Node's own answers that bypass every handler: a missing Host header is answered 400 with an
 * empty body unless Node leaves it to us (checked in onRequest, below).
 */
export const HTTP_OPTIONS = { requireHostHeader: false } as const;

const looksLikeApiError = (payload: unknown): boolean => typeof payload === 'string' && payload.startsWith('{"error":');

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): (request: FastifyRequest, reply: FastifyReply) => void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.statusCode === 401) void reply.header('www-authenticate', 'Bearer');
      for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
      if (error.statusCode >= 500) request.log.error({ code: error.body.error }, 'request failed');
      return reply.code(error.statusCode).send(error.body);
    }
    if (error instanceof StoreUnavailableError) {
      // Nothing was written: the client sends the same request again after Retry-After.
      request.log.warn({ reason: error.reason, cause: (error.cause as Error | undefined)?.message }, 'store unavailable');
      void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(503).send(apiError(error.reason === 'busy' ? 'store-busy' : 'store-unavailable'));
    }
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.code(error.statusCode ?? 400).send(apiError(known, { limit: bodyLimit }));
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Another client error of Fastify's: a code of ours, no details (they may quote the body).
      request.log.info({ code: error.code, statusCode: error.statusCode }, 'client error');
      return reply.code(error.statusCode).send(apiError(codeForStatus(error.statusCode)));
    }
    // Ours: logged (message and stack, never the request body), answered without details.
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'unexpected error');
    return reply.code(500).send(apiError('internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!.slice(0, 200);
    return reply.code(404).send(apiError('not-found', { method: request.method, url }));
  });

  // Every answer: the security headers (hardening.ts); a plugin's own error answer in another
  // shape (cors's text/plain 400) becomes an ApiError. One callback hook: it runs on every answer.
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(SECURITY_HEADERS);
    if (reply.statusCode < 400 || looksLikeApiError(payload)) return done(null, payload);
    const code = reply.statusCode === 400 && request.method === 'OPTIONS' ? 'invalid-preflight' : codeForStatus(reply.statusCode);
    void reply.type('application/json; charset=utf-8');
    done(null, JSON.stringify(apiError(code, { method: request.method, url: request.url.split('?')[0]!.slice(0, 200), limit: bodyLimit })));
  });

  // Per app (tests run several in one process): set once this one starts closing.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  /**
   * What every request must pass before its route (app.ts calls it first, in one onRequest hook):
   * not while the server closes (503), and a Host header in HTTP/1.1 (RFC 9112 §3.2; Node would
   * have answered 400 with no body).
   */
  return function admit(request: FastifyRequest, reply: FastifyReply): void {
    if (closing) {
      void reply.header('connection', 'close');
      throw new HttpError(503, apiError('shutting-down'), { 'retry-after': '5' });
    }
    if (request.raw.httpVersion === '1.1' && !request.headers.host) throw new HttpError(400, apiError('bad-request'));
  };
}
