/**
 * The one port through which the task pane and the command line reach a workbook.
 * Two adapters implement it: excel/ (Office.js, inside Excel or the preview's fake host)
 * and xlsx/ (ExcelJS, files). Components receive these functions as props and never touch Excel.*.
 */

export type Lang = 'vi' | 'en';

/** What a workbook already holds, found through the cell contract and the template stamp. */
export interface ExistingReturn {
  sheetName: string;
  unitId: string | null;
  unitName: string | null;
  year: number | null;
  templateVersion: string | null;
  catalogueVersion: string | null;
  /** How many input cells (figures, comparisons, narrative, focal point) hold something. */
  filledInputs: number;
}

export interface CreateReturnRequest {
  unitId: string;
  year: number;
  lang: Lang;
  /**
   * false: refuse if a return exists (the caller asks the person first).
   * true: the person confirmed; the old sheet is kept, renamed as a backup, never deleted.
   */
  replace: boolean;
}

export type CreateReturnResult =
  | { status: 'created'; sheetName: string; syncs?: number; backupSheetName?: string }
  | { status: 'exists'; existing: ExistingReturn };

/** An error a person can act on: a message in both languages, never a stack trace. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    readonly messages: { vi: string; en: string },
  ) {
    super(messages.en);
    this.name = 'UserFacingError';
  }
}

/** The workbook functions the task pane receives as props. */
export interface ReturnWorkbook {
  findExistingReturn(): Promise<ExistingReturn | null>;
  createReturn(request: CreateReturnRequest): Promise<CreateReturnResult>;
  /**
   * Tell `listener` whenever a person changes a cell (Excel's worksheet change event, ExcelApi
   * 1.9); resolves to a function that stops telling. Absent, or resolving to null, where the host
   * has no such event: the pane then reads again on focus and after each check.
   */
  watchChanges?(listener: () => void): Promise<(() => void) | null>;
}

/** The outcome of a check: the flags, or why the workbook could not be read as a return. */
export type CheckOutcome =
  | {
      status: 'checked';
      result: import('../domain/flags').CheckResult;
      /** Warnings acknowledged as needing no justification, from setting `chitieu.acknowledged` (read in the same sync). */
      acknowledged: string[];
      syncs: number;
    }
  | { status: 'unreadable'; problems: import('../domain/returnData').ContractProblem[]; message: { vi: string; en: string } };

/** The workbook functions behind the task pane's Kiểm tra (Check) panel. */
export interface ReturnChecker {
  /** Read the whole return (one sync), validate it, write the marks and the "Kiểm tra" sheet (one sync). */
  checkReturn(options?: { quarter?: number; lang?: Lang }): Promise<CheckOutcome>;
  /** Select the cell a contract name points at (click on a flag). */
  selectCell(cellName: string): Promise<void>;
  /** Store a person's justification for a warning in the workbook, under the flag's key. */
  saveJustification(flagKey: string, text: string): Promise<void>;
  /** Mark a figure cell as a provisional estimate (tạm ước tính) or clear the mark. */
  setProvisional(cellName: string, provisional: boolean): Promise<void>;
  /**
   * Store the complete set of acknowledged warning keys (setting `chitieu.acknowledged`, one sync):
   * the one record, which the Gửi panel reads too and which travels with the file.
   */
  saveAcknowledged(keys: string[]): Promise<void>;
}

/** A submission stored in the workbook until the endpoint acknowledges it (setting `chitieu.pendingSubmission`). */
export interface PendingSubmissionInfo {
  submissionId: string;
  unitId: string;
  year: number;
  quarter: number;
  /** ISO 8601: when the person pressed Gửi. */
  createdAt: string;
  /** The endpoint it is meant for (never the token), or null. */
  endpoint: string | null;
  attempts: number;
  lastError: string | null;
}

/** What the workbook records about sending: read when the pane opens, to resume. */
export interface SubmissionState {
  pending: PendingSubmissionInfo | null;
  lastReceipt: import('../domain/payload/api').Receipt | null;
  /** Set when the return was exported for e-mail (marked final). */
  final: { at: string; submissionId: string } | null;
  /** Warnings a person reviewed and found needing no justification (setting `chitieu.acknowledged`). */
  acknowledged: string[];
}

/** Errors and warnings that stop sending (what "Gửi disabled" is about). */
export interface SubmitBlockers {
  errors: import('../domain/flags').Flag[];
  /** Warnings neither justified in the workbook nor acknowledged. */
  openWarnings: import('../domain/flags').Flag[];
}

export type ReviewOutcome =
  | ({ status: 'reviewed'; quarter: number | null; warnings: import('../domain/flags').Flag[] } & SubmitBlockers & { state: SubmissionState })
  | { status: 'unreadable'; message: { vi: string; en: string } };

export type PrepareOutcome =
  /** Stored as pending (or the pending one reused, same submission id: its content had not changed). */
  | { status: 'ready'; pending: PendingSubmissionInfo; reused: boolean; syncs: number }
  | ({ status: 'blocked' } & SubmitBlockers)
  /** A pending submission with other content is still unacknowledged: send it first, or pass replacePending. */
  | { status: 'pendingDiffers'; pending: PendingSubmissionInfo }
  /** The return says what the last accepted submission said: nothing to send, its receipt stands. */
  | { status: 'unchanged'; receipt: import('../domain/payload/api').Receipt; syncs: number }
  | { status: 'unreadable'; message: { vi: string; en: string } };

export type SendOutcome =
  | { status: 'accepted'; receipt: import('../domain/payload/api').Receipt; syncs: number }
  /** Nothing definite came back: still pending, try again later (the same submission id). */
  | {
      status: 'unreachable';
      pending: PendingSubmissionInfo;
      reason: string;
      httpStatus: number | null;
      /** A busy server's Retry-After, in ms (null when it gave none, or the browser hid the header). */
      retryAfterMs?: number | null;
      syncs: number;
    }
  /** The server said no. keptPending: the token was refused (401/403), so the same payload may go once the settings are fixed. */
  | { status: 'refused'; httpStatus: number; error: import('../domain/payload/api').ApiError; keptPending: boolean; syncs: number }
  /** No pending submission in the workbook (already acknowledged, or never prepared). */
  | { status: 'nothing'; syncs: number }
  /** Asked to send only an up-to-date payload, and the return says something else now: nothing was sent. */
  | { status: 'changed'; pending: PendingSubmissionInfo; syncs: number };

export type ExportOutcome =
  | { status: 'exported'; json: string; csv: string; names: { json: string; csv: string }; submissionId: string }
  | ({ status: 'blocked' } & SubmitBlockers)
  | { status: 'unreadable'; message: { vi: string; en: string } };

export interface SubmitOptions {
  /** The quarter reported; CT_QUARTER's unless given. */
  quarter?: number;
  /** Warning keys the person acknowledged (the complete set: it replaces `chitieu.acknowledged`). */
  acknowledged: string[];
  /** Language of the receipt sheet (default vi). */
  lang?: Lang;
}

/** The workbook functions behind the task pane's Gửi (Submit) panel. */
export interface ReturnSubmitter {
  /** Read the return and the submission settings (one sync) and say what stops sending; writes nothing. */
  review(options: { quarter?: number; acknowledged?: string[] }): Promise<ReviewOutcome>;
  /**
   * Read and validate (one sync); refuse with errors or unsettled warnings; store the payload as
   * pending in the workbook and write the receipt sheet as "waiting" (second sync).
   */
  prepare(options: SubmitOptions & { replacePending?: boolean }): Promise<PrepareOutcome>;
  /**
   * Post the pending payload: at most one sync before and one after the network call. With
   * `ifUnchanged` the return is read in the first sync and nothing is sent when it no longer says
   * what the pending payload says (an automatic retry must not send an outdated return unasked).
   */
  send(
    config: import('../submit/client').EndpointConfig,
    options?: { fetch?: typeof fetch; lang?: Lang; show?: boolean; timeoutMs?: number; ifUnchanged?: boolean },
  ): Promise<SendOutcome>;
  /** The submission settings (pending, last receipt, final mark, acknowledgements): one sync. */
  pending(): Promise<SubmissionState>;
  /** No endpoint: build the payload, write the receipt sheet as exported, mark the workbook final. */
  exportForEmail(options: SubmitOptions): Promise<ExportOutcome>;
}
