/** Words printed on the summary sheets, Vietnamese first (the department's language). */
import type { AssessmentStatus } from '../domain/flags';
import type { CompletenessCell, Timeliness } from '../domain/summary/types';
import type { Lang } from '../workbook/port';

const TEXT = {
  sheetSummary: { vi: 'Tổng hợp', en: 'Summary' },
  sheetCompleteness: { vi: 'Đầy đủ, đúng hạn', en: 'Completeness' },
  sheetSections: { vi: 'Nội dung', en: 'Narrative' },
  title: { vi: 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHIẾN LƯỢC KINH TẾ SỐ, XÃ HỘI SỐ', en: 'SUMMARY OF THE DIGITAL ECONOMY AND DIGITAL SOCIETY STRATEGY INDICATORS' },
  period: { vi: 'Quý {q}/{year} — lập lúc {at} (giờ Việt Nam) — từ {used} báo cáo', en: 'Q{q} {year} — made {at} (Vietnam time) — from {used} returns' },
  legend: {
    vi: 'Tiến độ = số liệu mới nhất / mục tiêu {horizon} (thanh dữ liệu: 100% là đạt mục tiêu). Mức: đèn xanh đã đạt, vàng có khả năng đạt, đỏ khó đạt. Nền cam: các đơn vị báo số liệu khác nhau; số liệu được tính là của đơn vị chịu trách nhiệm theo danh mục. Số liệu khác (không tính): số liệu của đơn vị không chịu trách nhiệm chỉ tiêu. Lỗi chưa sửa: lỗi còn trong báo cáo đã dùng; số liệu có lỗi không được tính.',
    en: 'Progress = latest figure / {horizon} target (data bar: 100% is the target met). Level: green light achieved, amber likely, red challenging. Orange: units gave different figures; the one counted is the responsible unit’s, as the catalogue assigns it. Other figures (not counted): given by units not responsible for the indicator. Uncorrected errors: errors still in the returns used; a figure with an error is not counted.',
  },
  colStt: { vi: 'STT', en: 'No.' },
  colIndicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  colQuarter: { vi: 'Kết quả Quý {q}', en: 'Q{q} result' },
  colTarget: { vi: 'Mục tiêu {year}', en: '{year} target' },
  colProgress: { vi: 'Tiến độ so với mục tiêu {year}', en: 'Progress to the {year} target' },
  colAssessment: { vi: 'Đánh giá', en: 'Assessment' },
  colReason: { vi: 'Lý do', en: 'Reason' },
  colSource: { vi: 'Đơn vị cung cấp số liệu', en: 'Source unit' },
  colProvisional: { vi: 'Tạm ước tính', en: 'Provisional' },
  colIntl: { vi: 'So sánh quốc tế', en: 'International comparison' },
  colFlags: { vi: 'Cảnh báo chưa xử lý', en: 'Open flags' },
  colErrors: { vi: 'Lỗi chưa sửa (số liệu có lỗi không tính)', en: 'Uncorrected errors (figures with errors not counted)' },
  colJustifications: { vi: 'Giải trình', en: 'Justifications' },
  colNote: { vi: 'Ghi chú', en: 'Note' },
  colLevel: { vi: 'Mức', en: 'Level' },
  colUncounted: { vi: 'Số liệu khác (không tính)', en: 'Other figures (not counted)' },
  yes: { vi: 'Có', en: 'Yes' },
  conflictNote: { vi: 'Các đơn vị báo số liệu khác nhau: {list}. Số liệu được tính: {counted}.', en: 'Units gave different figures: {list}. Counted: {counted}.' },
  conflictNone: { vi: 'chưa có (các đơn vị cùng chịu trách nhiệm báo khác nhau, cần thống nhất)', en: 'none (the responsible units disagree and must agree on one)' },
  sectorNote: { vi: 'Mỗi bộ, ngành báo tỷ trọng của ngành, lĩnh vực mình; không có một số liệu chung.', en: 'Each ministry gives its own sector’s share; there is no single national figure.' },
  withErrorsHeading: { vi: 'Báo cáo còn lỗi, đã dùng số liệu đọc được ({n}):', en: 'Returns with errors, the figures that read used ({n}):' },
  errorsN: { vi: '{n} lỗi', en: '{n} errors' },
  errorOne: { vi: '1 lỗi', en: '1 error' },
  skippedFailed: { vi: 'Tệp không đọc được hoặc không dùng được ({n}):', en: 'Files that could not be read or used ({n}):' },
  skippedOtherPeriod: { vi: 'Báo cáo của kỳ khác ({n}):', en: 'Returns for another period ({n}):' },
  skippedSuperseded: { vi: 'Phiên bản cũ hơn, đã thay bằng bản mới ({n}):', en: 'Older versions, replaced by later ones ({n}):' },
  chartHeading: { vi: 'Số liệu cho biểu đồ (số liệu mới nhất so với mục tiêu {horizon})', en: 'Chart data (latest figure against the {horizon} target)' },
  chartLatest: { vi: 'Số liệu mới nhất', en: 'Latest figure' },
  chartTarget: { vi: 'Mục tiêu {horizon}', en: '{horizon} target' },
  completenessTitle: { vi: 'TÌNH HÌNH GỬI BÁO CÁO: ĐẦY ĐỦ, ĐÚNG HẠN', en: 'RETURNS RECEIVED: COMPLETENESS AND TIMELINESS' },
  dueLine: { vi: 'Hạn gửi: {list}', en: 'Due: {list}' },
  dueItem: { vi: 'Quý {q} trước ngày {day}', en: 'Q{q} before {day}' },
  colUnit: { vi: 'Đơn vị', en: 'Unit' },
  colUnitId: { vi: 'Mã đơn vị', en: 'Unit id' },
  colQuarterShort: { vi: 'Quý {q}', en: 'Q{q}' },
  countsHeading: { vi: 'Số đơn vị theo quý', en: 'Units per quarter' },
  onTimeShare: { vi: 'Tỷ lệ gửi đúng hạn', en: 'Share on time' },
  withErrorsCount: { vi: 'Báo cáo còn lỗi (đã dùng số liệu đọc được)', en: 'Returns with errors (the figures that read used)' },
  withErrorsSuffix: { vi: '; có lỗi ({n})', en: '; with errors ({n})' },
  sectionsTitle: { vi: 'NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ (MỤC III–VI)', en: 'WHAT THE UNITS WROTE (SECTIONS III–VI)' },
  colText: { vi: 'Nội dung', en: 'Text' },
  none: { vi: '(không có)', en: '(none)' },
} as const;

export type SummaryLabel = keyof typeof TEXT;

export function sl(key: SummaryLabel, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const STATUS: Record<AssessmentStatus, { vi: string; en: string }> = {
  achieved: { vi: 'Hoàn thành', en: 'Achieved' },
  likely2024: { vi: 'Có khả năng hoàn thành đến 2024', en: 'Likely to be met by 2024' },
  likely2025: { vi: 'Có khả năng hoàn thành đến 2025', en: 'Likely to be met by 2025' },
  challenging: { vi: 'Thách thức', en: 'Challenging' },
};

export const assessmentLabel = (s: AssessmentStatus, lang: Lang) => STATUS[s][lang];

const TIMELINESS: Record<Timeliness, { vi: string; en: string }> = {
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Muộn {n} ngày', en: '{n} days late' },
  missing: { vi: 'Chưa gửi', en: 'Missing' },
  provisional: { vi: 'Số liệu tạm ước tính', en: 'Provisional' },
  unknown: { vi: 'Đã nhận (không rõ thời điểm)', en: 'Received (time unknown)' },
  notExpected: { vi: 'Không thuộc diện', en: 'Not expected' },
};

/** "Muộn 3 ngày" / "3 days late"; the other statuses as words. */
export function timelinessLabel(status: Timeliness, lang: Lang, daysLate?: number): string {
  return TIMELINESS[status][lang].replace('{n}', String(daysLate ?? ''));
}

/** A completeness cell: its timeliness, and "có lỗi (3)" when the return read still has errors. */
export function completenessLabel(cell: CompletenessCell, lang: Lang): string {
  const label = timelinessLabel(cell.status, lang, cell.daysLate);
  return cell.errors ? label + sl('withErrorsSuffix', lang, { n: cell.errors }) : label;
}

/** A timeliness status as the counts table names it ("Muộn" without a number). */
export function timelinessHeading(status: Timeliness, lang: Lang): string {
  return status === 'late' ? (lang === 'vi' ? 'Muộn' : 'Late') : TIMELINESS[status][lang];
}
