/**
 * Reading Excel number formats: does the cell show its number as a percent, does its format
 * mark the figure provisional, and does it carry a comparator ('"> "0%', as the template writes
 * targets). Only the parts of the format Excel prints literally count: a '%' inside quotes,
 * after a backslash, inside [brackets] or after '_' / '*' is text, not percent scaling.
 */
import { fold } from './normalise';
import type { Bound } from './types';

/**
 * The convention for a provisional estimate (số liệu tạm ước tính): the figure's format gets
 * this suffix, so the cell shows "15,50% (ước)" and the value stays a number. The "Tạm ước tính"
 * button adds it (provisionalFormat) and removes it (withoutProvisional); the parser reads it back.
 */
export const PROVISIONAL_FORMAT_SUFFIX = '" (ước)"';
/** Every suffix we write or accept as the convention; isProvisionalFormat also reads other literals. */
export const PROVISIONAL_FORMAT_SUFFIXES = [PROVISIONAL_FORMAT_SUFFIX, '" (tạm ước tính)"'] as const;

interface Section {
  /** Characters Excel prints as they are (quoted, escaped). */
  literal: string;
  /** Literal text before the first digit placeholder: where a comparator goes. */
  leading: string;
  percent: boolean;
  text: boolean;
  /** Day, month, year, hour or second codes: the number is a date serial. */
  date: boolean;
}

/** Splits a format into sections and reads each once; never throws on malformed formats. */
// A handful of formats occur across all returns ('0.00%', the provisional one, General…):
// each is split into sections once. Callers never mutate the sections.
const SECTIONS = new Map<string, Section[]>();

function sections(format: string): Section[] {
  let known = SECTIONS.get(format);
  if (known === undefined) {
    known = parseSections(format);
    if (SECTIONS.size < 1000) SECTIONS.set(format, known);
  }
  return known;
}

function parseSections(format: string): Section[] {
  const out: Section[] = [];
  const fresh = (): Section => ({ literal: '', leading: '', percent: false, text: false, date: false });
  let current = fresh();
  let seenPlaceholder = false;
  const addLiteral = (s: string) => {
    current.literal += s;
    if (!seenPlaceholder) current.leading += s;
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      const end = close < 0 ? format.length : close;
      addLiteral(format.slice(i + 1, end));
      i = end;
    } else if (ch === '\\') {
      addLiteral(format[i + 1] ?? '');
      i++;
    } else if (ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = format.indexOf(']', i + 1);
      i = close < 0 ? format.length : close;
    } else if (ch === ';') {
      out.push(current);
      current = fresh();
      seenPlaceholder = false;
    } else if (ch === '%') {
      current.percent = true;
      seenPlaceholder = true;
    } else if (ch === '@') {
      current.text = true;
      seenPlaceholder = true;
    } else if (/^general/i.test(format.slice(i, i + 7))) {
      seenPlaceholder = true;
      i += 6;
    } else if (/[0#?]/.test(ch)) {
      seenPlaceholder = true;
    } else if (/[dmyhs]/i.test(ch)) {
      current.date = true;
      seenPlaceholder = true;
    } else if (ch === ' ' || ch === '-' || ch === '(' || ch === ')' || ch === '+' || ch === '$') {
      // Characters Excel prints without quotes.
      addLiteral(ch);
    }
  }
  out.push(current);
  return out;
}

/** The section Excel uses for this value: positive;negative;zero;text. */
function sectionFor(format: string, value: number): Section {
  const every = sections(format);
  const numeric = every.filter((s) => !s.text);
  const all = numeric.length > 0 ? numeric : every;
  if (value < 0 && all.length >= 2) return all[1]!;
  if (value === 0 && all.length >= 3) return all[2]!;
  return all[0]!;
}

/** Whether Excel shows `value` in this format as a percent (multiplied by 100). */
export function isPercentFormat(format: string | undefined, value = 1): boolean {
  if (!format) return false;
  return sectionFor(format, value).percent;
}

/**
 * Whether Excel shows the value as a date or time. A Vietnamese-locale Excel turns "1.5" typed
 * in a figure cell into 1 May: the value is then a date serial, not a figure.
 */
export function isDateFormat(format: string | undefined, value = 1): boolean {
  if (!format) return false;
  return sectionFor(format, value).date;
}

const PROVISIONAL_WORD = /(^|[^a-z])(uoc|tam|so bo|du kien)([^a-z]|$)/;
const PROVISIONAL_MARK = /\((p|e|est\.?|prov\.?)\)/;

/** Whether literal format text says "provisional": "ước", "tạm", "sơ bộ", "dự kiến", "(p)", "(e)". */
function isProvisionalLiteral(literal: string): boolean {
  const folded = fold(literal).folded;
  // "p"/"e" count only in brackets: "(p)" is the statisticians' mark, a bare letter is noise.
  return PROVISIONAL_WORD.test(folded) || PROVISIONAL_MARK.test(folded);
}

/** Whether the format marks a provisional estimate: our suffix, or any literal "ước", "tạm", "sơ bộ", "(p)". */
export function isProvisionalFormat(format: string | undefined): boolean {
  if (!format) return false;
  return sections(format).some((s) => isProvisionalLiteral(s.literal));
}

/** A comparator printed before the number ('"> "0%' → 'above'), as the template writes targets. */
export function formatBound(format: string | undefined, value = 1): Bound | undefined {
  if (!format) return undefined;
  const leading = fold(sectionFor(format, value).leading).folded;
  if (/^(≥|>=|=>)/.test(leading)) return 'atLeast';
  if (/^(≤|<=|=<)/.test(leading)) return 'atMost';
  if (leading.startsWith('>')) return 'above';
  if (leading.startsWith('<')) return 'below';
  return undefined;
}

/** Splits at ';' outside quotes, escapes and brackets, keeping every character. */
function splitSections(format: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      i = close < 0 ? format.length : close;
    } else if (ch === '\\') i++;
    else if (ch === '[') {
      const close = format.indexOf(']', i + 1);
      i = close < 0 ? format.length : close;
    } else if (ch === ';') {
      parts.push(format.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(format.slice(start));
  return parts;
}

/**
 * The format with the provisional suffix added to each number section (not an empty or text
 * section): '0.00%' → '0.00%" (ước)"'. Already provisional formats come back unchanged.
 */
export function provisionalFormat(baseFormat: string | undefined): string {
  const base = baseFormat && baseFormat.trim() !== '' ? baseFormat : 'General';
  if (isProvisionalFormat(base)) return base;
  return splitSections(base)
    .map((part, index) => (index < 3 && part !== '' && !sections(part)[0]!.text ? part + PROVISIONAL_FORMAT_SUFFIX : part))
    .join(';');
}

/**
 * The format without its provisional mark: our suffixes, and any other quoted or escaped literal
 * that reads as one ('"(tạm) "0.0%' typed by hand), so unmarking works on every marked cell.
 */
export function withoutProvisional(format: string | undefined): string {
  let out = format ?? '';
  for (const suffix of PROVISIONAL_FORMAT_SUFFIXES) out = out.split(suffix).join('');
  out = out.replace(/"[^"]*"|(?:\\.)+/g, (literal) => {
    const content = literal.startsWith('"') ? literal.slice(1, -1) : literal.replace(/\\(.)/g, '$1');
    return isProvisionalLiteral(content) ? '' : literal;
  });
  return out.trim() === '' ? 'General' : out;
}
