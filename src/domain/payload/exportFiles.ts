/**
 * "Export for e-mail", when no endpoint is configured: the payload as a JSON file (what an
 * endpoint would have received, for the aggregating department to load later) and as a CSV the
 * department can open in Excel. Pure: the caller saves or attaches the strings.
 */
import { allIndicators } from '../../catalogue/load';
import type { Catalogue } from '../../catalogue/schema';
import { PAYLOAD_ROW_IDS, type FigureStatus, type PayloadFigure, type SubmissionPayload } from './schema';

type Lang = 'vi' | 'en';

const ROW_RANK = new Map<string, number>(PAYLOAD_ROW_IDS.map((id, i) => [id, i]));
const byRowThenQuarter = (a: PayloadFigure, b: PayloadFigure) => (ROW_RANK.get(a.row) ?? 99) - (ROW_RANK.get(b.row) ?? 99) || a.quarter - b.quarter;
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Records in a fixed order whatever order they were built in: rows in table order, other keys sorted. */
const rowOrdered = <V>(r: Partial<Record<string, V>>) =>
  Object.fromEntries(Object.keys(r).sort((a, b) => (ROW_RANK.get(a) ?? 99) - (ROW_RANK.get(b) ?? 99) || byKey(a, b)).map((k) => [k, r[k]]));

/** The payload with every key in the schema's order, so two exports of one return are byte-identical. */
function canonical(p: SubmissionPayload) {
  return {
    payloadVersion: p.payloadVersion,
    submissionId: p.submissionId,
    submittedAt: p.submittedAt,
    unitId: p.unitId,
    year: p.year,
    quarter: p.quarter,
    focalPoint: { name: p.focalPoint.name, title: p.focalPoint.title, org: p.focalPoint.org, phone: p.focalPoint.phone, email: p.focalPoint.email },
    figures: [...p.figures].sort(byRowThenQuarter).map((f) => ({
      row: f.row,
      quarter: f.quarter,
      value: f.value,
      typed: f.typed,
      status: f.status,
      provisional: f.provisional,
      approximate: f.approximate,
      ...(f.noDataReason !== undefined ? { noDataReason: f.noDataReason } : {}),
      comparison: f.comparison,
    })),
    rowSources: rowOrdered(p.rowSources),
    targetComparisons: Object.fromEntries(
      Object.entries(rowOrdered(p.targetComparisons)).map(([k, t]) => [k, { TY_INTL: t!.TY_INTL, T2025_INTL: t!.T2025_INTL }]),
    ),
    sections: { trend: p.sections.trend, international: p.sections.international, difficulties: p.sections.difficulties, proposals: p.sections.proposals },
    justifications: Object.fromEntries(Object.keys(p.justifications).sort(byKey).map((k) => [k, p.justifications[k]])),
    clientFlags: p.clientFlags.map((f) => ({ rule: f.rule, severity: f.severity, cellName: f.cellName, key: f.key })),
    templateVersion: p.templateVersion,
    catalogueVersion: p.catalogueVersion,
  };
}

export function exportJson(payload: SubmissionPayload): string {
  return JSON.stringify(canonical(payload), null, 2) + '\n';
}

const HEADERS: Record<Lang, string[]> = {
  vi: ['Mã đơn vị', 'Năm', 'Quý báo cáo', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Quý của số liệu', 'Giá trị (%)', 'Nội dung ghi', 'Trạng thái', 'Tạm ước tính', 'Xấp xỉ', 'Lý do không có số liệu', 'So sánh quốc tế', 'Nguồn số liệu'],
  en: ['Unit id', 'Year', 'Quarter reported', 'Row id', 'Indicator', 'Quarter of the figure', 'Value (%)', 'Typed', 'Status', 'Provisional', 'Approximate', 'No-data reason', 'International comparison', 'Source'],
};

/** Row id → its name as Appendix 01 prints it; a sector sub-row of 1.2 gets its indicator's name too. */
function rowNames(catalogue: Catalogue, lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  for (const indicator of allIndicators(catalogue)) {
    for (const row of indicator.rows) {
      const own = row.name[lang].replace(/^[-–]\s*/, '');
      names.set(row.id, row.id === indicator.id ? row.name[lang] : `${indicator.name[lang]} — ${own}`);
    }
  }
  return names;
}

/** Dot decimal, never exponent notation ("5e-7" is not a number to every tool): the same digits, written out. */
function decimal(value: number): string {
  const s = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead! + rest;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  return `${sign}${digits.padEnd(e + 1, '0').slice(0, e + 1)}${digits.length > e + 1 ? `.${digits.slice(e + 1)}` : ''}`;
}

/**
 * Text a person typed must not run as a formula when the CSV is opened in Excel ("=HYPERLINK(…)",
 * and "- (chưa điều tra)" which Excel would read as "=-(…)"): such a field gets a leading
 * apostrophe (OWASP's advice). The status column keeps the machine-readable truth.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const defused = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Under Vietnamese headers the values are Vietnamese words too (a person reads this file); the
 * English file keeps the payload's codes, as the JSON does.
 */
const STATUS_VI: Record<FigureStatus, string> = {
  number: 'có số liệu',
  noData: 'không có số liệu',
  deferred: 'dẫn chiếu kế hoạch',
  empty: 'để trống',
};
const status = (s: FigureStatus, lang: Lang) => (lang === 'vi' ? STATUS_VI[s] : s);
const bool = (b: boolean, lang: Lang) => (lang === 'vi' ? (b ? 'có' : 'không') : b ? 'TRUE' : 'FALSE');

export function exportCsv(payload: SubmissionPayload, catalogue: Catalogue, lang: Lang): string {
  const names = rowNames(catalogue, lang);
  const records: string[][] = [HEADERS[lang]];
  for (const f of [...payload.figures].sort(byRowThenQuarter)) {
    records.push([
      defused(payload.unitId),
      String(payload.year),
      String(payload.quarter),
      f.row,
      defused(names.get(f.row) ?? f.row),
      String(f.quarter),
      f.value === null ? '' : decimal(f.value),
      defused(f.typed),
      status(f.status, lang),
      bool(f.provisional, lang),
      bool(f.approximate, lang),
      defused(f.noDataReason ?? ''),
      defused(f.comparison ?? ''),
      defused(payload.rowSources[f.row] ?? ''),
    ]);
  }
  // The BOM makes Excel read the file as UTF-8 (Vietnamese letters intact); CRLF is RFC 4180's line end.
  return '\uFEFF' + records.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A unit id as a file-name part: letters, digits, '.', '_' and '-' only. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'unit';

export function exportFileNames(payload: Pick<SubmissionPayload, 'unitId' | 'year' | 'quarter'>): { json: string; csv: string } {
  const base = `phuluc01_${safe(payload.unitId)}_${payload.year}_Q${payload.quarter}`;
  return { json: `${base}.json`, csv: `${base}.csv` };
}
