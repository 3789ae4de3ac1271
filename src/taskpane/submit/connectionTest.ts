/**
 * "Kiểm tra kết nối": the address and the token, each tested, so the answer says which one is
 * wrong. First `/healthz` (no token: is this a chitieu endpoint, is it up), then an authenticated
 * no-op (the list of returns, for the workbook's unit when it is known: a reporter's token of
 * another unit is refused there with 403 "other-unit").
 */
import { ApiError } from '../../domain/payload/api';
import { exchange, type EndpointConfig } from '../../submit/client';
import type { Lang } from '../../workbook/port';
import { normaliseUrl } from './connection';

export type ConnectionVerdict =
  | { kind: 'ok' }
  | { kind: 'badUrl' }
  /** Nothing answered: a wrong address, no network, or the server is not running. */
  | { kind: 'unreachable' }
  /** Something answered, but not a chitieu endpoint. */
  | { kind: 'notChitieu' }
  /** The endpoint answers but says it cannot work now (its database, or busy). */
  | { kind: 'serverDown' }
  | { kind: 'noToken' }
  /** 401: unknown or revoked. */
  | { kind: 'tokenRefused' }
  /** 403: the token belongs to another unit, or is not allowed here; the server's sentence says which. */
  | { kind: 'tokenForbidden'; message: { vi: string; en: string } };

const TIMEOUT_MS = 15_000;

async function health(base: string, doFetch: typeof fetch): Promise<ConnectionVerdict | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await doFetch(`${base}/healthz`, { method: 'GET', signal: controller.signal });
    const body: unknown = await response.json().catch(() => null);
    const ours = body !== null && typeof body === 'object' && ('status' in body || 'error' in body);
    if (!ours) return { kind: 'notChitieu' };
    if (response.status >= 500) return { kind: 'serverDown' };
    return response.ok ? null : { kind: 'notChitieu' };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

export async function testConnection(
  url: string,
  token: string,
  unitId: string | null,
  doFetch: typeof fetch = (i, init) => fetch(i, init),
): Promise<ConnectionVerdict> {
  const base = normaliseUrl(url);
  if (!base) return { kind: 'badUrl' };
  const up = await health(base, doFetch);
  if (up) return up;
  if (token.trim() === '') return { kind: 'noToken' };
  const config: EndpointConfig = { url: base, token: token.trim() };
  const query = new URLSearchParams({ limit: '1', ...(unitId ? { unit: unitId } : {}) });
  const answer = await exchange(config, `/returns?${query}`, { method: 'GET' }, { fetch: doFetch, timeoutMs: TIMEOUT_MS });
  if (!answer.reached) return { kind: 'unreachable' };
  if (answer.status >= 200 && answer.status < 300) return { kind: 'ok' };
  if (answer.status === 401) return { kind: 'tokenRefused' };
  if (answer.status === 403) {
    const error = ApiError.safeParse(answer.body);
    const fallback = { vi: 'Mã truy cập này không được phép.', en: 'This token is not allowed here.' };
    return { kind: 'tokenForbidden', message: error.success ? error.data.message : fallback };
  }
  if (answer.status >= 500 || answer.status === 429) return { kind: 'serverDown' };
  return { kind: 'notChitieu' };
}

const TEXT: Record<Exclude<ConnectionVerdict['kind'], 'tokenForbidden'>, Record<Lang, string>> = {
  ok: { vi: 'Kết nối được: máy chủ trả lời và nhận mã truy cập.', en: 'Connected: the server answers and accepts the token.' },
  badUrl: { vi: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.', en: 'The address must start with http:// or https://.' },
  unreachable: {
    vi: 'Máy chủ không trả lời: kiểm tra địa chỉ và kết nối mạng; nếu đúng, máy chủ có thể đang tắt.',
    en: 'The server does not answer: check the address and the network; if both are right, the server may be down.',
  },
  notChitieu: {
    vi: 'Địa chỉ này có trả lời nhưng không phải máy chủ tiếp nhận chitieu: kiểm tra lại địa chỉ.',
    en: 'Something answers at this address, but not the chitieu endpoint: check the address.',
  },
  serverDown: {
    vi: 'Máy chủ đang bận hoặc gặp sự cố; thử lại sau ít phút.',
    en: 'The server is busy or has a problem; try again in a few minutes.',
  },
  noToken: {
    vi: 'Địa chỉ đúng; hãy nhập mã truy cập (token) được cấp cho đơn vị.',
    en: 'The address is right; enter the access token issued to your unit.',
  },
  tokenRefused: {
    vi: 'Địa chỉ đúng, nhưng máy chủ không nhận mã truy cập (sai, hoặc đã bị thu hồi): xin cấp mã mới.',
    en: 'The address is right, but the server refuses the token (wrong, or revoked): ask for a new one.',
  },
};

export function verdictText(verdict: ConnectionVerdict, lang: Lang): string {
  if (verdict.kind === 'tokenForbidden') {
    return lang === 'vi'
      ? `Địa chỉ đúng, nhưng mã truy cập không dùng được cho biểu này: ${verdict.message.vi}`
      : `The address is right, but the token cannot be used for this return: ${verdict.message.en}`;
  }
  return TEXT[verdict.kind][lang];
}
