/**
 * What every answer and every browser caller is held to:
 * - `Cache-Control: no-store` (answers hold returns and receipts: no proxy or browser keeps them)
 *   and `X-Content-Type-Options: nosniff` (JSON is never sniffed as something else), on every
 *   answer, errors included, and on Node's own client errors (errors.ts: SECURITY_HEADERS);
 * - CORS only for https origins by default. Plain http only for this machine (localhost,
 *   127.0.0.1, [::1]): named one by one (--cors-origin, the tests' static servers), or the add-in's
 *   dev server without a certificate (http://localhost:3000) with `--allow-http-localhost`. An
 *   http origin of another machine is refused: a page served in clear could be altered on the way.
 */

/** The add-in's dev server (npm start) over HTTPS. */
export const DEFAULT_CORS_ORIGINS = ['https://localhost:3000'];
/** Its plain-HTTP variant (no certificate installed), added with allowHttpLocalhost. */
export const DEV_HTTP_ORIGINS = ['http://localhost:3000'];

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export class OriginRefusedError extends Error {
  constructor(readonly origin: string) {
    super(`CORS origin ${origin} refused: only https origins, or http on this machine`);
    this.name = 'OriginRefusedError';
  }
}

/** Whether a browser origin may be allowed: https, or http on this machine. */
export function originAllowed(origin: string): boolean {
  return origin.startsWith('https://') || LOCALHOST.test(origin);
}

/** The origins CORS allows: the given ones (default DEFAULT_CORS_ORIGINS, and DEV_HTTP_ORIGINS when allowed), each checked. */
export function corsOriginsOf(given: readonly string[] | undefined, allowHttpLocalhost: boolean): string[] {
  const origins = [...(given ?? DEFAULT_CORS_ORIGINS), ...(allowHttpLocalhost ? DEV_HTTP_ORIGINS : [])];
  const refused = origins.find((o) => !originAllowed(o));
  if (refused) throw new OriginRefusedError(refused);
  return [...new Set(origins)];
}

