/**
 * What Excel displays for a value under a number format (`Range.text`), en-US. Covers what forms
 * use: General, 0/#/? placeholders, decimals, thousands separators and scaling commas, percent,
 * scientific, quoted and escaped literals ("> "0.0%), up to four sections, @ text sections, and
 * common date/time codes. Column width (#### for narrow columns) is not modelled.
 */
import type { CellScalar } from './model';

type Token =
  | { t: 'lit'; s: string }
  | { t: 'digit'; c: '0' | '#' | '?' }
  | { t: 'point' }
  | { t: 'comma' }
  | { t: 'percent' }
  | { t: 'exp'; sign: '+' | '-' }
  | { t: 'at' }
  | { t: 'general' }
  | { t: 'date'; s: string }
  | { t: 'ampm'; s: string };

/** Sections split on ";" outside quotes, brackets and escapes. */
export function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A format Excel would refuse: unbalanced quotes or brackets, more than four sections. */
export function isValidNumberFormat(format: string): boolean {
  if (format.length > 255) return false;
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted) i++;
    else if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) {
      if (bracket) return false;
      bracket = true;
    } else if (ch === ']' && !quoted) bracket = false;
  }
  return !quoted && !bracket && splitSections(format).length <= 4;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.t === 'lit') last.s += s;
    else tokens.push({ t: 'lit', s });
  };
  let sawPoint = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i++;
    } else if (ch === '_') {
      lit(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ t: 'digit', c: ch });
    } else if (ch === '.' && !sawPoint) {
      sawPoint = true;
      tokens.push({ t: 'point' });
    } else if (ch === ',') {
      tokens.push({ t: 'comma' });
    } else if (ch === '%') {
      tokens.push({ t: 'percent' });
    } else if ((ch === 'E' || ch === 'e') && (section[i + 1] === '+' || section[i + 1] === '-')) {
      tokens.push({ t: 'exp', sign: section[i + 1] as '+' | '-' });
      i++;
    } else if (ch === '@') {
      tokens.push({ t: 'at' });
    } else if (/^general/i.test(rest)) {
      tokens.push({ t: 'general' });
      i += 6;
    } else if (/^(am\/pm|a\/p)/i.test(rest)) {
      const s = /^(am\/pm|a\/p)/i.exec(rest)![0];
      tokens.push({ t: 'ampm', s });
      i += s.length - 1;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ t: 'date', s: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else {
      lit(ch);
    }
  }
  return tokens;
}

/** Rounds half away from zero on the decimal representation, as Excel does (1.005 → 1.01). */
export function roundDecimal(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const shift = (n: number, by: number) => {
    const [m, e = '0'] = String(n).split('e');
    return Number(`${m}e${Number(e) + by}`);
  };
  const abs = Number(Math.abs(x).toPrecision(15));
  return Math.sign(x) * shift(Math.round(shift(abs, places)), -places);
}

/** Excel's General format in a standard-width column: at most 11 characters. */
export function formatGeneral(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs >= 1e11 || abs < 1e-9) {
    let exp = Math.floor(Math.log10(abs));
    let mantissa = roundDecimal(abs / 10 ** exp, 5);
    if (mantissa >= 10) {
      mantissa /= 10;
      exp += 1;
    }
    const m = trimZeros(mantissa.toFixed(5));
    return `${sign}${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const places = Math.max(0, 10 - intDigits);
  return sign + trimZeros(roundDecimal(abs, places).toFixed(places));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function pickSection(sections: string[], n: number): { section: string; absolute: boolean } {
  if (n > 0 || sections.length === 1) return { section: sections[0]!, absolute: false };
  if (n < 0) return { section: sections[1]!, absolute: true };
  return { section: sections[2] ?? sections[0]!, absolute: false };
}

/** The displayed text of a cell. */
export function displayText(value: CellScalar, isError: boolean, format: string): string {
  if (isError) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const sections = splitSections(format || 'General');
  if (typeof value === 'string') {
    if (value === '') return '';
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => tokenize(s).some((t) => t.t === 'at'));
    if (textSection === undefined) return value;
    return tokenize(textSection)
      .map((t) => (t.t === 'at' ? value : t.t === 'lit' ? t.s : ''))
      .join('');
  }
  if (!Number.isFinite(value)) return '#NUM!';
  const { section, absolute } = pickSection(sections.slice(0, 3), value);
  const tokens = tokenize(section);
  const n = absolute ? Math.abs(value) : value;
  if (tokens.some((t) => t.t === 'date' || t.t === 'ampm') && !tokens.some((t) => t.t === 'digit')) return formatDate(n, tokens);
  return formatNumber(n, tokens);
}

function formatNumber(value: number, tokens: Token[]): string {
  const negative = value < 0;
  let n = Math.abs(value);
  const digits = tokens.filter((t) => t.t === 'digit').length;
  const general = tokens.some((t) => t.t === 'general');
  if (digits === 0) {
    const body = tokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'general' ? formatGeneral(n) : t.t === 'percent' ? '%' : '')).join('');
    if (tokens.some((t) => t.t === 'percent') && general) {
      return (negative ? '-' : '') + tokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'general' ? formatGeneral(n * 100) : t.t === 'percent' ? '%' : '')).join('');
    }
    return (negative && general ? '-' : '') + body;
  }
  n *= 100 ** tokens.filter((t) => t.t === 'percent').length;

  const expAt = tokens.findIndex((t) => t.t === 'exp');
  const mantissaTokens = expAt < 0 ? tokens : tokens.slice(0, expAt);
  const pointAt = mantissaTokens.findIndex((t) => t.t === 'point');
  const intTokens = pointAt < 0 ? mantissaTokens : mantissaTokens.slice(0, pointAt);
  const fracTokens = pointAt < 0 ? [] : mantissaTokens.slice(pointAt + 1);
  const intPlaceholders = intTokens.filter((t): t is Extract<Token, { t: 'digit' }> => t.t === 'digit');
  const fracPlaceholders = fracTokens.filter((t): t is Extract<Token, { t: 'digit' }> => t.t === 'digit');

  // A comma after the last integer placeholder scales by 1000; one between placeholders groups.
  const lastIntDigit = intTokens.map((t) => t.t).lastIndexOf('digit');
  const firstIntDigit = intTokens.findIndex((t) => t.t === 'digit');
  let grouping = false;
  intTokens.forEach((t, i) => {
    if (t.t !== 'comma') return;
    if (i > firstIntDigit && i < lastIntDigit) grouping = true;
    else if (i > lastIntDigit) n /= 1000;
  });

  let exponent = 0;
  if (expAt >= 0 && n !== 0) {
    const intCount = Math.max(1, intPlaceholders.length);
    exponent = Math.floor(Math.log10(n)) - (intCount - 1);
    n /= 10 ** exponent;
    if (roundDecimal(n, fracPlaceholders.length) >= 10 ** intCount) {
      n /= 10;
      exponent += 1;
    }
  }

  const rounded = roundDecimal(n, fracPlaceholders.length);
  const [intRaw, fracRaw = ''] = rounded.toFixed(fracPlaceholders.length).split('.');
  const minInt = intPlaceholders.filter((t) => t.c === '0').length;
  let intText = intRaw === '0' ? '' : intRaw!;
  if (intText.length < minInt) intText = intText.padStart(minInt, '0');
  const questionPad = intPlaceholders.filter((t) => t.c === '?').length;
  if (questionPad && intText.length < minInt + questionPad) intText = intText.padStart(minInt + questionPad, ' ');
  if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  // Trailing zeros under # vanish and under ? become spaces; a 0 placeholder keeps its digit.
  const fracChars = fracRaw.split('');
  for (let i = fracChars.length - 1; i >= 0; i--) {
    const c = fracPlaceholders[i]!.c;
    if (fracChars[i] !== '0' || c === '0') break;
    fracChars[i] = c === '?' ? ' ' : '';
  }
  const fracText = fracChars.join('');

  const isZero = rounded === 0 && exponent === 0;
  let out = negative && !isZero ? '-' : '';
  let intDone = false;
  let fracDone = false;
  for (const [i, t] of mantissaTokens.entries()) {
    if (t.t === 'lit') out += t.s;
    else if (t.t === 'percent') out += '%';
    else if (t.t === 'point') out += '.';
    else if (t.t === 'digit' && (pointAt < 0 || i < pointAt)) {
      if (!intDone) out += intText;
      intDone = true;
    } else if (t.t === 'digit') {
      if (!fracDone) out += fracText;
      fracDone = true;
    }
  }
  if (expAt >= 0) {
    const expTokens = tokens.slice(expAt + 1);
    const expDigits = expTokens.filter((t) => t.t === 'digit').length;
    const sign = exponent < 0 ? '-' : (tokens[expAt] as { sign: string }).sign === '+' ? '+' : '';
    out += `E${sign}${String(Math.abs(exponent)).padStart(expDigits, '0')}`;
    out += expTokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'percent' ? '%' : '')).join('');
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Excel's 1900 date system, including its phantom 29 February 1900 (serial 60). */
export function serialToParts(serial: number): { y: number; m: number; d: number; wd: number; h: number; min: number; s: number } {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  let y: number;
  let m: number;
  let d: number;
  let wd: number;
  if (days === 60) {
    [y, m, d, wd] = [1900, 2, 29, 3];
  } else {
    const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000);
    [y, m, d, wd] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
  }
  return { y, m, d, wd, h: Math.floor(seconds / 3600), min: Math.floor((seconds % 3600) / 60), s: seconds % 60 };
}

export function partsToSerial(y: number, m: number, d: number): number {
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
  return days < 61 ? days - 1 : days;
}

function formatDate(serial: number, tokens: Token[]): string {
  if (serial < 0) return '#'.repeat(11);
  const p = serialToParts(serial);
  const twelve = tokens.some((t) => t.t === 'ampm');
  let out = '';
  tokens.forEach((t, i) => {
    if (t.t === 'lit') out += t.s;
    else if (t.t === 'ampm') out += t.s.toLowerCase() === 'a/p' ? (p.h < 12 ? 'A' : 'P') : p.h < 12 ? 'AM' : 'PM';
    else if (t.t === 'date') {
      const s = t.s;
      const prev = tokens.slice(0, i).reverse().find((x) => x.t === 'date') as { s: string } | undefined;
      const next = tokens.slice(i + 1).find((x) => x.t === 'date') as { s: string } | undefined;
      const minutes = s[0] === 'm' && s.length <= 2 && (prev?.s[0] === 'h' || next?.s[0] === 's');
      if (s[0] === 'y') out += s.length <= 2 ? String(p.y % 100).padStart(2, '0') : String(p.y);
      else if (minutes) out += s.length === 2 ? String(p.min).padStart(2, '0') : String(p.min);
      else if (s[0] === 'm') out += s.length === 1 ? String(p.m) : s.length === 2 ? String(p.m).padStart(2, '0') : s.length === 3 ? MONTHS[p.m - 1]!.slice(0, 3) : s.length === 5 ? MONTHS[p.m - 1]![0] : MONTHS[p.m - 1];
      else if (s[0] === 'd') out += s.length === 1 ? String(p.d) : s.length === 2 ? String(p.d).padStart(2, '0') : s.length === 3 ? DAYS[p.wd]!.slice(0, 3) : DAYS[p.wd];
      else if (s[0] === 'h') {
        const h = twelve ? ((p.h + 11) % 12) + 1 : p.h;
        out += s.length >= 2 ? String(h).padStart(2, '0') : String(h);
      } else if (s[0] === 's') out += s.length >= 2 ? String(p.s).padStart(2, '0') : String(p.s);
    } else if (t.t === 'percent') out += '%';
    else if (t.t === 'point') out += '.';
  });
  return out;
}

/** Whether a format shows numbers as percentages (outside quoted literals). */
export function isPercentFormat(format: string): boolean {
  return tokenize(splitSections(format)[0] ?? '').some((t) => t.t === 'percent');
}

export function isTextFormat(format: string): boolean {
  return format.trim() === '@';
}
