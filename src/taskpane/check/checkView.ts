/**
 * What the Check panel shows, derived from a check result: pure, so every rule about grouping,
 * counting and whether the return may be sent is tested without React or a workbook.
 */
import { FIGURE_COLUMNS } from '../../domain/cellContract';
import type { AssessmentStatus, CheckResult, Flag, Severity } from '../../domain/flags';
import type { Lang } from '../../workbook/port';
import type { StringKey } from '../i18n/strings';

/** Worst first: a person fixes errors before reading warnings. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, StringKey> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };

export const STATUS_LABEL: Record<AssessmentStatus, StringKey> = {
  achieved: 'statusAchieved',
  likely2024: 'statusLikely2024',
  likely2025: 'statusLikely2025',
  challenging: 'statusChallenging',
};

export interface FlagGroup {
  severity: Severity;
  flags: Flag[];
}

/** The flags by severity, worst first, each group in the validator's (sheet) order; empty groups dropped. */
export function groupFlags(flags: readonly Flag[]): FlagGroup[] {
  return SEVERITIES.map((severity) => ({ severity, flags: flags.filter((f) => f.severity === severity) })).filter((g) => g.flags.length > 0);
}

/** Counted from the flags shown, so the badges can never disagree with the list under them. */
export function countFlags(flags: readonly Flag[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of flags) counts[f.severity]++;
  return counts;
}

export const isJustified = (flag: Flag): boolean => !!flag.justification?.trim();

/** A warning stops blocking once it is justified in the workbook or the person said it needs none. */
export const isSettled = (flag: Flag, acknowledged: ReadonlySet<string>): boolean =>
  flag.severity !== 'warning' || isJustified(flag) || acknowledged.has(flag.key);

export interface Submission {
  canSubmit: boolean;
  errors: number;
  /** Warnings neither justified nor acknowledged. */
  openWarnings: number;
}

/** Errors block sending outright; each warning must be justified or acknowledged; information never blocks. */
export function submission(result: CheckResult, acknowledged: ReadonlySet<string>): Submission {
  const errors = result.flags.filter((f) => f.severity === 'error').length;
  const openWarnings = result.flags.filter((f) => !isSettled(f, acknowledged)).length;
  return { canSubmit: errors === 0 && openWarnings === 0, errors, openWarnings };
}

const FIGURE_CELL = new RegExp(`^CT_[0-9A-Z_]+_(${FIGURE_COLUMNS.join('|')})$`);

/** Only a quarter's figure can be a provisional estimate (the checker refuses any other cell). */
export const isFigureCell = (cellName: string | null): cellName is string => cellName !== null && FIGURE_CELL.test(cellName);

/** "'Phụ lục 01'!E30" → "E30": the pane names one sheet's cells, the sheet is implied. */
export function shortAddress(cell: string | null): string | null {
  if (!cell) return null;
  const bang = cell.lastIndexOf('!');
  return (bang >= 0 ? cell.slice(bang + 1) : cell).replace(/\$/g, '');
}

/** A percent as the form writes it: "15,5%" in Vietnamese, "15.5%" in English; at most two decimals. */
export function formatPercent(value: number, lang: Lang): string {
  const text = String(Number(value.toFixed(2)));
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}
