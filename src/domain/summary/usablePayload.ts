/**
 * buildUsablePayload: the payload of a return that still has errors, as the department's merge
 * reads it (issue 10, item 9). The department cannot send every e-mailed file back, so it uses
 * what reads: buildPayload's draft, with every part the payload cannot carry left out — a figure
 * that is not a usable figure (150%, "#DIV/0!", "10–12%"), a text longer than the payload
 * allows, a justification under a key it refuses — and each part left out recorded as an error
 * flag on its cell (unless the check flagged that cell as an error already), so the summary marks
 * it where it is and counts it with the return's other errors (errors.ts).
 *
 * What decides whose figures they are and for when — the unit, year, quarter, versions — is never
 * left out: a payload without them throws PayloadError, as buildPayload does.
 *
 * For a return that reads whole (no figure unreadable, the schema satisfied) the payload is
 * buildPayload's own, so such a file gives the summary it gives when sent to the endpoint.
 * Pure: no Node, no DOM (the task pane reads files with it too).
 */
import { HEADER_NAMES, NARRATIVE_NAMES, rowSourceName, tableCellName, type TableColumn } from '../cellContract';
import type { CheckResult } from '../flags';
import { PayloadError, comparisonColumn, draftPayload, type PayloadMeta } from '../payload/buildPayload';
import { SubmissionPayload, formatPayloadIssues, isRowId, type ClientFlag } from '../payload/schema';
import type { ReturnData, SectionKey } from '../returnData';

/** The rule of the error flag for a part left out that no check flagged as an error. */
export const LEFT_OUT_RULE = 'payload.leftOut';

export interface LeftOut {
  /** Where in the payload ("figures[3].comparison", "2.8 Q2"). */
  path: string;
  /** The contract cell it was read from, when there is one. */
  cellName: string | null;
  message: string;
}

export interface UsablePayload {
  payload: SubmissionPayload;
  leftOut: LeftOut[];
}

const FOCAL_CELLS: Record<string, string> = {
  name: HEADER_NAMES.contactName,
  title: HEADER_NAMES.contactTitle,
  org: HEADER_NAMES.contactOrg,
  phone: HEADER_NAMES.contactPhone,
  email: HEADER_NAMES.contactEmail,
};

/** Rounds of leaving out: each removes every problem zod reported; a problem it can only see once another is gone needs one more. */
const ROUNDS = 3;
const SCHEMA_MISMATCH = 'The payload built from this return does not match the submission schema:';

type Path = readonly PropertyKey[];

/**
 * Leaves out of `draft` the part at `path`, if it is one the summary can do without, and says
 * which cell it came from; null when it cannot be left out. Figures and flags are only marked
 * (set to null) here, so the indices of the other problems of the same round stay right.
 */
function leaveOut(draft: Draft, path: Path): { cellName: string | null } | null {
  const [part, key, field] = path;
  if (part === 'figures' && typeof key === 'number' && draft.figures[key]) {
    const f = draft.figures[key]!;
    if (field === 'comparison') {
      draft.figures[key] = { ...f, comparison: null };
      return { cellName: tableCellName(f.row, comparisonColumn(f.quarter)) };
    }
    draft.figures[key] = null;
    return { cellName: tableCellName(f.row, `Q${f.quarter}` as TableColumn) };
  }
  if (part === 'rowSources' && typeof key === 'string' && isRowId(key)) {
    delete draft.rowSources[key];
    return { cellName: rowSourceName(key) };
  }
  if (part === 'targetComparisons' && typeof key === 'string' && isRowId(key)) {
    const tc = draft.targetComparisons[key];
    if (tc && (field === 'TY_INTL' || field === 'T2025_INTL')) {
      draft.targetComparisons[key] = { ...tc, [field]: null };
      return { cellName: tableCellName(key, field) };
    }
    delete draft.targetComparisons[key];
    return { cellName: null };
  }
  if (part === 'sections' && typeof key === 'string' && key in draft.sections) {
    draft.sections = { ...draft.sections, [key]: '' };
    return { cellName: NARRATIVE_NAMES[key as SectionKey] };
  }
  if (part === 'focalPoint' && typeof key === 'string' && key in FOCAL_CELLS) {
    draft.focalPoint = { ...draft.focalPoint, [key]: '' };
    return { cellName: FOCAL_CELLS[key]! };
  }
  if (part === 'justifications' && typeof key === 'string') {
    delete draft.justifications[key];
    const cell = key.slice(key.lastIndexOf(':') + 1);
    return { cellName: cell.startsWith('CT_') ? cell : null };
  }
  if (part === 'clientFlags' && typeof key === 'number' && draft.clientFlags[key]) {
    draft.clientFlags[key] = null;
    return { cellName: null };
  }
  return null;
}

/** The payload being trimmed: its own arrays and records, so the draft it came from is never changed. */
type Draft = Omit<SubmissionPayload, 'figures' | 'clientFlags'> & {
  figures: (SubmissionPayload['figures'][number] | null)[];
  clientFlags: (ClientFlag | null)[];
};

function copy(p: SubmissionPayload): Draft {
  return {
    ...p,
    figures: [...p.figures],
    clientFlags: [...p.clientFlags],
    rowSources: { ...p.rowSources },
    targetComparisons: { ...p.targetComparisons },
    justifications: { ...p.justifications },
  };
}

function settled(d: Draft): SubmissionPayload {
  return {
    ...d,
    figures: d.figures.filter((f): f is NonNullable<typeof f> => f !== null),
    clientFlags: d.clientFlags.filter((f): f is ClientFlag => f !== null),
  };
}

/** An error flag on each cell left out that the check did not already flag as an error. */
function flagsFor(leftOut: readonly LeftOut[], flags: readonly ClientFlag[]): ClientFlag[] {
  const flagged = new Set(flags.filter((f) => f.severity === 'error').map((f) => f.cellName));
  const added = new Map<string, ClientFlag>();
  for (const l of leftOut) {
    if (l.cellName !== null && flagged.has(l.cellName)) continue;
    const key = `${LEFT_OUT_RULE}:${l.cellName ?? '-'}`;
    if (!added.has(key)) added.set(key, { rule: LEFT_OUT_RULE, severity: 'error', cellName: l.cellName, key });
  }
  return [...added.values()];
}

export function buildUsablePayload(data: ReturnData, check: CheckResult, meta: PayloadMeta): UsablePayload {
  const draft = draftPayload(data, check, meta);
  const leftOut: LeftOut[] = draft.unreadable.map((u) => ({
    path: u.path,
    cellName: tableCellName(u.row, `Q${u.quarter}` as TableColumn),
    message: u.message,
  }));
  let d = copy(draft.payload);
  for (let round = 0; ; round++) {
    const candidate = settled(d);
    // Nothing left out (the usual case): one parse of buildPayload's very payload.
    const added = flagsFor(leftOut, candidate.clientFlags);
    const result = SubmissionPayload.safeParse(added.length > 0 ? { ...candidate, clientFlags: [...candidate.clientFlags, ...added] } : candidate);
    if (result.success) return { payload: result.data, leftOut };
    const paths = formatPayloadIssues(result.error);
    if (round === ROUNDS) throw new PayloadError(SCHEMA_MISMATCH, paths);
    d = copy(candidate);
    const fatal: { path: string; message: string }[] = [];
    result.error.issues.forEach((issue, i) => {
      const out = leaveOut(d, issue.path);
      if (out) leftOut.push({ path: paths[i]!.path, cellName: out.cellName, message: issue.message });
      else fatal.push(paths[i]!);
    });
    if (fatal.length > 0) throw new PayloadError(SCHEMA_MISMATCH, fatal);
  }
}
