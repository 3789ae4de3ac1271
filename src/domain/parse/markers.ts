/**
 * The words and signs people put around (or instead of) a figure, matched on folded text
 * (see normalise.ts: lower case, no diacritics, '-' for every dash). Each matcher looks at one
 * position and says how far its marker reaches, so the parser can walk the text once.
 * Longer phrases are tried first: "không dưới" (at least) must win over "dưới" (below).
 */
import { type Folded, originalSlice } from './normalise';
import { EXCEL_ERRORS, type Bound, type ExcelErrorCode } from './types';

/**
 * A sticky matcher for phrases (regex sources), longest first. A phrase ending in a word (a letter,
 * or a letter closing a group) must not run into a letter: "tu" is not the start of "tuan", but "khoảng6%" is "khoảng 6%".
 */
function phrases(sources: readonly string[]): RegExp {
  const sorted = [...sources].sort((a, b) => b.length - a.length);
  const alternatives = sorted.map((s) => (/[a-z]\)*$/.test(s) ? `${s}(?!\\p{L})` : s));
  return new RegExp(`(?:${alternatives.join('|')})`, 'uy');
}

function matchAt(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? null;
}

const APPROXIMATE = phrases([
  'khoang chung', 'khoang', 'chung', 'xap xi', 'gan', 'sap xi', '~', '≈', '∼',
  'approximately', 'approx\\.?', 'about', 'around', 'circa', 'ca\\.', 'nearly', 'almost', 'roughly',
]);

const BOUNDS: Record<Bound, RegExp> = {
  above: phrases(['cao hon', 'nhieu hon', 'lon hon', 'tren', 'hon', 'vuot', '>(?!=)', 'more than', 'greater than', 'over', 'above']),
  atLeast: phrases(['khong duoi', 'khong it hon', 'khong thap hon', 'toi thieu', 'it nhat', 'tu', '≥', '>=', '=>', 'at least', 'minimum', 'min\\.']),
  below: phrases(['thap hon', 'it hon', 'nho hon', 'duoi', 'chua den', 'chua toi', 'chua dat', '<(?!=)', 'less than', 'below', 'under']),
  atMost: phrases(['khong qua', 'khong vuot qua', 'khong vuot', 'toi da', 'nhieu nhat', '≤', '<=', '=<', 'at most', 'up to', 'maximum', 'max\\.']),
};
const BOUND_ORDER: readonly Bound[] = ['atLeast', 'atMost', 'above', 'below'];

/** "số liệu tạm ước tính", "ước", "sơ bộ", "(p)": a provisional estimate, in words. */
const PROVISIONAL_WORDS = [
  '(?:so lieu )?(?:tam uoc tinh|tam uoc|tam tinh|uoc tinh|uoc dat|uoc|so bo|du kien|du bao)',
  'provisional', 'preliminary', 'prelim\\.?', 'estimated', 'estimate', 'est\\.?', 'prov\\.?',
];
const PROVISIONAL = phrases(PROVISIONAL_WORDS);
/** Inside brackets a single letter is enough: Eurostat's "(p)" provisional, "(e)" estimated. */
const PROVISIONAL_IN_BRACKETS = new RegExp(`^(?:${[...PROVISIONAL_WORDS, 'p', 'e', 'tam'].join('|')})$`, 'u');

/** "6% trở lên" = at least 6%; "or more" likewise. */
const BOUND_SUFFIX: Record<'atLeast' | 'atMost', RegExp> = {
  atLeast: phrases(['tro len', 'or more', 'or above', 'and above', 'and over', 'or higher']),
  atMost: phrases(['tro xuong', 'or less', 'or below', 'and below', 'or lower']),
};

/** Words that may precede a figure without changing it: "đạt 15%", "= 15%". */
const FILLER = phrases(['dat', 'la', 'bang', '=(?![<>])', ':']);

export type PrefixMarker =
  | { kind: 'approximate' }
  | { kind: 'bound'; bound: Bound }
  | { kind: 'provisional' }
  | { kind: 'filler' };

export function matchPrefix(text: string, at: number): { marker: PrefixMarker; end: number } | null {
  const found = (marker: PrefixMarker, m: string) => ({ marker, end: at + m.length });
  let m = matchAt(PROVISIONAL, text, at);
  if (m) return found({ kind: 'provisional' }, m);
  m = matchAt(APPROXIMATE, text, at);
  if (m) return found({ kind: 'approximate' }, m);
  for (const bound of BOUND_ORDER) {
    m = matchAt(BOUNDS[bound], text, at);
    if (m) return found({ kind: 'bound', bound }, m);
  }
  m = matchAt(FILLER, text, at);
  if (m) return found({ kind: 'filler' }, m);
  const group = bracketGroupAt(text, at);
  if (group && PROVISIONAL_IN_BRACKETS.test(group.content)) return { marker: { kind: 'provisional' }, end: group.end };
  return null;
}

/** "%", "(%)", "phần trăm", "percent": the figure is written as a percent. */
const PERCENT = phrases(['%', '\\(\\s?%\\s?\\)', '\\[\\s?%\\s?\\]', 'phan tram', 'per ?cent', 'pct\\.?']);

export function matchPercent(text: string, at: number): number | null {
  const m = matchAt(PERCENT, text, at);
  return m === null ? null : at + m.length;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const toDigits = (s: string) => [...s].map((c) => (SUPERSCRIPT.includes(c) ? String(SUPERSCRIPT.indexOf(c)) : c)).join('');

/** A footnote reference written right after the percent sign: "14,26%1" (one or two digits). */
export function matchAttachedFootnote(text: string, at: number): { footnote: string; end: number } | null {
  const m = matchAt(/\d{1,2}(?![\d]|[.,]\d)/y, text, at);
  return m === null ? null : { footnote: m, end: at + m.length };
}

function bracketGroupAt(text: string, at: number): { content: string; end: number } | null {
  const open = text[at];
  const close = open === '(' ? ')' : open === '[' ? ']' : open === '{' ? '}' : null;
  if (!close) return null;
  const end = text.indexOf(close, at + 1);
  if (end < 0) return null;
  return { content: text.slice(at + 1, end).trim(), end: end + 1 };
}

export type SuffixMarker =
  | { kind: 'footnote'; footnote: string }
  | { kind: 'provisional' }
  | { kind: 'percent' }
  | { kind: 'bound'; bound: Bound }
  | { kind: 'note'; note: string }
  | { kind: 'punctuation' };

const FOOTNOTE_SIGNS = new RegExp(`(?:\\*+|†+|‡+|[${SUPERSCRIPT}]+)`, 'uy');
const FOOTNOTE_IN_BRACKETS = new RegExp(`^(?:\\d{1,3}|[a-z]|\\*+|[${SUPERSCRIPT}]+)$`, 'u');

/** What follows the figure at `at`: a footnote, a provisional mark, a bound word, a remark, end punctuation. */
export function matchSuffix(f: Folded, at: number): { marker: SuffixMarker; end: number } | null {
  const text = f.folded;
  const group = bracketGroupAt(text, at);
  if (group) {
    const c = group.content;
    const found = (marker: SuffixMarker) => ({ marker, end: group.end });
    if (PROVISIONAL_IN_BRACKETS.test(c)) return found({ kind: 'provisional' });
    if (FOOTNOTE_IN_BRACKETS.test(c)) return found({ kind: 'footnote', footnote: toDigits(c) });
    if (c === '%') return found({ kind: 'percent' });
    for (const bound of ['atLeast', 'atMost'] as const) {
      if (matchAt(BOUND_SUFFIX[bound], c, 0) === c) return found({ kind: 'bound', bound });
    }
    // A remark with another percent in it ("15% (16% năm 2022)") is a second figure, not a note.
    if (c === '' || c.includes('%')) return null;
    return found({ kind: 'note', note: originalSlice(f, at + 1, group.end - 1) });
  }
  let m = matchAt(FOOTNOTE_SIGNS, text, at);
  if (m) return { marker: { kind: 'footnote', footnote: toDigits(m) }, end: at + m.length };
  m = matchAt(PROVISIONAL, text, at);
  if (m) return { marker: { kind: 'provisional' }, end: at + m.length };
  for (const bound of ['atLeast', 'atMost'] as const) {
    m = matchAt(BOUND_SUFFIX[bound], text, at);
    if (m) return { marker: { kind: 'bound', bound }, end: at + m.length };
  }
  m = matchAt(/[.;,]+(?=\s*$)/y, text, at);
  if (m) return { marker: { kind: 'punctuation' }, end: at + m.length };
  return null;
}

/** A range or a second figure after the first: "10-12%", "10 đến 12%", "10 to 12%", "10~12%". */
export const RANGE_AFTER = /^\s*(?:-|~|den|toi|to)\s*[+-]?[.,]?\d/;
export const RANGE_ANYWHERE = /\d\s*%?\s*(?:-|~|den|toi|to)\s*[+-]?[.,]?\d/;

/**
 * "No figure" markers, as a whole or followed by a reason ("- (chưa điều tra)"). Symbol markers
 * followed by a number are not markers: "-5%" is a negative figure, "x 15%" a typo.
 */
const NO_DATA_WORDS = phrases([
  '(?:chua|khong) co (?:so lieu|du lieu|thong tin)', 'chua co', 'khong co',
  'chua (?:dieu tra|thong ke|cong bo|tong hop|xac dinh|thu thap|cap nhat)', 'khong ap dung', 'khong xac dinh',
  // "being updated / compiled": no figure yet, said politely.
  'dang (?:cap nhat|tong hop|thu thap|dieu tra|thong ke)',
  'no data', 'not available', 'not applicable', 'n/a', 'n\\.a\\.?', 'na', '#n/a',
]);
const NO_DATA_SIGNS = /(?:-+|\.{2,}|x(?![\p{L}\p{N}]))/uy;
const STARTS_WITH_NUMBER = /^\s*[+-]?\s*[.,]?\d/;

export function matchNoData(f: Folded): { marker: string; reason?: string } | null {
  const text = f.folded;
  let end: number | null = null;
  const word = matchAt(NO_DATA_WORDS, text, 0);
  if (word) end = word.length;
  else {
    const sign = matchAt(NO_DATA_SIGNS, text, 0);
    if (sign && !STARTS_WITH_NUMBER.test(text.slice(sign.length))) end = sign.length;
  }
  if (end === null) return null;
  const marker = originalSlice(f, 0, end);
  const reason = tidyReason(originalSlice(f, end));
  return reason ? { marker, reason } : { marker };
}

/** "- (chưa điều tra)." → "chưa điều tra": separators and one pair of enclosing brackets go. */
function tidyReason(rest: string): string | undefined {
  let r = rest.replace(/^[\s:;,.\-\u2010-\u2015\u2212]+/u, '').replace(/[\s.;,]+$/u, '');
  const wrapped = /^[([{](.*)[)\]}]$/su.exec(r);
  if (wrapped && !/[()[\]{}]/u.test(wrapped[1]!)) r = wrapped[1]!.trim();
  return r === '' ? undefined : r;
}

/**
 * A reference to a plan where a figure should be: it starts with "Theo…" / "Kế hoạch…" /
 * "per…" and names a plan, and holds no percent (a figure with a remark is not deferred).
 */
const DEFERRED_START = /^[([]?\s*(?:theo|can cu|tuy theo|according to|as per|per|see|ke hoach|kh|lo trinh)(?![\p{L}\p{N}])/u;
const PLAN_WORD = /(?:^|[^\p{L}\p{N}])(?:ke hoach|kh|lo trinh|quy hoach|de an|chuong trinh|chien luoc|plans?|roadmap)(?![\p{L}\p{N}])/u;

export function isDeferred(folded: string): boolean {
  return !folded.includes('%') && DEFERRED_START.test(folded) && PLAN_WORD.test(folded);
}

/** The Excel error a text spells, or null ("#value!" typed in lower case counts too). */
export function excelErrorOf(text: string): ExcelErrorCode | null {
  const upper = text.trim().toUpperCase();
  return (EXCEL_ERRORS as readonly string[]).includes(upper) ? (upper as ExcelErrorCode) : null;
}

/** A date as a text: "2023-05-01" (how an adapter may pass a Date), "1/5", "01/05/2023". */
export function looksLikeDate(folded: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}(?:[t ]\d{1,2}:\d{2}\S*)?$/.test(folded) || /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/.test(folded);
}
