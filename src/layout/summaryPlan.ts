/**
 * The department's summary as sheet plans, rendered by either renderer (the task pane's Tổng hợp
 * tab with Office.js, `chitieu merge` with ExcelJS):
 *
 * - "Tổng hợp" / "Summary": the national table — STT, indicator, each quarter's counted figure,
 *   the year's and 2025's targets, progress (latest / 2025 target, drawn as a data bar), the
 *   four-level assessment as a level 1–4 drawn as an icon set, then in words with its reason,
 *   source unit, provisional, international comparison, uncorrected errors (per unit, from returns
 *   used with errors), open flags, justifications, figures from units not responsible for the row
 *   that did not count (shown nowhere else); 1.2's sector shares one line per ministry;
 *   conflicting figures flagged (orange, a note, and one line per unit); the returns used with
 *   errors; the inputs not used, by why (failed, another period, older version); a compact block
 *   of figure against target for a native chart (summaryChartSpec says where it is).
 * - "Đầy đủ, đúng hạn" / "Completeness": every unit × quarter (with the error count of a return
 *   read with errors), then counts per quarter, returns with errors, and the share on time.
 * - "Nội dung" / "Narrative": sections III–VI, paragraph by paragraph, each with its unit.
 *
 * Pure: everything comes from the Summary and the catalogue.
 */
import { allIndicators } from '../catalogue/load';
import type { Catalogue, Indicator, ReportingRow, UnitList } from '../catalogue/schema';
import { appliedTarget } from '../domain/assess';
import { PROVISIONAL_FORMAT_SUFFIX } from '../domain/parse/numberFormat';
import type { AssessmentStatus } from '../domain/flags';
import type { IndicatorRow, SkipKind, Summary, Timeliness, UnitFigure } from '../domain/summary/types';
import type { Lang } from '../workbook/port';
import type { CellStyle, CellValue, PlanCell, PlanConditionalFormat, PlanDataBar, PlanIconSet, PlanNote, PrintSetup, SheetPlan } from './plan';
import { vietnamTime } from './receiptPlan';
import { assessmentLabel, completenessLabel, sl, timelinessHeading, type SummaryLabel } from './summaryLabels';
import { percentFormat, targetCell } from './targetDisplay';

export const SUMMARY_SHEET_NAMES = {
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  completeness: { vi: 'Đầy đủ, đúng hạn', en: 'Completeness' },
  sections: { vi: 'Nội dung', en: 'Narrative' },
} as const;

const FIGURE_FORMAT = percentFormat(2);
const PROVISIONAL_FORMAT = FIGURE_FORMAT + PROVISIONAL_FORMAT_SUFFIX;
const PROGRESS_FORMAT = '0%';
const BAR_COLOR = '#5B9BD5';
const CONFLICT_FILL = '#F8CBAD';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/**
 * The four-level assessment as a number an icon set can read, best highest (Excel gives the top
 * icon to the highest values). The words stay in the next column; the number itself is hidden.
 */
export const ASSESSMENT_LEVEL: Record<AssessmentStatus, number> = { achieved: 4, likely2024: 3, likely2025: 2, challenging: 1 };

/**
 * Traffic lights as the assessment words are coloured: green for achieved (4), amber for likely
 * by 2024 or 2025 (2–3), red for challenging (1). Three lights rather than four: Excel's four-light
 * set puts likely-by-2025 on red and challenging on black, harsher than the words beside them.
 */
const ASSESSMENT_ICONS = { style: '3TrafficLights1', thresholds: [2, 4] } as const;

/** Headings of the columns this file adds (kept here, beside the columns they name). */
const BASE: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 14 },
  subtitle: { italic: true },
  legend: { italic: true, wrap: true, fontColor: '#595959', vAlign: 'top' },
  header: { bold: true, wrap: true, border: true, fill: '#D9E1F2', hAlign: 'center', vAlign: 'center' },
  group: { bold: true, border: true, fill: '#F2F2F2', vAlign: 'top', wrap: true },
  text: { border: true, wrap: true, vAlign: 'top' },
  center: { border: true, hAlign: 'center', vAlign: 'top', wrap: true },
  number: { border: true, hAlign: 'right', vAlign: 'top' },
  sub: { border: true, italic: true, wrap: true, vAlign: 'top', indent: 1 },
  textConflict: { border: true, wrap: true, vAlign: 'top', fill: CONFLICT_FILL },
  centerConflict: { border: true, hAlign: 'center', vAlign: 'top', wrap: true, fill: CONFLICT_FILL },
  numberConflict: { border: true, hAlign: 'right', vAlign: 'top', fill: CONFLICT_FILL },
  subConflict: { border: true, italic: true, wrap: true, vAlign: 'top', indent: 1, fill: CONFLICT_FILL },
  plain: { wrap: true, vAlign: 'top' },
  errors: { border: true, wrap: true, vAlign: 'top', fontColor: '#C00000' },
  errorsConflict: { border: true, wrap: true, vAlign: 'top', fontColor: '#C00000', fill: CONFLICT_FILL },
};

const STATUS_FILL: Record<Timeliness, string> = {
  onTime: '#C6EFCE',
  late: '#FFEB9C',
  missing: '#FFC7CE',
  provisional: '#DDEBF7',
  unknown: '#EDEDED',
  notExpected: '#FFFFFF',
};

/** The inputs not used, by why: what someone must act on first, older versions last. */
const SKIPPED_HEADINGS: readonly [SkipKind, SummaryLabel][] = [
  ['failed', 'skippedFailed'],
  ['otherPeriod', 'skippedOtherPeriod'],
  ['superseded', 'skippedSuperseded'],
];

const errorsText = (n: number, lang: Lang) => (n === 1 ? sl('errorOne', lang) : sl('errorsN', lang, { n }));

/** 1 → "A", 27 → "AA". */
export function col(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** "Quý II/2025 — lập lúc …" / "Q2 2025 — made …". */
function periodLine(summary: Summary, lang: Lang): string {
  const q = lang === 'vi' ? ROMAN[summary.quarter - 1]! : summary.quarter;
  return sl('period', lang, { q, year: summary.year, at: vietnamTime(summary.generatedAt), used: summary.used });
}

/** Percent (15.5) → the fraction Excel stores (0.155), without binary noise. */
const fraction = (percent: number) => Number((percent / 100).toPrecision(12));

/** A sheet under construction: cells, merges and notes in the order they are put. */
class SheetBuilder {
  readonly cells: PlanCell[] = [];
  readonly merges: string[] = [];
  readonly notes: PlanNote[] = [];
  put(address: string, value: CellValue, style?: string, numberFormat?: string): void {
    this.cells.push({ address, value, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
  }
  /** A line of text across columns 1..lastCol, merged. */
  line(row: number, lastCol: number, value: string, style: string): void {
    this.put(`A${row}`, value, style);
    if (lastCol > 1) this.merges.push(`A${row}:${col(lastCol)}${row}`);
  }
}

function print(lastCol: number, lastRow: number, titleRow: number, orientation: PrintSetup['orientation'] = 'landscape'): PrintSetup {
  return {
    orientation,
    paper: 'A4',
    fitToPagesWide: 1,
    titleRows: `${titleRow}:${titleRow}`,
    printArea: `A1:${col(lastCol)}${Math.max(lastRow, titleRow)}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  };
}

function plan(sheetName: string, b: SheetBuilder, columns: number[], lastRow: number, headerRow: number, extra: Partial<SheetPlan> = {}): SheetPlan {
  const seen = new Set<string>();
  for (const cell of b.cells) {
    // One cell per address: a second one would be silently dropped by one renderer or the other.
    if (seen.has(cell.address)) throw new Error(`summary plan: cell ${cell.address} of "${sheetName}" written twice`);
    seen.add(cell.address);
  }
  return {
    sheetName,
    styles: BASE,
    columns: columns.map((width, i) => ({ letter: col(i + 1), width })),
    rowHeights: [],
    cells: b.cells,
    merges: b.merges,
    names: [],
    validations: [],
    conditionalFormats: [],
    notes: b.notes,
    freezeRows: headerRow,
    print: print(columns.length, lastRow, headerRow),
    // Not protected: the department edits and charts its own summary.
    protect: false,
    properties: {},
    ...extra,
  };
}

/** Unit names by id, from everything the summary names (English from the unit list when given). */
function unitNames(summary: Summary, lang: Lang, units?: UnitList): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of summary.completeness) names.set(r.unitId, r.unitName);
  for (const i of summary.indicators) for (const f of [...i.conflicts, ...i.uncounted, ...(i.sectors ?? [])]) names.set(f.unitId, f.unitName);
  for (const list of Object.values(summary.sections)) for (const p of list) names.set(p.unitId, p.unitName);
  if (units) for (const u of units.units) names.set(u.id, u.name[lang]);
  return names;
}

interface Columns {
  stt: number;
  name: number;
  quarter: (q: number) => number;
  targetYear: number;
  target2025: number;
  progress: number;
  /** The assessment as a level 1..4, drawn as an icon just left of its words. */
  level: number;
  assessment: number;
  reason: number;
  source: number;
  provisional: number;
  intl: number;
  errors: number;
  flags: number;
  justifications: number;
  uncounted: number;
  note: number;
  last: number;
}

function columnsFor(quarter: number): Columns {
  const t = 2 + quarter + 1;
  return {
    stt: 1, name: 2, quarter: (q) => 2 + q, targetYear: t, target2025: t + 1, progress: t + 2, level: t + 3, assessment: t + 4, reason: t + 5,
    source: t + 6, provisional: t + 7, intl: t + 8, errors: t + 9, flags: t + 10, justifications: t + 11, uncounted: t + 12,
    note: t + 13, last: t + 13,
  };
}

/** Where the chart block is: row ids, latest figures, 2025 targets, each a one-column range. */
export interface SummaryChartSpec {
  sheetName: string;
  title: string;
  categories: string;
  series: { name: string; values: string }[];
}

interface IndicatorSheet {
  plan: SheetPlan;
  chart: SummaryChartSpec | null;
}

/** A target as the return shows it: a number whose format carries the comparator, or the words. */
function targetValue(row: ReportingRow, year: number): { value: CellValue; format?: string } {
  const t = appliedTarget(row, year);
  if (!t) return { value: null };
  const cell = targetCell(t);
  return { value: cell.value, ...(cell.numberFormat ? { format: cell.numberFormat } : {}) };
}

function progressOf(value: number | null, row: ReportingRow, horizon: number): number | null {
  const t = appliedTarget(row, horizon);
  if (value === null || t?.kind !== 'value' || t.value <= 0) return null;
  return Number((value / t.value).toPrecision(12));
}

/** An uncounted figure: "17% (Bộ Y tế, Quý II)", its value first as the column is about figures. */
function uncountedLine(f: UnitFigure, lang: Lang, names: Map<string, string>): string {
  const quarter = lang === 'vi' ? `Quý ${ROMAN[f.quarter - 1]}` : `Q${f.quarter}`;
  return `${figureValue(f, lang)} (${names.get(f.unitId) ?? f.unitName}, ${quarter}${f.provisional ? (lang === 'vi' ? ', ước' : ', provisional') : ''})`;
}

function figureValue(f: UnitFigure, lang: Lang): string {
  return f.value === null ? f.typed : `${(lang === 'vi' ? String(f.value).replace('.', ',') : String(f.value))}%`;
}

function figureLine(f: UnitFigure, lang: Lang, names: Map<string, string>): string {
  const v = figureValue(f, lang);
  const quarter = lang === 'vi' ? `Quý ${ROMAN[f.quarter - 1]}` : `Q${f.quarter}`;
  return `${names.get(f.unitId) ?? f.unitName} ${v} (${quarter}${f.provisional ? (lang === 'vi' ? ', ước' : ', provisional') : ''})`;
}

function indicatorSheet(summary: Summary, catalogue: Catalogue, lang: Lang, units?: UnitList): IndicatorSheet {
  const b = new SheetBuilder();
  const c = columnsFor(summary.quarter);
  const names = unitNames(summary, lang, units);
  const horizon = catalogue.horizonYear;
  const year = summary.year;
  const rowsById = new Map(allIndicators(catalogue).flatMap((i) => i.rows.map((r) => [r.id, r] as const)));
  const byRow = new Map(summary.indicators.map((r) => [r.row, r]));
  const bars: PlanDataBar[] = [];
  const icons: PlanIconSet[] = [];
  const conditional: PlanConditionalFormat[] = [];

  b.line(1, c.last, sl('title', lang), 'title');
  b.line(2, c.last, periodLine(summary, lang), 'subtitle');
  b.line(3, c.last, sl('legend', lang, { horizon }), 'legend');
  const header = 5;
  const heads: [number, string][] = [
    [c.stt, sl('colStt', lang)],
    [c.name, sl('colIndicator', lang)],
    ...Array.from({ length: summary.quarter }, (_, i) => [c.quarter(i + 1), sl('colQuarter', lang, { q: lang === 'vi' ? ROMAN[i]! : i + 1 })] as [number, string]),
    [c.targetYear, sl('colTarget', lang, { year })],
    [c.target2025, sl('colTarget', lang, { year: horizon })],
    [c.progress, sl('colProgress', lang, { year: horizon })],
    [c.level, sl('colLevel', lang)],
    [c.assessment, sl('colAssessment', lang)],
    [c.reason, sl('colReason', lang)],
    [c.source, sl('colSource', lang)],
    [c.provisional, sl('colProvisional', lang)],
    [c.intl, sl('colIntl', lang)],
    [c.errors, sl('colErrors', lang)],
    [c.flags, sl('colFlags', lang)],
    [c.justifications, sl('colJustifications', lang)],
    [c.uncounted, sl('colUncounted', lang)],
    [c.note, sl('colNote', lang)],
  ];
  for (const [k, text] of heads) b.put(`${col(k)}${header}`, text, 'header');

  let r = header + 1;
  const first = r;
  /** A table line: every column gets a cell, so borders and fills run across. */
  type LineValue = { value: CellValue; format?: string; kind?: 'text' | 'center' | 'number' | 'sub' | 'errors' };
  const tableLine = (values: Partial<Record<number, LineValue>>, conflict: boolean) => {
    for (let k = 1; k <= c.last; k++) {
      const v = values[k];
      const kind = v?.kind ?? (k === c.stt || k === c.level || k === c.provisional || k === c.flags ? 'center' : k === c.progress || (k >= c.quarter(1) && k <= c.target2025) ? 'number' : 'text');
      b.put(`${col(k)}${r}`, v?.value ?? null, conflict ? `${kind}Conflict` : kind, v?.format);
    }
    r++;
  };

  const chartRows: { id: string; latest: number | null; target: number | null }[] = [];

  catalogue.groups.forEach((group, gi) => {
    b.put(`A${r}`, ROMAN[gi] ?? group.id, 'group');
    b.put(`B${r}`, group.name[lang], 'group');
    for (let k = 3; k <= c.last; k++) b.put(`${col(k)}${r}`, null, 'group');
    r++;
    group.indicators.forEach((indicator, ii) => {
      const split = indicator.rows.length > 1 || indicator.rows[0]!.id !== indicator.id;
      if (split) parentLine(b, indicator, String(ii + 1), lang, year, horizon, c, () => r++);
      for (const catalogueRow of indicator.rows) {
        const row = byRow.get(catalogueRow.id);
        if (!row) continue;
        const conflict = row.conflicts.length > 0;
        const values: Parameters<typeof tableLine>[0] = {
          [c.stt]: { value: split ? null : String(ii + 1) },
          [c.name]: { value: split ? row.name[lang] : `${row.row}. ${row.name[lang]}` },
          [c.assessment]: { value: row.assessment ? assessmentLabel(row.assessment.status, lang) : row.sectors ? sl('sectorNote', lang) : null },
          [c.reason]: { value: row.assessment?.reason[lang] ?? null },
          [c.source]: { value: row.sourceUnit ? names.get(row.sourceUnit) ?? row.sourceUnit : null },
          [c.provisional]: { value: row.provisional ? sl('yes', lang) : null },
          [c.intl]: { value: row.comparison },
          [c.errors]: { value: row.errors.map((e) => `${names.get(e.unitId) ?? e.unitId}: ${e.count}`).join('\n') || null, kind: 'errors' },
          [c.flags]: { value: row.openFlags > 0 ? row.openFlags : null },
          [c.justifications]: { value: row.justifications.map((j) => `${names.get(j.unitId) ?? j.unitId}: ${j.text}`).join('\n') || null },
          // One entry a line, as the justifications are; each says whose figure and which quarter.
          [c.uncounted]: { value: row.uncounted.map((f) => uncountedLine(f, lang, names)).join('\n') || null },
          [c.level]: { value: row.assessment ? ASSESSMENT_LEVEL[row.assessment.status] : null},
        };
        for (const q of row.quarters) {
          values[c.quarter(q.quarter)] = { value: q.value === null ? null : fraction(q.value), format: q.provisional ? PROVISIONAL_FORMAT : FIGURE_FORMAT };
        }
        const latest = [...row.quarters].reverse().find((q) => q.value !== null)?.value ?? null;
        const progress = progressOf(latest, catalogueRow, horizon);
        values[c.progress] = { value: progress, format: PROGRESS_FORMAT };
        if (conflict) {
          const counted = row.sourceUnit ? names.get(row.sourceUnit) ?? row.sourceUnit : sl('conflictNone', lang);
          const note = sl('conflictNote', lang, { list: row.conflicts.map((f) => figureLine(f, lang, names)).join('; '), counted });
          values[c.note] = { value: note };
          b.notes.push({ address: `${col(c.name)}${r}`, text: note });
        }
        values[c.targetYear] = targetValue(catalogueRow, year);
        values[c.target2025] = targetValue(catalogueRow, horizon);
        tableLine(values, conflict);
        const t2025 = appliedTarget(catalogueRow, horizon);
        if (!row.sectors) chartRows.push({ id: row.row, latest, target: t2025?.kind === 'value' ? t2025.value : null });
        // One line per unit whose figure differs (conflict) or per ministry's sector share.
        for (const [unitId, figures] of groupByUnit(conflict ? row.conflicts : row.sectors ?? [])) {
          const sub: Parameters<typeof tableLine>[0] = {
            [c.name]: { value: `${conflict ? '≠' : '+'} ${names.get(unitId) ?? unitId}`, kind: 'sub' },
            [c.source]: { value: names.get(unitId) ?? unitId },
          };
          for (const f of figures) {
            if (f.value !== null) sub[c.quarter(f.quarter)] = { value: fraction(f.value), format: f.provisional ? PROVISIONAL_FORMAT : FIGURE_FORMAT };
          }
          const last = figures[figures.length - 1]!;
          sub[c.progress] = { value: progressOf(last.value, catalogueRow, horizon), format: PROGRESS_FORMAT };
          sub[c.provisional] = { value: last.provisional ? sl('yes', lang) : null };
          sub[c.intl] = { value: last.comparison };
          tableLine(sub, conflict);
        }
      }
    });
  });
  const lastTableRow = r - 1;
  bars.push({ address: `${col(c.progress)}${first}:${col(c.progress)}${lastTableRow}`, min: 0, max: 1, color: BAR_COLOR });
  icons.push({ address: `${col(c.level)}${first}:${col(c.level)}${lastTableRow}`, ...ASSESSMENT_ICONS, thresholds: [...ASSESSMENT_ICONS.thresholds], showValue: false });
  // Assessment words coloured where the host draws formats: red for challenging, green for achieved.
  const a = `${col(c.assessment)}${first}`;
  conditional.push({ address: `${a}:${col(c.assessment)}${lastTableRow}`, formula: `=${a}="${assessmentLabel('challenging', lang)}"`, fontColor: '#C00000' });
  conditional.push({ address: `${a}:${col(c.assessment)}${lastTableRow}`, formula: `=${a}="${assessmentLabel('achieved', lang)}"`, fontColor: '#00612E' });

  r++;
  if (summary.withErrors.length > 0) {
    b.line(r++, c.last, sl('withErrorsHeading', lang, { n: summary.withErrors.length }), 'subtitle');
    for (const w of summary.withErrors) b.line(r++, c.last, `${w.source}: ${errorsText(w.errors, lang)}`, 'plain');
    r++;
  }
  for (const [kind, heading] of SKIPPED_HEADINGS) {
    const listed = summary.skipped.filter((s) => s.kind === kind);
    if (listed.length === 0) continue;
    b.line(r++, c.last, sl(heading, lang, { n: listed.length }), 'subtitle');
    for (const s of listed) b.line(r++, c.last, `${s.source}: ${s.reason[lang]}`, 'plain');
    r++;
  }

  // The chart block: contiguous, so a native chart can read it without the table's gaps.
  let chart: SummaryChartSpec | null = null;
  const sheetName = SUMMARY_SHEET_NAMES.summary[lang];
  if (chartRows.length > 0) {
    const title = sl('chartHeading', lang, { horizon });
    b.line(r++, 3, title, 'subtitle');
    const head = r;
    b.put(`A${r}`, sl('colIndicator', lang), 'header');
    b.put(`B${r}`, sl('chartLatest', lang), 'header');
    b.put(`C${r}`, sl('chartTarget', lang, { horizon }), 'header');
    r++;
    for (const cr of chartRows) {
      b.put(`A${r}`, cr.id, 'center');
      b.put(`B${r}`, cr.latest === null ? null : fraction(cr.latest), 'number', FIGURE_FORMAT);
      b.put(`C${r}`, cr.target === null ? null : fraction(cr.target), 'number', FIGURE_FORMAT);
      r++;
    }
    const end = r - 1;
    chart = {
      sheetName,
      title,
      categories: `A${head + 1}:A${end}`,
      series: [
        { name: sl('chartLatest', lang), values: `B${head + 1}:B${end}` },
        { name: sl('chartTarget', lang, { horizon }), values: `C${head + 1}:C${end}` },
      ],
    };
  }

  const widths = [6, 46, ...Array<number>(summary.quarter).fill(12), 13, 13, 14, 5, 20, 48, 24, 11, 32, 24, 10, 40, 32, 48];
  return {
    plan: plan(sheetName, b, widths, r - 1, header, { rowHeights: [{ row: header, height: 48 }], dataBars: bars, iconSets: icons, conditionalFormats: conditional, tabColor: '#2F5597' }),
    chart,
  };
}

function groupByUnit(figures: readonly UnitFigure[]): [string, UnitFigure[]][] {
  const out = new Map<string, UnitFigure[]>();
  for (const f of figures) out.set(f.unitId, [...(out.get(f.unitId) ?? []), f]);
  return [...out.entries()].map(([id, fs]) => [id, [...fs].sort((x, y) => x.quarter - y.quarter)]);
}

/** 1.2's own line: its STT, name and the targets the form prints there (never validated). */
function parentLine(b: SheetBuilder, indicator: Indicator, stt: string, lang: Lang, year: number, horizon: number, c: Columns, next: () => number): void {
  const r = next();
  for (let k = 1; k <= c.last; k++) {
    const value =
      k === c.stt ? stt
      : k === c.name ? `${indicator.id}. ${indicator.name[lang]}`
      : k === c.targetYear ? indicator.printedTargets?.[String(year)] ?? null
      : k === c.target2025 ? indicator.printedTargets?.[String(horizon)] ?? null
      : null;
    b.put(`${col(k)}${r}`, value, k === c.stt ? 'center' : k === c.targetYear || k === c.target2025 ? 'number' : 'text');
  }
}

function completenessSheet(summary: Summary, catalogue: Catalogue, lang: Lang, units?: UnitList): SheetPlan {
  const b = new SheetBuilder();
  const names = unitNames(summary, lang, units);
  const q = summary.quarter;
  const last = 3 + q;
  const quarterHead = (n: number) => sl('colQuarterShort', lang, { q: lang === 'vi' ? ROMAN[n - 1]! : n });
  b.line(1, last, sl('completenessTitle', lang), 'title');
  const due = catalogue.calendar
    .filter((x) => x.quarter <= q)
    .map((x) => sl('dueItem', lang, { q: lang === 'vi' ? ROMAN[x.quarter - 1]! : x.quarter, day: x.dueBefore.split('-').reverse().join('/') }));
  b.line(2, last, `${periodLine(summary, lang)}. ${sl('dueLine', lang, { list: due.join('; ') })}`, 'subtitle');
  const header = 4;
  b.put(`A${header}`, sl('colStt', lang), 'header');
  b.put(`B${header}`, sl('colUnit', lang), 'header');
  b.put(`C${header}`, sl('colUnitId', lang), 'header');
  for (let n = 1; n <= q; n++) b.put(`${col(3 + n)}${header}`, quarterHead(n), 'header');
  let r = header + 1;
  const styles: Record<string, CellStyle> = { ...BASE };
  for (const [status, fill] of Object.entries(STATUS_FILL)) {
    styles[`st_${status}`] = { border: true, hAlign: 'center', vAlign: 'top', fill };
    styles[`st_${status}_errors`] = { border: true, hAlign: 'center', vAlign: 'top', fill, fontColor: '#C00000', wrap: true };
  }
  summary.completeness.forEach((row, i) => {
    b.put(`A${r}`, i + 1, 'center');
    b.put(`B${r}`, names.get(row.unitId) ?? row.unitName, 'text');
    b.put(`C${r}`, row.unitId, 'text');
    for (const cell of row.cells) {
      b.put(`${col(3 + cell.quarter)}${r}`, completenessLabel(cell, lang), `st_${cell.status}${cell.errors ? '_errors' : ''}`);
    }
    r++;
  });
  r++;
  b.put(`B${r}`, sl('countsHeading', lang), 'header');
  for (let n = 1; n <= q; n++) b.put(`${col(3 + n)}${r}`, quarterHead(n), 'header');
  r++;
  for (const status of ['onTime', 'late', 'provisional', 'unknown', 'missing', 'notExpected'] as Timeliness[]) {
    b.put(`B${r}`, timelinessHeading(status, lang), `st_${status}`);
    for (let n = 1; n <= q; n++) b.put(`${col(3 + n)}${r}`, summary.countsByQuarter[n]?.[status] ?? 0, 'number');
    r++;
  }
  b.put(`B${r}`, sl('withErrorsCount', lang), 'text');
  for (let n = 1; n <= q; n++) b.put(`${col(3 + n)}${r}`, summary.withErrorsByQuarter[n] ?? 0, 'number');
  r++;
  // Share on time among the units expected that quarter, drawn as bars (0–100%).
  b.put(`B${r}`, sl('onTimeShare', lang), 'text');
  for (let n = 1; n <= q; n++) {
    const counts = summary.countsByQuarter[n];
    const expected = counts ? Object.entries(counts).reduce((s, [k, v]) => (k === 'notExpected' ? s : s + v), 0) : 0;
    b.put(`${col(3 + n)}${r}`, expected > 0 ? Number((counts!.onTime / expected).toPrecision(12)) : null, 'number', PROGRESS_FORMAT);
  }
  const bars: PlanDataBar[] = [{ address: `D${r}:${col(3 + q)}${r}`, min: 0, max: 1, color: BAR_COLOR }];
  const p = plan(SUMMARY_SHEET_NAMES.completeness[lang], b, [6, 44, 26, ...Array<number>(q).fill(20)], r, header, { dataBars: bars, tabColor: '#548235' });
  return { ...p, styles };
}

function sectionsSheet(summary: Summary, catalogue: Catalogue, lang: Lang, units?: UnitList): SheetPlan {
  const b = new SheetBuilder();
  const names = unitNames(summary, lang, units);
  b.line(1, 3, sl('sectionsTitle', lang), 'title');
  b.line(2, 3, periodLine(summary, lang), 'subtitle');
  const header = 4;
  b.put(`A${header}`, sl('colStt', lang), 'header');
  b.put(`B${header}`, sl('colUnit', lang), 'header');
  b.put(`C${header}`, sl('colText', lang), 'header');
  let r = header + 1;
  for (const section of catalogue.sections) {
    b.put(`A${r}`, section.numeral, 'group');
    b.put(`B${r}`, section.title[lang], 'group');
    b.merges.push(`B${r}:C${r}`);
    b.put(`C${r}`, null, 'group');
    r++;
    const paragraphs = summary.sections[section.key];
    if (paragraphs.length === 0) {
      b.put(`A${r}`, null, 'center');
      b.put(`B${r}`, null, 'text');
      b.put(`C${r}`, sl('none', lang), 'text');
      r++;
    }
    paragraphs.forEach((p, i) => {
      b.put(`A${r}`, i + 1, 'center');
      b.put(`B${r}`, names.get(p.unitId) ?? p.unitName, 'text');
      b.put(`C${r}`, p.text, 'text');
      r++;
    });
  }
  const p = plan(SUMMARY_SHEET_NAMES.sections[lang], b, [6, 30, 100], r - 1, header, { tabColor: '#BF8F00' });
  return { ...p, print: { ...p.print, orientation: 'portrait' } };
}

/**
 * The summary's three sheets. `units` (optional) gives unit names in English; without it the
 * names the summary carries (Vietnamese) are used.
 */
export function summaryPlan(summary: Summary, catalogue: Catalogue, lang: Lang, units?: UnitList): SheetPlan[] {
  return [indicatorSheet(summary, catalogue, lang, units).plan, completenessSheet(summary, catalogue, lang, units), sectionsSheet(summary, catalogue, lang, units)];
}

/**
 * Where a native chart of latest figure against the 2025 target can read its data on the
 * "Tổng hợp" sheet (Office.js: sheet.charts.add('ColumnClustered', …) over these ranges). Files
 * have no chart: ExcelJS cannot write one; the progress data bars stand in.
 */
export function summaryChartSpec(summary: Summary, catalogue: Catalogue, lang: Lang, units?: UnitList): SummaryChartSpec | null {
  return indicatorSheet(summary, catalogue, lang, units).chart;
}
