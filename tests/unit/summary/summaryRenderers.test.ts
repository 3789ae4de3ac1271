/**
 * The summary's sheets are plans rendered by both renderers: the task pane (Office.js, here on
 * the fake host) and `chitieu merge` (ExcelJS). They must agree cell for cell, and both must draw
 * the progress data bars (read back from the .xlsx file and from the fake host).
 */
import ExcelJS from 'exceljs';
import { summarise } from '../../../src/domain/summary/summarise';
import type { SheetPlan } from '../../../src/layout/plan';
import { SUMMARY_SHEET_NAMES, summaryChartSpec, summaryPlan } from '../../../src/layout/summaryPlan';
import { renderPlan } from '../../../src/workbook/excel/renderPlan';
import { renderPlanToWorkbook } from '../../../src/workbook/xlsx/renderPlan';
import { loadXlsx } from '../../../src/workbook/xlsx/readReturn';
import type { Lang } from '../../../src/workbook/port';
import { createFakeExcel } from '../../fakes/fakeExcel';
import type { NormalizedSheet } from '../../support/normalizedSheet';
import { readXlsxSheet } from '../../support/readXlsx';
import { snapshotFakeSheet } from '../../support/snapshotFake';
import { options, quarterInputs } from './fixtures';

const summary = summarise(quarterInputs().inputs, options);

/** As renderersAgree.test.ts compares the return: every differing part, with both sides. */
function sheetDifferences(excel: NormalizedSheet, xlsx: NormalizedSheet): string[] {
  const out: string[] = [];
  const compare = (part: string, a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(`${part} ${key}: office.js ${JSON.stringify(a[key])} ≠ xlsx ${JSON.stringify(b[key])}`);
    }
  };
  if (excel.sheetName !== xlsx.sheetName) out.push(`sheet name: ${excel.sheetName} ≠ ${xlsx.sheetName}`);
  compare('cell', excel.cells, xlsx.cells);
  compare('merge', Object.fromEntries(excel.merges.map((m) => [m, true])), Object.fromEntries(xlsx.merges.map((m) => [m, true])));
  compare('name', excel.names, xlsx.names);
  if (excel.protected !== xlsx.protected) out.push(`protection: ${excel.protected} ≠ ${xlsx.protected}`);
  return out;
}

async function renderBoth(plans: SheetPlan[]) {
  const host = createFakeExcel();
  await host.run(async (context) => {
    for (const plan of plans) {
      const sheet = context.workbook.worksheets.add(plan.sheetName);
      renderPlan(context, sheet, plan, { comments: false });
    }
    await context.sync();
  });
  const workbook = new ExcelJS.Workbook();
  for (const plan of plans) renderPlanToWorkbook(plan, workbook);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { host, bytes };
}

/** Data bars as the file holds them: range, lower and upper bound, colour. */
async function xlsxDataBars(bytes: Buffer, sheetName: string) {
  const wb = await loadXlsx(bytes);
  const ws = wb.getWorksheet(sheetName)!;
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo?: { type: string; value?: number }[]; color?: { argb?: string } }[] }[] }).conditionalFormattings;
  return cfs.flatMap((cf) => cf.rules.filter((r) => r.type === 'dataBar').map((r) => ({ ref: cf.ref, cfvo: r.cfvo?.map((c) => [c.type, Number(c.value)]), color: r.color?.argb })));
}

describe.each<Lang>(['vi', 'en'])('the summary sheets (%s)', (lang) => {
  const plans = summaryPlan(summary, options.catalogue, lang, options.units);

  it('are three: the table, completeness, the narrative', () => {
    expect(plans.map((p) => p.sheetName)).toEqual([SUMMARY_SHEET_NAMES.summary[lang], SUMMARY_SHEET_NAMES.completeness[lang], SUMMARY_SHEET_NAMES.sections[lang]]);
  });

  it('render the same in Office.js and ExcelJS, and both draw the data bars', async () => {
    const { host, bytes } = await renderBoth(plans);
    for (const plan of plans) {
      const excel: NormalizedSheet = snapshotFakeSheet(host, plan.sheetName);
      const xlsx = await readXlsxSheet(bytes, plan.sheetName);
      expect(Object.keys(excel.cells).length).toBeGreaterThan(20);
      expect(sheetDifferences(excel, xlsx)).toEqual([]);

      const fakeBars = host.snapshot().sheets.find((s) => s.name === plan.sheetName)!.conditionalFormats.filter((c) => c.type === 'DataBar');
      const fileBars = await xlsxDataBars(bytes, plan.sheetName);
      const planned = plan.dataBars ?? [];
      expect(fakeBars.map((b) => [b.ranges, b.settings.lowerBoundRule, b.settings.upperBoundRule, b.settings['positiveFormat.fillColor']])).toEqual(
        planned.map((b) => [[b.address], { type: 'Number', formula: String(b.min) }, { type: 'Number', formula: String(b.max) }, b.color]),
      );
      expect(fileBars).toEqual(planned.map((b) => ({ ref: b.address, cfvo: [['num', b.min], ['num', b.max]], color: `FF${b.color.slice(1)}` })));
    }
    // Progress bars on the table, the share-on-time bars on completeness.
    expect(plans[0]!.dataBars).toHaveLength(1);
    expect(plans[1]!.dataBars).toHaveLength(1);
  });
});

describe('the summary table (Vietnamese), cell by cell', () => {
  const [table, completeness, sections] = summaryPlan(summary, options.catalogue, 'vi', options.units);
  const at = (plan: SheetPlan, address: string) => plan.cells.find((c) => c.address === address);
  const rowWith = (plan: SheetPlan, text: string) => Number(/\d+$/.exec(plan.cells.find((c) => c.value === text)!.address)![0]);
  // Columns with Q = 2: A STT, B indicator, C Q1, D Q2, E target 2025 (year), F target 2025, G progress,
  // H assessment, I reason, J source, K provisional, L comparison, M flags, N justifications, O note.

  it('1.1: the counted figures as percentages, progress 19.5 / 20 = 97.5%, the conflict flagged and explained', () => {
    const r = rowWith(table!, '1.1. Tỷ trọng kinh tế số trên GDP');
    expect(at(table!, `C${r}`)).toMatchObject({ value: 0.18, numberFormat: '0.00%' });
    expect(at(table!, `D${r}`)).toMatchObject({ value: 0.195, numberFormat: '0.00%' });
    expect(at(table!, `F${r}`)).toMatchObject({ value: 0.2, numberFormat: '0%' });
    expect(at(table!, `G${r}`)).toMatchObject({ value: 0.975, numberFormat: '0%' });
    expect(at(table!, `H${r}`)!.value).toBe('Có khả năng hoàn thành đến 2025');
    expect(at(table!, `J${r}`)!.value).toBe('Bộ Tài chính');
    expect(at(table!, `B${r}`)!.style).toBe('textConflict');
    expect(String(at(table!, `O${r}`)!.value)).toBe('Các đơn vị báo số liệu khác nhau: Bộ Tài chính 19,5% (Quý II); Bộ Y tế 17% (Quý II, ước). Số liệu được tính: Bộ Tài chính.');
    expect(table!.notes.map((n) => n.address)).toContain(`B${r}`);
    // Each conflicting unit on its own line below, provisional format where provisional.
    expect(at(table!, `B${r + 1}`)!.value).toBe('≠ Bộ Tài chính');
    expect(at(table!, `B${r + 2}`)!.value).toBe('≠ Bộ Y tế');
    expect(at(table!, `D${r + 2}`)).toMatchObject({ value: 0.17, numberFormat: '0.00%" (ước)"' });
  });

  it('1.2: its own line with the printed targets, then a line per ministry’s share with progress against 10%', () => {
    const parent = rowWith(table!, '1.2. Tỷ trọng kinh tế số trong từng ngành, lĩnh vực');
    expect(at(table!, `A${parent}`)!.value).toBe('2');
    expect(at(table!, `F${parent}`)!.value).toBe('≥ 10%');
    const other = rowWith(table!, '- Các ngành, lĩnh vực khác');
    expect(at(table!, `B${other + 1}`)!.value).toBe('+ Bộ Tài chính');
    expect(at(table!, `D${other + 1}`)!.value).toBe(0.06);
    expect(at(table!, `G${other + 1}`)!.value).toBe(0.6);
    // The ministries in unit-list order, whatever order their returns came in.
    expect(at(table!, `B${other + 2}`)!.value).toBe('+ Bộ Công Thương');
    expect(at(table!, `G${other + 2}`)!.value).toBe(1.2);
    expect(at(table!, `B${other + 3}`)!.value).toBe('+ Bộ Y tế');
    expect(at(table!, `G${other + 3}`)!.value).toBe(0.8);
  });

  it('2.8: provisional, its open flags and the justification', () => {
    const r = rowWith(table!, '2.8. Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa');
    expect(at(table!, `D${r}`)).toMatchObject({ value: 0.5, numberFormat: '0.00%" (ước)"' });
    expect(at(table!, `K${r}`)!.value).toBe('Có');
    expect(at(table!, `M${r}`)!.value).toBe(2);
    expect(at(table!, `N${r}`)!.value).toBe('Bộ Y tế: Đang triển khai.');
    // 50 / 30
    expect(at(table!, `G${r}`)!.value).toBeCloseTo(1.6667, 4);
  });

  it('lists the returns not used, and a contiguous block for a native chart', () => {
    expect(table!.cells.some((c) => c.value === 'Báo cáo không sử dụng (2):')).toBe(true);
    const chart = summaryChartSpec(summary, options.catalogue, 'vi', options.units)!;
    const first = Number(/\d+/.exec(chart.categories)![0]);
    expect(at(table!, `A${first}`)!.value).toBe('1.1');
    expect(at(table!, `B${first}`)!.value).toBe(0.195);
    expect(at(table!, `C${first}`)!.value).toBe(0.2);
    // Every row but the sector shares (1.2.OTHER has no single figure): 17 rows.
    expect(chart.categories).toBe(`A${first}:A${first + 16}`);
  });

  it('completeness: late by N days, counts and the share on time', () => {
    const r = rowWith(completeness!, 'bo-cong-thuong');
    expect(at(completeness!, `E${r}`)).toMatchObject({ value: 'Muộn 4 ngày', style: 'st_late' });
    expect(at(completeness!, `D${rowWith(completeness!, 'ngan-hang-nha-nuoc')}`)!.value).toBe('Chưa gửi');
    const share = rowWith(completeness!, 'Tỷ lệ gửi đúng hạn');
    // Q1: 1 of 75 expected; Q2: 1 of 46.
    expect(at(completeness!, `D${share}`)!.value).toBeCloseTo(1 / 75, 10);
    expect(at(completeness!, `E${share}`)!.value).toBeCloseTo(1 / 46, 10);
  });

  it('sections: each paragraph with its unit, under its numeral', () => {
    const r = rowWith(sections!, 'Tăng đều qua các quý.');
    expect(at(sections!, `B${r}`)!.value).toBe('Bộ Y tế');
    expect(sections!.cells.filter((c) => c.value === '(không có)')).toHaveLength(1);
  });
});
