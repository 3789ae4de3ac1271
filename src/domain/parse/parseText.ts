/**
 * A figure typed as text. The grammar, on folded text (normalise.ts):
 *
 *   prefix* sign? number percent? attachedFootnote? suffix*
 *   prefix  = approximate word | bound word | provisional word | "(sơ bộ)" | filler ("đạt", "=")
 *   percent = "%" | "(%)" | "phần trăm" | "percent"
 *   suffix  = footnote ("*", "¹", "[1]", "(4)") | provisional ("(ước)", "tạm tính", "(p)")
 *           | bound ("trở lên") | "(remark)" | final punctuation
 *
 * Whatever is left over decides the failure: another number means several figures or a range,
 * words mean the text is not a figure. Nothing is guessed past that.
 */
import {
  RANGE_AFTER, RANGE_ANYWHERE, excelErrorOf, isDeferred, looksLikeDate, matchAttachedFootnote,
  matchNoData, matchPercent, matchPrefix, matchSuffix,
} from './markers';
import { type Folded, fold, originalSlice } from './normalise';
import { countNumbers, numberTokenAt, readNumberToken } from './numberText';
import { readBare, withinRange, type Reading } from './classify';
import type { Bound, ParseOptions, ParsedFigure } from './types';

interface Marks {
  approximate: boolean;
  bound?: Bound;
  provisional: boolean;
  footnote?: string;
  note?: string;
  percentSign: boolean;
}

const skipSpaces = (text: string, at: number) => (text[at] === ' ' ? at + 1 : at);

export function parseFigureText(raw: string, provisionalByFormat: boolean, options: ParseOptions): ParsedFigure {
  const f = fold(raw);
  const t = f.folded;
  if (t === '') return { kind: 'empty' };
  const error = excelErrorOf(raw);
  if (error === '#N/A') return { kind: 'noData', marker: '#N/A' };
  if (error) return { kind: 'error', excelError: error };
  const noData = matchNoData(f);
  if (noData) return { kind: 'noData', ...noData };
  const text = originalSlice(f, 0);
  if (looksLikeDate(t)) return { kind: 'invalid', text, reason: 'unreadable', detail: 'date' };
  if (isDeferred(t)) return { kind: 'deferred', text };
  return readFigure(f, text, provisionalByFormat, options);
}

function readFigure(f: Folded, text: string, provisionalByFormat: boolean, options: ParseOptions): ParsedFigure {
  const t = f.folded;
  const marks: Marks = { approximate: false, provisional: provisionalByFormat, percentSign: false };
  let at = 0;
  for (;;) {
    at = skipSpaces(t, at);
    const prefix = matchPrefix(t, at);
    if (!prefix) break;
    if (prefix.marker.kind === 'approximate') marks.approximate = true;
    else if (prefix.marker.kind === 'provisional') marks.provisional = true;
    else if (prefix.marker.kind === 'bound') marks.bound ??= prefix.marker.bound;
    at = prefix.end;
  }

  let sign = 1;
  if (t[at] === '+' || t[at] === '-') {
    sign = t[at] === '-' ? -1 : 1;
    at = skipSpaces(t, at + 1);
  }
  const token = numberTokenAt(t, at);
  if (token === null) return failure(text, t, null);
  const reading = readNumberToken(token);
  if (reading === null) return { kind: 'invalid', text, reason: 'notANumber', detail: 'malformedNumber' };
  at += token.length;

  const percentEnd = matchPercent(t, skipSpaces(t, at));
  if (percentEnd !== null) {
    marks.percentSign = true;
    at = percentEnd;
    // Only straight after the percent sign: "14,26%1" is a footnote, "14,261" is a number.
    const attached = matchAttachedFootnote(t, at);
    if (attached) {
      marks.footnote = attached.footnote;
      at = attached.end;
    }
  }

  for (;;) {
    at = skipSpaces(t, at);
    if (at >= t.length) break;
    const suffix = matchSuffix(f, at);
    if (!suffix) return failure(text, t, t.slice(at));
    const m = suffix.marker;
    if (m.kind === 'footnote') marks.footnote = marks.footnote ? `${marks.footnote},${m.footnote}` : m.footnote;
    else if (m.kind === 'provisional') marks.provisional = true;
    else if (m.kind === 'percent') marks.percentSign = true;
    else if (m.kind === 'bound') marks.bound ??= m.bound;
    else if (m.kind === 'note') marks.note = marks.note ? `${marks.note}; ${m.note}` : m.note;
    at = suffix.end;
  }

  const value = sign * reading.value + 0;
  // Without a percent sign the text follows the rule for a number in a General cell.
  const percent: Reading = marks.percentSign ? { percent: value, interpretedAs: 'percentText' } : readBare(value, options);
  return withinRange(percent, {
    kind: 'number',
    source: 'text',
    text,
    approximate: marks.approximate || marks.bound !== undefined,
    provisional: marks.provisional,
    ...(marks.bound ? { bound: marks.bound } : {}),
    ...(marks.footnote ? { footnote: marks.footnote } : {}),
    ...(marks.note ? { note: marks.note } : {}),
    ...(reading.separatorAmbiguous ? { separatorAmbiguous: true } : {}),
  });
}

/** Why the text is not one figure; `leftover` is what followed a readable figure, if any. */
function failure(text: string, folded: string, leftover: string | null): ParsedFigure {
  const numbers = leftover === null ? countNumbers(folded) : 1 + countNumbers(leftover);
  if (numbers >= 2) {
    const range = leftover === null ? RANGE_ANYWHERE.test(folded) : RANGE_AFTER.test(leftover);
    return { kind: 'invalid', text, reason: 'multipleNumbers', ...(range ? { detail: 'range' } : {}) };
  }
  return { kind: 'invalid', text, reason: 'notANumber', ...(/\p{L}/u.test(folded) ? { detail: 'unknownWords' } : {}) };
}
