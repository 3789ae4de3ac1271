/**
 * The one reader of returned workbooks (.xlsx bytes → the cell contract's ReadResult), for every
 * command that reads a file — `chitieu validate`, `submit`, `merge` — and the task pane's file
 * import. It reads only the parts that matter: the package's and the workbook's relationships,
 * xl/workbook.xml (workbook-scoped defined names, sheets), the styles (a provisional mark lives in
 * a number format), the shared strings and the cells the names point to; with fflate and a small
 * XML scan, in about a millisecond.
 *
 * What it reads is defined by the cell contract, not by any library's quirks, and is the same
 * whichever tool saved the file (Excel, LibreOffice, WPS, Google Sheets, openpyxl, xlsxwriter…):
 * - a defined name is the contract only when workbook-scoped; sheet-scoped copies (LibreOffice
 *   makes one of every name when a sheet is copied) are never read instead;
 * - a value: a formula's cached result (0 and FALSE included), rich text joined, an error as its
 *   code, a number in a date-formatted cell as a Date (1900 or 1904 system), '' as null; a formula
 *   with no cached result is `uncalculated` (a script wrote it and nothing computed it);
 * - text: String(number), TRUE/FALSE, a date's ISO form, "" for an empty cell;
 * - number format: the cell's xf's format code (custom or built-in), 'General' otherwise.
 *
 * Never throws, and refuses hostile files quickly with a reason (zip.ts caps what a part may
 * inflate to; a DTD is refused; fileKind.ts names what a non-.xlsx file is).
 */
import { allRows, loadCatalogue } from '../../catalogue/load';
import type { Catalogue } from '../../catalogue/schema';
import { RECEIPT_NAMES } from '../../domain/cellContract';
import { isDateFormat } from '../../domain/parse/numberFormat';
import { contractNames, interpretReads, type NameRead } from '../../domain/readContract';
import type { RawCell, ReadResult } from '../../domain/returnData';
import { CHECK_SHEET_NAME, justificationsOf, readCheckRows } from '../excel/check/checkSheet';
import { notAWorkbook, notAZip } from './fileKind';
import { attributes, bytesText, decodeXml, normalisePart, relationships, resolveTarget, stringItem, unescapeX } from './xlsxXml';
import { ZipArchive, ZipProblem, type Reason } from './zip';

export interface FastRead {
  result: ReadResult;
  /** CT_RECEIPT_TIME on the receipt sheet ("Biên nhận"), when the return was sent and it holds an ISO time. */
  receivedAt: string | null;
  /** Set when the bytes are not a readable .xlsx (not a zip, truncated, encrypted, a bomb…): why, for a person. */
  damaged?: Reason;
  /** Bytes inflated from the zip to read it: the work the file cost, whatever the clock says. */
  inflatedBytes: number;
}

/** Built-in number formats (ECMA-376 18.8.30; the locale-dependent ones give none). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

const REL_TYPE = (type: string, name: string) => type.endsWith(`/${name}`);

// ---- workbook parts ---------------------------------------------------------------------------

interface Styles {
  /** cellXfs index → number format code, or undefined (no format: General). */
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
  private readonly bodies: string[] = [];
  private readonly decoded = new Map<number, string>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const re = /<si(?:\s[^>]*)?>([\s\S]*?)<\/si>|<si\s*\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) this.bodies.push(m[1] ?? '');
  }

  at(index: number): string | undefined {
    let value = this.decoded.get(index);
    if (value === undefined) {
      const body = this.bodies[index];
      if (body === undefined) return undefined;
      value = body === '' ? '' : stringItem(body);
      this.decoded.set(index, value);
    }
    return value;
  }
}

interface Sheet {
  name: string;
  path: string;
}

interface WorkbookPart {
  date1904: boolean;
  sheets: Sheet[];
  /** Workbook-scoped defined names by lower-case name (a repeated one: the last) → the reference text. */
  names: Map<string, string>;
  stylesPath: string | undefined;
  sharedStringsPath: string | undefined;
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsOf = (path: string) => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

const CONTRACT_NAME = /\bname\s*=\s*["']ct_/i;

/** A name's text longer than this cannot be one cell's reference: only its start is decoded (for the message). */
const LONGEST_REFERENCE = 2000;
const nameText = (raw: string) => (raw.length > LONGEST_REFERENCE ? `${decodeXml(raw.slice(0, SHOWN_FORMULA))}…` : decodeXml(raw));

function parseWorkbook(xml: string, relsXml: string | undefined, workbookPath: string, exists: (path: string) => boolean): WorkbookPart {
  const rels = relationships(relsXml, folderOf(workbookPath));
  const sheets: Sheet[] = [];
  for (const m of xml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const rel = rid ? rels.get(rid) : undefined;
    // Chartsheets and dialog sheets hold no cells.
    if (a.name !== undefined && rel && REL_TYPE(rel.type, 'worksheet') && exists(rel.target)) sheets.push({ name: a.name, path: rel.target });
  }
  const names = new Map<string, string>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    // Only the contract's names (CT_…) are ever looked up: a workbook may hold a hundred thousand others.
    if (!CONTRACT_NAME.test(m[1]!)) continue;
    const a = attributes(m[1]!);
    // localSheetId: a copy scoped to one sheet; the contract is the workbook's own names (what the add-in reads).
    if (a.name && a.localSheetId === undefined) names.set(a.name.toLowerCase(), nameText(m[2]!));
  }
  const pr = /<workbookPr\b([^>]*?)\/?>/.exec(xml);
  const date1904 = pr ? /^\s*(1|true)\s*$/i.test(attributes(pr[1]!).date1904 ?? '') : false;
  const byType = (type: string, fallback: string) => {
    const rel = [...rels.values()].find((r) => REL_TYPE(r.type, type) && exists(r.target));
    return rel?.target ?? (exists(fallback) ? fallback : undefined);
  };
  return {
    date1904,
    sheets,
    names,
    stylesPath: byType('styles', `${folderOf(workbookPath)}styles.xml`),
    sharedStringsPath: byType('sharedStrings', `${folderOf(workbookPath)}sharedStrings.xml`),
  };
}

/** A defined name's text longer than this is no cell reference; a message shows its start. */
const SHOWN_FORMULA = 200;

/** "'Phụ lục 01'!$E$30", "Sheet1!E30", "'Phụ lục 01'!$E$30:$F$31"; anything else is not one area. */
const REFERENCE = /^=?\s*(?:'((?:[^']|'')+)'|([^'!:,\s()"]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/;

type Target = { sheetName: string; first: string; address: string };

function parseReference(text: string): Target | 'ref' | 'notRange' {
  if (/#REF!/i.test(text)) return 'ref';
  const m = text.length > 1000 ? null : REFERENCE.exec(text);
  if (!m) return 'notRange';
  const first = `${m[3]!.toUpperCase()}${Number(m[4])}`;
  const last = m[5] ? `${m[5].toUpperCase()}${Number(m[6])}` : first;
  return { sheetName: (m[1] ?? m[2]!).replace(/''/g, "'"), first, address: last === first ? first : `${first}:${last}` };
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
    const written = xml.slice(r + 4, xml.indexOf('"', r + 4));
    const address = written.charCodeAt(0) >= 97 ? written.toUpperCase() : written;
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
  const s = /\bs\s*=\s*["'](\d+)["']/.exec(attrs);
  const t = /\bt\s*=\s*["'](\w+)["']/.exec(attrs);
  const cell: CellXml = { s: s ? Number(s[1]) : -1, t: t ? t[1]! : 'n', formula: false, formulaText: '', v: undefined, is: undefined };
  if (body) {
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
    if (f) {
      const fText = decodeXml(f[2] ?? '');
      // A shared formula's followers carry only `t="shared" si="…"`: still formulas.
      cell.formula = fText !== '' || /\bt\s*=\s*["']shared["']/.test(f[1]!);
      cell.formulaText = fText;
    }
    const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body);
    if (v && v[1] !== '') cell.v = decodeXml(v[1]!);
    const is = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(body);
    if (is) cell.is = is[1];
  }
  return cell;
}

const REDUCE_FROM = 2 * 1024 * 1024;

const rowsOfAddresses = new WeakMap<Set<string>, Set<number>>();

function rowsOf(addresses: Set<string>): Set<number> {
  let rows = rowsOfAddresses.get(addresses);
  if (!rows) rowsOfAddresses.set(addresses, (rows = new Set([...addresses].map((a) => Number(/\d+$/.exec(a)![0])))));
  return rows;
}

/**
 * The sheet's cells reduced to the rows wanted, each row tag given its number: the scans then go
 * through a return's few hundred cells, not the millions an oversized sheet may hold. Skipping a
 * row is two native searches; a row without `r` is the one after the previous row, as in Excel.
 */
function onlyRows(xml: string, rows: Set<number>): string {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return xml;
  let end = xml.indexOf('</sheetData>', start);
  if (end < 0) end = xml.length;
  const out: string[] = ['<sheetData>'];
  let pos = xml.indexOf('>', start) + 1;
  let row = 0;
  while (pos > 0 && pos < end) {
    const open = xml.indexOf('<row', pos);
    if (open < 0 || open >= end) break;
    const close = xml.indexOf('>', open);
    if (close < 0) break;
    const next = xml.charCodeAt(open + 4);
    // "<rowBreaks" and the like are not rows (and never inside sheetData).
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = open + 4;
      continue;
    }
    const r = /\br\s*=\s*["'](\d+)["']/.exec(xml.slice(open + 4, close));
    row = r ? Number(r[1]) : row + 1;
    if (xml.charCodeAt(close - 1) === 47) {
      pos = close + 1;
      continue;
    }
    const rowEnd = xml.indexOf('</row>', close);
    const after = rowEnd < 0 || rowEnd > end ? end : rowEnd + 6;
    if (rows.has(row)) out.push(`<row r="${row}">`, xml.slice(close + 1, rowEnd < 0 || rowEnd > end ? end : rowEnd), '</row>');
    pos = after;
  }
  out.push('</sheetData>');
  return out.join('');
}

/** The check sheet's justification (F) and flag key (G) columns: all readCheckRows needs. */
const CHECK_COLUMNS = /^[FG]\d+$/;

interface SheetContext {
  shared: SharedStrings;
  styles: Styles;
  date1904: boolean;
}

/** A serial date as a Date (UTC midnight = the day; the 1904 system starts 1,462 days later). */
const serialToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** A Date's text: the day, or the day and time when it has one (never a locale's long form). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A stored value (`<v>` text) of type `t`, as the cell's value. */
function storedValue(t: string, v: string, numFmt: string | undefined, ctx: SheetContext): unknown {
  switch (t) {
    case 's':
      return ctx.shared.at(parseInt(v, 10)) ?? null;
    case 'str':
    case 'inlineStr':
      return unescapeX(v);
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return v.trim();
    case 'd': {
      // ISO 8601 date cells (strict files, some libraries).
      const at = new Date(v.trim());
      return Number.isNaN(at.getTime()) ? v : at;
    }
    default: {
      const n = Number(v.trim());
      if (v.trim() === '' || Number.isNaN(n)) return v;
      return isDateFormat(numFmt, n) ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  return String(value);
}

function rawCellOf(cell: CellXml | undefined, ctx: SheetContext): RawCell {
  const numFmt = cell && cell.s >= 0 ? ctx.styles.formatOf(cell.s) : undefined;
  const numberFormat = numFmt || 'General';
  if (!cell) return { value: null, text: '', numberFormat };
  let value: unknown = null;
  if (cell.t === 'inlineStr' && cell.is !== undefined && !cell.formula) value = stringItem(cell.is);
  else if (cell.v !== undefined) value = storedValue(cell.t, cell.v, numFmt, ctx);
  if (value === '') value = null;
  // A formula a script wrote and nothing computed: no result to read, and the person must be told why.
  if (cell.formula && cell.v === undefined) return { value: null, text: '', numberFormat, uncalculated: true };
  return { value, text: textOf(value), numberFormat };
}

function damaged(reason: Reason, inflatedBytes = 0): FastRead {
  return { result: { ok: false, problems: [{ kind: 'notAReturn', detail: reason.en }] }, receivedAt: null, damaged: reason, inflatedBytes };
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

/** The return in an .xlsx file's bytes; never throws. */
export function readReturnFast(bytes: Uint8Array, catalogue: Catalogue = loadCatalogue()): FastRead {
  let zip: ZipArchive | undefined;
  try {
    const notZip = notAZip(bytes);
    if (notZip) return damaged(notZip);
    zip = new ZipArchive(bytes);
    return readZip(zip, catalogue);
  } catch (error) {
    if (error instanceof ZipProblem) return damaged(error.reason, zip?.inflatedBytes());
    const message = ((error as Error)?.message ?? String(error)).slice(0, 200);
    return damaged(
      { vi: `Tệp bảng tính bị hỏng (${message}): hãy mở trong Excel và lưu lại`, en: `The workbook is damaged (${message}): open it in Excel and save it again` },
      zip?.inflatedBytes(),
    );
  }
}

/** Only the ReadResult. */
export function readReturnDataFast(bytes: Uint8Array, catalogue: Catalogue = loadCatalogue()): ReadResult {
  return readReturnFast(bytes, catalogue).result;
}

// ---- reading parts ---------------------------------------------------------------------------

const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData>/;

/**
 * A part as normalised latin1 text (see xlsxXml.ts). With `cellsOnly`, inflating stops once the
 * cells have come out (</sheetData>): a sheet's validations and formats after them are three
 * quarters of a return's sheet. Never early inside a comment or CDATA section that could hide one.
 */
function partText(zip: ZipArchive, path: string | undefined, cellsOnly = false): string | undefined {
  if (!path || !zip.has(path)) return undefined;
  const pieces: string[] = [];
  let tail = '';
  let mayHide = false;
  zip.read(path, (chunk) => {
    const piece = bytesText(chunk);
    pieces.push(piece);
    if (!cellsOnly) return false;
    const window = tail + piece;
    tail = piece.slice(-32);
    if (window.indexOf('<!--') >= 0 || window.indexOf('<![CDATA[') >= 0) mayHide = true;
    return !mayHide && SHEET_DATA_END.test(window);
  });
  return normalisePart(pieces.length === 1 ? pieces[0]! : pieces.join(''), path);
}

/** A defined name read, before its cell is looked up: where it points, or why it reads as it does. */
type Pending = { name: string; sheet: Sheet; address: string; first: string } | NameRead;

/** What the workbook part says about the contract's names: the same for every file made from one template. */
interface NamesPlan {
  workbook: WorkbookPart;
  pending: Pending[];
  receipt: Pending;
  check: Sheet | undefined;
  /** Per sheet part, the cell addresses to read. */
  needed: Map<string, Set<string>>;
}

function namesPlan(workbook: WorkbookPart, catalogue: Catalogue): NamesPlan {
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
  const resolve = (name: string): Pending => {
    const text = workbook.names.get(name.toLowerCase());
    if (text === undefined) return { name, state: 'missing' };
    const target = parseReference(text);
    if (target === 'ref') return { name, state: 'ref' };
    if (target === 'notRange') return { name, state: 'notRange', formula: text.length > SHOWN_FORMULA ? `${text.slice(0, SHOWN_FORMULA)}…` : text };
    const sheet = sheetNamed(target.sheetName);
    if (!sheet) return { name, state: 'ref' };
    // Only one cell is ever read, whatever area a name covers: a name over a whole sheet costs one cell.
    need(sheet.path, target.first);
    return { name, sheet, address: target.address, first: target.first };
  };
  return { workbook, pending: names.map(resolve), receipt: resolve(RECEIPT_NAMES.receivedAt), check: sheetNamed(CHECK_SHEET_NAME), needed };
}

/**
 * Plans by catalogue, keyed by the stored (compressed) bytes of the parts they are read from and
 * the parts present: equal keys are equal inputs, so a hit is always right. Files made from one
 * template share them, and parsing a few hundred defined names was a fifth of reading a file.
 */
const plans = new WeakMap<Catalogue, Map<string, NamesPlan>>();
const PLANS_KEPT = 64;

function namesPlanOf(zip: ZipArchive, catalogue: Catalogue): NamesPlan {
  const rootRels = partText(zip, '_rels/.rels');
  const office = [...relationships(rootRels, '').values()].find((r) => REL_TYPE(r.type, 'officeDocument') && zip.has(r.target));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  if (!zip.has(workbookPath)) throw new ZipProblem(notAWorkbook(zip, partText(zip, 'mimetype')));
  const workbookRels = relsOf(workbookPath);
  const stored = (path: string) => {
    const s = zip.stored(path);
    return s ? `${s.method}:${bytesText(s.data)}` : '-';
  };
  const key = [workbookPath, stored(workbookPath), stored(workbookRels), zip.names().join('|')].join('\u0000');
  let byKey = plans.get(catalogue);
  if (!byKey) plans.set(catalogue, (byKey = new Map()));
  let plan = byKey.get(key);
  if (!plan) {
    const workbook = parseWorkbook(partText(zip, workbookPath)!, partText(zip, workbookRels), workbookPath, (path) => zip.has(path));
    plan = namesPlan(workbook, catalogue);
    if (byKey.size >= PLANS_KEPT) byKey.clear();
    byKey.set(key, plan);
  }
  return plan;
}

function readZip(zip: ZipArchive, catalogue: Catalogue): FastRead {
  const { workbook, pending, receipt, check, needed } = namesPlanOf(zip, catalogue);
  const { rowIds } = namesOf(catalogue);

  const ctx: SheetContext = {
    shared: new SharedStrings(partText(zip, workbook.sharedStringsPath)),
    styles: parseStyles(partText(zip, workbook.stylesPath)),
    date1904: workbook.date1904,
  };
  const cellsByPath = new Map<string, Map<string, CellXml>>();
  for (const [path, addresses] of needed) {
    const xml = partText(zip, path, true) ?? '';
    // A return's sheet is scanned as it is; one past a few megabytes is first cut to the rows wanted.
    cellsByPath.set(path, scanCells(xml.length > REDUCE_FROM ? onlyRows(xml, rowsOf(addresses)) : xml, (a) => addresses.has(a)));
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

  return { result: interpretReads(reads, rowIds, checkSheetJustifications(zip, check, ctx)), receivedAt, inflatedBytes: zip.inflatedBytes() };
}

/** The justifications a person typed on the "Kiểm tra" sheet, by flag key. */
function checkSheetJustifications(zip: ZipArchive, check: Sheet | undefined, ctx: SheetContext): Record<string, string> {
  const xml = check ? partText(zip, check.path, true) : undefined;
  if (!xml) return {};
  const rows = new Map<number, unknown[]>();
  for (const [address, cell] of scanCells(xml, (a) => CHECK_COLUMNS.test(a))) {
    const [, letters, rowText] = COLUMN_OF.exec(address)!;
    const row = Number(rowText);
    let values = rows.get(row);
    if (!values) rows.set(row, (values = Array.from({ length: 7 }, () => null)));
    // What Range.formulas gives: "=…" for a formula, the constant otherwise.
    values[columnNumber(letters!) - 1] = cell.formula && cell.formulaText ? `=${cell.formulaText}` : rawCellOf(cell, ctx).value;
  }
  return justificationsOf(readCheckRows([...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)));
}
