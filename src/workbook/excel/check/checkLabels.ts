import type { Severity } from '../../../domain/flags';
import type { Lang } from '../../port';

/** Words on the "Kiểm tra" sheet. The sheet's name is fixed, so a re-check in either language finds it. */
const LABELS = {
  title: { vi: 'KẾT QUẢ KIỂM TRA BIỂU PHỤ LỤC 01', en: 'APPENDIX 01 RETURN: CHECK RESULTS' },
  checkedAt: { vi: 'Thời điểm kiểm tra: {time}', en: 'Checked at: {time}' },
  counts: { vi: 'Lỗi: {error} · Cảnh báo: {warning} · Thông tin: {info}', en: 'Errors: {error} · Warnings: {warning} · Information: {info}' },
  hint: {
    vi: 'Bấm vào ô ở cột C để tới ô trên biểu. Ghi giải trình ở cột F (nhất là cho cảnh báo); giữ nguyên cột G (mã) để giải trình được giữ khi kiểm tra lại.',
    en: 'Click a cell in column C to go to it on the return. Write justifications in column F (above all for warnings); leave column G (the key) as it is, so they are kept when the return is checked again.',
  },
  severity: { vi: 'Mức độ', en: 'Severity' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  cell: { vi: 'Ô', en: 'Cell' },
  message: { vi: 'Nội dung', en: 'Problem' },
  suggestion: { vi: 'Gợi ý', en: 'Suggestion' },
  justification: { vi: 'Giải trình', en: 'Justification' },
  key: { vi: 'Mã (không sửa)', en: 'Key (do not edit)' },
  none: { vi: 'Không có vấn đề nào.', en: 'No problems found.' },
  priorHeading: {
    vi: 'Giải trình trước đây (cho các vấn đề không còn ở lần kiểm tra này; được giữ lại để không mất)',
    en: 'Earlier justifications (for problems this check no longer finds; kept so they are not lost)',
  },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Information' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CheckLabelKey = keyof typeof LABELS;

export function checkLabel(key: CheckLabelKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export const severityLabel = (severity: Severity, lang: Lang) => checkLabel(severity, lang);
