/**
 * The bounds of the submission payload, in one place: the zod schema (schema.ts) enforces them and
 * the validator (validate/checks/limits.ts) reports each one as a rule at its cell, so what
 * validate passes, submit and merge can send. No zod here: the command line's validate and the
 * task pane's check load this without paying for the schema.
 *
 * Lengths are in UTF-16 code units, as zod's max() and Excel's cell limit count them.
 */

/** Free text: comparisons, sources, the focal point's name, title and organisation, a figure as typed, a justification. */
export const MAX_TEXT = 10_000;
/** Sections III–VI: Excel's own limit for a cell's text. */
export const MAX_SECTION = 32_767;
/** Identifiers and short fields: unit id, phone, e-mail, versions, rule ids, flag keys. */
export const MAX_SHORT = 200;
export const MAX_FLAGS = 5_000;
export const MAX_JUSTIFICATIONS = 5_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Each text a return's cells put in the payload, and its bound. */
export const TEXT_LIMITS = {
  unitId: MAX_SHORT,
  contact: { name: MAX_TEXT, title: MAX_TEXT, org: MAX_TEXT, phone: MAX_SHORT, email: MAX_SHORT },
  /** A figure as typed, and the reason after a "no data" mark (a part of it). */
  figure: MAX_TEXT,
  comparison: MAX_TEXT,
  rowSource: MAX_TEXT,
  section: MAX_SECTION,
  justification: MAX_TEXT,
  version: MAX_SHORT,
} as const;
