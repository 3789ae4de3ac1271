/** What the endpoint says in its error answers, Vietnamese first; every ApiError takes its message from here. */
import type { ApiError } from '../domain/payload/api';

const TEXTS = {
  'no-token': {
    vi: 'Thiếu token: gửi kèm tiêu đề "Authorization: Bearer <token>" do cơ quan tổng hợp cấp.',
    en: 'No token: send the header "Authorization: Bearer <token>" with the token the aggregating department issued.',
  },
  'bad-token': {
    vi: 'Token không hợp lệ hoặc đã bị thu hồi. Liên hệ cơ quan tổng hợp để được cấp token mới.',
    en: 'The token is not valid or has been revoked. Ask the aggregating department for a new one.',
  },
  'not-reporter': {
    vi: 'Token này không dùng để nộp báo cáo (chỉ token của đơn vị báo cáo mới nộp được).',
    en: 'This token cannot submit returns (only a reporting unit\'s token can).',
  },
  'wrong-unit': {
    vi: 'Token này thuộc đơn vị {tokenUnit}, không nộp được báo cáo của đơn vị {unit}.',
    en: 'This token belongs to {tokenUnit}; it cannot submit the return of {unit}.',
  },
  'other-unit': {
    vi: 'Token này thuộc đơn vị {tokenUnit}, không xem được báo cáo của đơn vị khác.',
    en: 'This token belongs to {tokenUnit}; it cannot read other units\' returns.',
  },
  'submission-id-taken': {
    vi: 'Mã lần nộp (submissionId) này đã được dùng cho báo cáo của một đơn vị khác. Tạo lại bản nộp với mã mới.',
    en: 'This submission id has already been used for another unit\'s return. Build the submission again with a new id.',
  },
  'submission-id-reused': {
    vi: 'Mã lần nộp (submissionId) này đã được dùng cho một nội dung khác. Nội dung mới cần một mã mới: tạo lại bản nộp rồi gửi.',
    en: 'This submission id was used for different content. New content needs a new id: build the submission again and send it.',
  },
  'invalid-payload': {
    vi: 'Nội dung gửi lên không đúng cấu trúc báo cáo (xem "issues").',
    en: 'The submission does not match the return\'s schema (see "issues").',
  },
  'invalid-query': {
    vi: 'Tham số tìm kiếm không hợp lệ (xem "issues"): dùng year, quarter và unit.',
    en: 'The query is not valid (see "issues"): use year, quarter and unit.',
  },
  'has-errors': {
    vi: 'Báo cáo còn {count} lỗi, chưa thể tiếp nhận. Sửa các lỗi (xem "flags") rồi nộp lại.',
    en: 'The return has {count} errors and cannot be accepted. Correct them (see "flags") and submit again.',
  },
  'malformed-json': {
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  'too-deep': {
    vi: 'Nội dung JSON lồng nhau quá sâu (tối đa {max} mức).',
    en: 'The JSON body is nested too deeply (at most {max} levels).',
  },
  'empty-body': {
    vi: 'Yêu cầu không có nội dung.',
    en: 'The request has no body.',
  },
  'too-large': {
    vi: 'Nội dung gửi lên quá lớn (tối đa {limit} byte).',
    en: 'The request body is too large (at most {limit} bytes).',
  },
  'unsupported-media-type': {
    vi: 'Kiểu nội dung không được hỗ trợ: gửi JSON với "Content-Type: application/json".',
    en: 'Unsupported content type: send JSON with "Content-Type: application/json".',
  },
  'rate-limited': {
    vi: 'Quá nhiều yêu cầu. Thử lại sau {seconds} giây.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  'auth-failures': {
    vi: 'Quá nhiều lần xác thực không thành công từ địa chỉ này. Kiểm tra lại token rồi thử lại sau {seconds} giây.',
    en: 'Too many failed authentications from this address. Check the token and try again in {seconds} seconds.',
  },
  'not-found': {
    vi: 'Không có địa chỉ {method} {url}.',
    en: 'There is no {method} {url}.',
  },
  'no-such-return': {
    vi: 'Không có báo cáo {returnId}.',
    en: 'There is no return {returnId}.',
  },
  'not-reviewer': {
    vi: 'Token này không dùng để duyệt báo cáo (chỉ token của người duyệt mới duyệt được).',
    en: 'This token cannot review returns (only a reviewer\'s token can).',
  },
  'invalid-review': {
    vi: 'Nội dung duyệt không hợp lệ (xem "issues"): hỏi lại hoặc trả lại báo cáo cần có ý kiến.',
    en: 'The review is not valid (see "issues"): a query or sending a return back needs a comment.',
  },
  'no-such-version': {
    vi: 'Báo cáo {returnId} không có phiên bản {version}.',
    en: 'The return {returnId} has no version {version}.',
  },
  'no-such-flag': {
    vi: 'Phiên bản {version} không có cảnh báo {flagKey}.',
    en: 'Version {version} has no flag {flagKey}.',
  },
  'token-in-url': {
    vi: 'Không được ghi token vào địa chỉ (URL): địa chỉ bị lưu lại ở máy chủ proxy và trong nhật ký. Gửi token trong tiêu đề "Authorization: Bearer <token>". Nếu token đã bị ghi vào đâu đó, đề nghị cấp token mới.',
    en: 'A token must never be put in the address (URL): addresses are kept by proxies and in logs. Send it in the header "Authorization: Bearer <token>". If the token was written down somewhere, ask for a new one.',
  },
  'bad-url': {
    vi: 'Địa chỉ yêu cầu không hợp lệ (mã %-escape sai).',
    en: 'The request\'s address is not valid (a broken %-escape).',
  },
  'url-too-long': {
    vi: 'Địa chỉ yêu cầu quá dài.',
    en: 'The request\'s address is too long.',
  },
  'headers-too-large': {
    vi: 'Tiêu đề (header) hoặc địa chỉ của yêu cầu quá lớn.',
    en: 'The request\'s headers or address are too large.',
  },
  'request-timeout': {
    vi: 'Yêu cầu gửi lên quá chậm nên đã bị ngắt. Gửi lại.',
    en: 'The request took too long to arrive and was cut off. Send it again.',
  },
  'invalid-preflight': {
    vi: 'Yêu cầu kiểm tra CORS (preflight) không hợp lệ: cần các tiêu đề Origin và Access-Control-Request-Method.',
    en: 'Invalid CORS preflight request: it needs the Origin and Access-Control-Request-Method headers.',
  },
  'shutting-down': {
    vi: 'Máy chủ đang khởi động lại. Thử lại sau vài giây; không có gì bị mất.',
    en: 'The server is restarting. Try again in a few seconds; nothing was lost.',
  },
  'bad-request': {
    vi: 'Yêu cầu không hợp lệ.',
    en: 'The request is not valid.',
  },
  'version-quota': {
    vi: 'Báo cáo này đã nhận {limit} phiên bản trong 24 giờ qua, mức tối đa. Gửi lại sau khoảng {hours} giờ (xem tiêu đề Retry-After, tính bằng giây).',
    en: 'This return received {limit} versions in the last 24 hours, the most allowed. Send again in about {hours} hours (see the Retry-After header, in seconds).',
  },
  'storage-quota': {
    vi: 'Đơn vị đã dùng hết dung lượng lưu trữ được cấp trên máy chủ ({mib} MiB). Liên hệ cơ quan tổng hợp.',
    en: 'The unit has used all the storage it is allowed on the server ({mib} MiB). Contact the aggregating department.',
  },
  'store-busy': {
    vi: 'Cơ sở dữ liệu của máy chủ đang bận. Thử lại sau vài giây; không có gì bị mất.',
    en: 'The server\'s database is busy. Try again in a few seconds; nothing was lost.',
  },
  'store-unavailable': {
    vi: 'Cơ sở dữ liệu của máy chủ tạm thời không truy cập được. Thử lại sau.',
    en: 'The server\'s database cannot be reached for now. Try again later.',
  },
  internal: {
    vi: 'Lỗi máy chủ. Thử lại sau; nếu vẫn lỗi, báo cho cơ quan tổng hợp.',
    en: 'Server error. Try again later; if it persists, tell the aggregating department.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ServerErrorCode = keyof typeof TEXTS;

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

export function serverMessage(code: ServerErrorCode, vars: Record<string, string | number> = {}): { vi: string; en: string } {
  return { vi: fill(TEXTS[code].vi, vars), en: fill(TEXTS[code].en, vars) };
}

/** An ApiError body for a code, with its message in both languages. */
export function apiError(code: ServerErrorCode, vars: Record<string, string | number> = {}, extra: Pick<ApiError, 'flags' | 'issues'> = {}): ApiError {
  return { error: code, message: serverMessage(code, vars), ...extra };
}

/** Thrown inside a route: the error handler answers with its status and ApiError body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ApiError,
    /** Headers to send with the answer (Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error);
    this.name = 'HttpError';
  }
}
