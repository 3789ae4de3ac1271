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
}

/** The outcome of a check: the flags, or why the workbook could not be read as a return. */
export type CheckOutcome =
  | { status: 'checked'; result: import('../domain/flags').CheckResult; syncs: number }
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
}
