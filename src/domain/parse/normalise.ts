/**
 * One folded form of what a person typed, for matching, with a map back to the original so
 * that a reason, a note or a deferred text is quoted as typed (with its diacritics).
 *
 * Folded means: NFC first (NFD input from macOS or a web form must match the same words),
 * then lower case without diacritics and đ → d (people type "chua co so lieu" on keyboards
 * without Telex, and mix composed and decomposed accents), full-width forms as ASCII (IMEs
 * produce "１５，５％"), every dash and minus as '-', every space-like character (NBSP, thin,
 * narrow NBSP, ideographic) as one space, invisible characters dropped. Superscript digits are
 * kept apart on purpose: "15,5%¹" is a footnote, not 15.51.
 */
export interface Folded {
  /** The input after NFC. */
  original: string;
  /** The folded form, trimmed, spaces collapsed. */
  folded: string;
  /** origin[i]: where folded[i] starts in `original`; origin[folded.length] = original.length. */
  origin: number[];
}

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/;
const DASH = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/;
const SPECIAL: Record<string, string> = {
  '\u2026': '...', // …
  '\u066A': '%', // Arabic percent sign
  '\uFE6A': '%', // small percent sign
  '\u2A7E': '≥',
  '\u2267': '≥',
  '\u2A7D': '≤',
  '\u2266': '≤',
  '\u0111': 'd', // đ has no decomposition to strip
  '\u0110': 'd',
};

// Checks read every character of every cell, sections included: folding each distinct character
// once, and ASCII without a lookup, keeps the server's check of a submission well under a millisecond.
const FOLDED = new Map<string, string>();

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code > 0x20 && code < 0x7f) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded = foldCharUncached(ch);
    if (FOLDED.size < 4096) FOLDED.set(ch, folded);
  }
  return folded;
}

function foldCharUncached(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (DASH.test(ch)) return '-';
  if (/\s/.test(ch)) return ' ';
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  const cp = ch.codePointAt(0)!;
  // Full-width ASCII block (！ … ～) and the ideographic space.
  if (cp >= 0xff01 && cp <= 0xff5e) return foldChar(String.fromCodePoint(cp - 0xfee0));
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function fold(input: string): Folded {
  const original = input.normalize('NFC');
  // Pieces in an array, not `folded +=`: checking the last character of a growing string
  // flattens it every time, which made long cells quadratic.
  const pieces: string[] = [];
  const origin: number[] = [];
  let last = ' '; // so leading spaces are dropped
  let at = 0;
  for (const ch of original) {
    for (const out of foldChar(ch)) {
      if (out === ' ' && last === ' ') continue;
      pieces.push(out);
      for (let k = 0; k < out.length; k++) origin.push(at);
      last = out;
    }
    at += ch.length;
  }
  if (last === ' ' && pieces.length > 0) {
    pieces.pop();
    origin.pop();
  }
  origin.push(original.length);
  return { original, folded: pieces.join(''), origin };
}

/** The original text behind folded[start, end), trimmed. */
export function originalSlice(f: Folded, start: number, end: number = f.folded.length): string {
  const from = f.origin[Math.max(0, Math.min(start, f.folded.length))]!;
  const to = end >= f.folded.length ? f.original.length : f.origin[Math.max(0, end)]!;
  return f.original.slice(from, to).trim();
}

/** Just the folded text: for comparing words ("Chưa có số liệu" → "chua co so lieu"). */
export function foldText(input: string): string {
  return fold(input).folded;
}
