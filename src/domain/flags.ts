/**
 * A validation flag, modelled on XBRL assertion severities and DHIS2 validation rules:
 * a rule id, a severity, where, and what to do, in both languages.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Flag {
  /** "figure.notANumber", "intl.missing", … (the rule catalogue's ids). */
  rule: string;
  severity: Severity;
  /** Reporting row id ("2.8", "1.2.ICT") or null for header/section flags. */
  indicator: string | null;
  /** Contract column ("Q1", "TY_INTL") or a header/section key ("CT_CONTACT_EMAIL"), or null. */
  column: string | null;
  /** The contract name of the cell the flag is about ("CT_2_8_Q1"), or null for the whole return. */
  cellName: string | null;
  /** Sheet-qualified A1 of that cell when known ("'Phụ lục 01'!E30"). */
  cell: string | null;
  message: { vi: string; en: string };
  suggestion: { vi: string; en: string };
  /** Stable across re-checks: justifications are stored under it. */
  key: string;
  /** What the reporting unit wrote to justify a warning; it stays with the return. */
  justification?: string;
}

export type AssessmentStatus = 'achieved' | 'likely2024' | 'likely2025' | 'challenging';

export interface Assessment {
  indicator: string;
  /** Latest reported figure, percent; null when none. */
  value: number | null;
  /** The 2025 target as printed ("> 50%"), and its number. */
  target: string;
  targetValue: number | null;
  status: AssessmentStatus;
  reason: { vi: string; en: string };
}

export interface CheckResult {
  flags: Flag[];
  assessment: Assessment[];
  /** The quarter checked (from CT_QUARTER or the caller). */
  quarter: number | null;
  counts: Record<Severity, number>;
}

export const flagKey = (rule: string, cellName: string | null) => `${rule}:${cellName ?? '-'}`;
