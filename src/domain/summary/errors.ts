/**
 * The errors a return still has, as the summary reads them: the error flags its payload carries.
 * A file read without strict keeps its check's flags, errors included (summary/fileInput.ts, and
 * buildUsablePayload adds one for any part it had to leave out); a return accepted by the endpoint
 * has none, so the same returns without errors give the same summary from either source.
 */
import type { ClientFlag, SubmissionPayload } from '../payload/schema';

export function errorFlags(payload: SubmissionPayload): ClientFlag[] {
  return payload.clientFlags.filter((f) => f.severity === 'error');
}

export function errorCount(payload: SubmissionPayload): number {
  let n = 0;
  for (const f of payload.clientFlags) if (f.severity === 'error') n++;
  return n;
}
