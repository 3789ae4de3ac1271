import type { Lang } from '../../workbook/port';
import { AGGREGATE_STRINGS } from './aggregateStrings';
import { REVIEW_STRINGS } from './reviewStrings';
import { SUBMIT_STRINGS } from './submitStrings';

/**
 * Every sentence the task pane shows, as data: Vietnamese first (the language of the form),
 * English beside it. A key missing a language fails the unit test, not a person.
 * Placeholders are {name}; `translate` fills them.
 */
export const STRINGS = {
  appTitle: { vi: 'Phụ lục 01 – Báo cáo chỉ tiêu', en: 'Appendix 01 – Indicator return' },
  appSubtitle: {
    vi: 'Chỉ tiêu Chiến lược Kinh tế số và Xã hội số (Quyết định 466/QĐ-BTTTT), báo cáo hằng quý.',
    en: 'Digital economy and digital society strategy indicators (Decision 466/QĐ-BTTTT), reported every quarter.',
  },
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  switchLanguageLabel: { vi: 'Switch the task pane to English', en: 'Chuyển ngôn ngữ sang tiếng Việt' },

  unitLabel: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  unitPlaceholder: { vi: 'Gõ tên để tìm, ví dụ: Lào Cai', en: 'Type a name to search, e.g. Lao Cai' },
  unitHint: { vi: 'Gõ có dấu hoặc không dấu đều được.', en: 'Vietnamese accents are optional.' },
  unitOpenList: { vi: 'Mở danh sách đơn vị', en: 'Open the list of units' },
  unitNoMatch: { vi: 'Không có đơn vị nào khớp với “{query}”.', en: 'No unit matches “{query}”.' },
  unitRequired: { vi: 'Hãy chọn đơn vị báo cáo trong danh sách.', en: 'Choose a reporting unit from the list.' },
  unitFills: { vi: 'Phải báo cáo các dòng: {rows}.', en: 'Must report rows: {rows}.' },
  unitFillsNone: { vi: 'Không có dòng bắt buộc; điền các dòng có số liệu.', en: 'No required rows; fill the rows you have figures for.' },
  unitDroppedForYear: {
    vi: '{unit} không báo cáo năm {year}; hãy chọn lại đơn vị.',
    en: '{unit} does not report for {year}; choose the unit again.',
  },
  unitValidFrom: { vi: 'từ {date}', en: 'from {date}' },
  unitValidTo: { vi: 'đến {date}', en: 'until {date}' },
  groupMinistry: { vi: 'Bộ', en: 'Ministries' },
  groupAgency: { vi: 'Cơ quan ngang bộ, cơ quan thuộc Chính phủ', en: 'Ministry-level and government agencies' },
  groupProvince: { vi: 'Tỉnh, thành phố trực thuộc trung ương', en: 'Provinces and centrally governed cities' },

  yearLabel: { vi: 'Năm báo cáo', en: 'Reporting year' },
  sheetLangLabel: { vi: 'Ngôn ngữ của biểu', en: 'Language of the sheet' },
  sheetLangHint: {
    vi: 'Biểu gửi Bộ TT&TT dùng tiếng Việt.',
    en: 'Returns sent to the Ministry are in Vietnamese.',
  },
  sheetLangVi: { vi: 'Tiếng Việt (bản chính thức)', en: 'Vietnamese (official)' },
  sheetLangEn: { vi: 'Tiếng Anh', en: 'English' },

  createButton: { vi: 'Tạo biểu mẫu', en: 'Create return' },
  creating: { vi: 'Đang tạo biểu…', en: 'Creating the return…' },
  reading: { vi: 'Đang đọc sổ tính…', en: 'Reading the workbook…' },

  workbookHeading: { vi: 'Sổ tính hiện tại', en: 'This workbook' },
  workbookEmpty: { vi: 'Sổ tính chưa có biểu Phụ lục 01.', en: 'This workbook has no Appendix 01 return yet.' },
  workbookHolds: {
    vi: 'Trang “{sheet}”: biểu của {unit}, năm {year}; {filled} ô nhập liệu đã có nội dung.',
    en: 'Sheet “{sheet}”: the return of {unit} for {year}; {filled} input cells filled in.',
  },
  refresh: { vi: 'Đọc lại', en: 'Read again' },
  unknownUnit: { vi: '(không rõ đơn vị)', en: '(unknown unit)' },
  unknownYear: { vi: '(không rõ)', en: '(unknown)' },
  readErrorTitle: { vi: 'Không đọc được sổ tính', en: 'Could not read the workbook' },

  dialogTitle: { vi: 'Sổ tính đã có biểu Phụ lục 01', en: 'This workbook already has an Appendix 01 return' },
  dialogExisting: {
    vi: 'Trang “{sheet}” đang chứa biểu của {unit}, năm {year}, với {filled} ô nhập liệu đã có nội dung.',
    en: 'Sheet “{sheet}” holds the return of {unit} for {year}, with {filled} input cells filled in.',
  },
  dialogBackup: {
    vi: 'Nếu thay thế, trang cũ được giữ nguyên làm bản sao lưu (chỉ đổi tên trang); không dữ liệu nào đã nhập bị xóa. Biểu mới được tạo trên một trang mới.',
    en: 'If you replace it, the old sheet is kept as a backup copy (only its name changes); nothing entered is deleted. The new return goes on a new sheet.',
  },
  replace: { vi: 'Thay thế', en: 'Replace' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  cancelled: { vi: 'Đã hủy; sổ tính không thay đổi.', en: 'Cancelled; the workbook is unchanged.' },

  successTitle: { vi: 'Đã tạo biểu.', en: 'Return created.' },
  successSheet: { vi: 'Biểu nằm trên trang “{sheet}”.', en: 'It is on sheet “{sheet}”.' },
  successBackup: { vi: 'Biểu cũ được giữ trên trang “{backup}”.', en: 'The old return is kept on sheet “{backup}”.' },
  errorTitle: { vi: 'Không tạo được biểu', en: 'Could not create the return' },
  unexpectedError: {
    vi: 'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, gửi nội dung sau cho bộ phận hỗ trợ: {message}',
    en: 'Something unexpected went wrong. Try again; if it keeps failing, send this to support: {message}',
  },
  dismiss: { vi: 'Đóng thông báo', en: 'Dismiss' },
  notInExcel: {
    vi: 'Trang này chạy trong Excel (Trang đầu → Phần bổ trợ). Để xem thử không cần Excel, mở /preview.html.',
    en: 'This page runs inside Excel (Home → Add-ins). To try it without Excel, open /preview.html.',
  },

  tabCreate: { vi: 'Tạo biểu', en: 'Create' },
  tabCheck: { vi: 'Kiểm tra', en: 'Check' },
  tabsLabel: { vi: 'Việc cần làm', en: 'Tasks' },
  roleLabel: { vi: 'Vai trò', en: 'Role' },
  roleReporter: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  roleReviewer: { vi: 'Người duyệt', en: 'Reviewer' },
  roleAggregator: { vi: 'Cơ quan tổng hợp', en: 'Aggregating department' },

  checkButton: { vi: 'Kiểm tra', en: 'Check' },
  recheckButton: { vi: 'Kiểm tra lại', en: 'Check again' },
  checking: { vi: 'Đang kiểm tra biểu…', en: 'Checking the return…' },
  checkIntro: {
    vi: 'Kiểm tra số liệu đã nhập theo quy tắc của Phụ lục 01; ô có vấn đề được tô màu trên biểu và liệt kê ở trang “Kiểm tra”.',
    en: 'Checks the figures entered against the Appendix 01 rules; cells with a problem are coloured on the return and listed on the “Kiểm tra” sheet.',
  },
  checkNoReturn: { vi: 'Sổ tính chưa có biểu: hãy tạo biểu trước.', en: 'This workbook has no return yet: create one first.' },
  quarterLabel: { vi: 'Quý kiểm tra', en: 'Quarter to check' },
  quarterFromReturn: { vi: 'Theo ô “Quý” của biểu', en: 'As the return’s “Quarter” cell says' },
  quarterFromReturnKnown: { vi: 'Theo biểu (quý {quarter})', en: 'As the return says (Q{quarter})' },
  quarterOption: { vi: 'Quý {quarter}', en: 'Q{quarter}' },
  checkedQuarter: { vi: 'Đã kiểm tra quý {quarter}.', en: 'Checked for Q{quarter}.' },
  checkedNoQuarter: { vi: 'Đã kiểm tra; biểu chưa ghi quý báo cáo.', en: 'Checked; the return does not say which quarter it reports.' },
  checkFailedTitle: { vi: 'Không kiểm tra được', en: 'Could not check' },
  unreadableTitle: { vi: 'Không đọc được biểu', en: 'Cannot read the return' },
  actionFailedTitle: { vi: 'Không thực hiện được', en: 'Could not do that' },

  severityError: { vi: 'Lỗi', en: 'Errors' },
  severityWarning: { vi: 'Cảnh báo', en: 'Warnings' },
  severityInfo: { vi: 'Thông tin', en: 'Information' },
  countsLabel: { vi: 'Số mục theo mức độ', en: 'Flags by severity' },
  noFlags: { vi: 'Không phát hiện vấn đề nào.', en: 'No problems found.' },
  submitBlocked: { vi: 'Còn {count} lỗi: chưa thể gửi.', en: 'Errors left: {count}. The return cannot be sent yet.' },
  submitWarningsOpen: {
    vi: 'Còn {count} cảnh báo chưa giải trình hoặc xác nhận.',
    en: 'Warnings not yet justified or acknowledged: {count}.',
  },
  submitReady: { vi: 'Không còn lỗi: biểu có thể gửi.', en: 'No errors left: the return can be sent.' },

  generalFlag: { vi: 'Chung', en: 'General' },
  flagGoTo: { vi: 'Chọn ô {cell} trên biểu', en: 'Select cell {cell} on the return' },
  whatToDo: { vi: 'Cách xử lý:', en: 'What to do:' },
  justify: { vi: 'Giải trình', en: 'Justify' },
  editJustification: { vi: 'Sửa giải trình', en: 'Edit justification' },
  justificationLabel: { vi: 'Giải trình cho cảnh báo này', en: 'Justification for this warning' },
  justificationHint: {
    vi: 'Lý do số liệu vẫn đúng (ví dụ: nguồn, cách tính). Được lưu trong sổ tính, ở trang “Kiểm tra”.',
    en: 'Why the figure stands (e.g. its source or method). Kept in the workbook, on the “Kiểm tra” sheet.',
  },
  saveJustification: { vi: 'Lưu giải trình', en: 'Save justification' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  justified: { vi: 'đã giải trình', en: 'justified' },
  acknowledge: { vi: 'Đã xem xét, không cần giải trình', en: 'Reviewed; no justification needed' },
  provisional: { vi: 'Đánh dấu tạm ước tính', en: 'Mark as provisional estimate' },

  assessmentHeading: { vi: 'Đánh giá khả năng hoàn thành mục tiêu 2025', en: 'Outlook for the 2025 targets' },
  assessmentIndicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  assessmentValue: { vi: 'Số mới nhất', en: 'Latest' },
  assessmentTarget: { vi: 'Mục tiêu 2025', en: '2025 target' },
  assessmentStatus: { vi: 'Đánh giá', en: 'Outlook' },
  noValue: { vi: 'chưa có', en: 'none' },
  statusAchieved: { vi: 'Hoàn thành', en: 'Achieved' },
  statusLikely2024: { vi: 'Có khả năng hoàn thành đến 2024', en: 'Likely by 2024' },
  statusLikely2025: { vi: 'Có khả năng hoàn thành đến 2025', en: 'Likely by 2025' },
  statusChallenging: { vi: 'Thách thức', en: 'Challenging' },

  ...SUBMIT_STRINGS,
  ...REVIEW_STRINGS,
  ...AGGREGATE_STRINGS,
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;
export type Vars = Record<string, string | number>;

/**
 * Fills {name}; {name|one|other} picks a word by the number (English "1 error", "2 errors";
 * Vietnamese nouns do not change, so its texts need no such form).
 */
export function translate(key: StringKey, lang: Lang, vars: Vars = {}): string {
  return STRINGS[key][lang]
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in vars ? (Number(vars[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
