/**
 * Why a send did not get through, in the person's language, as the command line says it
 * ("máy chủ không trả lời…"): never the browser's "Failed to fetch" or a bare "HTTP 503". The
 * pending submission keeps the raw reason (`lastError`: the client's words, "HTTP 503",
 * "timeout", "HTTP 401: <server message>"), so it can be told again in either language; the
 * pane and the receipt sheet both read it through here.
 */
import type { Lang } from '../../port';

type Text = Record<Lang, string>;

const TEXT = {
  busy: { vi: 'máy chủ đang bận, sẽ thử lại…', en: 'the server is busy; trying again…' },
  server: { vi: 'máy chủ đang gặp sự cố, sẽ thử lại…', en: 'the server has a problem; trying again…' },
  timeout: { vi: 'máy chủ không trả lời kịp, sẽ thử lại…', en: 'the server did not answer in time; trying again…' },
  unreadable: {
    vi: 'máy chủ trả lời nhưng không đọc được biên nhận; sẽ gửi lại (máy chủ không lưu hai lần)',
    en: 'the server answered but its receipt could not be read; sending again (the server never stores it twice)',
  },
  unreachable: {
    vi: 'máy chủ không trả lời (mất kết nối mạng, sai địa chỉ, hoặc máy chủ chưa chạy)',
    en: 'the server does not answer (no network, a wrong address, or the server is not running)',
  },
  token: { vi: 'máy chủ không nhận mã truy cập: {message}', en: 'the server refused the access token: {message}' },
} as const satisfies Record<string, Text>;

/** The client's reason (or the stored `lastError`) as a sentence. */
export function describeSendProblem(reason: string | null, lang: Lang): string {
  if (!reason) return '–';
  const http = /^HTTP (\d{3})(?::\s*(.*))?$/s.exec(reason.trim());
  if (http) {
    const status = Number(http[1]);
    if (status === 401 || status === 403) return TEXT.token[lang].replace('{message}', http[2] ?? '');
    if (status === 503 || status === 429) return TEXT.busy[lang];
    if (status === 408 || status === 425 || status === 504) return TEXT.timeout[lang];
    return TEXT.server[lang];
  }
  if (/^timeout$/i.test(reason)) return TEXT.timeout[lang];
  if (/unreadable receipt/i.test(reason)) return TEXT.unreadable[lang];
  // "Failed to fetch" (Chromium), "NetworkError when attempting…" (Firefox), "Load failed" (Safari), "fetch failed" (Node).
  return TEXT.unreachable[lang];
}

/** A 503 or 429: the server said it is busy; Retry-After, when it gives one, says for how long. */
export const isBusy = (httpStatus: number | null) => httpStatus === 503 || httpStatus === 429;

const API_TEXT = {
  notChitieu: {
    vi: 'địa chỉ này trả lời nhưng không phải máy chủ tiếp nhận chitieu (kiểm tra lại địa chỉ)',
    en: 'something answers at this address, but not the chitieu endpoint (check the address)',
  },
} as const satisfies Record<string, Text>;

/**
 * An API client's failure (the review and aggregate clients: `error` "unreachable" with the
 * browser's words, "unexpected-answer" with a status) as a sentence; the server's own ApiError
 * message is already in both languages and is kept.
 */
export function describeApiFailure(error: { error: string; message: Text }, httpStatus: number | null, lang: Lang): string {
  if (error.error === 'unreachable' || httpStatus === null) {
    return describeSendProblem(/timeout/i.test(error.message.en) ? 'timeout' : 'unreachable', lang);
  }
  if (error.error === 'unexpected-answer') {
    return httpStatus >= 500 ? describeSendProblem(`HTTP ${httpStatus}`, lang) : API_TEXT.notChitieu[lang];
  }
  return error.message[lang];
}
