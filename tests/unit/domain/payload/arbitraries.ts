/** Schema-valid submission payloads for property tests, and one hand-made sample. */
import fc from 'fast-check';
import { PAYLOAD_ROW_IDS, SubmissionPayload, type PayloadFigure, type RowId } from '../../../../src/domain/payload';

/** Text with what breaks files and diffs: quotes, commas, line breaks, Vietnamese, formula starts. */
/** A flag key as flagKey() makes them: "rule.id:CT_NAME" or "rule.id:-". */
export const flagKey = fc
  .tuple(
    fc.constantFrom('target.behindPath', 'intl.missing', 'figure.stillProvisional', 'dynamic.farAbove', 'contact.phone'),
    fc.oneof(fc.constant('-'), fc.constantFrom('1_1', '2_8', '1_2_ICT').chain((r) => fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'TY_INTL').map((c) => `CT_${r}_${c}`))),
  )
  .map(([rule, cell]) => `${rule}:${cell}`);

export const trickyText = fc.oneof(
  fc.constantFrom('', 'Tổng cục Thống kê', 'Thái Lan 20% (ITU, 2022)', 'a "quoted" word', 'one, two', 'line 1\nline 2', 'line 1\r\nline 2\r\n',
    '=HYPERLINK("http://x")', '- (chưa điều tra)', '+84 24 3943 7190', '@sum', 'Nguyễn Thị Ánh Tuyết', 'ước 16,2%', '""', ',', '\t'),
  fc.string({ maxLength: 30 }),
  fc.array(fc.constantFrom('a', 'ễ', '"', ',', '\n', '\r\n', ' ', 'Đ', '%', ';', '='), { maxLength: 12 }).map((p) => p.join('')),
);

/** One-line text (the focal point): the same, its line breaks and tabs made spaces, as the schema wants them. */
export const lineText = trickyText.map((t) => t.replace(/[\t\r\n]/g, ' '));

const anyFigure = (row: RowId, quarter: number): fc.Arbitrary<PayloadFigure> =>
  fc.oneof(
    fc.record({
      value: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 10000 }).map((n) => n / 100)),
      typed: trickyText,
      provisional: fc.boolean(),
      approximate: fc.boolean(),
      comparison: fc.option(trickyText, { nil: null }),
    }).map((f) => ({ row, quarter, status: 'number' as const, ...f })),
    fc.record({ typed: trickyText, reason: fc.option(trickyText, { nil: undefined }), comparison: fc.option(trickyText, { nil: null }) }).map(({ typed, reason, comparison }) => ({
      row, quarter, value: null, typed, status: 'noData' as const, provisional: false, approximate: false, comparison,
      ...(reason !== undefined ? { noDataReason: reason } : {}),
    })),
    fc.record({ typed: trickyText, comparison: fc.option(trickyText, { nil: null }) }).map(({ typed, comparison }) => ({
      row, quarter, value: null, typed, status: 'deferred' as const, provisional: false, approximate: false, comparison,
    })),
    fc.constant({ row, quarter, value: null, typed: '', status: 'empty' as const, provisional: false, approximate: false, comparison: null }),
  );

export const anyPayload: fc.Arbitrary<SubmissionPayload> = fc
  .record({
    quarter: fc.integer({ min: 1, max: 4 }),
    rows: fc.subarray([...PAYLOAD_ROW_IDS], { minLength: 1, maxLength: 6 }),
    unitId: fc.constantFrom('bo-y-te', 'tinh-cao-bang', 'bo "lạ", mới'),
    year: fc.constantFrom(2023, 2024, 2025),
    focal: fc.record({ name: lineText, title: lineText, org: lineText, phone: lineText, email: lineText }),
    sections: fc.record({ trend: trickyText, international: trickyText, difficulties: trickyText, proposals: trickyText }),
    justifications: fc.dictionary(flagKey, trickyText, { maxKeys: 4 }),
    source: trickyText,
    intl: fc.option(trickyText, { nil: null }),
  })
  .chain((p) =>
    fc
      .tuple(...p.rows.flatMap((row) => Array.from({ length: p.quarter }, (_, i) => anyFigure(row as RowId, i + 1))))
      .map((figures) =>
        SubmissionPayload.parse({
          payloadVersion: 1,
          submissionId: '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f',
          submittedAt: '2025-07-05T08:30:00.000Z',
          unitId: p.unitId,
          year: p.year,
          quarter: p.quarter,
          focalPoint: p.focal,
          figures,
          rowSources: Object.fromEntries(p.rows.map((r) => [r, p.source])),
          targetComparisons: Object.fromEntries(p.rows.map((r) => [r, { TY_INTL: p.intl, T2025_INTL: null }])),
          sections: p.sections,
          justifications: p.justifications,
          clientFlags: [{ rule: 'intl.missing', severity: 'warning', cellName: 'CT_1_1_Q1', key: 'intl.missing:CT_1_1_Q1' }],
          templateVersion: 'phuluc01-1',
          catalogueVersion: '2025.1',
        }),
      ),
  );

/** A small payload written out by hand, for tests with exact expectations. */
export function samplePayload(): SubmissionPayload {
  return SubmissionPayload.parse({
    payloadVersion: 1,
    submissionId: '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f',
    submittedAt: '2025-07-05T08:30:00.000Z',
    unitId: 'bo-y-te',
    year: 2025,
    quarter: 2,
    focalPoint: { name: 'Nguyễn Văn A', title: 'Chuyên viên', org: 'Vụ Kế hoạch - Tài chính', phone: '024 3943 7190', email: 'nva@moh.gov.vn' },
    figures: [
      { row: '2.8', quarter: 1, value: 14.96, typed: '14,96%', status: 'number', provisional: false, approximate: false, comparison: 'Thái Lan 20% (ITU, 2022)' },
      { row: '2.8', quarter: 2, value: 15.5, typed: '15,50% (ước)', status: 'number', provisional: true, approximate: false, comparison: null },
      { row: '1.2.ICT', quarter: 1, value: null, typed: '- (chưa điều tra)', status: 'noData', noDataReason: 'chưa điều tra', provisional: false, approximate: false, comparison: null },
      { row: '1.2.ICT', quarter: 2, value: 6, typed: 'khoảng 6%', status: 'number', provisional: false, approximate: true, comparison: 'Malaysia, "ước", 2023' },
      { row: '2.9', quarter: 1, value: null, typed: '', status: 'empty', provisional: false, approximate: false, comparison: null },
      { row: '2.9', quarter: 2, value: null, typed: 'Theo Kế hoạch của Bộ Y tế', status: 'deferred', provisional: false, approximate: false, comparison: null },
    ],
    rowSources: { '2.8': 'Cục Thống kê\nsố liệu tạm ước tính', '1.2.ICT': 'Bộ TT&TT' },
    targetComparisons: { '2.8': { TY_INTL: 'OECD 35% (2023)', T2025_INTL: null }, '1.2.ICT': { TY_INTL: null, T2025_INTL: null } },
    sections: { trend: 'Tăng đều.', international: '', difficulties: 'Thiếu số liệu.', proposals: 'Không.' },
    justifications: { 'target.behindPath:CT_2_8_Q2': 'Đang triển khai.' },
    clientFlags: [{ rule: 'target.behindPath', severity: 'warning', cellName: 'CT_2_8_Q2', key: 'target.behindPath:CT_2_8_Q2' }],
    templateVersion: 'phuluc01-1',
    catalogueVersion: '2025.1',
  });
}
