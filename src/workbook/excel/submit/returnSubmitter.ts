/**
 * The Office.js side of the Gửi (Submit) panel. Syncs are few and counted: review, pending and a
 * refused prepare take one; prepare and export two (read, then write); send one before the
 * network call and one after it.
 *
 * Exactly once: the payload, with its client-made submission id, is stored in the workbook
 * (`chitieu.pendingSubmission`) before anything is sent, and removed only when the endpoint's
 * receipt is written. Sending the same pending payload again is always safe: the server answers
 * the first receipt (`created: false`) and stores nothing new.
 *
 * The rules where a choice had to be made:
 * - prepare with a pending submission whose content is the same (the return was not changed):
 *   the pending one is reused, same submission id.
 * - prepare with a pending submission whose content differs: refused (`pendingDiffers`) unless
 *   the person explicitly replaces it (`replacePending`). The replaced one may still have reached
 *   the server (an answer lost on the way); then the new content simply becomes the next version,
 *   which is what a correction means. Nothing is ever stored twice.
 * - refused by the server (400/409/413/422 …): that payload will never be accepted, so it leaves
 *   pending and the receipt sheet says "refused" with the server's message; the corrected return
 *   gets a new submission. 401/403 (the token) keep it pending: the same payload may go once the
 *   settings are fixed.
 */
import { findUnit, loadCatalogue, loadUnits } from '../../../catalogue/load';
import type { Catalogue, UnitList } from '../../../catalogue/schema';
import type { CheckResult, Flag } from '../../../domain/flags';
import { PayloadError, buildPayload, exportCsv, exportFileNames, exportJson } from '../../../domain/payload';
import type { SubmissionPayload } from '../../../domain/payload/schema';
import { problemsMessage } from '../../../domain/readContract';
import type { ReturnData } from '../../../domain/returnData';
import { validateReturn } from '../../../domain/validate/validateReturn';
import { receiptPlan, receivingText, type ReceiptSheetInfo } from '../../../layout/receiptPlan';
import { submitPayload, type EndpointConfig } from '../../../submit/client';
import {
  UserFacingError,
  type ExportOutcome,
  type Lang,
  type PrepareOutcome,
  type ReturnSubmitter,
  type ReviewOutcome,
  type SendOutcome,
  type SubmissionState,
  type SubmitBlockers,
} from '../../port';
import { queueReturnSnapshot } from '../check/readReturn';
import { explainTypedFormulas } from '../check/typedFormulas';
import { failed } from '../failure';
import type { ReturnSource } from '../returnWorkbook';
import type { ExcelHost } from '../runner';
import { queueFindReceiptSheet, queueWriteReceiptSheet, type ReceiptSheetFound } from './receiptSheet';
import { describeSendProblem } from './sendProblem';
import {
  ACKNOWLEDGED_SETTING,
  FINAL_SETTING,
  LAST_CONTENT_SETTING,
  LAST_RECEIPT_SETTING,
  PENDING_SETTING,
  contentDigest,
  contentFingerprint,
  pendingInfo,
  publicState,
  queueReadSubmission,
  type StoredPending,
  type StoredSubmission,
} from './settings';

export interface SubmitterOptions {
  source?: () => ReturnSource;
  now?: () => Date;
  /** A new submission id (UUID v4). */
  newId?: () => string;
  /** The network, unless send() is given its own. */
  fetch?: typeof fetch;
}

const bundled = (): ReturnSource => ({ catalogue: loadCatalogue(), units: loadUnits() });

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/** Errors, and warnings neither justified in the workbook nor acknowledged. */
export function blockersOf(result: CheckResult, acknowledged: ReadonlySet<string>): SubmitBlockers {
  return {
    errors: result.flags.filter((f) => f.severity === 'error'),
    openWarnings: result.flags.filter((f) => f.severity === 'warning' && !f.justification?.trim() && !acknowledged.has(f.key)),
  };
}

const isBlocked = (b: SubmitBlockers) => b.errors.length > 0 || b.openWarnings.length > 0;

/** 401/403: the token, not the return, was refused. */
const tokenRefused = (status: number) => status === 401 || status === 403;

export function createExcelReturnSubmitter(host: ExcelHost, options: SubmitterOptions = {}): ReturnSubmitter {
  const source = options.source ?? bundled;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomId;
  const ctx = () => ({ ...source(), now, newId });
  return {
    review: (o) => failed(() => review(host, ctx(), o)),
    prepare: (o) => failed(() => prepare(host, ctx(), o)),
    send: (config, o = {}) => failed(() => send(host, ctx(), config, { ...o, fetch: o.fetch ?? options.fetch })),
    pending: () => failed(() => readState(host)),
    exportForEmail: (o) => failed(() => exportForEmail(host, ctx(), o)),
  };
}

interface Ctx {
  catalogue: Catalogue;
  units: UnitList;
  now: () => Date;
  newId: () => string;
}

type Checked =
  | { ok: true; data: ReturnData; result: CheckResult; quarter: number }
  | { ok: false; outcome: { status: 'unreadable'; message: { vi: string; en: string } } };

/** After the first sync: the return read and validated as the Kiểm tra panel does. */
function checkRead(read: ReturnType<typeof queueReturnSnapshot>, { catalogue, units }: Ctx, quarter: number | undefined): Checked {
  const snapshot = read();
  if (!snapshot.result.ok) {
    return { ok: false, outcome: { status: 'unreadable', message: problemsMessage(snapshot.result.problems) } };
  }
  const data = snapshot.result.data;
  const result = explainTypedFormulas(validateReturn(data, { catalogue, units, ...(quarter !== undefined ? { quarter } : {}) }), snapshot.typedFormulas);
  return { ok: true, data, result, quarter: quarter ?? result.quarter ?? 0 };
}

function payloadOf(checked: { data: ReturnData; result: CheckResult; quarter: number }, meta: { submissionId: string; submittedAt: string }): SubmissionPayload {
  try {
    return buildPayload(checked.data, checked.result, { ...meta, quarter: checked.quarter });
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    const detail = error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new UserFacingError('payload-invalid', {
      vi: `Không tạo được bản gửi từ biểu: ${detail}. Hãy bấm Kiểm tra, sửa các ô được đánh dấu rồi gửi lại.`,
      en: `The return could not be turned into a submission: ${detail}. Run the check, correct the marked cells and send again.`,
    });
  }
}

function unitNameOf(units: UnitList, unitId: string, lang: Lang): string | null {
  return findUnit(units, unitId)?.name[lang] ?? null;
}

function pendingSheet(p: StoredPending, units: UnitList, lang: Lang): ReceiptSheetInfo {
  const { submissionId, unitId, year, quarter } = p.payload;
  const lastError = p.lastError === null ? null : describeSendProblem(p.lastError, lang);
  return { status: 'pending', submissionId, unitId, unitName: unitNameOf(units, unitId, lang), year, quarter, since: p.createdAt, attempts: p.attempts, lastError };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfterOf(header: string | null, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

async function readState(host: ExcelHost): Promise<SubmissionState> {
  return host.run(async (context) => {
    const read = queueReadSubmission(context);
    await context.sync();
    return publicState(read());
  });
}

async function review(host: ExcelHost, ctx: Ctx, options: { quarter?: number; acknowledged?: string[] }): Promise<ReviewOutcome> {
  return host.run(async (context) => {
    const read = queueReturnSnapshot(context, ctx.catalogue);
    const settings = queueReadSubmission(context);
    await context.sync();
    const checked = checkRead(read, ctx, options.quarter);
    if (!checked.ok) return checked.outcome;
    const stored = settings();
    const acknowledged = new Set(options.acknowledged ?? stored.acknowledged);
    return {
      status: 'reviewed',
      quarter: checked.result.quarter,
      warnings: checked.result.flags.filter((f: Flag) => f.severity === 'warning'),
      ...blockersOf(checked.result, acknowledged),
      state: publicState(stored),
    };
  });
}

/**
 * The first sync of prepare and export: the return, the stored submission state and the receipt
 * sheet read together; then the return checked and its blockers (errors, open warnings) found.
 */
async function readForSending(context: Excel.RequestContext, ctx: Ctx, options: { quarter?: number; acknowledged: string[] }) {
  const read = queueReturnSnapshot(context, ctx.catalogue);
  const settings = queueReadSubmission(context);
  const receipt = queueFindReceiptSheet(context);
  await context.sync();
  const checked = checkRead(read, ctx, options.quarter);
  if (!checked.ok) return checked.outcome;
  const blockers = blockersOf(checked.result, new Set(options.acknowledged));
  if (isBlocked(blockers)) return { status: 'blocked' as const, ...blockers };
  return { status: 'ready' as const, checked, stored: settings(), receipt, at: ctx.now().toISOString() };
}

async function prepare(host: ExcelHost, ctx: Ctx, options: { quarter?: number; acknowledged: string[]; lang?: Lang; replacePending?: boolean }): Promise<PrepareOutcome> {
  const lang = options.lang ?? 'vi';
  return host.run(async (context) => {
    const first = await readForSending(context, ctx, options);
    if (first.status !== 'ready') return first;
    const { checked, stored, receipt, at } = first;
    const fresh = payloadOf(checked, { submissionId: ctx.newId(), submittedAt: at });
    // Pressing Gửi on what was already accepted makes no new version (the CLI's content ids do the same).
    if (!stored.pending && stored.lastReceipt && stored.lastContent?.submissionId === stored.lastReceipt.submissionId) {
      if (stored.lastContent.digest === (await contentDigest(fresh))) return { status: 'unchanged', receipt: stored.lastReceipt, syncs: 1 };
    }
    let pending: StoredPending;
    let reused = false;
    if (stored.pending && contentFingerprint(stored.pending.payload) === contentFingerprint(fresh)) {
      pending = stored.pending;
      reused = true;
    } else if (stored.pending && !options.replacePending) {
      return { status: 'pendingDiffers', pending: pendingInfo(stored.pending) };
    } else {
      pending = { payload: fresh, endpoint: null, attempts: 0, lastError: null, createdAt: at };
    }

    const book = context.workbook;
    book.settings.add(PENDING_SETTING, pending);
    book.settings.add(ACKNOWLEDGED_SETTING, [...new Set(options.acknowledged)]);
    queueWriteReceiptSheet(context, receipt(), receiptPlan(pendingSheet(pending, ctx.units, lang), lang), false);
    await context.sync();
    return { status: 'ready', pending: pendingInfo(pending), reused, syncs: 2 };
  });
}

interface SendOptions {
  fetch?: typeof fetch | undefined;
  lang?: Lang;
  show?: boolean;
  timeoutMs?: number;
  ifUnchanged?: boolean;
}

/** Whether the return, read in the caller's sync, still says what the pending payload says. */
function stillCurrent(read: ReturnType<typeof queueReturnSnapshot>, ctx: Ctx, pending: StoredPending): boolean {
  const checked = checkRead(read, ctx, pending.payload.quarter);
  if (!checked.ok) return false;
  try {
    const now = payloadOf(checked, { submissionId: pending.payload.submissionId, submittedAt: pending.payload.submittedAt });
    return contentFingerprint(now) === contentFingerprint(pending.payload);
  } catch {
    // The return cannot be sent as it is now (an error was typed in): it is not what is waiting.
    return false;
  }
}

async function send(host: ExcelHost, ctx: Ctx, config: EndpointConfig, options: SendOptions): Promise<SendOutcome> {
  const lang = options.lang ?? 'vi';
  return host.run(async (context) => {
    const settings = queueReadSubmission(context);
    const find = queueFindReceiptSheet(context);
    const read = options.ifUnchanged ? queueReturnSnapshot(context, ctx.catalogue) : null;
    await context.sync();
    const stored: StoredSubmission = settings();
    const pending = stored.pending;
    if (!pending) return { status: 'nothing', syncs: 1 };
    if (read && !stillCurrent(read, ctx, pending)) return { status: 'changed', pending: pendingInfo(pending), syncs: 1 };
    const found: ReceiptSheetFound = find();

    // The client does not pass headers on; a busy server's Retry-After is read on the way.
    let retryAfterMs: number | null = null;
    const baseFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const watching: typeof fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      retryAfterMs = retryAfterOf(response.headers?.get?.('retry-after') ?? null, ctx.now());
      return response;
    };
    const digest = await contentDigest(pending.payload);
    const outcome = await submitPayload(config, pending.payload, {
      fetch: watching,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });

    const book = context.workbook;
    const endpoint = config.url.replace(/\/+$/, '');
    let result: SendOutcome;
    switch (outcome.status) {
      case 'accepted': {
        const receipt = outcome.receipt;
        book.settings.getItem(PENDING_SETTING).delete();
        book.settings.add(LAST_RECEIPT_SETTING, receipt);
        book.settings.add(LAST_CONTENT_SETTING, { submissionId: receipt.submissionId, digest });
        const info: ReceiptSheetInfo = { status: 'accepted', receipt, unitName: unitNameOf(ctx.units, receipt.unitId, lang) };
        queueWriteReceiptSheet(context, found, receiptPlan(info, lang), options.show ?? false);
        result = { status: 'accepted', receipt, syncs: 2 };
        break;
      }
      case 'unreachable': {
        const next: StoredPending = { ...pending, endpoint, attempts: pending.attempts + 1, lastError: outcome.reason };
        book.settings.add(PENDING_SETTING, next);
        queueWriteReceiptSheet(context, found, receiptPlan(pendingSheet(next, ctx.units, lang), lang), false);
        result = { status: 'unreachable', pending: pendingInfo(next), reason: outcome.reason, httpStatus: outcome.httpStatus, retryAfterMs, syncs: 2 };
        break;
      }
      case 'refused': {
        const message = outcome.error.message[lang];
        if (tokenRefused(outcome.httpStatus)) {
          const next: StoredPending = { ...pending, endpoint, attempts: pending.attempts + 1, lastError: `HTTP ${outcome.httpStatus}: ${message}` };
          book.settings.add(PENDING_SETTING, next);
          queueWriteReceiptSheet(context, found, receiptPlan(pendingSheet(next, ctx.units, lang), lang), false);
        } else {
          book.settings.getItem(PENDING_SETTING).delete();
          const { submissionId, unitId, year, quarter } = pending.payload;
          const info: ReceiptSheetInfo = { status: 'refused', submissionId, unitId, unitName: unitNameOf(ctx.units, unitId, lang), year, quarter, at: ctx.now().toISOString(), message };
          queueWriteReceiptSheet(context, found, receiptPlan(info, lang), options.show ?? false);
        }
        result = { status: 'refused', httpStatus: outcome.httpStatus, error: outcome.error, keptPending: tokenRefused(outcome.httpStatus), syncs: 2 };
        break;
      }
    }
    await context.sync();
    return result;
  });
}

async function exportForEmail(host: ExcelHost, ctx: Ctx, options: { quarter?: number; acknowledged: string[]; lang?: Lang }): Promise<ExportOutcome> {
  const lang = options.lang ?? 'vi';
  return host.run(async (context) => {
    const first = await readForSending(context, ctx, options);
    if (first.status !== 'ready') return first;
    const { checked, stored, receipt, at } = first;
    let payload = payloadOf(checked, { submissionId: ctx.newId(), submittedAt: at });
    // The same content as a pending submission is the same submission, whichever way it travels.
    if (stored.pending && contentFingerprint(stored.pending.payload) === contentFingerprint(payload)) payload = stored.pending.payload;
    const names = exportFileNames(payload);
    const json = exportJson(payload);
    const csv = exportCsv(payload, ctx.catalogue, lang);

    const book = context.workbook;
    book.settings.add(FINAL_SETTING, { at, submissionId: payload.submissionId });
    book.settings.add(ACKNOWLEDGED_SETTING, [...new Set(options.acknowledged)]);
    const { submissionId, unitId, year, quarter } = payload;
    const info: ReceiptSheetInfo = {
      status: 'exported',
      submissionId,
      unitId,
      unitName: unitNameOf(ctx.units, unitId, lang),
      year,
      quarter,
      at,
      files: [names.json, names.csv],
      sendTo: receivingText(ctx.catalogue, lang),
      lastReceipt: stored.lastReceipt,
    };
    queueWriteReceiptSheet(context, receipt(), receiptPlan(info, lang), true);
    await context.sync();
    return { status: 'exported', json, csv, names, submissionId: payload.submissionId };
  });
}
