/**
 * The rate limits, in the order a request meets them:
 * 1. by address, before anything else (so requests without a valid token are limited too);
 * 2. failed authentications by address, stricter, read before the token is looked up: an address
 *    that keeps sending unknown tokens is refused without touching the database;
 * 3. by token (its id), once authenticated.
 * Counted per process (several processes each count their own). /healthz is never limited.
 */
import type { FastifyRequest } from 'fastify';
import { apiError, HttpError } from './messages';
import { WindowCounter } from './windowCounter';

export interface Limit {
  /** Requests per window; 0 turns the limit off. */
  max: number;
  timeWindowMs: number;
}

export interface RateLimitOptions {
  perToken: Limit;
  perAddress: Limit;
  authFailures: Limit;
}

export interface RateLimits {
  /** onRequest, first: the address's count. */
  address(request: FastifyRequest): void;
  /** Before a token is looked up: 429 while the address has failed too often. */
  beforeAuthentication(request: FastifyRequest): void;
  /** A failed authentication (no, unknown or revoked token), counted for the address. */
  failedAuthentication(request: FastifyRequest): void;
  /** After authentication: the token's count. */
  token(tokenId: string): void;
}

const tooMany = (code: 'rate-limited' | 'auth-failures', seconds: number) =>
  new HttpError(429, apiError(code, { seconds }), { 'retry-after': String(seconds) });

function counterOf(limit: Limit): WindowCounter | null {
  return limit.max > 0 ? new WindowCounter(limit.max, limit.timeWindowMs) : null;
}

export function createRateLimits(options: RateLimitOptions): RateLimits {
  const byAddress = counterOf(options.perAddress);
  const failures = counterOf(options.authFailures);
  const byToken = counterOf(options.perToken);
  return {
    address(request) {
      const verdict = byAddress?.hit(request.ip);
      if (verdict?.exceeded) throw tooMany('rate-limited', verdict.retryAfterSeconds);
    },
    beforeAuthentication(request) {
      const verdict = failures?.peek(request.ip);
      if (verdict?.exceeded) throw tooMany('auth-failures', verdict.retryAfterSeconds);
    },
    failedAuthentication(request) {
      failures?.hit(request.ip);
    },
    token(tokenId) {
      const verdict = byToken?.hit(tokenId);
      if (verdict?.exceeded) throw tooMany('rate-limited', verdict.retryAfterSeconds);
    },
  };
}
