/**
 * Tokens never travel in a URL: proxies, browsers' histories and our own request log keep URLs.
 * A request that puts one there (?access_token=, ?token=, or anything shaped like a chitieu token)
 * is refused with 400 saying where the token goes, and logged URLs have such values masked.
 */
import type { FastifyRequest } from 'fastify';
import { apiError, HttpError } from './messages';

/** A query parameter named like a credential, its value up to the next & or #. */
const CREDENTIAL_PARAM = /([?&](?:access_token|token|[\w.-]*(?:token|secret|password|api_?key)[\w.-]*)=)[^&#]*/gi;
/** A chitieu token wherever it appears ("ct_" and its base64url secret). */
const TOKEN_SHAPE = /ct_[A-Za-z0-9_-]{20,}/g;

export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const masked = query === -1 ? url : url.slice(0, query) + url.slice(query).replace(CREDENTIAL_PARAM, '$1[redacted]');
  return masked.replace(TOKEN_SHAPE, 'ct_[redacted]');
}

/** The same, for testing (no g flag: test() keeps no state between calls). */
const HAS_CREDENTIAL_PARAM = new RegExp(CREDENTIAL_PARAM.source, 'i');
const HAS_TOKEN_SHAPE = new RegExp(TOKEN_SHAPE.source);

/** onRequest: 400 for a token in the URL (runs on every request: the common URL costs two indexOf). */
export function refuseTokenInUrl(request: FastifyRequest): void {
  const url = request.url;
  const query = url.indexOf('?');
  const inQuery = query !== -1 && HAS_CREDENTIAL_PARAM.test(url.slice(query));
  if (inQuery || (url.includes('ct_') && HAS_TOKEN_SHAPE.test(url))) throw new HttpError(400, apiError('token-in-url'));
}

/** pino's serializer of a request: the URL masked (the default logs it as sent). */
export function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
