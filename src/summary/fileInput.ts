/**
 * One returned workbook's bytes → the ReturnInput summarise reads, or the reason it is skipped:
 * shared by `chitieu merge` (summary/fromFiles.ts, summary/readFiles.ts) and the task pane's
 * Tổng hợp tab (taskpane/aggregate/readReturnFile.ts). The payload is built as `chitieu submit`
 * builds it (validateReturn, buildPayload), so a return summarised from its file and the same
 * return summarised from the endpoint it was sent to say the same thing.
 *
 * A return that still has errors is used for what reads (domain/summary/usablePayload.ts: a
 * figure that is not a usable figure is left out, every error travels as an error flag that the
 * summary marks), unless `strict`: then it is skipped, as the endpoint would refuse it. Either way
 * a return whose unit, year or quarter is wrong is skipped: nobody knows whose figures they are.
 *
 * Browser-safe (no Node imports): the submission id is the caller's — the content's hash
 * (submit/contentId.ts, node:crypto) on the command line, any unique id in the task pane.
 * Only the payload is kept: the bytes and the read cells are dropped once it is built.
 */
import type { Catalogue, UnitList } from '../catalogue/schema';
import { HEADER_NAMES } from '../domain/cellContract';
import type { CheckResult, Flag } from '../domain/flags';
import { PayloadError, buildPayload } from '../domain/payload/buildPayload';
import type { SubmissionPayload } from '../domain/payload/schema';
import { problemsMessage } from '../domain/readContract';
import { skippedInput } from '../domain/summary/skipped';
import type { FileReturnInput } from '../domain/summary/supersededFiles';
import type { SkippedInput } from '../domain/summary/types';
import { buildUsablePayload } from '../domain/summary/usablePayload';
import { validateReturn } from '../domain/validate/validateReturn';
import { readReturnFast } from '../workbook/xlsx/fastReturn';

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

export interface ReturnFileOptions {
  catalogue: Catalogue;
  units: UnitList;
  /** When the payload says it was "submitted" if the file carries no receipt (ISO; e.g. the file's modification time, or now). */
  fallbackSubmittedAt: string;
  /** The built payload's submission id (it is built with a placeholder one). */
  submissionId(payload: SubmissionPayload): string;
  /** Skip a return with errors (`chitieu merge --strict`) instead of using what reads of it. */
  strict?: boolean;
}

export type FileInput = { input: FileReturnInput; skipped?: undefined } | { input?: undefined; skipped: SkippedInput };

const skip = (source: string, vi: string, en: string): FileInput => ({ skipped: skippedInput(source, { vi, en }) });

/** The cells that say whose return it is and for when: an error there and the figures belong to nobody. */
const PLACING_CELLS: ReadonlySet<string | null> = new Set([HEADER_NAMES.unitId, HEADER_NAMES.year, HEADER_NAMES.quarter]);

function placingError(check: CheckResult): { flag: Flag; others: number } | null {
  const flag = check.flags.find((f) => f.severity === 'error' && PLACING_CELLS.has(f.cellName));
  return flag ? { flag, others: check.counts.error - 1 } : null;
}

const errorsEn = (n: number) => `${n} error${n > 1 ? 's' : ''}`;

/**
 * `file` is how the file is named in the summary and the report (its path as given). Never throws
 * for what is in the file: whatever is wrong becomes its reason.
 */
export function returnFileInput(bytes: Uint8Array, file: string, options: ReturnFileOptions): FileInput {
  const { catalogue, units } = options;
  const read = readReturnFast(bytes, catalogue);
  if (read.damaged) {
    return skip(file, `Không đọc được: ${read.damaged.vi}.`, `Cannot be read: ${read.damaged.en}.`);
  }
  if (!read.result.ok) {
    const m = problemsMessage(read.result.problems);
    return skip(file, `Không phải biểu Phụ lục 01 đọc được: ${m.vi}`, `Not a readable Appendix 01 return: ${m.en}`);
  }
  const data = read.result.data;
  let check;
  try {
    check = validateReturn(data, { catalogue, units });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return skip(file, `Không kiểm tra được biểu (${detail}).`, `The return cannot be checked (${detail}).`);
  }
  if (check.quarter === null || check.quarter === undefined) {
    return skip(file, 'Biểu không ghi quý báo cáo (ô CT_QUARTER).', 'The return does not say which quarter it reports (cell CT_QUARTER).');
  }
  const errors = check.counts.error;
  if (options.strict && errors > 0) {
    return skip(
      file,
      `Biểu còn ${errors} lỗi (Kiểm tra hoặc chitieu validate cho biết chi tiết); máy chủ cũng sẽ không nhận biểu này.`,
      `The return has ${errorsEn(errors)} (Check or chitieu validate lists them); the endpoint would refuse it too.`,
    );
  }
  const placing = placingError(check);
  if (placing) {
    const { flag, others } = placing;
    return skip(
      file,
      `Không dùng được biểu: ${flag.message.vi}${others > 0 ? ` (còn ${others} lỗi khác)` : ''}`,
      `The return cannot be used: ${flag.message.en}${others > 0 ? ` (and ${errorsEn(others)} more)` : ''}`,
    );
  }
  const submittedAt = read.receivedAt ?? options.fallbackSubmittedAt;
  try {
    const meta = { submissionId: PLACEHOLDER_ID, submittedAt, quarter: check.quarter };
    const built = options.strict ? buildPayload(data, check, meta) : buildUsablePayload(data, check, meta).payload;
    const payload = { ...built, submissionId: options.submissionId(built) };
    return { input: { payload, source: { kind: 'file', file, receivedAt: read.receivedAt } } };
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    const issues = error.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
    return skip(file, `Không tạo được dữ liệu gửi từ biểu (${issues}).`, `The return cannot be turned into a submission (${issues}).`);
  }
}
