/**
 * The summary's sheets are plans rendered by both renderers: the task pane (Office.js, here on
 * the fake host) and `chitieu merge` (ExcelJS). They must agree cell for cell, and both must draw
 * the progress data bars and the assessment icon set (read back from the .xlsx file and from the
 * fake host).
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
import { options, quarterInputs, setFigure } from './fixtures';

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

/** Icon sets as the file holds them: range, style, whether the value shows, the cfvo thresholds. */
async function xlsxIconSets(bytes: Buffer, sheetName: string) {
  const wb = await loadXlsx(bytes);
  const ws = wb.getWorksheet(sheetName)!;
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; iconSet?: string; showValue?: boolean; cfvo?: { type: string; value?: number }[] }[] }[] }).conditionalFormattings;
  return cfs.flatMap((cf) =>
    cf.rules.filter((r) => r.type === 'iconSet').map((r) => ({ ref: cf.ref, iconSet: r.iconSet, showValue: r.showValue !== false, cfvo: r.cfvo?.map((c) => [c.type, Number(c.value)]) })),
  );
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

  it('both draw the assessment icon set: three traffic lights at ≥ 2 and ≥ 4, icon only', async () => {
    const { host, bytes } = await renderBoth(plans);
    for (const plan of plans) {
      const fakeIcons = host.snapshot().sheets.find((s) => s.name === plan.sheetName)!.conditionalFormats.filter((c) => c.type === 'IconSet');
      const planned = plan.iconSets ?? [];
      // Office.js: criteria lowest icon first; the first is Excel's own (ignored when set).
      expect(fakeIcons.map((c) => [c.ranges, c.settings.style, c.settings.showIconOnly, (c.settings.criteria as Excel.ConditionalIconCriterion[]).slice(1)])).toEqual(
        planned.map((p) => [[p.address], 'ThreeTrafficLights1', true, [
          { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=2' },
          { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=4' },
        ]]),
      );
      // ExcelJS, read back from the file: a floor at 0%, then the thresholds as numbers.
      expect(await xlsxIconSets(bytes, plan.sheetName)).toEqual(planned.map((p) => ({ ref: p.address, iconSet: '3TrafficLights1', showValue: false, cfvo: [['percent', 0], ['num', 2], ['num', 4]] })));
    }
    // Only the table has them.
    expect(plans.map((p) => (p.iconSets ?? []).length)).toEqual([1, 0, 0]);
  });
});

describe('the summary table (Vietnamese), cell by cell', () => {
  const [table, completeness, sections] = summaryPlan(summary, options.catalogue, 'vi', options.units);
  const at = (plan: SheetPlan, address: string) => plan.cells.find((c) => c.address === address);
  const rowWith = (plan: SheetPlan, text: string) => Number(/\d+$/.exec(plan.cells.find((c) => c.value === text)!.address)![0]);
  // Columns with Q = 2: A STT, B indicator, C Q1, D Q2, E target 2025 (year), F target 2025, G progress,
  // H assessment level (icons), I assessment, J reason, K source, L provisional, M comparison,
  // N uncorrected errors, O flags, P justifications, Q other figures (not counted), R note.

  it('1.1: the counted figures as percentages, progress 19.5 / 20 = 97.5%, the conflict flagged and explained', () => {
    const r = rowWith(table!, '1.1. Tỷ trọng kinh tế số trên GDP');
    expect(at(table!, `C${r}`)).toMatchObject({ value: 0.18, numberFormat: '0.00%' });
    expect(at(table!, `D${r}`)).toMatchObject({ value: 0.195, numberFormat: '0.00%' });
    expect(at(table!, `F${r}`)).toMatchObject({ value: 0.2, numberFormat: '0%' });
    expect(at(table!, `G${r}`)).toMatchObject({ value: 0.975, numberFormat: '0%' });
    expect(at(table!, `I${r}`)!.value).toBe('Có khả năng hoàn thành đến 2025');
    // likely2025 is level 2 of 4.
    expect(at(table!, `H${r}`)!.value).toBe(2);
    expect(at(table!, `K${r}`)!.value).toBe('Bộ Tài chính');
    expect(at(table!, `B${r}`)!.style).toBe('textConflict');
    expect(String(at(table!, `R${r}`)!.value)).toBe('Các đơn vị báo số liệu khác nhau: Bộ Tài chính 19,5% (Quý II); Bộ Y tế 17% (Quý II, ước). Số liệu được tính: Bộ Tài chính.');
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

  it('the assessment icon set covers the level column (H) from the first table row to the last, each level beside its words', () => {
    const header = rowWith(table!, 'Mức');
    const first = header + 1;
    // The same rows as the progress bars (G), whose range the data-bar tests check.
    const lastTable = Number(/(\d+)$/.exec(table!.dataBars![0]!.address)![1]);
    expect(table!.dataBars![0]!.address).toBe(`G${first}:G${lastTable}`);
    expect(at(table!, `H${header}`)!.value).toBe('Mức');
    expect(at(table!, `I${header}`)!.value).toBe('Đánh giá');
    expect(table!.iconSets).toEqual([{ address: `H${first}:H${lastTable}`, style: '3TrafficLights1', thresholds: [2, 4], showValue: false }]);
    // Hand-read from summarise.test.ts: 1.1 likely by 2025 (2), 2.8 achieved (4), 2.2 challenging (1);
    // 1.2.OTHER has no assessment, so no level (no icon).
    const level = (name: string) => at(table!, `H${rowWith(table!, name)}`)!.value;
    expect(level('1.1. Tỷ trọng kinh tế số trên GDP')).toBe(2);
    expect(level('2.8. Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa')).toBe(4);
    expect(at(table!, `I${rowWith(table!, '2.8. Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa')}`)!.value).toBe('Hoàn thành');
    expect(level('2.2. Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác')).toBe(1);
    expect(at(table!, `H${rowWith(table!, '- Các ngành, lĩnh vực khác')}`)!.value).toBeNull();
    // The coloured words keep their own conditional formats, now on column I.
    expect(table!.conditionalFormats.map((c) => c.address)).toEqual([`I${first}:I${lastTable}`, `I${first}:I${lastTable}`]);
  });

  it('a figure only a non-responsible unit gave (bo-y-te 2.2 Q2 33%) is shown under “Số liệu khác (không tính)”, not counted', () => {
    const inputs = quarterInputs().inputs;
    setFigure(inputs.find((i) => i.source.kind === 'file' && i.source.file === 'byt-q2.xlsx')!.payload, '2.2', 2, 33);
    const [t] = summaryPlan(summarise(inputs, options), options.catalogue, 'vi', options.units);
    const header = rowWith(t!, 'Số liệu khác (không tính)');
    expect(at(t!, `Q${header}`)!.value).toBe('Số liệu khác (không tính)');
    const r = rowWith(t!, '2.2. Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác');
    expect(at(t!, `Q${r}`)!.value).toBe('33% (Bộ Y tế, Quý II)');
    expect(at(t!, `D${r}`)!.value).toBeNull();
    expect(at(t!, `K${r}`)!.value).toBeNull();
    // In the fixture itself nothing is uncounted: the column is empty on every row.
    const plain = rowWith(table!, 'Số liệu khác (không tính)');
    expect(table!.cells.filter((c) => /^Q\d+$/.test(c.address) && Number(c.address.slice(1)) > plain && c.value !== null)).toEqual([]);
    const [en] = summaryPlan(summarise(inputs, options), options.catalogue, 'en', options.units);
    const bytEn = options.units.units.find((u) => u.id === 'bo-y-te')!.name.en;
    expect(at(en!, `Q${rowWith(en!, 'Other figures (not counted)')}`)!.value).toBe('Other figures (not counted)');
    expect(en!.cells.some((c) => c.value === `33% (${bytEn}, Q2)`)).toBe(true);
  });

  it('2.8: provisional, its open flags and the justification', () => {
    const r = rowWith(table!, '2.8. Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa');
    expect(at(table!, `D${r}`)).toMatchObject({ value: 0.5, numberFormat: '0.00%" (ước)"' });
    expect(at(table!, `L${r}`)!.value).toBe('Có');
    expect(at(table!, `O${r}`)!.value).toBe(2);
    expect(at(table!, `P${r}`)!.value).toBe('Bộ Y tế: Đang triển khai.');
    // No return used has errors: the errors column is empty.
    expect(at(table!, `N${rowWith(table!, 'Lỗi chưa sửa (số liệu có lỗi không tính)')}`)!.style).toBe('header');
    expect(at(table!, `N${r}`)!.value).toBeNull();
    // 50 / 30
    expect(at(table!, `G${r}`)!.value).toBeCloseTo(1.6667, 4);
  });

  it('lists the returns not used by why, and a contiguous block for a native chart', () => {
    // The fixture's older version of bo-tai-chinh and bo-y-te's Q3 return; nothing failed.
    expect(table!.cells.some((c) => c.value === 'Phiên bản cũ hơn, đã thay bằng bản mới (1):')).toBe(true);
    expect(table!.cells.some((c) => c.value === 'Báo cáo của kỳ khác (1):')).toBe(true);
    expect(table!.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('Tệp không đọc được'))).toBe(false);
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
