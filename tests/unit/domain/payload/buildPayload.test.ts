import fc from 'fast-check';
import { allRows, loadCatalogue } from '../../../../src/catalogue/load';
import { TABLE_COLUMNS, TEMPLATE_VERSION, type TableColumn } from '../../../../src/domain/cellContract';
import type { CheckResult, Flag } from '../../../../src/domain/flags';
import { parseFigureCell } from '../../../../src/domain/parse';
import type { RawCell, ReturnData } from '../../../../src/domain/returnData';
import {
  MAX_TEXT, PAYLOAD_ROW_IDS, PayloadError, SubmissionPayload, buildPayload, formatPayloadIssues, payloadFigure, payloadFigures,
} from '../../../../src/domain/payload';

const catalogue = loadCatalogue();
const ID = '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f';
const AT = '2024-10-05T08:30:00.000Z';
const meta = (quarter: number) => ({ submissionId: ID, submittedAt: AT, quarter });

const cell = (value: unknown, extra: Partial<RawCell> = {}): RawCell => ({ value, ...extra });
const empty = (): RawCell => ({ value: null });
const pct = (percent: number, numberFormat = '0.00%'): RawCell => ({ value: Number((percent / 100).toPrecision(12)), numberFormat });

/** A ReturnData with every row and column present and blank, then the given cells. */
function returnData(cells: Record<string, Partial<Record<TableColumn, RawCell>>> = {}, over: Partial<ReturnData> = {}): ReturnData {
  const table: ReturnData['table'] = {};
  for (const r of allRows(catalogue)) {
    table[r.id] = { ...Object.fromEntries(TABLE_COLUMNS.map((c) => [c, empty()])), ...(cells[r.id] ?? {}) };
  }
  return {
    unitId: cell('BTTTT'),
    unitName: cell('Bộ Thông tin và Truyền thông'),
    year: cell(2024),
    quarter: cell(3),
    contact: { name: cell('Nguyễn Văn A'), title: cell('Chuyên viên'), org: cell('Vụ KHCN'), phone: cell('0912 345 678'), email: cell('a@mic.gov.vn') },
    table,
    sources: { '1.1': cell('Tổng cục Thống kê, số liệu tạm ước tính') },
    narrative: { trend: cell('Tăng đều'), international: cell('Cao hơn Thái Lan'), difficulties: empty(), proposals: cell('Không') },
    templateVersion: cell(TEMPLATE_VERSION),
    catalogueVersion: cell(catalogue.catalogueVersion),
    locations: {},
    justifications: { 'intl.missing:CT_1_1_Q1': 'Chưa có số liệu quốc tế' },
    ...over,
  };
}

const flag = (rule: string, cellName: string | null): Flag => ({
  rule, severity: 'warning', indicator: null, column: null, cellName, cell: null,
  message: { vi: 'x', en: 'x' }, suggestion: { vi: 'x', en: 'x' }, key: `${rule}:${cellName ?? '-'}`,
});
const check = (flags: Flag[] = []): CheckResult => ({ flags, assessment: [], quarter: 3, counts: { error: 0, warning: flags.length, info: 0 } });

const sample = () =>
  returnData({
    '1.1': {
      Q1: pct(15.5), Q1_INTL: cell('Thái Lan 20% (ITU, 2022)'),
      Q2: cell('ước 16,2%'), Q2_INTL: cell('Malaysia 22%'),
      Q3: cell('khoảng 17%'), Q4: pct(18), TY_INTL: cell('Singapore 30% (2023)'), T2025_INTL: cell('OECD 35%'),
    },
    '2.8': { Q1: cell('- (chưa điều tra)'), Q2: cell('Theo Kế hoạch của Bộ Y tế'), Q3: cell(0.2, { numberFormat: '0%" (ước)"', text: '20% (ước)' }) },
  });

describe('buildPayload', () => {
  it('builds a payload that round-trips through the schema', () => {
    const payload = buildPayload(sample(), check([flag('intl.missing', 'CT_1_1_Q1')]), meta(3));
    const json = JSON.parse(JSON.stringify(payload));
    expect(SubmissionPayload.parse(json)).toEqual(payload);
    expect(payload).toMatchObject({
      payloadVersion: 1, submissionId: ID, submittedAt: AT, unitId: 'BTTTT', year: 2024, quarter: 3,
      focalPoint: { name: 'Nguyễn Văn A', email: 'a@mic.gov.vn' },
      templateVersion: TEMPLATE_VERSION, catalogueVersion: catalogue.catalogueVersion,
      sections: { trend: 'Tăng đều', difficulties: '' },
      rowSources: { '1.1': 'Tổng cục Thống kê, số liệu tạm ước tính' },
      justifications: { 'intl.missing:CT_1_1_Q1': 'Chưa có số liệu quốc tế' },
      clientFlags: [{ rule: 'intl.missing', severity: 'warning', cellName: 'CT_1_1_Q1', key: 'intl.missing:CT_1_1_Q1' }],
    });
    expect(payload.targetComparisons['1.1']).toEqual({ TY_INTL: 'Singapore 30% (2023)', T2025_INTL: 'OECD 35%' });
    expect(payload.targetComparisons['2.1']).toEqual({ TY_INTL: null, T2025_INTL: null });
  });

  it('carries only the justifications of the flags shown now', () => {
    const data = sample();
    data.justifications = { ...data.justifications, 'target.behindPath:CT_2_8_Q1': 'Số cũ, đã sửa' };
    const payload = buildPayload(data, check([flag('intl.missing', 'CT_1_1_Q1')]), meta(3));
    expect(payload.justifications).toEqual({ 'intl.missing:CT_1_1_Q1': 'Chưa có số liệu quốc tế' });
  });

  it('carries value, comparison, provisional and approximate', () => {
    const payload = buildPayload(sample(), check(), meta(3));
    const f = payloadFigures(payload, '1.1');
    expect(f.map((x) => x.quarter)).toEqual([1, 2, 3]);
    expect(f[0]).toEqual({ row: '1.1', quarter: 1, value: 15.5, typed: '0.155', status: 'number', provisional: false, approximate: false, comparison: 'Thái Lan 20% (ITU, 2022)' });
    expect(f[1]).toMatchObject({ value: 16.2, typed: 'ước 16,2%', provisional: true, approximate: false, comparison: 'Malaysia 22%' });
    expect(f[2]).toMatchObject({ value: 17, approximate: true, provisional: false, comparison: null });
    expect(payloadFigure(payload, '2.8', 3)).toMatchObject({ value: 20, typed: '20% (ước)', provisional: true });
  });

  it('carries noData with its reason and deferred figures', () => {
    const payload = buildPayload(sample(), check(), meta(2));
    expect(payloadFigure(payload, '2.8', 1)).toEqual({
      row: '2.8', quarter: 1, value: null, typed: '- (chưa điều tra)', status: 'noData', noDataReason: 'chưa điều tra',
      provisional: false, approximate: false, comparison: null,
    });
    expect(payloadFigure(payload, '2.8', 2)).toMatchObject({ status: 'deferred', value: null, typed: 'Theo Kế hoạch của Bộ Y tế' });
    expect(payloadFigure(payload, '2.1', 1)).toMatchObject({ status: 'empty', value: null, typed: '' });
  });

  it("takes Q4's comparison from TY_INTL", () => {
    const payload = buildPayload(sample(), check(), meta(4));
    expect(payloadFigure(payload, '1.1', 4)).toMatchObject({ value: 18, comparison: 'Singapore 30% (2023)' });
    expect(payloadFigures(payload, '1.1')).toHaveLength(4);
  });

  it('leaves out quarters after the reported one', () => {
    const payload = buildPayload(sample(), check(), meta(1));
    expect(payload.figures.every((f) => f.quarter === 1)).toBe(true);
    expect(payload.figures).toHaveLength(allRows(catalogue).length);
    expect(payloadFigure(payload, '1.1', 2)).toBeUndefined();
  });

  it('refuses unreadable figures in reported quarters, naming the cells, and ignores them in later ones', () => {
    const data = returnData({ '1.3': { Q2: cell('15% và 16%'), Q4: cell('#DIV/0!') } });
    expect(() => buildPayload(data, check(), meta(2))).toThrow(PayloadError);
    expect(() => buildPayload(data, check(), meta(2))).toThrow(/CT_1_3_Q2/);
    expect(() => buildPayload(data, check(), meta(4))).toThrow(/CT_1_3_Q4 shows the Excel error #DIV\/0!/);
    expect(() => buildPayload(data, check(), meta(1))).not.toThrow();
  });

  it('throws a clear error when its output would not validate', () => {
    expect(() => buildPayload(sample(), check(), { ...meta(3), submissionId: 'not-a-uuid' })).toThrow(/submissionId: must be a UUID v4/);
    expect(() => buildPayload(returnData({}, { unitId: empty() }), check(), meta(3))).toThrow(/unitId/);
    expect(() => buildPayload(sample(), check(), meta(5))).toThrow(PayloadError);
  });

  it('covers every catalogue row', () => {
    expect([...PAYLOAD_ROW_IDS].sort()).toEqual(allRows(catalogue).map((r) => r.id).sort());
  });
});

describe('SubmissionPayload schema', () => {
  const good = () => JSON.parse(JSON.stringify(buildPayload(sample(), check(), meta(3)))) as Record<string, any>;
  const issues = (data: unknown) => {
    const r = SubmissionPayload.safeParse(data);
    if (r.success) throw new Error('expected the payload to be refused');
    return formatPayloadIssues(r.error);
  };

  it('refuses an unknown field, at the root and inside a figure', () => {
    expect(issues({ ...good(), extra: 1 })).toEqual([expect.objectContaining({ path: '', message: expect.stringMatching(/extra/) })]);
    const p = good();
    p.figures[0].colour = 'red';
    expect(issues(p)[0]!.path).toBe('figures[0]');
  });

  it('refuses a justification under something that is not a flag key, naming it', () => {
    const p = good();
    p.justifications = { 'ghi chú': 'x', 'intl.missing:CT_1_1_Q1': 'ok' };
    expect(issues(p)).toEqual([{ path: 'justifications.ghi chú', message: 'Invalid key in record' }]);
    // zod 4 names a key "constructor" less precisely, but refuses it all the same.
    p.justifications = { constructor: 'x' };
    expect(issues(p).map((i) => i.path)).toEqual(['justifications']);
  });

  it('refuses quarter 5, in the header and in a figure', () => {
    expect(issues({ ...good(), quarter: 5 }).map((i) => i.path)).toContain('quarter');
    const p = good();
    p.figures[0].quarter = 5;
    expect(issues(p).map((i) => i.path)).toContain('figures[0].quarter');
  });

  it('refuses a value of 150', () => {
    const p = good();
    p.figures[0].value = 150;
    expect(issues(p)).toEqual([{ path: 'figures[0].value', message: expect.stringMatching(/100/) }]);
  });

  it('refuses a missing submissionId', () => {
    const { submissionId: _, ...rest } = good();
    expect(issues(rest)).toEqual([{ path: 'submissionId', message: 'Invalid input: expected string, received undefined' }]);
  });

  it('refuses oversize text', () => {
    const p = good();
    p.figures[0].typed = 'x'.repeat(MAX_TEXT + 1);
    p.sections.trend = 'x'.repeat(32_768);
    expect(issues(p).map((i) => i.path).sort()).toEqual(['figures[0].typed', 'sections.trend']);
  });

  it('refuses inconsistent figures and quarters after the reported one', () => {
    const p = good();
    p.figures[0].status = 'empty';
    expect(issues(p).map((i) => i.path)).toEqual(['figures[0].value']);
    const q = good();
    q.quarter = 2;
    expect(issues(q).every((i) => /figures\[\d+\]\.quarter/.test(i.path) && /after the reported quarter/.test(i.message))).toBe(true);
    const d = good();
    d.figures.push(d.figures[0]);
    expect(issues(d)[0]!.message).toMatch(/duplicate figure/);
  });

  it('refuses a non-UUID-v4 id, a bad date, an unknown row, payloadVersion 2', () => {
    expect(issues({ ...good(), submissionId: '3f1c2b9e-8d4a-1c6b-9e2f-0a1b2c3d4e5f' })[0]!.path).toBe('submissionId');
    expect(issues({ ...good(), submittedAt: 'yesterday' })[0]!.path).toBe('submittedAt');
    expect(issues({ ...good(), payloadVersion: 2 })[0]!.path).toBe('payloadVersion');
    expect(issues({ ...good(), rowSources: { '1.2': 'x' } })[0]!.path).toMatch(/^rowSources/);
  });
});

describe('property: buildPayload output always validates', () => {
  const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.constant(empty()),
    fc.double({ min: -2, max: 200, noNaN: false }).map((v) => cell(v)),
    fc.double({ min: 0, max: 1, noNaN: true }).map((v) => cell(v, { numberFormat: '0.00%' })),
    fc.string({ maxLength: 40 }).map((s) => cell(s)),
    fc.constantFrom('15,5%', 'ước 16%', 'khoảng 6%', 'trên 6%', '-', '- (chưa điều tra)', 'N/A', '#N/A', '#DIV/0!', 'Theo Kế hoạch của Bộ Y tế', '0,85', '15% (p)', '  ').map((s) => cell(s)),
    fc.boolean().map((b) => cell(b)),
  );
  const rowIds = allRows(catalogue).map((r) => r.id);
  const cells = fc.dictionary(
    fc.constantFrom(...rowIds),
    fc.record({ Q1: anyCell, Q2: anyCell, Q3: anyCell, Q4: anyCell, Q1_INTL: anyCell, TY_INTL: anyCell }, { requiredKeys: [] }),
  );

  it('either refuses an unreadable figure or returns a payload the schema accepts', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 1, max: 4 }), (table, quarter) => {
        const data = returnData(table as Record<string, Partial<Record<TableColumn, RawCell>>>);
        const unreadable = rowIds.some((r) =>
          [1, 2, 3, 4].slice(0, quarter).some((q) => {
            const k = parseFigureCell(data.table[r]![`Q${q}` as TableColumn]!).kind;
            return k === 'invalid' || k === 'error';
          }),
        );
        if (unreadable) {
          expect(() => buildPayload(data, check(), meta(quarter))).toThrow(/unreadable figures/);
          return;
        }
        const payload = buildPayload(data, check(), meta(quarter));
        expect(SubmissionPayload.safeParse(JSON.parse(JSON.stringify(payload))).success).toBe(true);
        expect(payload.figures).toHaveLength(rowIds.length * quarter);
      }),
      { numRuns: 300 },
    );
  });
});
