/**
 * The receipt sheet ("Biên nhận" / "Receipt") as a sheet plan: what the endpoint answered for the
 * workbook's submission (number, version, server time), or that a submission is waiting to be
 * sent, or that the return was exported for e-mail. The add-in (Office.js) and `chitieu submit`
 * (ExcelJS) render this one plan, so the sheet and its named cells are the same wherever it was
 * made. Pure: no clock, no host.
 */
import type { Catalogue } from '../catalogue/schema';
import { RECEIPT_NAMES } from '../domain/cellContract';
import type { Receipt } from '../domain/payload/api';
import { returnIdOf } from '../domain/payload/api';
import type { Lang } from '../workbook/port';
import type { CellStyle, PlanCell, PlanName, SheetPlan } from './plan';

export const RECEIPT_SHEET_NAMES: Record<Lang, string> = { vi: 'Biên nhận', en: 'Receipt' };

/** What a receipt is about when there is no server receipt (yet). */
export interface ReceiptSubject {
  submissionId: string;
  unitId: string;
  /** The unit's name as the catalogue gives it; the id alone when absent. */
  unitName?: string | null;
  year: number;
  quarter: number;
}

export type ReceiptSheetInfo =
  /** The server accepted the submission: its receipt. */
  | { status: 'accepted'; receipt: Receipt; unitName?: string | null }
  /** Stored in the workbook, waiting to be sent (or sent without an answer yet). */
  | ({ status: 'pending'; since: string; attempts: number; lastError: string | null } & ReceiptSubject)
  /**
   * No endpoint: the return was exported as files to send by e-mail; the workbook is marked final.
   * `sendTo`: the receiving unit and its address, from the catalogue. `lastReceipt`: the server's
   * receipt of an earlier submission, which stays on the sheet (its number and version).
   */
  | ({ status: 'exported'; at: string; files: string[]; sendTo?: string | null; lastReceipt?: Receipt | null } & ReceiptSubject)
  /** The server refused it (its checks found errors): nothing was stored there. */
  | ({ status: 'refused'; at: string; message: string } & ReceiptSubject);

export type ReceiptStatus = ReceiptSheetInfo['status'];

const TEXT = {
  title: { vi: 'BIÊN NHẬN GỬI BÁO CÁO PHỤ LỤC 01', en: 'APPENDIX 01 SUBMISSION RECEIPT' },
  note: {
    vi: 'Trang này do phần bổ trợ chitieu ghi; không sửa tay. Gửi lại sau khi sửa biểu sẽ tạo phiên bản mới.',
    en: 'Written by the chitieu add-in; do not edit. Sending again after a correction creates a new version.',
  },
  status: { vi: 'Trạng thái', en: 'Status' },
  number: { vi: 'Số biên nhận', en: 'Receipt number' },
  version: { vi: 'Phiên bản', en: 'Version' },
  receivedAt: { vi: 'Thời điểm máy chủ nhận (giờ Việt Nam, UTC+7)', en: 'Received by the server (Vietnam time, UTC+7)' },
  receivedIso: { vi: 'Thời điểm máy chủ nhận (ISO 8601)', en: 'Received by the server (ISO 8601)' },
  submissionId: { vi: 'Mã lần gửi', en: 'Submission id' },
  returnId: { vi: 'Mã biểu', en: 'Return id' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  periodValue: { vi: 'Quý {quarter} năm {year}', en: 'Q{quarter} {year}' },
  since: { vi: 'Chờ gửi từ (giờ Việt Nam)', en: 'Waiting since (Vietnam time)' },
  attempts: { vi: 'Số lần đã thử gửi', en: 'Attempts so far' },
  lastError: { vi: 'Lỗi lần thử gần nhất', en: 'Last attempt failed with' },
  exportedAt: { vi: 'Thời điểm xuất file (giờ Việt Nam)', en: 'Exported at (Vietnam time)' },
  files: { vi: 'Các file đã xuất', en: 'Files exported' },
  sendTo: { vi: 'Gửi các file này qua e-mail cho', en: 'E-mail these files to' },
  refusedAt: { vi: 'Thời điểm bị từ chối (giờ Việt Nam)', en: 'Refused at (Vietnam time)' },
  reason: { vi: 'Lý do', en: 'Reason' },
} as const satisfies Record<string, Record<Lang, string>>;

export const RECEIPT_STATUS_TEXT: Record<ReceiptStatus, Record<Lang, string>> = {
  accepted: { vi: 'Đã gửi, máy chủ đã nhận', en: 'Sent, received by the server' },
  pending: { vi: 'Đang chờ gửi', en: 'Waiting to be sent' },
  exported: { vi: 'Đã xuất file để gửi e-mail (bản chốt)', en: 'Exported for e-mail (final)' },
  refused: { vi: 'Máy chủ từ chối: cần sửa rồi gửi lại', en: 'Refused by the server: correct and send again' },
};

const STATUS_FILL: Record<ReceiptStatus, string> = { accepted: '#E2EFDA', pending: '#FFF2CC', exported: '#DDEBF7', refused: '#F8CBAD' };

const TAB_COLOR: Record<ReceiptStatus, string> = { accepted: '#70AD47', pending: '#FFC000', exported: '#5B9BD5', refused: '#C00000' };

const STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 13 },
  note: { italic: true, fontSize: 9, fontColor: '#595959', wrap: true, vAlign: 'top' },
  label: { fontSize: 11, vAlign: 'center', border: true, fill: '#F2F2F2' },
  value: { bold: true, fontSize: 11, vAlign: 'center', wrap: true, border: true },
  ...Object.fromEntries(Object.entries(STATUS_FILL).map(([status, fill]) => [`status_${status}`, { bold: true, fontSize: 11, vAlign: 'center', wrap: true, border: true, fill }])),
};

const LABEL_WIDTH = 50;
const VALUE_WIDTH = 60;
const LINE_HEIGHT = 15;

/** Wrapped lines a text needs in a column of `width` characters (a tenth more for wide letters). */
function linesFor(value: string | number | null, width: number): number {
  if (value === null || value === '') return 1;
  return String(value)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / width)), 0);
}

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** To whom a return exported for e-mail goes: the catalogue's receiving unit, and its address when it gives one. */
export function receivingText(catalogue: Pick<Catalogue, 'receivingUnit' | 'receivingAddress'>, lang: Lang): string {
  return catalogue.receivingAddress ? `${catalogue.receivingUnit[lang]} (${catalogue.receivingAddress[lang]})` : catalogue.receivingUnit[lang];
}

/** "2025-04-02T09:05:00Z" → "02/04/2025 16:05": the instant in Vietnam time (UTC+7, no daylight saving). */
export function vietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

function subjectOf(info: ReceiptSheetInfo): ReceiptSubject {
  if (info.status === 'accepted') {
    const r = info.receipt;
    return { submissionId: r.submissionId, unitId: r.unitId, unitName: info.unitName ?? null, year: r.year, quarter: r.quarter };
  }
  return info;
}

/**
 * The sheet: a title, a note, then one label/value row each. The named cells (RECEIPT_NAMES) are
 * always there, empty where the status has no value (a pending submission has no number yet), so
 * a script reading `CT_RECEIPT_NUMBER` finds the cell whatever the status.
 */
export function receiptPlan(info: ReceiptSheetInfo, lang: Lang): SheetPlan {
  const L = (key: keyof typeof TEXT, vars: Record<string, string | number> = {}) => fill(TEXT[key][lang], vars);
  const subject = subjectOf(info);
  // An export after a server receipt keeps that receipt's number and version on the sheet.
  const receipt = info.status === 'accepted' ? info.receipt : info.status === 'exported' ? (info.lastReceipt ?? null) : null;
  const cells: PlanCell[] = [];
  const names: PlanName[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  cells.push({ address: 'A1', value: L('title'), style: 'title' });
  cells.push({ address: 'A2', value: L('note'), style: 'note' });
  rowHeights.push({ row: 2, height: 30 });
  let r = 4;
  const row = (labelKey: keyof typeof TEXT, value: string | number | null, name?: string, style = 'value') => {
    cells.push({ address: `A${r}`, value: L(labelKey), style: 'label' });
    cells.push({ address: `B${r}`, value: value === '' ? null : value, style });
    // Excel does not grow a row for wrapped text written by code: a long value gets its height here.
    const lines = Math.max(linesFor(L(labelKey), LABEL_WIDTH), linesFor(value, VALUE_WIDTH));
    if (lines > 1) rowHeights.push({ row: r, height: Math.min(409, lines * LINE_HEIGHT + 3) });
    if (name) names.push({ name, address: `B${r}` });
    r++;
  };

  row('status', RECEIPT_STATUS_TEXT[info.status][lang], RECEIPT_NAMES.status, `status_${info.status}`);
  row('number', receipt?.receiptNumber ?? null, RECEIPT_NAMES.number);
  row('version', receipt?.version ?? null, RECEIPT_NAMES.version);
  row('receivedAt', receipt ? vietnamTime(receipt.receivedAt) : null);
  row('receivedIso', receipt?.receivedAt ?? null, RECEIPT_NAMES.receivedAt);
  row('submissionId', subject.submissionId, RECEIPT_NAMES.submissionId);
  row('returnId', receipt?.returnId ?? returnIdOf(subject.unitId, subject.year, subject.quarter), RECEIPT_NAMES.returnId);
  row('unit', subject.unitName ? `${subject.unitName} (${subject.unitId})` : subject.unitId);
  row('period', L('periodValue', { quarter: subject.quarter, year: subject.year }));
  switch (info.status) {
    case 'pending':
      row('since', vietnamTime(info.since));
      row('attempts', info.attempts);
      if (info.lastError) row('lastError', info.lastError);
      break;
    case 'exported':
      row('exportedAt', vietnamTime(info.at));
      row('files', info.files.join(', '));
      if (info.sendTo) row('sendTo', info.sendTo);
      break;
    case 'refused':
      row('refusedAt', vietnamTime(info.at));
      row('reason', info.message);
      break;
    case 'accepted':
      break;
  }
  const last = r - 1;

  return {
    sheetName: RECEIPT_SHEET_NAMES[lang],
    styles: STYLES,
    columns: [
      { letter: 'A', width: LABEL_WIDTH },
      { letter: 'B', width: VALUE_WIDTH },
    ],
    rowHeights,
    cells,
    merges: ['A1:B1', 'A2:B2'],
    names,
    validations: [],
    conditionalFormats: [],
    notes: [],
    freezeRows: 0,
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToPagesWide: 1,
      titleRows: '1:1',
      printArea: `A1:B${last}`,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      centerHorizontally: false,
    },
    protect: true,
    properties: {},
    tabColor: TAB_COLOR[info.status],
  };
}
