import { UserFacingError } from '../port';

/** Whatever Excel throws reaches a person as a sentence in both languages, never a stack trace. */
export async function failed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    const code = (error as { code?: string }).code ?? 'Error';
    const detail = error instanceof Error ? error.message : String(error);
    const protectedSheet = code === 'AccessDenied' || code === 'InvalidArgument';
    const hint = protectedSheet
      ? {
          vi: ' Có thể một trang đã được khóa bằng mật khẩu (Review › Unprotect Sheet để mở), hoặc sổ tính đang chỉ đọc.',
          en: ' A sheet may be protected with a password (Review › Unprotect Sheet), or the workbook may be read-only.',
        }
      : { vi: ' Sổ tính có thể đang chỉ đọc hoặc bị khóa cấu trúc; hãy kiểm tra rồi thử lại.', en: ' The workbook may be read-only or its structure protected; check and try again.' };
    throw Object.assign(
      new UserFacingError('excel-failed', {
        vi: `Excel không thực hiện được yêu cầu (${code}): ${detail}.${hint.vi}`,
        en: `Excel could not carry out the request (${code}): ${detail}.${hint.en}`,
      }),
      { cause: error },
    );
  }
}
