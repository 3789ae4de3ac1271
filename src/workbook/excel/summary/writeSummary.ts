/**
 * The department's summary (issue 5) written into the open workbook with Office.js: the three
 * sheets of layout/summaryPlan.ts through the same plan renderer as the return, and a native
 * chart of each indicator's latest figure against its 2025 target (summaryChartSpec).
 *
 * At most three `context.sync()` calls whatever the number of returns: the summary is already
 * built (the returns were read before), and the sheets' size depends on the catalogue and the
 * unit list, not on how many returns were summarised.
 *  1. read the sheet names;
 *  2. put the earlier summary's sheets aside, add and render the new ones, delete the old ones;
 *  3. the chart, on its own, so a host that cannot draw it loses only the chart, never the sheets.
 */
import { loadCatalogue, loadUnits } from '../../../catalogue/load';
import type { Catalogue, UnitList } from '../../../catalogue/schema';
import type { Summary } from '../../../domain/summary/types';
import { SUMMARY_SHEET_NAMES, summaryChartSpec, summaryPlan, type SummaryChartSpec } from '../../../layout/summaryPlan';
import type { Lang } from '../../port';
import { failed } from '../failure';
import { renderPlan } from '../renderPlan';
import type { ExcelHost } from '../runner';
import { sheetKey } from '../sheetNames';

export interface SummaryWriteOptions {
  lang: Lang;
}

export interface SummaryWriteResult {
  /** The sheets written, in order ("Tổng hợp", "Đầy đủ, đúng hạn", "Nội dung"). */
  sheets: string[];
  /** context.sync() calls made (≤ 3). */
  syncs: number;
  /** Earlier summary sheets that were replaced. */
  replaced: string[];
  /** 'added', or why there is none: no figures to chart, the host lacks charts, or adding it failed. */
  chart: 'added' | 'none' | 'unsupported' | 'failed';
}

export interface SummaryWriter {
  writeSummary(summary: Summary, options: SummaryWriteOptions): Promise<SummaryWriteResult>;
}

export interface SummarySource {
  catalogue: Catalogue;
  units: UnitList;
}

const bundled = (): SummarySource => ({ catalogue: loadCatalogue(), units: loadUnits() });

/** Every name a summary sheet may have, in either language: an earlier summary is replaced whatever its language. */
const SUMMARY_KEYS = new Set(Object.values(SUMMARY_SHEET_NAMES).flatMap((n) => [sheetKey(n.vi), sheetKey(n.en)]));

export const CHART_NAME = 'chitieu_tong_hop';

export function createExcelSummaryWriter(host: ExcelHost, source: () => SummarySource = bundled): SummaryWriter {
  return { writeSummary: (summary, options) => failed(() => writeSummary(host, source(), summary, options)) };
}

/** "A8:A30" → its first row and column letters; the chart's source starts one row up (the headings). */
const RANGE = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;

/** The chart block as one range, headings included: categories in its first column, one series a column. */
export function chartSourceRange(spec: SummaryChartSpec): { address: string; headRow: number; lastRow: number } {
  const cat = RANGE.exec(spec.categories);
  const last = RANGE.exec(spec.series[spec.series.length - 1]?.values ?? '');
  if (!cat || !last) throw new Error(`summary chart: unexpected ranges ${spec.categories} / ${spec.series.map((s) => s.values).join(', ')}`);
  const headRow = Number(cat[2]) - 1;
  return { address: `${cat[1]}${headRow}:${last[3]}${last[4]}`, headRow, lastRow: Number(last[4]) };
}

async function writeSummary(host: ExcelHost, { catalogue, units }: SummarySource, summary: Summary, { lang }: SummaryWriteOptions): Promise<SummaryWriteResult> {
  const plans = summaryPlan(summary, catalogue, lang, units);
  const spec = summaryChartSpec(summary, catalogue, lang, units);
  const comments = host.isSetSupported('ExcelApi', '1.10');
  const chartsSupported = host.isSetSupported('ExcelApi', '1.1');

  let syncs = 0;
  const result = await host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    syncs++;

    const existing = sheets.items.map((s) => s.name);
    const taken = new Set(existing.map(sheetKey));
    const old = existing.filter((name) => SUMMARY_KEYS.has(sheetKey(name)));
    // Renamed aside first, so the new sheets can take the names; deleted once the new ones exist
    // (a workbook must keep a visible sheet).
    const aside = old.map((name, i) => {
      let temp = `~chitieu ${i + 1}`;
      for (let n = 2; taken.has(sheetKey(temp)); n++) temp = `~chitieu ${i + 1}.${n}`;
      taken.add(sheetKey(temp));
      sheets.getItem(name).name = temp;
      return temp;
    });
    const added = plans.map((plan) => {
      const sheet = sheets.add(plan.sheetName);
      renderPlan(context, sheet, plan, { comments });
      return sheet;
    });
    for (const temp of aside) sheets.getItem(temp).delete();
    added[0]?.activate();
    await context.sync();
    syncs++;
    return { sheets: plans.map((p) => p.sheetName), replaced: old };
  });

  let chart: SummaryWriteResult['chart'] = 'none';
  if (spec && !chartsSupported) chart = 'unsupported';
  else if (spec) {
    try {
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(spec.sheetName);
        const { address, headRow, lastRow } = chartSourceRange(spec);
        const added = sheet.charts.add('ColumnClustered', sheet.getRange(address), 'Columns');
        added.name = CHART_NAME;
        added.title.text = spec.title;
        added.setPosition(`E${headRow}`, `N${Math.max(lastRow, headRow + 20)}`);
        await context.sync();
        syncs++;
      });
      chart = 'added';
    } catch {
      // The sheets are written; the progress data bars still show the picture.
      chart = 'failed';
    }
  }
  return { ...result, syncs, chart };
}
