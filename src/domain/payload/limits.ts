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

/**
 * Characters no text of the payload may hold, because they hide or disguise what is shown (a
 * reviewer reads these texts, a merge prints them): control characters (C0, DEL, C1) and UTF-16
 * surrogates without their pair. Multi-line texts (sections, comparisons, sources, figures as
 * typed, justifications: an Excel cell may hold Alt+Enter line breaks) may hold tab, line feed and
 * carriage return. One-line texts (the focal point, identifiers, versions) hold none of those, nor
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can
 * make a name display as another.
 *
 * Written as JSON Schema patterns (ECMA-262, no flags, no lookbehind), so the OpenAPI document
 * says exactly what the zod schema accepts.
 */
const PAIRED = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
export const MULTILINE_TEXT_PATTERN = `^(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|${PAIRED})*$`;
export const LINE_TEXT_PATTERN = `^(?:[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF]|${PAIRED})*$`;

export type TextKind = 'line' | 'multiline';

export interface BadCharacter {
  /** "U+0000" */
  codePoint: string;
  /** 1-based position in the text, in UTF-16 code units (as Excel and the length bounds count). */
  position: number;
  what: 'control' | 'bidi' | 'surrogate';
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LINE_BREAKS = /[\t\n\r]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

const CLEAN: Record<TextKind, RegExp> = { line: new RegExp(LINE_TEXT_PATTERN), multiline: new RegExp(MULTILINE_TEXT_PATTERN) };

/** The first character of `text` a payload text of that kind may not hold, or null. */
export function badCharacter(text: string, kind: TextKind): BadCharacter | null {
  // Nearly every text is clean: one regular-expression pass says so, the loop below says where.
  if (CLEAN[kind].test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let what: BadCharacter['what'] | null = null;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      what = 'surrogate';
    } else if (c >= 0xdc00 && c <= 0xdfff) what = 'surrogate';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      const ch = text[i]!;
      what = CONTROL.test(ch) && !(kind === 'multiline' && LINE_BREAKS.test(ch)) ? 'control' : null;
    } else if (kind === 'line' && BIDI.test(text[i]!)) what = 'bidi';
    if (what) return { codePoint: `U+${c.toString(16).toUpperCase().padStart(4, '0')}`, position: i + 1, what };
  }
  return null;
}
