/**
 * The receipt sheet is one plan rendered by both renderers: the add-in (Office.js, here on the
 * fake host) and `chitieu submit` (ExcelJS). They must agree cell for cell, name for name.
 */
import ExcelJS from 'exceljs';
import { RECEIPT_NAMES } from '../../../src/domain/cellContract';
import { receiptPlan, vietnamTime, type ReceiptSheetInfo } from '../../../src/layout/receiptPlan';
import { renderPlan } from '../../../src/workbook/excel/renderPlan';
import { renderPlanToWorkbook } from '../../../src/workbook/xlsx/renderPlan';
import type { Lang } from '../../../src/workbook/port';
import { createFakeExcel } from '../../fakes/fakeExcel';
import { readXlsxSheet } from '../../support/readXlsx';
import { snapshotFakeSheet } from '../../support/snapshotFake';
import type { NormalizedSheet } from '../../support/normalizedSheet';

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

const subject = { submissionId: '6f1c2a8e-3b4d-4e5f-9a6b-7c8d9e0f1a2b', unitId: 'bo-y-te', unitName: 'Bộ Y tế', year: 2025, quarter: 3 };
const CASES: [string, ReceiptSheetInfo][] = [
  [
    'accepted',
    {
      status: 'accepted',
      unitName: 'Bộ Y tế',
      receipt: {
        receiptNumber: 'CT-2025-Q3-bo-y-te-v2', returnId: 'bo-y-te.2025.q3', submissionId: subject.submissionId, unitId: 'bo-y-te',
        year: 2025, quarter: 3, version: 2, receivedAt: '2025-10-14T17:30:05.123Z', created: true,
      },
    },
  ],
  ['pending', { status: 'pending', ...subject, since: '2025-10-14T02:00:00Z', attempts: 3, lastError: 'Failed to fetch' }],
  ['exported', { status: 'exported', ...subject, at: '2025-10-14T02:00:00Z', files: ['a.json', 'a.csv'] }],
  ['refused', { status: 'refused', ...subject, at: '2025-10-14T02:00:00Z', message: 'Máy chủ tìm thấy 1 lỗi.' }],
];

async function renderBoth(info: ReceiptSheetInfo, lang: Lang) {
  const plan = receiptPlan(info, lang);
  const host = createFakeExcel();
  host.addSheet('Phụ lục 01');
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.add(plan.sheetName);
    renderPlan(context, sheet, plan, { comments: false });
    await context.sync();
  });
  const workbook = new ExcelJS.Workbook();
  renderPlanToWorkbook(plan, workbook);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { plan, excel: snapshotFakeSheet(host, plan.sheetName), xlsx: await readXlsxSheet(bytes, plan.sheetName) };
}

describe('the receipt sheet plan', () => {
  it.each(CASES.flatMap(([name, info]) => (['vi', 'en'] as Lang[]).map((lang) => [name, lang, info] as const)))('%s, %s: both renderers agree', async (_name, lang, info) => {
    const { excel, xlsx, plan } = await renderBoth(info, lang);
    expect(Object.keys(excel.names).sort()).toEqual(Object.values(RECEIPT_NAMES).sort());
    expect(excel.protected).toBe(true);
    expect(plan.sheetName).toBe(lang === 'vi' ? 'Biên nhận' : 'Receipt');
    expect(sheetDifferences(excel, xlsx)).toEqual([]);
  });

  it('shows the server time in Vietnam time and as ISO text', () => {
    const plan = receiptPlan(CASES[0]![1], 'vi');
    const values = plan.cells.map((c) => c.value);
    expect(values).toContain('15/10/2025 00:30');
    expect(values).toContain('2025-10-14T17:30:05.123Z');
    expect(values).toContain('CT-2025-Q3-bo-y-te-v2');
    expect(values).toContain('Đã gửi, máy chủ đã nhận');
    expect(values).toContain('Bộ Y tế (bo-y-te)');
    expect(values).toContain('Quý 3 năm 2025');
    expect(vietnamTime('2025-12-31T17:00:00Z')).toBe('01/01/2026 00:00');
    expect(vietnamTime('not a time')).toBe('not a time');
  });

  it('a pending receipt has its named cells, empty where there is no value yet', () => {
    const plan = receiptPlan(CASES[1]![1], 'en');
    const at = (name: string) => plan.cells.find((c) => c.address === plan.names.find((n) => n.name === name)!.address)!.value;
    expect(at(RECEIPT_NAMES.status)).toBe('Waiting to be sent');
    expect(at(RECEIPT_NAMES.number)).toBeNull();
    expect(at(RECEIPT_NAMES.version)).toBeNull();
    expect(at(RECEIPT_NAMES.submissionId)).toBe(subject.submissionId);
    expect(at(RECEIPT_NAMES.returnId)).toBe('bo-y-te.2025.q3');
  });
});
