import type { Lang } from '../workbook/port';

/** What the command line says, Vietnamese first. Command-specific texts live here too, so a
 * translator finds every sentence in one file. */
const TEXTS = {
  programDescription: {
    vi: 'Báo cáo chỉ tiêu Chiến lược Kinh tế số, Xã hội số theo Phụ lục 01 (Quyết định 466/QĐ-BTTTT).',
    en: 'The Appendix 01 return on the digital economy and digital society strategy indicators (Decision 466/QĐ-BTTTT).',
  },
  langOption: { vi: 'ngôn ngữ của thông báo và của biểu mẫu: vi (mặc định) hoặc en', en: 'language of messages and of the form: vi (default) or en' },
  helpOption: { vi: 'hiện trợ giúp', en: 'show help' },
  helpCommandTerm: { vi: 'help [lệnh]', en: 'help [command]' },
  helpCommand: { vi: 'hiện trợ giúp của một lệnh', en: 'show help for a command' },
  usageProgram: { vi: '[tùy chọn] [lệnh]', en: '[options] [command]' },
  usageCommand: { vi: '[tùy chọn]', en: '[options]' },
  titleUsage: { vi: 'Cách dùng:', en: 'Usage:' },
  titleOptions: { vi: 'Tùy chọn:', en: 'Options:' },
  titleGlobalOptions: { vi: 'Tùy chọn chung:', en: 'Global Options:' },
  titleCommands: { vi: 'Lệnh:', en: 'Commands:' },
  titleArguments: { vi: 'Tham số:', en: 'Arguments:' },
  seeHelp: { vi: 'Xem: {command} --help', en: 'See: {command} --help' },
  unexpected: {
    vi: 'Lỗi không mong đợi: {message}\nĐặt CHITIEU_DEBUG=1 để xem chi tiết, và gửi cho nhóm phát triển.',
    en: 'Unexpected error: {message}\nSet CHITIEU_DEBUG=1 for details, and send them to the developers.',
  },
  // commander's own errors, by its error code
  unknownOption: { vi: 'Tùy chọn không hợp lệ: {item}.', en: 'Unknown option: {item}.' },
  unknownCommand: { vi: 'Không có lệnh "{item}".', en: 'There is no command "{item}".' },
  missingMandatoryOptionValue: { vi: 'Thiếu tùy chọn bắt buộc {item}.', en: 'The option {item} is required.' },
  optionMissingArgument: { vi: 'Tùy chọn {item} cần một giá trị.', en: 'The option {item} needs a value.' },
  missingArgument: { vi: 'Thiếu tham số {item}.', en: 'The argument {item} is missing.' },
  excessArguments: { vi: 'Thừa tham số.', en: 'Too many arguments.' },
  // units
  unitsDescription: { vi: 'liệt kê các đơn vị báo cáo và các chỉ tiêu mỗi đơn vị phải báo cáo', en: 'list the reporting units and the indicators each must report' },
  unitsYearOption: { vi: 'chỉ các đơn vị báo cáo trong năm này', en: 'only the units reporting in this year' },
  unitsFormatOption: { vi: 'định dạng: text (bảng, mặc định) hoặc json', en: 'format: text (a table, default) or json' },
  unitsHeaderId: { vi: 'Mã', en: 'Id' },
  unitsHeaderName: { vi: 'Tên', en: 'Name' },
  unitsHeaderKind: { vi: 'Loại', en: 'Kind' },
  unitsHeaderFills: { vi: 'Chỉ tiêu phải báo cáo', en: 'Indicators to report' },
  unitsCount: { vi: '{count} đơn vị.', en: '{count} units.' },
  unitsCountYear: { vi: '{count} đơn vị báo cáo năm {year}.', en: '{count} units report for {year}.' },
  kindMinistry: { vi: 'bộ, cơ quan ngang bộ', en: 'ministry' },
  kindAgency: { vi: 'cơ quan thuộc Chính phủ', en: 'government agency' },
  kindProvince: { vi: 'tỉnh, thành phố', en: 'province' },
  // template
  templateDescription: { vi: 'tạo tệp Excel báo cáo Phụ lục 01 của một đơn vị cho một năm', en: 'write the Appendix 01 return of a unit for a year as an Excel file' },
  templateUnitOption: { vi: 'mã đơn vị (xem: chitieu units)', en: 'unit id (see: chitieu units)' },
  templateYearOption: { vi: 'năm báo cáo, ví dụ 2025', en: 'year of the return, e.g. 2025' },
  templateOutOption: { vi: 'tệp .xlsx sẽ ghi', en: 'the .xlsx file to write' },
  templateForceOption: { vi: 'ghi đè nếu tệp đã có', en: 'overwrite the file if it exists' },
  templateWrote: { vi: 'Đã ghi: {path}', en: 'Wrote {path}' },
  templateSummary: {
    vi: '{unit} ({unitId}), năm {year}: {count} dòng chỉ tiêu phải báo cáo{list}.',
    en: '{unit} ({unitId}), {year}: {count} indicator rows to report{list}.',
  },
  // validate
  validateDescription: { vi: 'kiểm tra một tệp báo cáo Phụ lục 01 (.xlsx): lỗi, cảnh báo, đánh giá khả năng đạt mục tiêu', en: 'check an Appendix 01 return file (.xlsx): errors, warnings, and how likely each target is to be met' },
  validateFileArgument: { vi: 'tệp báo cáo .xlsx', en: 'the return, an .xlsx file' },
  validateQuarterOption: { vi: 'quý cần kiểm tra, 1–4 (mặc định: quý ghi trong biểu)', en: 'the quarter to check, 1–4 (default: the quarter given in the return)' },
  validateFormatOption: { vi: 'định dạng: text (mặc định) hoặc json', en: 'format: text (default) or json' },
  validateBadQuarter: { vi: 'Quý "{value}" không hợp lệ: ghi 1, 2, 3 hoặc 4, ví dụ --quarter 2.', en: '"{value}" is not a quarter: give 1, 2, 3 or 4, e.g. --quarter 2.' },
  validateNoFile: { vi: 'Không đọc được tệp {file}: {reason}.', en: 'Cannot read {file}: {reason}.' },
  validateNotFound: { vi: 'không có tệp này', en: 'there is no such file' },
  validateIsFolder: { vi: 'đó là một thư mục', en: 'it is a folder' },
  validateNoAccess: { vi: 'không có quyền đọc', en: 'no permission to read it' },
  validateNotReturn: { vi: 'Tệp {file} không đọc được như một báo cáo Phụ lục 01: {reason}', en: '{file} cannot be read as an Appendix 01 return: {reason}' },
  validateHeading: { vi: '{file}: {unit} ({unitId}), năm {year}, quý {quarter}', en: '{file}: {unit} ({unitId}), {year}, quarter {quarter}' },
  validateSeverityError: { vi: 'Lỗi ({count})', en: 'Errors ({count})' },
  validateSeverityWarning: { vi: 'Cảnh báo ({count})', en: 'Warnings ({count})' },
  validateSeverityInfo: { vi: 'Thông tin ({count})', en: 'Information ({count})' },
  validateNone: { vi: 'Không có lỗi, cảnh báo hay thông tin nào.', en: 'No errors, warnings or information.' },
  validateSuggestion: { vi: 'Gợi ý', en: 'Suggestion' },
  validateJustification: { vi: 'Giải trình', en: 'Justification' },
  validateWholeReturn: { vi: 'cả biểu', en: 'whole return' },
  validateAssessmentTitle: { vi: 'Đánh giá khả năng đạt mục tiêu:', en: 'How likely each target is to be met:' },
  validateAssessmentIndicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  validateAssessmentValue: { vi: 'Số liệu', en: 'Figure' },
  validateAssessmentTarget: { vi: 'Mục tiêu', en: 'Target' },
  validateAssessmentStatus: { vi: 'Đánh giá', en: 'Assessment' },
  validateAssessmentReason: { vi: 'Lý do', en: 'Reason' },
  statusAchieved: { vi: 'Hoàn thành', en: 'Achieved' },
  statusLikely2024: { vi: 'Có khả năng hoàn thành đến 2024', en: 'Likely to be met by 2024' },
  statusLikely2025: { vi: 'Có khả năng hoàn thành đến 2025', en: 'Likely to be met by 2025' },
  statusChallenging: { vi: 'Thách thức', en: 'Challenging' },
  validateSummary: { vi: 'Kết quả: {error} lỗi, {warning} cảnh báo, {info} thông tin.', en: 'Result: {error} errors, {warning} warnings, {info} information.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CliTextKey = keyof typeof TEXTS;

export function cliText(key: CliTextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
