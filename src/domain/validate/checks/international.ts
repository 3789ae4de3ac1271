/**
 * The "international comparison" principle. Q1–Q3 figures have their comparison column beside
 * them; the form gives Q4 none, so a Q4 figure is checked against the catalogue's
 * q4ComparisonColumn (the comparison after the year's target, TY_INTL) and the message says so.
 */
import type { ReportingRow } from '../../../catalogue/schema';
import { tableCellName, type TableColumn } from '../../cellContract';
import { cellText, hasNoWords, quoted, saysNothing } from '../cellText';
import { quarterLabel, tableCell, type CheckContext } from '../context';
import { atTableCell, atSection, type Check, type Finding } from '../finding';
import { namesSource, namesYear } from '../intlText';
import { reportedFigures } from './figures';

/** The comparison column a figure of this quarter is checked against. */
export function comparisonColumn(ctx: CheckContext, quarter: number): TableColumn {
  return quarter < 4 ? (`Q${quarter}_INTL` as TableColumn) : ctx.catalogue.q4ComparisonColumn;
}

/** Every comparison cell a unit fills. */
const COMPARISON_COLUMNS: readonly TableColumn[] = ['Q1_INTL', 'Q2_INTL', 'Q3_INTL', 'TY_INTL', 'T2025_INTL'];

/** Where a comparison column stands on the form, for messages about its cell. */
export function comparisonPlace(ctx: CheckContext, column: TableColumn): { vi: string; en: string } {
  const q = /^Q([1-3])_INTL$/.exec(column);
  if (q) {
    const l = quarterLabel(ctx, Number(q[1]));
    return { vi: `cột “So sánh quốc tế” cạnh ${l.vi}`, en: `the "International comparison" column beside ${l.en}` };
  }
  const year = column === 'T2025_INTL' ? ctx.catalogue.horizonYear : (ctx.year ?? ctx.yearText);
  const q4 = quarterLabel(ctx, 4);
  const note = column === ctx.catalogue.q4ComparisonColumn
    ? { vi: `; ${q4.vi} không có cột so sánh riêng`, en: `; ${q4.en} has no comparison column of its own` }
    : { vi: '', en: '' };
  return {
    vi: `cột “So sánh quốc tế” sau Mục tiêu ${year}${note.vi}`,
    en: `the "International comparison" column after the ${year} target${note.en}`,
  };
}

/** The catalogue's comparable series for the row, or that none is known. */
export function seriesText(row: ReportingRow): { vi: string; en: string } {
  const { fit, series } = row.international;
  const list = (lang: 'vi' | 'en') =>
    series.map((s) => `${s.name[lang]} (${s.organisation}${s.code ? `, ${s.code}` : ''})`).join('; ');
  if (series.length === 0) return { vi: 'Chưa biết chuỗi số liệu quốc tế tương đương.', en: 'No comparable international series is known.' };
  if (fit === 'exact') return { vi: `Chuỗi quốc tế tương đương: ${list('vi')}.`, en: `Comparable international series: ${list('en')}.` };
  if (fit === 'approximate') return { vi: `Chuỗi quốc tế gần tương đương: ${list('vi')}.`, en: `Approximately comparable series: ${list('en')}.` };
  return { vi: `Chưa có chuỗi quốc tế tương đương; gần nhất: ${list('vi')}.`, en: `No comparable international series is known; the nearest: ${list('en')}.` };
}

export const missing: Check = (ctx) =>
  reportedFigures(ctx, 'number').flatMap(({ view, figure }): Finding[] => {
    const column = comparisonColumn(ctx, figure.quarter);
    if (!saysNothing(cellText(tableCell(ctx.data, view.row.id, column)))) return [];
    return [atTableCell('intl.missing', view, column, tableCellName(view.row.id, column), {
      quarter: quarterLabel(ctx, figure.quarter),
      where: comparisonPlace(ctx, column),
      series: seriesText(view.row),
    })];
  });

/** The filled comparison cells, whatever their quarter: a source and a year are wanted in each. */
function comparisons(ctx: CheckContext) {
  return ctx.rows.flatMap((view) =>
    COMPARISON_COLUMNS.map((column) => ({ view, column, text: cellText(tableCell(ctx.data, view.row.id, column)) })).filter(({ text }) => !saysNothing(text)),
  );
}

const exampleOrganisations = (row: ReportingRow) =>
  row.international.series.length > 0 ? row.international.series.map((s) => s.organisation).join(', ') : 'World Bank, ITU, OECD, Eurostat';

export const noSource: Check = (ctx) =>
  comparisons(ctx)
    .filter(({ text }) => !namesSource(text, ctx.catalogue))
    .map(({ view, column, text }) =>
      atTableCell('intl.noSource', view, column, tableCellName(view.row.id, column), { where: comparisonPlace(ctx, column), text: quoted(text), organisations: exampleOrganisations(view.row) }),
    );

export const noYear: Check = (ctx) =>
  comparisons(ctx)
    .filter(({ text }) => !namesYear(text))
    .map(({ view, column, text }) => atTableCell('intl.noYear', view, column, tableCellName(view.row.id, column), { where: comparisonPlace(ctx, column), text: quoted(text) }));

export const sectionMissing: Check = (ctx) => {
  const requiredNow = ctx.catalogue.calendar.find((c) => c.quarter === ctx.quarter)?.requiredSections ?? [];
  // section.required already says it when the quarter requires section IV.
  if (requiredNow.includes('international')) return [];
  if (reportedFigures(ctx, 'number').length === 0) return [];
  return hasNoWords(cellText(ctx.data.narrative?.international)) ? [atSection('intl.sectionMissing', 'international')] : [];
};
