/**
 * A hand-built quarter (2025 Q2) for the summary tests. Every expected value in the tests is
 * worked out by hand from what is written here, not by the code under test.
 *
 *   bo-tai-chinh  v1 (endpoint, 1 Jul)  all figures 45            → superseded by v2
 *                 v2 (endpoint, 6 Jul)  1.1: Q1 18, Q2 19.5; 1.2.OTHER Q2 6; others 50
 *   bo-y-te       Q1 return (file, 3 Apr 08:00 VN)                → Q1 on time
 *                 Q2 return (file, 3 Jul 17:00 VN)  1.1 Q2 17 (not its row: a conflict);
 *                 1.2.OTHER Q2 8; every Q2 figure provisional; 2 flags + 1 justification on 2.8;
 *                 section III in two paragraphs
 *   bo-cong-thuong (endpoint, 8 Jul 10:00 VN)  1.2.OTHER Q2 12     → late by 4 days (last on-time day 4 Jul)
 *   tinh-cao-bang (file, no receipt time)  all figures 30         → timeliness unknown; a province's 1.1 is no conflict
 *   bo-y-te Q3 return                                              → skipped (another quarter)
 *   ngan-hang-nha-nuoc: nothing                                    → missing
 */
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import type { PayloadFigure, RowId, SubmissionPayload } from '../../../src/domain/payload/schema';
import type { ReturnInput, SummaryOptions } from '../../../src/domain/summary/types';
import { validPayload } from '../../support/payloads';

export function setFigure(p: SubmissionPayload, row: RowId, quarter: number, value: number, extra: Partial<PayloadFigure> = {}): void {
  const figure: PayloadFigure = {
    row, quarter, value, typed: `${String(value).replace('.', ',')}%`, status: 'number', provisional: false, approximate: false, comparison: null, ...extra,
  };
  const i = p.figures.findIndex((f) => f.row === row && f.quarter === quarter);
  if (i >= 0) p.figures[i] = { ...figure, comparison: extra.comparison ?? p.figures[i]!.comparison };
  else p.figures.push(figure);
}

function clean(p: SubmissionPayload): SubmissionPayload {
  return { ...p, clientFlags: [], justifications: {}, sections: { trend: '', international: '', difficulties: '', proposals: '' } };
}

export const options: SummaryOptions = { catalogue: loadCatalogue(), units: loadUnits(), year: 2025, quarter: 2, generatedAt: '2025-07-10T03:00:00.000Z' };

export function quarterInputs(): { inputs: ReturnInput[]; names: Record<string, string> } {
  const btc1 = clean(validPayload({ unitId: 'bo-tai-chinh' }, { percent: 45 }));
  const btc2 = clean(validPayload({ unitId: 'bo-tai-chinh' }, { percent: 50 }));
  setFigure(btc2, '1.1', 1, 18, { comparison: 'Thái Lan 20% (ITU, 2022)' });
  setFigure(btc2, '1.1', 2, 19.5, { comparison: 'Thái Lan 21% (ITU, 2023)' });
  setFigure(btc2, '1.2.OTHER', 2, 6);

  const bytQ1 = clean(validPayload({ unitId: 'bo-y-te', quarter: 1 }, { percent: 40 }));
  const byt = clean(validPayload({ unitId: 'bo-y-te' }, { percent: 50 }));
  setFigure(byt, '1.1', 2, 17);
  setFigure(byt, '1.2.OTHER', 2, 8);
  for (const f of byt.figures) if (f.quarter === 2 && f.status === 'number') f.provisional = true;
  byt.clientFlags = [
    { rule: 'target.behindPath', severity: 'warning', cellName: 'CT_2_8_Q2', key: 'target.behindPath:CT_2_8_Q2' },
    { rule: 'intl.noSource', severity: 'info', cellName: 'CT_2_8_Q1_INTL', key: 'intl.noSource:CT_2_8_Q1_INTL' },
    { rule: 'intl.noSource', severity: 'info', cellName: 'CT_2_9_Q1_INTL', key: 'intl.noSource:CT_2_9_Q1_INTL' },
  ];
  byt.justifications = { 'target.behindPath:CT_2_8_Q2': 'Đang triển khai.' };
  byt.sections = { trend: 'Tăng đều qua các quý.\n\nBệnh viện tuyến tỉnh dẫn đầu.', international: '', difficulties: '  ', proposals: 'Bổ sung kinh phí.' };

  const bct = clean(validPayload({ unitId: 'bo-cong-thuong' }, { percent: 50 }));
  setFigure(bct, '1.2.OTHER', 2, 12);
  bct.sections = { trend: '', international: 'Thái Lan dẫn đầu khu vực.', difficulties: '', proposals: '' };

  const caoBang = clean(validPayload({ unitId: 'tinh-cao-bang' }, { percent: 30 }));
  const q3 = clean(validPayload({ unitId: 'bo-y-te', quarter: 3 }, { percent: 60 }));

  const inputs: ReturnInput[] = [
    { payload: btc1, source: { kind: 'endpoint', receiptNumber: 'CT-2025-Q2-bo-tai-chinh-v1', version: 1, receivedAt: '2025-07-01T02:00:00.000Z' } },
    { payload: bytQ1, source: { kind: 'file', file: 'byt-q1.xlsx', receivedAt: '2025-04-03T01:00:00.000Z' } },
    { payload: btc2, source: { kind: 'endpoint', receiptNumber: 'CT-2025-Q2-bo-tai-chinh-v2', version: 2, receivedAt: '2025-07-06T02:00:00.000Z' } },
    { payload: byt, source: { kind: 'file', file: 'byt-q2.xlsx', receivedAt: '2025-07-03T10:00:00.000Z' } },
    { payload: bct, source: { kind: 'endpoint', receiptNumber: 'CT-2025-Q2-bo-cong-thuong-v1', version: 1, receivedAt: '2025-07-08T03:00:00.000Z' } },
    { payload: caoBang, source: { kind: 'file', file: 'cao-bang.xlsx', receivedAt: null } },
    { payload: q3, source: { kind: 'file', file: 'byt-q3.xlsx', receivedAt: '2025-10-02T01:00:00.000Z' } },
  ];
  return { inputs, names: {} };
}
