/**
 * A returned workbook read fast, for `chitieu merge` over hundreds of files: the same ReadResult
 * as the ExcelJS reader (check/readReturnData.ts), from the few parts of the zip that matter —
 * xl/workbook.xml (defined names, sheets), its rels (sheet files), xl/styles.xml (number formats:
 * a provisional mark can live in one), xl/sharedStrings.xml and the sheets the names point to —
 * with fflate and a small XML scan, in about a millisecond instead of ~30.
 *
 * It mirrors what ExcelJS gives (so a figure reads the same whichever reader read it):
 * - values: a formula's cached result, rich text joined, an error as its code, a number in a
 *   date-formatted cell as a Date (1900 or 1904 system), '' as null;
 * - text: ExcelJS's `cell.text` (it does not apply number formats): String(number),
 *   Date#toString(), "" for an empty cell or a formula without (or with a falsy) result;
 * - number format: the cell's xf's format code (custom or built-in), 'General' otherwise;
 * - defined names as ExcelJS keeps them: a reference without `$…$` or to `#REF!` is dropped
 *   (reads as missing), several areas are "not a range".
 *
 * Never throws: a damaged file, or one that is not an .xlsx at all, is `damaged` with the reason.
 */
import { Inflate, inflateSync } from 'fflate';
import { allRows, loadCatalogue } from '../../catalogue/load';
import type { Catalogue } from '../../catalogue/schema';
import { RECEIPT_NAMES } from '../../domain/cellContract';
import { contractNames, interpretReads, type NameRead } from '../../domain/readContract';
import type { RawCell, ReadResult } from '../../domain/returnData';
import { CHECK_SHEET_NAME, justificationsOf, readCheckRows } from '../excel/check/checkSheet';

export interface FastRead {
  result: ReadResult;
  /** CT_RECEIPT_TIME on the receipt sheet ("Biên nhận"), when the return was sent and it holds an ISO time. */
  receivedAt: string | null;
  /** Set when the bytes are not a readable .xlsx (not a zip, truncated, no workbook part): why. */
  damaged?: string;
}

/** "'Phụ lục 01'!$E$30" or "Sheet1!$E$30:$F$31" (the same pattern readReturnData uses). */
const REFERENCE = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;
/** ExcelJS keeps a defined name's range only when its address part matches this. */
const EXCELJS_RANGE = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

/** ExcelJS's built-in number formats (defaultnumformats.js; the locale-dependent ones give none). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * The parts are scanned as latin1 text (one char per byte: ~100 times faster to make than UTF-8
 * text when the sheet holds Vietnamese input messages, and every tag and attribute name is ASCII),
 * and only the fragments taken out are decoded as UTF-8 (decodeXml does it, first).
 *
 * Web-standard, so the same code runs in `chitieu merge` and in the task pane: a TextDecoder
 * makes the text. Browsers decode the label "latin1" as windows-1252, which puts 27 other
 * characters at bytes 0x80–0x9F (still one UTF-16 unit per byte, so offsets stay byte offsets);
 * byteOf maps them back. Where Node's Buffer is there (the CLI, jest) its latin1 decoder is used
 * instead, found on globalThis, never imported: Node 20's TextDecoder("latin1") goes through ICU
 * and is several times slower, which `chitieu merge` over 1,000 files would feel.
 */
const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');
type NodeBufferLike = { from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string } };
const nodeBuffer = (): NodeBufferLike | undefined => (globalThis as { Buffer?: NodeBufferLike }).Buffer;
const bytesText = (bytes: Uint8Array): string => {
  const B = nodeBuffer();
  return B ? B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : LATIN1.decode(bytes);
};

/** windows-1252's characters at 0x80–0x9F → their bytes (for text a browser's "latin1" decoder made). */
const CP1252_BYTES = new Map<number, number>(
  [0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178]
    .map((code, i) => [code, 0x80 + i] as [number, number])
    .filter(([code]) => code !== 0),
);
const byteOf = (code: number): number => (code < 0x100 ? code : CP1252_BYTES.get(code) ?? 0x3f);
const NON_ASCII = /[^\x00-\x7f]/;
/** A fragment of bytesText's text → its bytes → UTF-8 text. */
const utf8Of = (latin1: string): string => {
  if (!NON_ASCII.test(latin1)) return latin1;
  const bytes = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) bytes[i] = byteOf(latin1.charCodeAt(i));
  return UTF8.decode(bytes);
};

// ---- XML helpers ------------------------------------------------------------------------------

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A fragment of a part (latin1, see bytesText) as text: UTF-8 decoded, then XML character and entity references, as a SAX parser decodes them. */
export function decodeXml(latin1: string): string {
  let text = utf8Of(latin1);
  // XML's end-of-line handling (a raw CR or CRLF is read as LF); a &#13; stays a CR.
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, named: string | undefined) =>
    named ? NAMED[named]! : String.fromCodePoint(parseInt(dec ?? hex!, dec ? 10 : 16)),
  );
}

/** ExcelJS's utils.xmlDecode, applied a second time to `t="str"` values and formula string results. */
function excelJsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => (c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c));
}

/** `_x000D_` escapes, as ExcelJS's TextXform decodes them in shared strings and rich text runs. */
const unescapeX = (text: string) => (text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));

/** The attributes of a start tag's inside (`name="v" other='w'`), decoded; namespace prefixes kept. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Text of every `<t>` (with or without attributes) inside a fragment, in order. */
function textRuns(fragment: string): string[] {
  const out: string[] = [];
  const re = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) out.push(decodeXml(m[1] ?? ''));
  return out;
}

/** Removes `<rPh>` (phonetic runs): ExcelJS ignores them. */
const withoutPhonetic = (fragment: string) => (fragment.indexOf('<rPh') < 0 ? fragment : fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''));

type StringValue = string | { richText: string[] };

/** A `<si>` or `<is>` body: a plain `<t>` or runs `<r>`. */
function stringItem(body: string, decodeX: boolean): StringValue {
  const clean = withoutPhonetic(body);
  if (clean.indexOf('<r>') >= 0 || clean.indexOf('<r ') >= 0) {
    const runs: string[] = [];
    const re = /<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(clean))) runs.push(unescapeX(textRuns(m[1]!).join('')));
    return { richText: runs };
  }
  const text = textRuns(clean).join('');
  return decodeX ? unescapeX(text) : text;
}

// ---- workbook parts ---------------------------------------------------------------------------

interface Styles {
  /** cellXfs index → number format code, or undefined (ExcelJS: no numFmt). */
  formatOf(styleIndex: number): string | undefined;
}

function parseStyles(xml: string | undefined): Styles {
  if (!xml) return { formatOf: () => undefined };
  const custom = new Map<number, string>();
  const numFmts = /<numFmts\b[\s\S]*?<\/numFmts>/.exec(xml)?.[0] ?? '';
  for (const m of numFmts.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? '';
  const formats: (string | undefined)[] = [];
  for (const m of cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = /\bnumFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!);
    const n = id ? Number(id[1]) : 0;
    formats.push(n ? (custom.get(n) ?? BUILTIN_FORMATS[n]) : undefined);
  }
  return { formatOf: (i) => formats[i] };
}

/**
 * The shared strings table, each item decoded when first asked for: a return's table is mostly
 * the template's own labels, and only the few its named cells use are ever read.
 */
class SharedStrings {
  private readonly bodies: (string | undefined)[] = [];
  private readonly decoded = new Map<number, StringValue>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) this.bodies.push(m[1] ?? '');
  }

  at(index: number): StringValue | undefined {
    let value = this.decoded.get(index);
    if (value === undefined) {
      const body = this.bodies[index];
      if (body === undefined) return undefined;
      value = body === '' ? '' : stringItem(body, true);
      this.decoded.set(index, value);
    }
    return value;
  }
}

interface WorkbookPart {
  date1904: boolean;
  /** Sheets in order: name and zip path. */
  sheets: { name: string; path: string }[];
  /** Defined names by lower-case name (the last definition wins, as in ExcelJS) → the reference text. */
  names: Map<string, string>;
}

/** `exists`: ExcelJS keeps only the sheets whose part (xl/worksheets/sheetN.xml) is in the zip (no chartsheets). */
function parseWorkbook(xml: string, relsXml: string | undefined, exists: (path: string) => boolean): WorkbookPart {
  const rels = new Map<string, string>();
  for (const m of (relsXml ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.Id && a.Target) rels.set(a.Id, `xl/${a.Target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const sheets: WorkbookPart['sheets'] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const target = rid ? rels.get(rid) : undefined;
    if (a.name !== undefined && target && /^xl\/worksheets\/sheet\d+\.xml$/.test(target) && exists(target)) sheets.push({ name: a.name, path: target });
  }
  const names = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const a = attributes(m[1]!);
    if (a.name) names.set(a.name.toLowerCase(), decodeXml(m[2]!));
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(xml);
  const date1904 = pr ? /^(1|true)$/i.test(attributes(pr[1]!).date1904 ?? '') : false;
  return { date1904, sheets, names };
}

/** ExcelJS's colCache.decodeEx does not throw on it (it throws only on a column past XFD, e.g. a function's name run into a sheet's). */
function decodesInExcelJs(range: string): boolean {
  const reference = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(range)![3]!;
  const address = (value: string): boolean => {
    let hasCol = false;
    let hasRow = false;
    let col = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (!hasRow && c >= 65 && c <= 90) {
        hasCol = true;
        col = col * 26 + c - 64;
      } else if (c >= 48 && c <= 57) hasRow = true;
      else if (hasRow && hasCol && c !== 36) break;
    }
    return !(hasCol && col > 16384);
  };
  const parts = reference.split(':');
  if (parts.length > 1) return address(parts[0]!) && address(parts[1]!);
  return reference.startsWith('#') || address(reference);
}

/** ExcelJS's extractRanges and its defined-names matrix, for the cases a return meets. */
function excelJsRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (decodesInExcelJs(item)) ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even && decodesInExcelJs(item)) ranges.push(item);
    else if (quotesOpened && !even) {
      quotesOpened = false;
      if (decodesInExcelJs(last + item)) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges.filter((r) => EXCELJS_RANGE.test(r.split('!').pop() ?? ''));
}

// ---- cells ------------------------------------------------------------------------------------

interface CellXml {
  s: number;
  t: string;
  /** The `<f>` element is there (a formula, or a shared formula's follower). */
  formula: boolean;
  /** The formula's text ("" for a follower). */
  formulaText: string;
  /** `<v>` text (decoded), or undefined. */
  v: string | undefined;
  /** `<is>` body, for inline strings. */
  is: string | undefined;
}

const COLUMN_OF = /^([A-Z]+)(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The cells of a sheet's XML whose address `wanted` accepts, in document order. One pass over
 * the `<row>`/`<c>` tags; a cell without `r` takes the next column of its row, as Excel does.
 */
function scanCellsSlow(xml: string, wanted: (address: string) => boolean): Map<string, CellXml> {
  const out = new Map<string, CellXml>();
  const start = xml.indexOf('<sheetData');
  if (start < 0) return out;
  const tag = /<(row|c)(?=[\s>\/])([^>]*?)(\/?)>|<\/sheetData>/g;
  tag.lastIndex = start;
  let row = 0;
  let column = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml))) {
    if (m[1] === undefined) break;
    const attrs = m[2]!;
    if (m[1] === 'row') {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(attrs);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      continue;
    }
    const r = /\br\s*=\s*["']([A-Za-z]+)(\d+)["']/.exec(attrs);
    if (r) {
      column = columnNumber(r[1]!.toUpperCase());
      row = Number(r[2]);
    } else column += 1;
    const selfClosing = m[3] === '/';
    let body = '';
    if (!selfClosing) {
      const end = xml.indexOf('</c>', tag.lastIndex);
      if (end < 0) break;
      body = xml.slice(tag.lastIndex, end);
      tag.lastIndex = end + 4;
    }
    const address = `${columnLetters(column)}${row}`;
    if (!wanted(address)) continue;
    out.set(address, cellXml(attrs, body));
  }
  return out;
}

/**
 * The cells of a sheet's XML whose address `wanted` accepts. The fast path jumps from `<c ` to
 * `<c ` and reads only the `r` of the cells it skips; a cell without `r` (allowed, rare) sends
 * the whole sheet to the careful scan above.
 */
function scanCells(xml: string, wanted: (address: string) => boolean): Map<string, CellXml> {
  const out = new Map<string, CellXml>();
  const start = xml.indexOf('<sheetData');
  if (start < 0) return out;
  let end = xml.indexOf('</sheetData>', start);
  if (end < 0) end = xml.length;
  let pos = start;
  for (;;) {
    const open = xml.indexOf('<c', pos);
    if (open < 0 || open >= end) break;
    const next = xml.charCodeAt(open + 2);
    // "<cols", "<col" and the like are not cells.
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = open + 2;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (close < 0) break;
    const r = xml.indexOf(' r="', open);
    if (r < 0 || r > close) return scanCellsSlow(xml, wanted);
    const address = xml.slice(r + 4, xml.indexOf('"', r + 4));
    const selfClosing = xml.charCodeAt(close - 1) === 47;
    let after = close + 1;
    let body = '';
    if (!selfClosing) {
      const bodyEnd = xml.indexOf('</c>', close);
      if (bodyEnd < 0) break;
      if (wanted(address)) body = xml.slice(close + 1, bodyEnd);
      after = bodyEnd + 4;
    }
    if (wanted(address)) out.set(address, cellXml(xml.slice(open + 2, selfClosing ? close - 1 : close), body));
    pos = after;
  }
  return out;
}

function cellXml(attrs: string, body: string): CellXml {
  {
    const s = /\bs\s*=\s*["'](\d+)["']/.exec(attrs);
    const t = /\bt\s*=\s*["'](\w+)["']/.exec(attrs);
    const cell: CellXml = { s: s ? Number(s[1]) : -1, t: t ? t[1]! : 'n', formula: false, formulaText: '', v: undefined, is: undefined };
    if (body) {
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (f) {
        const fText = decodeXml(f[2] ?? '');
        // ExcelJS: a formula is `model.formula || model.shareType`.
        cell.formula = fText !== '' || /\bt\s*=\s*["']shared["']/.test(f[1]!);
        cell.formulaText = fText;
      }
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body);
      if (v && v[1] !== '') cell.v = decodeXml(v[1]!);
      const is = /<is>([\s\S]*?)<\/is>/.exec(body);
      if (is) cell.is = is[1];
    }
    return cell;
  }
}

/** ExcelJS's utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

const excelToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** The cell's value as ExcelJS models it (before rawValue), and its `text`. */
type Modelled = { kind: 'null' } | { kind: 'value'; value: unknown } | { kind: 'formula'; result: unknown; formula: string };

interface SheetContext {
  shared: SharedStrings;
  styles: Styles;
  date1904: boolean;
}

function model(cell: CellXml | undefined, numFmt: string | undefined, ctx: SheetContext): Modelled {
  if (!cell) return { kind: 'null' };
  const asString = (s: StringValue | undefined): unknown => (s === undefined ? undefined : typeof s === 'string' ? s : { richText: s.richText });
  if (cell.formula) {
    let result: unknown;
    if (cell.v !== undefined) {
      if (cell.t === 'str') result = excelJsXmlDecode(cell.v);
      else if (cell.t === 'b') result = parseInt(cell.v, 10) !== 0;
      else if (cell.t === 'e') result = { error: cell.v };
      else {
        result = parseFloat(cell.v);
        if (isDateFormat(numFmt)) result = excelToDate(result as number, ctx.date1904);
      }
      // ExcelJS loses a falsy cached result (0, FALSE): the formula reads as having none.
      if (result === 0 || result === false) result = undefined;
    }
    return { kind: 'formula', result, formula: cell.formulaText };
  }
  if (cell.t === 'inlineStr') {
    if (cell.is === undefined) return { kind: 'null' };
    // ExcelJS reads an inline <t> directly (no _x decoding) but runs through its rich text parser.
    return { kind: 'value', value: asString(stringItem(cell.is, false)) };
  }
  if (cell.v === undefined) return { kind: 'null' };
  switch (cell.t) {
    case 's':
      return { kind: 'value', value: asString(ctx.shared.at(parseInt(cell.v, 10))) };
    case 'str':
      return { kind: 'value', value: excelJsXmlDecode(cell.v) };
    case 'b':
      return { kind: 'value', value: parseInt(cell.v, 10) !== 0 };
    case 'e':
      return { kind: 'value', value: { error: cell.v } };
    default: {
      const n = parseFloat(cell.v);
      return { kind: 'value', value: isDateFormat(numFmt) ? excelToDate(n, ctx.date1904) : n };
    }
  }
}

/** rawCell.ts's rawValue over the modelled value. */
function rawValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return (value as { richText: string[] }).richText.join('') || null;
    if ('error' in value) return (value as { error: unknown }).error;
  }
  return null;
}

/** ExcelJS's cell.text for the modelled value. */
function textOf(m: Modelled): string {
  const str = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: string[] }).richText.join('');
    if (typeof v === 'object' && v !== null && 'error' in v && !(v instanceof Date)) return String((v as { error: unknown }).error);
    return String(v);
  };
  if (m.kind === 'null') return '';
  if (m.kind === 'formula') return m.result ? String(m.result) : '';
  return str(m.value);
}

function rawCellOf(cell: CellXml | undefined, ctx: SheetContext): RawCell {
  const numFmt = cell && cell.s >= 0 ? ctx.styles.formatOf(cell.s) : undefined;
  const m = model(cell, numFmt, ctx);
  const value = rawValue(m.kind === 'null' ? null : m.kind === 'formula' ? m.result : m.value);
  return { value, text: textOf(m), numberFormat: numFmt || 'General' };
}

// ---- the return -------------------------------------------------------------------------------

/** The check sheet's justification (F) and flag key (G) columns: all readCheckRows needs. */
const CHECK_COLUMNS = /^[FG]\d+$/;

function damaged(reason: string): FastRead {
  return { result: { ok: false, problems: [{ kind: 'notAReturn', detail: reason }] }, receivedAt: null, damaged: reason };
}

const rowIdsCache = new WeakMap<Catalogue, { rowIds: string[]; names: string[] }>();

function namesOf(catalogue: Catalogue) {
  let hit = rowIdsCache.get(catalogue);
  if (!hit) {
    const rowIds = allRows(catalogue).map((r) => r.id);
    hit = { rowIds, names: contractNames(rowIds).all };
    rowIdsCache.set(catalogue, hit);
  }
  return hit;
}

/** The return in an .xlsx file's bytes, as readReturnData reads it; never throws. */
export function readReturnFast(bytes: Uint8Array, catalogue: Catalogue = loadCatalogue()): FastRead {
  try {
    return readUnsafe(bytes, catalogue);
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    return damaged(error instanceof ZipProblem ? message : `damaged workbook: ${message}`);
  }
}

/** Only the ReadResult (for parity with readReturnData). */
export function readReturnDataFast(bytes: Uint8Array, catalogue: Catalogue = loadCatalogue()): ReadResult {
  return readReturnFast(bytes, catalogue).result;
}

// ---- zip ---------------------------------------------------------------------------------------

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  start: number;
}

class ZipProblem extends Error {}

/** The zip's entries by name, from its central directory (no zip64: an .xlsx this small never needs it). */
function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipProblem('damaged zip: no central directory (the file is truncated or not a zip)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipProblem('damaged zip: broken central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? UTF8.decode(nameBytes) : Array.from(nameBytes, (b) => String.fromCharCode(b)).join('');
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipProblem(`damaged zip: ${name} is missing`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipProblem(`damaged zip: ${name} is cut short`);
    if (flags & 1) throw new ZipProblem('the workbook is encrypted (password-protected to open)');
    entries.set(name, { method, compressedSize, size, start });
  }
  return entries;
}

/**
 * An entry as latin1 text (see bytesText). With `stopAfter`, inflating stops once that text has
 * come out: a sheet's cells end at </sheetData>, before its validations and formats (three
 * quarters of a return's sheet).
 */
function entryText(bytes: Uint8Array, entry: ZipEntry | undefined, stopAfter?: string): string | undefined {
  if (!entry) return undefined;
  const data = bytes.subarray(entry.start, entry.start + entry.compressedSize);
  if (entry.method === 0) return bytesText(data);
  if (entry.method !== 8) throw new ZipProblem(`unsupported zip compression (method ${entry.method})`);
  if (!stopAfter) return bytesText(inflateSync(data, { out: new Uint8Array(entry.size) }));
  let text = '';
  let done = false;
  const inflater = new Inflate((chunk) => {
    if (done) return;
    text += bytesText(chunk);
    if (text.indexOf(stopAfter, Math.max(0, text.length - chunk.length - stopAfter.length)) >= 0) done = true;
  });
  const STEP = 16 * 1024;
  for (let i = 0; i < data.length && !done; i += STEP) inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
  return text;
}

/** A defined name read through ExcelJS's eyes, before its cell is looked up: where it points, or why it reads as it does. */
type Pending = { name: string; sheet: { name: string; path: string }; address: string; first: string } | NameRead;

/** What the workbook part says about the contract's names: the same for every file made from one template. */
interface NamesPlan {
  date1904: boolean;
  pending: Pending[];
  receipt: Pending;
  check: { name: string; path: string } | undefined;
  /** Per sheet part, the cell addresses to read. */
  needed: Map<string, Set<string>>;
}

function namesPlan(workbookXml: string, relsXml: string | undefined, exists: (path: string) => boolean, catalogue: Catalogue): NamesPlan {
  const workbook = parseWorkbook(workbookXml, relsXml, exists);
  const { names } = namesOf(catalogue);
  const sheetNamed = (name: string) => {
    const lower = name.toLowerCase();
    return workbook.sheets.find((s) => s.name.toLowerCase() === lower);
  };
  const needed = new Map<string, Set<string>>();
  const need = (path: string, address: string) => {
    let set = needed.get(path);
    if (!set) needed.set(path, (set = new Set()));
    set.add(address);
  };
  // Which names point where: ExcelJS's reading of each reference.
  const resolve = (name: string): Pending => {
    const text = workbook.names.get(name.toLowerCase());
    const ranges = text === undefined ? [] : excelJsRanges(text);
    if (!ranges.length) return { name, state: 'missing' };
    if (ranges.length !== 1) return { name, state: 'notRange', formula: ranges.join(',') };
    const m = REFERENCE.exec(ranges[0]!);
    if (!m) return ranges[0]!.includes('#REF') ? { name, state: 'ref' } : { name, state: 'notRange', formula: ranges[0]! };
    const sheetName = (m[1] ?? m[2]!).replace(/''/g, "'");
    const sheet = sheetName.includes('#REF') ? undefined : sheetNamed(sheetName);
    if (!sheet) return { name, state: 'ref' };
    const first = `${m[3]!.toUpperCase()}${m[4]}`;
    const address = m[5] ? `${first}:${m[5].toUpperCase()}${m[6]}` : first;
    need(sheet.path, first);
    return { name, sheet, address, first };
  };
  const pending = names.map(resolve);
  const receipt = resolve(RECEIPT_NAMES.receivedAt);
  return { date1904: workbook.date1904, pending, receipt, check: sheetNamed(CHECK_SHEET_NAME), needed };
}

/**
 * Plans by catalogue, keyed by the workbook part's and its rels' stored (compressed) bytes and the
 * sheet parts present: equal keys are equal inputs, so a hit is always right. Files made from one
 * template share them, and parsing a few hundred defined names was a fifth of reading a file.
 */
const plans = new WeakMap<Catalogue, Map<string, NamesPlan>>();
const PLANS_KEPT = 64;

function namesPlanOf(bytes: Uint8Array, entries: Map<string, ZipEntry>, catalogue: Catalogue): NamesPlan | undefined {
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) return undefined;
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  const stored = (e: ZipEntry | undefined) => (e ? `${e.method}:${bytesText(bytes.subarray(e.start, e.start + e.compressedSize))}` : '-');
  const sheetParts = [...entries.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).join('|');
  const key = `${stored(workbookEntry)}\u0000${stored(relsEntry)}\u0000${sheetParts}`;
  let byKey = plans.get(catalogue);
  if (!byKey) plans.set(catalogue, (byKey = new Map()));
  let plan = byKey.get(key);
  if (!plan) {
    plan = namesPlan(entryText(bytes, workbookEntry)!, entryText(bytes, relsEntry), (path) => entries.has(path), catalogue);
    if (byKey.size >= PLANS_KEPT) byKey.clear();
    byKey.set(key, plan);
  }
  return plan;
}

function readUnsafe(bytes: Uint8Array, catalogue: Catalogue): FastRead {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return damaged('not a zip file (an .xlsx is one)');
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    return damaged((error as Error).message);
  }
  const text = (name: string, stopAfter?: string) => entryText(bytes, entries.get(name), stopAfter);
  const plan = namesPlanOf(bytes, entries, catalogue);
  if (!plan) return damaged('no xl/workbook.xml: not an Excel workbook');
  const { pending, receipt, check, needed } = plan;
  const { rowIds } = namesOf(catalogue);

  const ctx: SheetContext = { shared: new SharedStrings(text('xl/sharedStrings.xml')), styles: parseStyles(text('xl/styles.xml')), date1904: plan.date1904 };
  const cellsByPath = new Map<string, Map<string, CellXml>>();
  for (const [path, addresses] of needed) {
    cellsByPath.set(path, scanCells(text(path, '</sheetData>') ?? '', (a) => addresses.has(a)));
  }
  const cellAt = (p: Exclude<Pending, NameRead>) => rawCellOf(cellsByPath.get(p.sheet.path)?.get(p.first), ctx);

  const reads = new Map<string, NameRead>();
  for (const p of pending) {
    if ('state' in p) reads.set(p.name, p);
    else reads.set(p.name, { name: p.name, state: 'ok', sheet: p.sheet.name, address: p.address, cell: cellAt(p) });
  }

  let receivedAt: string | null = null;
  if (!('state' in receipt)) {
    const v = cellAt(receipt).value;
    const iso = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v.trim() : '';
    if (iso && !Number.isNaN(Date.parse(iso))) receivedAt = new Date(iso).toISOString();
  }

  let justifications: Record<string, string> = {};
  const checkXml = check ? text(check.path, '</sheetData>') : undefined;
  if (checkXml) {
    const cells = scanCells(checkXml, (address) => CHECK_COLUMNS.test(address));
    const rows = new Map<number, unknown[]>();
    for (const [address, cell] of cells) {
      const [, letters, rowText] = COLUMN_OF.exec(address)!;
      const column = columnNumber(letters!);
      const row = Number(rowText);
      let values = rows.get(row);
      if (!values) rows.set(row, (values = Array.from({ length: 7 }, () => null)));
      const numFmt = cell.s >= 0 ? ctx.styles.formatOf(cell.s) : undefined;
      const m = model(cell, numFmt, ctx);
      // What Range.formulas gives: "=…" for a formula, the constant otherwise (rawCell.ts formulaOrValue).
      values[column - 1] = m.kind === 'formula' && m.formula ? `=${m.formula}` : rawValue(m.kind === 'formula' ? m.result : m.kind === 'value' ? m.value : null);
    }
    justifications = justificationsOf(readCheckRows([...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)));
  }

  return { result: interpretReads(reads, rowIds, justifications), receivedAt };
}
