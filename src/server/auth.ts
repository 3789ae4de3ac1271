/**
 * Bearer-token authentication: the token's SHA-256 is looked up in the store (one indexed query);
 * unknown or revoked → 401, counted against the address (an address that fails too often gets
 * 429 before its tokens are looked up); a live token is then counted against its own limit. The
 * request's logger carries the token's id (never the token).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReturnStore, TokenRecord } from './store/port';
import { apiError, HttpError } from './messages';
import type { RateLimits } from './rateLimits';
import { hashToken } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** The bearer token's hash: undefined until computed, null without a bearer token. */
    tokenHash: string | null | undefined;
    /** The authenticated token, on routes that require one. */
    token: TokenRecord | null;
  }
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/** The hash of the request's bearer token (computed once per request), or null without one. */
export function tokenHashOf(request: FastifyRequest): string | null {
  if (request.tokenHash !== undefined) return request.tokenHash;
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  request.tokenHash = match ? hashToken(match[1]!) : null;
  return request.tokenHash;
}

export type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** An onRequest hook: the request must carry a live token; it is put on request.token. */
export function requireToken(store: ReturnStore, limits: RateLimits): Authenticate {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    limits.beforeAuthentication(request);
    const hash = tokenHashOf(request);
    if (hash === null) {
      limits.failedAuthentication(request);
      throw new HttpError(401, apiError('no-token'));
    }
    const token = await store.findTokenByHash(hash);
    if (!token || token.revokedAt !== null) {
      limits.failedAuthentication(request);
      throw new HttpError(401, apiError('bad-token'));
    }
    limits.token(token.id);
    request.token = token;
    const log = request.log.child({ tokenId: token.id, unitId: token.unitId });
    request.log = log;
    reply.log = log;
  };
}
