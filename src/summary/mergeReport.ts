/**
 * What `chitieu merge` reports once the summary is written, as text or JSON: the returns used (and
 * which of them still have errors), then every input not used, counted and listed by kind — older
 * versions apart from files that could not be read and returns for another period.
 */
import { cliText } from '../cli/messages';
import { countSkipped } from '../domain/summary/skipped';
import type { SkipKind, Summary } from '../domain/summary/types';
import type { Lang } from '../workbook/port';

/** Units expected for the quarter that sent nothing for it. */
function missingUnits(summary: Summary): string[] {
  const q = summary.quarter;
  return summary.completeness.filter((row) => row.cells.find((c) => c.quarter === q)?.status === 'missing').map((row) => row.unitId);
}

function conflictCount(summary: Summary): number {
  return summary.indicators.filter((row) => row.conflicts.length > 0).length;
}

/** `--strict`'s help. */
export const STRICT_OPTION = {
  vi: 'bỏ qua báo cáo còn lỗi (như máy chủ); mặc định dùng các số liệu đọc được và đánh dấu lỗi trong tổng hợp',
  en: 'skip returns that still have errors (as the endpoint does); by default their figures that read are used, errors marked',
} as const;

/**
 * The report's own sentences (the command's options and the other lines are in cli/messages.ts).
 * Counts are worded apart, so 120 older versions are never read as 120 failures.
 */
const REPORT = {
  used: { vi: 'Quý {quarter}/{year}: dùng {used} báo cáo', en: 'Q{quarter} {year}: {used} returns used' },
  usedOne: { vi: 'Quý {quarter}/{year}: dùng 1 báo cáo', en: 'Q{quarter} {year}: 1 return used' },
  usedWithErrors: { vi: ' ({n} báo cáo còn lỗi: dùng số liệu đọc được)', en: ' ({n} with errors: the figures that read are used)' },
  notUsed: { vi: '; không dùng: {list}.', en: '; not used: {list}.' },
  nothingSkipped: { vi: '; không bỏ qua tệp nào.', en: '; nothing skipped.' },
  errors: { vi: '{n} lỗi', en: '{n} errors' },
  withErrorsHeading: {
    vi: 'Báo cáo còn lỗi (đã dùng số liệu đọc được; Kiểm tra hoặc chitieu validate cho biết chi tiết):',
    en: 'Returns with errors (the figures that read are used; Check or chitieu validate lists them):',
  },
} as const;

/** "2 phiên bản cũ hơn (…)" / "1 older version (…)": each kind of skip, counted in words. */
const SKIP_COUNT: Record<SkipKind, { vi: string; en: (n: number) => string; heading: { vi: string; en: string } }> = {
  superseded: {
    vi: '{n} phiên bản cũ hơn (đã thay bằng bản mới)',
    en: (n) => (n === 1 ? '1 older version (replaced by a later one)' : `${n} older versions (replaced by later ones)`),
    heading: { vi: 'Phiên bản cũ hơn (đã thay bằng bản mới):', en: 'Older versions (replaced by later ones):' },
  },
  failed: {
    vi: '{n} tệp không đọc được',
    en: (n) => (n === 1 ? '1 file could not be read' : `${n} files could not be read`),
    heading: { vi: 'Tệp không đọc được hoặc không dùng được:', en: 'Files that could not be read or used:' },
  },
  otherPeriod: {
    vi: '{n} báo cáo của kỳ khác',
    en: (n) => (n === 1 ? '1 return for another period' : `${n} returns for another period`),
    heading: { vi: 'Báo cáo của kỳ khác:', en: 'Returns for another period:' },
  },
};
/** Failures first: they are what someone must act on. */
const REPORT_ORDER: readonly SkipKind[] = ['failed', 'otherPeriod', 'superseded'];

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
const skipCount = (kind: SkipKind, n: number, lang: Lang) => (lang === 'vi' ? fill(SKIP_COUNT[kind].vi, { n }) : SKIP_COUNT[kind].en(n));
const errorCount = (n: number, lang: Lang) => (lang === 'en' && n === 1 ? '1 error' : fill(REPORT.errors[lang], { n }));

/** "Quý 2/2025: dùng 5 báo cáo (1 báo cáo còn lỗi: …); không dùng: 2 phiên bản cũ hơn (…), 7 tệp không đọc được." */
function countsLine(summary: Summary, lang: Lang): string {
  const counts = countSkipped(summary.skipped);
  const parts = REPORT_ORDER.filter((k) => counts[k] > 0).map((k) => skipCount(k, counts[k], lang));
  return (
    fill(REPORT[summary.used === 1 ? 'usedOne' : 'used'][lang], { quarter: summary.quarter, year: summary.year, used: summary.used }) +
    (summary.withErrors.length > 0 ? fill(REPORT.usedWithErrors[lang], { n: summary.withErrors.length }) : '') +
    (parts.length > 0 ? fill(REPORT.notUsed[lang], { list: parts.join(', ') }) : REPORT.nothingSkipped[lang])
  );
}

/** The report as `--format json` prints it (reasons in `lang`). */
export function mergeReportJson(summary: Summary, out: string, lang: Lang): Record<string, unknown> {
  return {
    out,
    year: summary.year,
    quarter: summary.quarter,
    used: summary.used,
    withErrors: summary.withErrors.map((r) => ({ file: r.source, unitId: r.unitId, errors: r.errors })),
    skipped: summary.skipped.map((s) => ({ file: s.source, kind: s.kind, reason: s.reason[lang] })),
    skippedCounts: countSkipped(summary.skipped),
    conflicts: conflictCount(summary),
    missingUnits: missingUnits(summary),
  };
}

/** The report as text: what was written, the counts, then every return with errors and every input not used, by kind. */
export function mergeReportLines(summary: Summary, out: string, lang: Lang): string[] {
  const lines = [cliText('mergeWrote', lang, { path: out }), countsLine(summary, lang)];
  if (summary.withErrors.length > 0) {
    lines.push(REPORT.withErrorsHeading[lang], ...summary.withErrors.map((r) => `  - ${r.source}: ${errorCount(r.errors, lang)}`));
  }
  for (const kind of REPORT_ORDER) {
    const listed = summary.skipped.filter((s) => s.kind === kind);
    if (listed.length > 0) lines.push(SKIP_COUNT[kind].heading[lang], ...listed.map((s) => `  - ${s.source}: ${s.reason[lang]}`));
  }
  lines.push(
    cliText('mergeConflicts', lang, { count: conflictCount(summary) }),
    cliText('mergeMissing', lang, { count: missingUnits(summary).length, quarter: summary.quarter }),
  );
  return lines;
}

