import { NO_DATA_EXAMPLE, NO_DATA_SPELLING } from '../domain/parse/noDataSpelling';
import type { Lang } from '../workbook/port';

/** Words printed on the return sheet, Vietnamese first as the form prints them. */
const LABELS = {
  appendix: { vi: 'PHỤ LỤC 01', en: 'APPENDIX 01' },
  sheetName: { vi: 'Phụ lục 01', en: 'Appendix 01' },
  backupSuffix: { vi: 'cũ', en: 'old' },
  receivingPrefix: { vi: 'I. Đơn vị nhận số liệu: ', en: 'I. Receiving unit: ' },
  dueLine: { vi: '- Trước ngày {due}, cung cấp số liệu {quarter} (gồm: {covers});', en: '- Before {due}: {quarter} figures ({covers});' },
  dueLineQ2: { vi: '- Trước ngày {due}, cung cấp số liệu {quarter}, đồng thời đánh giá xu hướng 6 tháng đầu năm và đề xuất;', en: '- Before {due}: {quarter} figures, with a trend assessment of the first six months and proposals;' },
  reporterHeading: { vi: 'Thông tin đơn vị báo cáo', en: 'Reporting unit' },
  unitName: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  unitId: { vi: 'Mã đơn vị', en: 'Unit id' },
  year: { vi: 'Năm báo cáo', en: 'Year' },
  quarter: { vi: 'Quý báo cáo (1–4)', en: 'Quarter reported (1–4)' },
  contactHeading: { vi: 'Đầu mối triển khai', en: 'Focal point' },
  contactName: { vi: 'Họ và tên', en: 'Full name' },
  contactTitle: { vi: 'Chức vụ', en: 'Position' },
  contactOrg: { vi: 'Đơn vị công tác', en: 'Unit' },
  contactPhone: { vi: 'Số điện thoại', en: 'Phone' },
  contactEmail: { vi: 'Email', en: 'E-mail' },
  tableHeading: { vi: 'II. Cung cấp số liệu theo bảng sau:', en: 'II. Figures, in the table below:' },
  colStt: { vi: 'STT', en: 'No.' },
  colIndicator: { vi: 'Chỉ tiêu Chiến lược Kinh tế số, Xã hội số', en: 'Digital economy and digital society strategy indicator' },
  colAgency: { vi: 'Đơn vị đo lường', en: 'Measuring agency' },
  colCompiler: { vi: 'Đơn vị tổng hợp báo cáo', en: 'Compiling unit' },
  colYear: { vi: 'Năm {year}', en: 'Year {year}' },
  colTarget: { vi: 'Mục tiêu {year}', en: '{year} target' },
  colIntl: { vi: 'So sánh quốc tế (có thể gần tương đương)', en: 'International comparison (approximate equivalent acceptable)' },
  colRequired: { vi: 'Đơn vị phải báo cáo', en: 'This unit reports' },
  colSource: { vi: 'Nguồn số liệu, ghi chú (số liệu tạm ước tính: nêu cách ước tính)', en: 'Source of the figures, notes (provisional estimates: say how they were estimated)' },
  colSourceShort: { vi: 'Nguồn số liệu', en: 'Source of the figures' },
  promptSource: { vi: 'Nguồn số liệu: cơ quan, văn bản, ngày công bố. Số liệu tạm ước tính: chọn ô số liệu, bấm "Tạm ước tính" trong khung Kiểm tra (ô hiện "(ước)"), và ghi ở đây cách ước tính.', en: 'Source: agency, document, date published. Provisional estimate: select the figure, press "Provisional" in the Check panel (the cell shows "(ước)"), and say here how it was estimated.' },
  requiredMark: { vi: '● Bắt buộc', en: '● Required' },
  legendRequired: { vi: 'Ô nền vàng: chỉ tiêu đơn vị phải báo cáo. Ô nền xanh nhạt: có thể điền nếu có số liệu. Các ô khác được khóa.', en: 'Yellow cells: indicators this unit must report. Light blue cells: fill if you have the figure. Other cells are locked.' },
  legendFigures: { vi: `Ghi tỷ lệ phần trăm (ví dụ 15,5%). Chưa có số liệu: ghi "${NO_DATA_SPELLING.vi}", ví dụ "${NO_DATA_EXAMPLE.vi}" (không gõ dấu "-" ở đầu: Excel hiểu là công thức). Số liệu tạm ước tính hiện "(ước)" sau số. Cột So sánh quốc tế: số liệu, tổ chức công bố và năm. Cột Q: nguồn số liệu.`, en: `Enter percentages (e.g. 15.5%). No figure yet: enter "${NO_DATA_SPELLING.en}", e.g. "${NO_DATA_EXAMPLE.en}" (do not start with "-": Excel takes it for a formula). Provisional estimates show "(ước)" after the number. International comparison: the figure, the publisher and the year. Column Q: the source.` },
  notesHeading: { vi: 'Ghi chú về mục tiêu:', en: 'Notes on targets:' },
  principlesHeading: { vi: 'Ghi chú về các nguyên tắc quản lý thực thi Chiến lược:', en: 'Principles for managing the Strategy’s implementation:' },
  sectionHint: { vi: 'Ghi lần lượt 1, 2, 3…', en: 'Number the points 1, 2, 3…' },
  metaTemplate: { vi: 'Phiên bản mẫu', en: 'Template version' },
  metaCatalogue: { vi: 'Phiên bản danh mục', en: 'Catalogue version' },
  promptTarget: { vi: 'Mục tiêu {year}: {target}', en: '{year} target: {target}' },
  promptFigure: { vi: `Ghi tỷ lệ % (0–100). Chưa có số liệu: ghi "${NO_DATA_SPELLING.vi}".`, en: `Enter a percentage (0–100). No figure: enter "${NO_DATA_SPELLING.en}".` },
  promptIntl: { vi: 'Số liệu so sánh quốc tế, tổ chức công bố, năm. Gợi ý: {series}', en: 'Comparable international figure, publisher, year. Suggested: {series}' },
  promptIntlNone: { vi: 'Số liệu so sánh quốc tế (có thể gần tương đương), tổ chức công bố, năm.', en: 'Comparable international figure (approximate equivalent acceptable), publisher, year.' },
  errorFigureTitle: { vi: 'Không phải tỷ lệ %', en: 'Not a percentage' },
  errorFigure: { vi: `Giá trị nên là tỷ lệ phần trăm từ 0 đến 100%. Chọn "Yes/Có" để giữ nguyên (ví dụ "${NO_DATA_EXAMPLE.vi}" khi chưa có số liệu), "No/Không" để sửa.`, en: `The value should be a percentage from 0 to 100%. Choose Yes to keep it (e.g. "${NO_DATA_EXAMPLE.en}" when there is no figure), No to correct it.` },
  errorQuarter: { vi: 'Chọn quý 1, 2, 3 hoặc 4.', en: 'Choose quarter 1, 2, 3 or 4.' },
  errorTextTitle: { vi: 'Quá dài', en: 'Too long' },
  errorText: { vi: 'Nội dung quá dài cho ô này.', en: 'Too long for this cell.' },
  noteDifference: { vi: '{label}: {origin} ghi "{printed}".', en: '{label}: {origin} prints "{printed}".' },
  noteApplied: { vi: 'Kiểm tra dùng "{printed}" ({origin}).', en: 'Validation uses "{printed}" ({origin}).' },
  originStrategy411: { vi: 'Chiến lược (QĐ 411/QĐ-TTg)', en: 'the Strategy (Decision 411/QĐ-TTg)' },
  originPlan466: { vi: 'Kế hoạch năm (mục II.1 QĐ 466/QĐ-BTTTT)', en: 'the yearly plan (II.1, Decision 466/QĐ-BTTTT)' },
  originAppendix01: { vi: 'Phụ lục 01', en: 'Appendix 01' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
