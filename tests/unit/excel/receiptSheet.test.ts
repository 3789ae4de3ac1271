/**
 * The "Biên nhận" sheet (issue 12, item 9): an e-mail export after a server receipt keeps that
 * receipt's number and version; it says to whom the files go (the catalogue's receiving unit and
 * address); long values get the height they need instead of being clipped.
 */
import { loadCatalogue } from '../../../src/catalogue/load';
import { RECEIPT_NAMES } from '../../../src/domain/cellContract';
import { receiptPlan, type ReceiptSheetInfo } from '../../../src/layout/receiptPlan';
import { createExcelReturnSubmitter } from '../../../src/workbook/excel/submit/returnSubmitter';
import type { FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, CLEAN, fakeReturn, nameAt, typeFilled } from '../check/fixtures';
import { receiptFor } from '../taskpane/submitFixtures';

const valueOf = (host: FakeExcelHost, name: string) => {
  const { sheet, address } = nameAt(host, name);
  return host.getCell(sheet, address).value;
};

describe('exporting for e-mail after the server’s receipt', () => {
  it('keeps the receipt’s number and version, and says to whom to send the files', async () => {
    const host = await fakeReturn();
    typeFilled(host, CLEAN);
    const submitter = createExcelReturnSubmitter(host, { source: bundled });
    const review = await submitter.review({});
    if (review.status !== 'reviewed') throw new Error('unreadable');
    const acknowledged = review.openWarnings.map((f) => f.key);
    await submitter.prepare({ acknowledged });
    const fetch = (async (_url: string, init: RequestInit) =>
      new Response(JSON.stringify(receiptFor(JSON.parse(String(init.body)), 1)), { status: 201, headers: { 'content-type': 'application/json' } })) as unknown as typeof globalThis.fetch;
    await submitter.send({ url: 'https://chitieu.example.gov.vn', token: 't' }, { fetch });
    expect(valueOf(host, RECEIPT_NAMES.number)).toBe('CT-2025-Q1-bo-y-te-v1');

    await expect(submitter.exportForEmail({ acknowledged })).resolves.toMatchObject({ status: 'exported' });
    expect(valueOf(host, RECEIPT_NAMES.status)).toBe('Đã xuất file để gửi e-mail (bản chốt)');
    expect(valueOf(host, RECEIPT_NAMES.number)).toBe('CT-2025-Q1-bo-y-te-v1');
    expect(valueOf(host, RECEIPT_NAMES.version)).toBe(1);
    const texts = Object.values(host.snapshot().sheets.find((s) => s.name === 'Biên nhận')!.cells).map((c) => String(c.value));
    const catalogue = loadCatalogue();
    expect(texts).toContain('Gửi các file này qua e-mail cho');
    expect(texts.some((t) => t.includes(catalogue.receivingUnit.vi) && t.includes(catalogue.receivingAddress!.vi))).toBe(true);
  });
});

describe('long values are not clipped', () => {
  const subject = { submissionId: '6f1c2a8e-3b4d-4e5f-9a6b-7c8d9e0f1a2b', unitId: 'ubnd-tinh-ba-ria-vung-tau', unitName: 'Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu', year: 2025, quarter: 3 };
  const long = 'Máy chủ tìm thấy 3 lỗi: 2,8 Quý III không phải số liệu; 2,9 Quý III vượt 100%; thiếu số điện thoại của cán bộ đầu mối. '.repeat(3);
  const cases: ReceiptSheetInfo[] = [
    { status: 'refused', ...subject, at: '2025-10-14T02:00:00Z', message: long },
    { status: 'pending', ...subject, since: '2025-10-14T02:00:00Z', attempts: 3, lastError: long },
    { status: 'exported', ...subject, at: '2025-10-14T02:00:00Z', files: ['phuluc01_ubnd-tinh-ba-ria-vung-tau_2025_Q3.json', 'phuluc01_ubnd-tinh-ba-ria-vung-tau_2025_Q3.csv'], sendTo: long },
  ];
  it.each(cases.map((c) => [c.status, c] as const))('%s: every row is as tall as its wrapped text', (_status, info) => {
    const plan = receiptPlan(info, 'vi');
    const width = plan.columns.find((c) => c.letter === 'B')!.width;
    for (const cell of plan.cells.filter((c) => c.address.startsWith('B') && typeof c.value === 'string')) {
      const row = Number(cell.address.slice(1));
      const lines = Math.ceil(String(cell.value).length / width);
      const height = plan.rowHeights.find((h) => h.row === row)?.height ?? 15;
      expect(height).toBeGreaterThanOrEqual(lines * 15);
    }
  });
});
