/**
 * The Tổng hợp tab's writer on the fake Excel host: the summary's three sheets through the plan
 * renderer, the progress data bars, a native chart of latest figure against the 2025 target, an
 * earlier summary replaced — in at most three context.sync() calls whatever the number of returns.
 */
import { unitsForYear } from '../../../src/catalogue/load';
import type { ReturnInput } from '../../../src/domain/summary/types';
import { summarise } from '../../../src/domain/summary/summarise';
import { SUMMARY_SHEET_NAMES, summaryChartSpec, summaryPlan } from '../../../src/layout/summaryPlan';
import { CHART_NAME, chartSourceRange, createExcelSummaryWriter } from '../../../src/workbook/excel/summary/writeSummary';
import { chartSourceAddress } from '../../fakes/charts';
import { createFakeExcel } from '../../fakes/fakeExcel';
import { validPayload } from '../../support/payloads';
import { options, quarterInputs, setFigure } from '../summary/fixtures';

const source = () => ({ catalogue: options.catalogue, units: options.units });
const summary = summarise(quarterInputs().inputs, options);

/** `n` returns of 2025: each unit's Q1 and Q2 returns, then later versions, round the unit list. */
function manyInputs(n: number): ReturnInput[] {
  const units = unitsForYear(options.units, 2025);
  const out: ReturnInput[] = [];
  for (let i = 0; out.length < n; i++) {
    const unit = units[i % units.length]!;
    const round = Math.floor(i / units.length);
    const quarter = round % 2 === 0 ? 1 : 2;
    const payload = validPayload({ unitId: unit.id, quarter }, { percent: 40 + (i % 20) });
    if (unit.id === 'bo-tai-chinh' && quarter === 2) setFigure(payload, '1.1', 2, 19.5);
    out.push({ payload, source: { kind: 'endpoint', receiptNumber: `CT-2025-Q${quarter}-${unit.id}-v${round + 1}`, version: round + 1, receivedAt: '2025-07-03T02:00:00.000Z' } });
  }
  return out;
}

describe('writeSummary on the fake host', () => {
  it('writes the three sheets, values as the plan says, data bars and the chart, in ≤ 3 syncs', async () => {
    const host = createFakeExcel();
    const before = host.syncCount;
    const result = await createExcelSummaryWriter(host, source).writeSummary(summary, { lang: 'vi' });
    expect(result.sheets).toEqual([SUMMARY_SHEET_NAMES.summary.vi, SUMMARY_SHEET_NAMES.completeness.vi, SUMMARY_SHEET_NAMES.sections.vi]);
    expect(result.chart).toBe('added');
    expect(result.syncs).toBe(host.syncCount - before);
    expect(result.syncs).toBeLessThanOrEqual(3);

    const snap = host.snapshot();
    for (const name of result.sheets) expect(snap.sheets.map((s) => s.name)).toContain(name);
    expect(snap.activeSheet ?? host.model.activeSheet?.name).toBe('Tổng hợp');

    // A few cells against the plan (itself checked against the summary in summaryRenderers.test.ts).
    const [table] = summaryPlan(summary, options.catalogue, 'vi', options.units);
    const row = Number(/\d+$/.exec(table!.cells.find((c) => c.value === '1.1. Tỷ trọng kinh tế số trên GDP')!.address)![0]);
    expect(host.getCell('Tổng hợp', `D${row}`).value).toBeCloseTo(0.195, 12);
    expect(host.getCell('Tổng hợp', `D${row}`).numberFormat).toBe('0.00%');
    expect(host.getCell('Tổng hợp', `G${row}`).value).toBeCloseTo(0.975, 12);
    expect(host.getCell('Tổng hợp', `K${row}`).value).toBe('Bộ Tài chính');
    expect(host.getCell('Tổng hợp', 'A1').value).toBe(table!.cells.find((c) => c.address === 'A1')!.value);

    // Progress data bars (table), share-on-time bars (completeness), assessment colours.
    const table1 = snap.sheets.find((s) => s.name === 'Tổng hợp')!;
    expect(table1.conditionalFormats.filter((c) => c.type === 'DataBar').map((c) => c.ranges)).toEqual([[table!.dataBars![0]!.address]]);
    expect(table1.conditionalFormats.filter((c) => c.type === 'Custom')).toHaveLength(2);
    // The assessment icons, queued with the rest: still within the syncs counted above.
    expect(table1.conditionalFormats.filter((c) => c.type === 'IconSet').map((c) => [c.ranges, c.settings.style, c.settings.showIconOnly])).toEqual([
      [[table!.iconSets![0]!.address], 'ThreeTrafficLights1', true],
    ]);
    expect(snap.sheets.find((s) => s.name === 'Đầy đủ, đúng hạn')!.conditionalFormats.filter((c) => c.type === 'DataBar')).toHaveLength(1);

    // The chart: clustered columns over the chart block, headings included.
    const spec = summaryChartSpec(summary, options.catalogue, 'vi', options.units)!;
    const sheet = host.model.sheets.find((s) => s.name === 'Tổng hợp')!;
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart).toMatchObject({ name: CHART_NAME, type: 'ColumnClustered', seriesBy: 'Columns', title: spec.title });
    expect(chartSourceAddress(chart)).toBe(chartSourceRange(spec).address);
    // The block's first column is the row ids (categories), then latest figure and 2025 target.
    const { headRow } = chartSourceRange(spec);
    expect(host.getCell('Tổng hợp', `B${headRow}`).value).toBe(spec.series[0]!.name);
    expect(host.getCell('Tổng hợp', `C${headRow}`).value).toBe(spec.series[1]!.name);
  });

  it('counts the chart through the fake’s chart collection (getCount)', async () => {
    const host = createFakeExcel();
    await createExcelSummaryWriter(host, source).writeSummary(summary, { lang: 'en' });
    const count = await host.run(async (context) => {
      const c = context.workbook.worksheets.getItem('Summary').charts.getCount();
      await context.sync();
      return c.value;
    });
    expect(count).toBe(1);
  });

  it('replaces an earlier summary (in either language) and keeps other sheets', async () => {
    const host = createFakeExcel();
    host.addSheet('Phụ lục 01');
    const writer = createExcelSummaryWriter(host, source);
    await writer.writeSummary(summary, { lang: 'en' });
    const again = await writer.writeSummary(summary, { lang: 'vi' });
    expect(again.replaced.sort()).toEqual(['Completeness', 'Narrative', 'Summary']);
    expect(host.snapshot().sheets.map((s) => s.name).sort()).toEqual(['Nội dung', 'Phụ lục 01', 'Sheet1', 'Tổng hợp', 'Đầy đủ, đúng hạn'].sort());
    const third = await writer.writeSummary(summary, { lang: 'vi' });
    expect(third.replaced.sort()).toEqual(['Nội dung', 'Tổng hợp', 'Đầy đủ, đúng hạn'].sort());
    expect(host.model.sheets.find((s) => s.name === 'Tổng hợp')!.charts).toHaveLength(1);
    expect(third.syncs).toBeLessThanOrEqual(3);
  });

  it.each([5, 300])('takes at most 3 syncs with %i returns', async (n) => {
    const inputs = manyInputs(n);
    expect(inputs).toHaveLength(n);
    const s = summarise(inputs, options);
    const host = createFakeExcel();
    const before = host.syncCount;
    const result = await createExcelSummaryWriter(host, source).writeSummary(s, { lang: 'vi' });
    expect(host.syncCount - before).toBe(result.syncs);
    expect(result.syncs).toBe(3);
    expect(result.chart).toBe('added');
    // The icon set is among what those syncs wrote, not left for another.
    expect(host.snapshot().sheets.find((x) => x.name === 'Tổng hợp')!.conditionalFormats.filter((c) => c.type === 'IconSet')).toHaveLength(1);
  }, 60_000);

  it('an empty quarter still gives the sheets (no chart needed when there is nothing to chart)', async () => {
    const host = createFakeExcel();
    const result = await createExcelSummaryWriter(host, source).writeSummary(summarise([], options), { lang: 'vi' });
    expect(result.sheets).toHaveLength(3);
    expect(result.syncs).toBeLessThanOrEqual(3);
  });
});
