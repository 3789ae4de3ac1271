/**
 * The rules as data, after DHIS2 validation rules and XLSForm constraints: an id that never
 * changes (justifications are stored under it), a severity after XBRL's assertions, and the
 * message and suggestion as templates in both languages. The checks that decide when a rule
 * fires are code, in checks/, keyed by these ids; a wording change is an edit here only.
 *
 * Placeholders are filled per language ({value} is "15,5%" in Vietnamese, "15.5%" in English).
 * The order of this table breaks ties when flags are sorted.
 */
import type { Severity } from '../flags';
import { NO_DATA_EXAMPLE, NO_DATA_SPELLING } from '../parse/noDataSpelling';

type Localized = { vi: string; en: string };

export interface RuleDefinition {
  severity: Severity;
  /** One line, for the rule list in the documentation and the report. */
  summary: string;
  message: Localized;
  suggestion: Localized;
}

// Spelled as Excel keeps it when typed: a leading "-" would make a formula (#NAME?).
const NO_DATA_HINT = {
  vi: `nếu chưa có, ghi “${NO_DATA_SPELLING.vi}”, ví dụ “${NO_DATA_EXAMPLE.vi}”`,
  en: `if there is none, write "${NO_DATA_SPELLING.en}", e.g. "${NO_DATA_EXAMPLE.en}"`,
};

export const RULES = {
  'header.unitUnknown': {
    severity: 'error',
    summary: 'CT_UNIT_ID is not a unit of the unit list.',
    message: { vi: 'Mã đơn vị {value} không có trong danh sách đơn vị báo cáo.', en: 'Unit id {value} is not in the list of reporting units.' },
    suggestion: {
      vi: 'Không sửa ô mã đơn vị; hãy tạo lại biểu cho đúng đơn vị (nút Tạo biểu mẫu trong phần bổ trợ, hoặc lệnh chitieu template).',
      en: 'Do not edit the unit id; create the return again for the right unit (the Create form button in the add-in, or chitieu template).',
    },
  },
  'header.unitYear': {
    severity: 'error',
    summary: 'The unit exists but does not report in CT_YEAR (merged away, or not yet created).',
    message: { vi: 'Đơn vị {unit} không báo cáo năm {year} (hiệu lực {validity}).', en: 'Unit {unit} does not report for {year} (valid {validity}).' },
    suggestion: { vi: 'Kiểm tra năm báo cáo, hoặc tạo biểu cho đơn vị báo cáo năm đó{successor}.', en: 'Check the year, or create the return for the unit reporting that year{successor}.' },
  },
  'header.year': {
    severity: 'error',
    summary: 'CT_YEAR is not a year the catalogue has targets for.',
    message: { vi: 'Năm báo cáo {value} không có chỉ tiêu trong bộ chỉ tiêu (các năm có chỉ tiêu: {years}).', en: 'Reporting year {value} has no targets in the catalogue (years with targets: {years}).' },
    suggestion: { vi: 'Không sửa ô năm; hãy tạo biểu cho một trong các năm {years}.', en: 'Do not edit the year; create the return for one of {years}.' },
  },
  'header.quarterMissing': {
    severity: 'error',
    summary: 'CT_QUARTER is empty.',
    message: { vi: 'Chưa ghi quý báo cáo.', en: 'The reporting quarter is not given.' },
    suggestion: { vi: 'Ghi số quý (1, 2, 3 hoặc 4) vào ô Quý.', en: 'Enter the quarter (1, 2, 3 or 4) in the Quarter cell.' },
  },
  'header.quarterInvalid': {
    severity: 'error',
    summary: 'CT_QUARTER holds something other than 1–4.',
    message: { vi: 'Quý báo cáo {value} không hợp lệ: phải là 1, 2, 3 hoặc 4.', en: 'Reporting quarter {value} is not valid: it must be 1, 2, 3 or 4.' },
    suggestion: { vi: 'Ghi số quý (1, 2, 3 hoặc 4) vào ô Quý.', en: 'Enter the quarter (1, 2, 3 or 4) in the Quarter cell.' },
  },
  'meta.versionMissing': {
    severity: 'error',
    summary: 'CT_TEMPLATE_VERSION or CT_CATALOGUE_VERSION is empty: a submission must say which template and catalogue made it.',
    message: { vi: 'Thiếu {what} (ô {name}).', en: 'The {what} is missing (cell {name}).' },
    suggestion: {
      vi: 'Không sửa các ô phiên bản; hãy tạo lại biểu (nút Tạo biểu mẫu trong phần bổ trợ, hoặc lệnh chitieu template) rồi chép số liệu sang.',
      en: 'Do not edit the version cells; create the return again (the Create form button in the add-in, or chitieu template) and copy the figures over.',
    },
  },
  'contact.missing': {
    severity: 'error',
    summary: 'A focal-point field (name, position, organisation, phone, e-mail) is empty.',
    message: { vi: 'Thiếu {field} của cán bộ đầu mối.', en: 'The focal point’s {field} is missing.' },
    suggestion: { vi: 'Ghi {field} của cán bộ đầu mối (Công văn 1064/BTTTT-KTS&XHS yêu cầu).', en: 'Give the focal point’s {field} (Letter 1064/BTTTT-KTS&XHS asks for it).' },
  },
  'contact.email': {
    severity: 'error',
    summary: 'The focal point’s e-mail is not an e-mail address.',
    message: { vi: 'Thư điện tử {value} không phải địa chỉ thư điện tử hợp lệ.', en: 'E-mail {value} is not a valid e-mail address.' },
    suggestion: { vi: 'Ghi địa chỉ dạng ten@coquan.gov.vn.', en: 'Write an address like name@agency.gov.vn.' },
  },
  'contact.phone': {
    severity: 'error',
    summary: 'The focal point’s phone has letters or too few digits.',
    message: { vi: 'Số điện thoại {value} không hợp lệ.', en: 'Phone number {value} is not valid.' },
    suggestion: {
      vi: 'Ghi số điện thoại bằng chữ số, ví dụ 024 3943 7190 hoặc 0912 345 678 (có thể thêm “máy lẻ 123”).',
      en: 'Write the number in digits, e.g. 024 3943 7190 or 0912 345 678 (an extension such as "ext 123" may follow).',
    },
  },
  'figure.excelError': {
    severity: 'error',
    summary: 'A figure cell shows an Excel error (#VALUE!, #DIV/0!, …).',
    message: { vi: '{indicator}, {quarter}: ô báo lỗi Excel {error}.', en: '{indicator}, {quarter}: the cell shows the Excel error {error}.' },
    suggestion: { vi: 'Sửa công thức, hoặc gõ trực tiếp số liệu.', en: 'Correct the formula, or type the figure itself.' },
  },
  'figure.notANumber': {
    severity: 'error',
    summary: 'A figure cell holds something that cannot be read as one percentage.',
    message: { vi: '{indicator}, {quarter}: không phải số liệu — {reading}.', en: '{indicator}, {quarter}: not a figure — {reading}.' },
    suggestion: { vi: `Ghi một tỷ lệ phần trăm, ví dụ 15,5%; ${NO_DATA_HINT.vi}.`, en: `Enter one percentage, e.g. 15.5%; ${NO_DATA_HINT.en}.` },
  },
  'figure.outOfRange': {
    severity: 'error',
    summary: 'A figure is a number but not a percentage between 0 and 100.',
    message: { vi: '{indicator}, {quarter}: {reading}; tỷ lệ phải từ 0% đến 100%.', en: '{indicator}, {quarter}: {reading}; a percentage must be between 0% and 100%.' },
    suggestion: {
      vi: 'Kiểm tra lại số liệu và định dạng ô (ô định dạng % hiển thị 0,155 là 15,5%; nếu ô hiện 1550%, hãy gõ lại 15,5%).',
      en: 'Check the figure and the cell format (a %-formatted cell shows 0.155 as 15.5%; if it shows 1550%, type 15.5% again).',
    },
  },
  'figure.ambiguousUnit': {
    severity: 'warning',
    summary: 'A value ≤ 1 without a % sign or format: 0,85 could be 85% or 0.85%.',
    message: { vi: '{indicator}, {quarter}: {value} có thể là {chosen} hoặc {other}; đang hiểu là {chosen}.', en: '{indicator}, {quarter}: {value} could be {chosen} or {other}; it is read as {chosen}.' },
    suggestion: { vi: 'Định dạng ô là phần trăm (%), hoặc gõ kèm dấu %, ví dụ “{chosen}”.', en: 'Format the cell as a percentage (%), or type the % sign, e.g. "{chosen}".' },
  },
  'figure.deferred': {
    severity: 'warning',
    summary: 'A figure cell refers to a plan ("Theo Kế hoạch của Bộ Y tế") instead of giving a figure.',
    message: { vi: '{indicator}, {quarter}: {text} dẫn chiếu kế hoạch, không phải số liệu; cần ghi số liệu thực hiện.', en: '{indicator}, {quarter}: {text} refers to a plan, not a figure; a figure is expected.' },
    suggestion: { vi: `Ghi tỷ lệ đạt được trong kỳ; ${NO_DATA_HINT.vi}.`, en: `Enter the percentage achieved in the period; ${NO_DATA_HINT.en}.` },
  },
  'figure.missing': {
    severity: 'error',
    summary: 'A row the unit must report has nothing for the quarter being reported.',
    message: { vi: '{indicator} ({name}): chưa có số liệu {quarter}.', en: '{indicator} ({name}): no figure for {quarter}.' },
    suggestion: {
      vi: `Ghi số liệu {quarter} (có thể là số liệu tạm ước tính); ${NO_DATA_HINT.vi}.`,
      en: `Enter the {quarter} figure (a provisional estimate will do); ${NO_DATA_HINT.en}.`,
    },
  },
  'figure.noDataReason': {
    severity: 'error',
    summary: 'A required figure is marked "no data" without saying why.',
    message: { vi: '{indicator}, {quarter}: ghi {marker} nhưng không nêu lý do chưa có số liệu.', en: '{indicator}, {quarter}: marked {marker} without saying why there is no figure.' },
    suggestion: { vi: `Nêu lý do trong ngoặc, ví dụ “${NO_DATA_EXAMPLE.vi}”.`, en: `Give the reason in brackets, e.g. "${NO_DATA_EXAMPLE.en}".` },
  },
  'figure.noData': {
    severity: 'warning',
    summary: 'A required figure is marked "no data", with a reason.',
    message: { vi: '{indicator}, {quarter}: không có số liệu ({reason}).', en: '{indicator}, {quarter}: no figure ({reason}).' },
    suggestion: { vi: 'Bổ sung khi có số liệu; có thể ghi số liệu tạm ước tính và nêu cách ước tính ở cột nguồn.', en: 'Add the figure when it exists; a provisional estimate may be given, with how it was made in the source column.' },
  },
  'figure.laterQuarter': {
    severity: 'error',
    summary: 'A figure stands in a quarter later than the one being reported.',
    message: { vi: '{indicator}: có số liệu ở {later} trong khi đang báo cáo {quarter}.', en: '{indicator}: a figure in {later} while {quarter} is being reported.' },
    suggestion: { vi: 'Xóa số liệu của quý chưa đến kỳ, hoặc sửa ô Quý nếu đang báo cáo {later}.', en: 'Remove the figure for the quarter not yet due, or correct the Quarter cell if {later} is being reported.' },
  },
  'figure.earlierMissing': {
    severity: 'warning',
    summary: 'An earlier quarter of a required row is still empty.',
    message: { vi: '{indicator}: {earlier} còn trống.', en: '{indicator}: {earlier} is still empty.' },
    suggestion: { vi: `Bổ sung số liệu {earlier} (biểu cộng dồn qua các quý), hoặc ghi “${NO_DATA_SPELLING.vi}”.`, en: `Fill in {earlier} (the return builds up quarter by quarter), or write "${NO_DATA_SPELLING.en}".` },
  },
  'figure.stillProvisional': {
    severity: 'info',
    summary: 'A figure of an earlier quarter is still a provisional estimate.',
    message: { vi: '{indicator}, {earlier}: {value} vẫn là số liệu tạm ước tính.', en: '{indicator}, {earlier}: {value} is still a provisional estimate.' },
    suggestion: { vi: 'Cập nhật bằng số liệu chính thức khi đã có (mục II.2.c Kế hoạch ban hành kèm Quyết định 466/QĐ-BTTTT).', en: 'Update it once the official figure exists (section II.2.c of the plan in Decision 466/QĐ-BTTTT).' },
  },
  'figure.jump': {
    severity: 'warning',
    summary: 'An implausible move from the previous reported quarter (more than 15 points, or a fall of more than half).',
    message: { vi: '{indicator}: biến động bất thường từ {previous} ({from}) sang {value} ({quarter}): {change}.', en: '{indicator}: unusual change from {previous} ({from}) to {value} ({quarter}): {change}.' },
    suggestion: { vi: 'Kiểm tra lại số liệu và cách tính; nếu đúng, ghi giải trình (ví dụ thay đổi phương pháp hoặc phạm vi thống kê).', en: 'Check the figure and how it was computed; if it is right, justify it (e.g. a change of method or coverage).' },
  },
  'target.belowYear': {
    severity: 'warning',
    summary: 'In Q4 the latest figure does not meet the year’s target (with its comparator).',
    message: { vi: '{indicator}: {value} ({quarter}) chưa đạt mục tiêu năm {year} là {target} ({meaning}).', en: '{indicator}: {value} ({quarter}) does not meet the {year} target of {target} ({meaning}).' },
    suggestion: { vi: 'Nêu nguyên nhân ở mục III (Đánh giá xu hướng) và giải pháp ở mục VI (Đề xuất).', en: 'Explain why in section III (Trend assessment) and propose a remedy in section VI (Proposals).' },
  },
  'target.behindPath': {
    severity: 'warning',
    summary: 'Before Q4 the latest figure is below the straight path from the 2022 baseline to the year’s target.',
    message: {
      vi: '{indicator}: {value} ({quarter}) thấp hơn lộ trình tuyến tính từ {baseline} (năm {baselineYear}) tới mục tiêu năm {year} là {target}; theo lộ trình cần khoảng {required}.',
      en: '{indicator}: {value} ({quarter}) is behind the straight path from {baseline} ({baselineYear}) to the {year} target of {target}; the path asks for about {required} by now.',
    },
    suggestion: { vi: 'Nêu nguyên nhân ở mục III (Đánh giá xu hướng) và giải pháp ở mục VI (Đề xuất).', en: 'Explain why in section III (Trend assessment) and propose a remedy in section VI (Proposals).' },
  },
  'target.below2025': {
    severity: 'info',
    summary: 'Before the horizon year, the latest figure does not yet meet the 2025 target.',
    message: { vi: '{indicator}: {value} ({quarter}) chưa đạt mục tiêu {horizon} là {target} ({meaning}).', en: '{indicator}: {value} ({quarter}) does not yet meet the {horizon} target of {target} ({meaning}).' },
    suggestion: { vi: 'Xem phần đánh giá khả năng hoàn thành mục tiêu {horizon}.', en: 'See the assessment of the {horizon} target.' },
  },
  'dynamic.noRemedy': {
    severity: 'warning',
    summary: '"Dynamic and timely": a figure behind its year target while section VI (Proposals) is empty.',
    message: {
      vi: 'Mục VI (Đề xuất) còn trống trong khi số liệu của chỉ tiêu {indicators} có xu hướng không đạt mục tiêu năm.',
      en: 'Section VI (Proposals) is empty, yet the figures of {indicators} are heading below the year’s target.',
    },
    suggestion: { vi: 'Theo nguyên tắc “động, kịp thời”, nêu giải pháp điều chỉnh ở mục VI (Đề xuất).', en: 'Under the "dynamic and timely" principle, propose a remedy in section VI (Proposals).' },
  },
  'dynamic.farAbove': {
    severity: 'info',
    summary: '"Dynamic and timely": a figure far above the year’s target (≥ 1.5× it, or ≥ 20 points above, whichever is lower).',
    message: { vi: '{indicator}: {value} ({quarter}) vượt xa mục tiêu năm {year} là {target}.', en: '{indicator}: {value} ({quarter}) is far above the {year} target of {target}.' },
    suggestion: { vi: 'Theo nguyên tắc “động, kịp thời”, cân nhắc đề xuất nâng mục tiêu ở mục VI (Đề xuất).', en: 'Under the "dynamic and timely" principle, consider proposing a higher target in section VI (Proposals).' },
  },
  'intl.missing': {
    severity: 'warning',
    summary: 'A reported figure has no international comparison beside it (Q4: the TY_INTL column).',
    message: { vi: '{indicator}, {quarter}: có số liệu nhưng chưa có so sánh quốc tế ({where}). {series}', en: '{indicator}, {quarter}: a figure with no international comparison ({where}). {series}' },
    suggestion: {
      vi: 'Ghi số liệu so sánh được (có thể gần tương đương) kèm tổ chức công bố và năm, ví dụ “Thái Lan …% (ITU, 2022)”; nếu không có, ghi giải trình.',
      en: 'Give a comparable figure (approximately equivalent will do) with its publisher and year, e.g. "Thailand …% (ITU, 2022)"; if there is none, justify it.',
    },
  },
  'intl.noSource': {
    severity: 'info',
    summary: 'An international comparison names no organisation or publisher.',
    message: { vi: '{indicator}, {where}: so sánh {text} không nêu nguồn (tổ chức công bố).', en: '{indicator}, {where}: comparison {text} names no source (publisher).' },
    suggestion: { vi: 'Nêu tổ chức công bố, ví dụ {organisations}.', en: 'Name the publisher, e.g. {organisations}.' },
  },
  'intl.noYear': {
    severity: 'info',
    summary: 'An international comparison gives no year.',
    message: { vi: '{indicator}, {where}: so sánh {text} không nêu năm của số liệu.', en: '{indicator}, {where}: comparison {text} gives no year for the figure.' },
    suggestion: { vi: 'Ghi năm của số liệu so sánh, ví dụ “(2022)”.', en: 'Give the year of the compared figure, e.g. "(2022)".' },
  },
  'intl.sectionMissing': {
    severity: 'warning',
    summary: 'Section IV (International comparison) is empty while figures are reported.',
    message: { vi: 'Mục IV (So sánh quốc tế) còn trống trong khi đã có số liệu báo cáo.', en: 'Section IV (International comparison) is empty although figures are reported.' },
    suggestion: {
      vi: 'Nêu so sánh quốc tế: chỉ tiêu chiến lược, nhiệm vụ/sáng kiến, giải pháp đột phá, kinh nghiệm thực tế tốt.',
      en: 'Write the international comparison: strategy indicators, tasks or initiatives, breakthrough solutions, good practice.',
    },
  },
  'section.required': {
    severity: 'error',
    summary: 'A section the quarter requires (calendar.requiredSections: Q2 trend and proposals) is empty.',
    message: { vi: 'Mục {numeral} ({title}) bắt buộc trong báo cáo {quarter} nhưng còn trống.', en: 'Section {numeral} ({title}) is required in the {quarter} return but is empty.' },
    suggestion: { vi: 'Điền mục {numeral} trước khi gửi báo cáo.', en: 'Fill in section {numeral} before sending the return.' },
  },
  'text.tooLong': {
    severity: 'error',
    summary: 'A text is longer than the submission payload carries (the bounds of domain/payload/limits.ts, cell by cell).',
    message: {
      vi: '{field} — văn bản quá dài: {length} ký tự, tối đa {max}.',
      en: '{field} — text too long: {length} characters, at most {max}.',
    },
    suggestion: {
      vi: 'Rút gọn còn tối đa {max} ký tự: máy chủ không nhận văn bản dài hơn. Phần chi tiết có thể gửi trong công văn kèm theo.',
      en: 'Shorten it to at most {max} characters: the endpoint accepts nothing longer. Details can go in the covering letter.',
    },
  },
  // Last: it judges the justifications of the flags of every rule above.
  'text.justificationTooLong': {
    severity: 'error',
    summary: 'The justification of a flag is longer than the submission payload carries.',
    message: {
      vi: 'Giải trình cho {flag} quá dài: {length} ký tự, tối đa {max}.',
      en: 'The justification of {flag} is too long: {length} characters, at most {max}.',
    },
    suggestion: {
      vi: 'Rút gọn giải trình (cột Giải trình của trang Kiểm tra) còn tối đa {max} ký tự.',
      en: 'Shorten the justification (the Justification column of the check sheet) to at most {max} characters.',
    },
  },
  // After the justifications' length: it judges the justifications too.
  'text.badCharacter': {
    severity: 'error',
    summary: 'A text holds a character the submission payload refuses: a control character, an unpaired surrogate, or in a one-line text a line break, tab or text-direction control.',
    message: {
      vi: '{field} — có ký tự không gửi được: {what} ({codePoint}) ở vị trí {position}.',
      en: '{field} — holds a character that cannot be sent: {what} ({codePoint}) at position {position}.',
    },
    suggestion: {
      vi: 'Xoá ký tự đó (thường lẫn vào khi dán văn bản từ nơi khác) rồi kiểm tra lại.',
      en: 'Delete that character (it usually comes with text pasted from elsewhere) and check again.',
    },
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

/** Table order: the tie-break when flags are sorted. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export type Param = string | number | Localized;
export type Params = Readonly<Record<string, Param>>;

/** Fills "{name}" from params in one language; a placeholder without a param stays visible, so a test can catch it. */
export function fillTemplate(template: string, params: Params, lang: 'vi' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const p = params[name]!;
    return typeof p === 'object' ? p[lang] : String(p);
  });
}
