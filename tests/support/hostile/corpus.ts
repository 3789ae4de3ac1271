/**
 * The hostile corpus (issue 10, items 6 and 7): files a unit might send, by mistake or on purpose,
 * that a reader of returns must refuse quickly, with a reason a person can act on — or, for the
 * zip oddities a real tool writes, read exactly as the return they hold. Generated into a folder
 * (nothing big is committed): every file starts from a valid return made by our own writer
 * (scripts/lib/filledReturns.ts, bo-y-te, 2025 Q2, no errors) and mutates its zip: fflate takes
 * it apart, zipWriter.ts puts it together (honestly, or with headers that lie where a kind needs).
 *
 * Used by tests/unit/hostile/hostileFiles.test.ts and by `npm run bench:merge`. Each call gives the
 * same kinds, sizes and structure (seeded random bytes, fixed zip times); the bytes differ only
 * where the base return records when it was made, and in the encrypted workbook's salt.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { filledReturn } from '../../../scripts/lib/filledReturns';
import { entry, repeatedDeflate, writeZip, type RawEntry } from './zipWriter';

const MIB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** The name the name-kinds break: bo-y-te must report row 2.8, so it is a required figure. */
export const BROKEN_NAME = 'CT_2_8_Q1';

/** What a refusal must say; each kind names the reasons that fit it. */
export type ReasonKind =
  | 'bomb'
  | 'dtd'
  | 'password'
  | 'xls'
  | 'ods'
  | 'empty'
  | 'notRegular'
  | 'linkLoop'
  | 'notXlsx'
  | 'damaged'
  | 'manyParts'
  | 'tooLarge'
  | 'nameRange'
  | 'nameBroken';

/**
 * The reasons as patterns, in both languages: the planned wording (src/workbook/xlsx/zip.ts,
 * fileKind.ts, src/io/regularFile.ts, src/domain/readContract.ts) loosely enough that rephrasing
 * keeps them, tightly enough that a wrong reason (".ods" for an encrypted file) fails.
 */
export const REASONS: Record<ReasonKind, { vi: RegExp; en: RegExp }> = {
  bomb: { vi: /bom zip|bung ra quá/i, en: /zip bomb|inflates beyond/i },
  dtd: { vi: /DTD|DOCTYPE/, en: /DTD|DOCTYPE/ },
  password: { vi: /mật khẩu/i, en: /password-protected/i },
  xls: { vi: /\.xls\b[\s\S]*\.xlsx/i, en: /old Excel file|\.xls\b[\s\S]*save it as \.xlsx/i },
  ods: { vi: /\.ods\b[\s\S]*\.xlsx/i, en: /\.ods\b[\s\S]*\.xlsx/i },
  empty: { vi: /rỗng/i, en: /empty/i },
  notRegular: { vi: /không phải tệp thông thường/i, en: /not a regular file/i },
  linkLoop: { vi: /liên kết.*lặp vòng/i, en: /link loops|loop of (symbolic )?links/i },
  notXlsx: {
    vi: /không phải (tệp|sổ làm việc) Excel|đổi tên thành \.xlsx/i,
    en: /not an Excel \.xlsx|not an Excel workbook|renamed to \.xlsx/i,
  },
  damaged: { vi: /hỏng|cắt cụt/i, en: /damaged|cut short|broken/i },
  manyParts: { vi: /có [\d.,]+ phần|quá nhiều phần/i, en: /has [\d,]+ parts|too many (parts|entries)/i },
  tooLarge: { vi: /quá lớn/i, en: /too large/i },
  nameRange: {
    vi: new RegExp(`${BROKEN_NAME}[\\s\\S]*(không phải một ô|vùng)`),
    en: new RegExp(`${BROKEN_NAME}[\\s\\S]*(not one cell|range)`),
  },
  nameBroken: {
    vi: new RegExp(`${BROKEN_NAME}[\\s\\S]*không trỏ tới một ô`),
    en: new RegExp(`${BROKEN_NAME}[\\s\\S]*does not point to a cell`),
  },
};

/**
 * What a reason must never show: a library's internals, a stack, an errno code, or what an
 * entity pulled in (/etc/passwd's first line). Case matters for the errno codes ("Excel" is fine).
 */
export const INTERNALS: RegExp[] = [
  /jszip|fflate|exceljs|\bsax\b|zlib/i,
  /corrupted zip|end of central directory/i,
  /cannot read propert|undefined|\bnull\b|\[object /i,
  /TypeError|RangeError|SyntaxError|ReferenceError|out of memory|Maximum call stack/i,
  /invalid (block|distance|length|stored|code)|unexpected EOF|invalid zip data/i,
  /\bE(NOENT|ACCES|ISDIR|LOOP|NXIO|PERM|AGAIN|INVAL|MFILE|NOTDIR)\b/,
  /^\s+at .+:\d+:\d+\)?$/m,
  /root:x?:0:0/,
];

/** The library internals `text` shows, if any (for a failing assertion that says which). */
export const internalsIn = (text: string): string[] => INTERNALS.filter((re) => re.test(text)).map(String);

export type Expectation =
  /** Refused (validate exit 2, merge skips it) with one of these reasons. */
  | { refused: ReasonKind[] }
  /** A zip oddity a real tool may write, or a harmless excess: read as the base return is. */
  | { readsAsBase: true };

export interface HostileFile extends KindInfo {
  file: string;
}

export interface HostileCorpus {
  dir: string;
  /** The valid return every file was made from (not written into `dir`: the folder holds hostile files only). */
  base: Buffer;
  files: HostileFile[];
}

/** xorshift32: the same "random" bytes on every run. */
export function seededBytes(length: number, seed = 0x9e3779b9): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return Buffer.from(words.buffer, 0, length);
}

type Parts = Record<string, Uint8Array>;

const text = (parts: Parts, name: string) => strFromU8(parts[name]!);
/** UTF-8 bytes of a string (Node's encoder: fflate's strToU8 takes seconds over tens of megabytes). */
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
/** 1 MiB of blanks: what the bombs inflate to, over and over. */
const BLANKS = Buffer.alloc(MIB, 0x20);

/** The base's parts with `changes` applied (a string is stored as UTF-8), zipped honestly. */
function rezip(parts: Parts, changes: Record<string, string>): Buffer {
  const replace = Object.fromEntries(Object.entries(changes).map(([name, xml]) => [name, entry(name, utf8(xml))]));
  return writeZip(rawEntries(parts, replace));
}

/** The base's parts as honest raw entries (for zipWriter), `replace` taking the place of some. */
function rawEntries(parts: Parts, replace: Record<string, RawEntry> = {}, change: (e: RawEntry) => RawEntry = (e) => e): RawEntry[] {
  return Object.entries(parts)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, bytes]) => change(replace[name] ?? entry(name, bytes)));
}

/** The text before `marker` (inclusive or not), and after it. */
function split(xml: string, marker: string, inclusive: boolean): [string, string] {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`hostile corpus: "${marker}" not found in the base return`);
  const cut = inclusive ? at + marker.length : at;
  return [xml.slice(0, cut), xml.slice(cut)];
}

/** A DTD just after the XML declaration. */
function withDtd(xml: string, dtd: string): string {
  const [declaration, rest] = split(xml, '?>', true);
  return `${declaration}\n${dtd}${rest}`;
}

/** Nine levels of ten: &lol9; expands to 10^9 "lol"s (3 GB of text) — the classic billion laughs. */
function billionLaughs(root: string): string {
  const levels = ['<!ENTITY lol "lol">', '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'];
  for (let i = 2; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<!DOCTYPE ${root} [\n${levels.join('\n')}\n]>`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');

/** workbook.xml with the text of defined name `name` replaced by `replacement` (already XML). */
function withNameText(workbookXml: string, name: string, replacement: string): string {
  const re = new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*(</definedName>)`);
  if (!re.test(workbookXml)) throw new Error(`hostile corpus: no defined name ${name} in the base return`);
  return workbookXml.replace(re, (_, open: string, close: string) => `${open}${replacement}${close}`);
}

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `rows` rows from row `first` on (below the return's 73), `cells` empty cells each, with or without `r`. */
function extraRows(rows: number, cells: number, withAddress: boolean, first = 1001): string {
  const letters = Array.from({ length: cells }, (_, i) => columnLetters(i + 1));
  const out: string[] = [];
  for (let r = first; r < first + rows; r++) {
    out.push(`<row r="${r}">`);
    out.push(withAddress ? letters.map((l) => `<c r="${l}${r}"/>`).join('') : '<c/>'.repeat(cells));
    out.push('</row>');
  }
  return out.join('');
}

/** The sheet with `rows` appended to its cells. */
function sheetWithRows(sheetXml: string, rows: string): string {
  const [head, tail] = split(sheetXml, '</sheetData>', false);
  return head + rows + tail;
}

/** Every kind, what it is and what a reader must do with it (known before any file is made, for test tables). */
export const HOSTILE_KINDS: readonly KindInfo[] = [
  // ---- inflation -------------------------------------------------------------------------
  {
    kind: 'zip-bomb-1gib',
    what: 'a ~1 MB zip whose sheet part inflates to 1 GiB of blanks after <sheetData> (honest headers)',
    expect: { refused: ['bomb'] },
  },
  {
    kind: 'inflation-480mib',
    what: 'the sheet part inflates to 480 MiB (honest headers): accepted until now',
    expect: { refused: ['bomb'] },
  },
  {
    kind: 'lying-size-small',
    what: 'the sheet part declares 1 KB uncompressed in both headers and inflates to 1 GiB',
    expect: { refused: ['bomb'] },
  },
  {
    kind: 'parts-over-total',
    what: 'shared strings, styles and sheet each inflate to 15 MiB (each under the part cap, 45 MiB together)',
    expect: { refused: ['bomb'] },
  },
  {
    kind: 'sheet-huge-beyond',
    what: 'the sheet holds 5 million empty cells (~85 MiB of XML) below the return: the same 1,000 rows over and over',
    expect: { refused: ['bomb'] },
  },
  {
    kind: 'sheet-huge-within',
    what: 'the sheet holds 750,000 empty cells (~13 MB of XML) below the return: within the caps',
    expect: { readsAsBase: true },
  },
  {
    kind: 'sheet-huge-no-r',
    what: 'the sheet holds 3 million empty cells written without r="" (~12 MB): within the caps, the careful scan',
    expect: { readsAsBase: true },
  },
  {
    kind: 'declared-huge',
    what: 'the sheet part declares 4,294,967,294 bytes uncompressed; it is the return’s own sheet',
    expect: { readsAsBase: true },
  },
  {
    kind: 'declared-huge-zip64',
    what: 'the sheet part declares 2^50 bytes uncompressed in a zip64 extra field; it is the return’s own sheet',
    expect: { readsAsBase: true },
  },
  // ---- the zip's directory -----------------------------------------------------------------
  { kind: 'many-entries', what: 'the return plus 20,000 one-byte parts', expect: { refused: ['manyParts'] } },
  {
    kind: 'zip64-end-records',
    what: 'a zip64 end record and locator (classic record says 0xFFFF / 0xFFFFFFFF), as some tools write',
    expect: { readsAsBase: true },
  },
  {
    kind: 'zip64-extra-sizes',
    what: 'every size and offset 0xFFFFFFFF with zip64 extra fields holding them, and zip64 end records',
    expect: { readsAsBase: true },
  },
  {
    kind: 'zip64-count-huge',
    what: 'the zip64 end record says the zip holds 2^40 entries',
    expect: { refused: ['manyParts', 'damaged'] },
  },
  {
    kind: 'zip64-no-locator',
    what: 'the classic end record says "see zip64" and there is no zip64 locator',
    expect: { refused: ['damaged'] },
  },
  { kind: 'zip64-end-outside', what: 'the zip64 locator points 1 TB past the end of the file', expect: { refused: ['damaged'] } },
  {
    kind: 'zip64-extra-size-huge',
    what: 'the sheet’s zip64 extra field says its stored data is 2^62 bytes long',
    expect: { refused: ['damaged'] },
  },
  {
    kind: 'part-deflate-corrupt',
    what: 'the sheet’s stored data is random bytes (headers honest about its length)',
    expect: { refused: ['damaged'] },
  },
  { kind: 'truncated-20b', what: 'cut after 20 bytes (inside the first local header)', expect: { refused: ['damaged'] } },
  { kind: 'truncated-half', what: 'cut in half', expect: { refused: ['damaged'] } },
  {
    kind: 'truncated-directory',
    what: 'cut where the central directory starts (every part there, no directory)',
    expect: { refused: ['damaged'] },
  },
  {
    kind: 'truncated-end-record',
    what: 'cut 10 bytes before the end (inside the end of central directory record)',
    expect: { refused: ['damaged'] },
  },
  // ---- XML ----------------------------------------------------------------------------------
  {
    kind: 'dtd-laughs-workbook',
    what: 'billion laughs in xl/workbook.xml: CT_UNIT_NAME’s text is &lol9; (10^9 "lol"s)',
    expect: { refused: ['dtd'] },
  },
  { kind: 'dtd-laughs-sheet', what: 'billion laughs in the sheet: a cell holding &lol9; inline', expect: { refused: ['dtd'] } },
  {
    kind: 'dtd-laughs-sharedstrings',
    what: 'billion laughs in xl/sharedStrings.xml: the first string is &lol9;',
    expect: { refused: ['dtd'] },
  },
  {
    kind: 'dtd-external-entity',
    what: 'xl/workbook.xml declares <!ENTITY x SYSTEM "file:///etc/passwd"> and CT_UNIT_NAME’s text is &x;',
    expect: { refused: ['dtd'] },
  },
  {
    kind: 'dtd-parameter-entity',
    what: 'the sheet pulls an external DTD through a parameter entity (http://127.0.0.1:9/evil.dtd)',
    expect: { refused: ['dtd'] },
  },
  // ---- defined names -------------------------------------------------------------------------
  {
    kind: 'name-whole-sheet',
    what: `${BROKEN_NAME} covers the whole sheet ('Phụ lục 01'!$A$1:$XFD$1048576: 17 billion cells) in a ~21 KB file`,
    expect: { refused: ['nameRange'] },
  },
  {
    kind: 'name-whole-column',
    what: `${BROKEN_NAME} covers a whole column ('Phụ lục 01'!$E:$E)`,
    expect: { refused: ['nameRange', 'nameBroken'] },
  },
  {
    kind: 'name-huge-text',
    what: `${BROKEN_NAME}'s text is 4 MB: a union of 150,000 single cells`,
    expect: { refused: ['nameBroken', 'nameRange'] },
  },
  {
    kind: 'names-100k',
    what: '100,000 extra workbook names (junk0 … junk99999), the contract’s names intact',
    expect: { readsAsBase: true },
  },
  // ---- not an .xlsx ------------------------------------------------------------------------
  {
    kind: 'encrypted',
    what: 'the return saved with a password (ECMA-376 agile encryption in an OLE2 compound file, by xlsx-populate)',
    expect: { refused: ['password'] },
  },
  {
    kind: 'zip-encrypted-entries',
    what: 'every zip entry flagged encrypted (a zip password, as 7-Zip sets one)',
    expect: { refused: ['password'] },
  },
  {
    kind: 'xls-biff8',
    what: 'the return saved as an old .xls (BIFF8 in an OLE2 compound file, by SheetJS)',
    expect: { refused: ['xls'] },
  },
  { kind: 'ods', what: 'the return saved as OpenDocument (.ods, by SheetJS), renamed .xlsx', expect: { refused: ['ods'] } },
  { kind: 'empty', what: 'a 0-byte file', expect: { refused: ['empty'] } },
  { kind: 'random-bytes', what: '64 KiB of random bytes', expect: { refused: ['notXlsx'] } },
  { kind: 'text-renamed', what: 'a CSV export renamed .xlsx', expect: { refused: ['notXlsx'] } },
  {
    kind: 'html-renamed',
    what: 'an HTML table renamed .xlsx (what "Export to Excel" buttons of web apps give)',
    expect: { refused: ['notXlsx'] },
  },
  {
    kind: 'oversize-25mb',
    what: 'the return with a 25 MB picture part stored in it (over the 20 MB file limit)',
    expect: { refused: ['tooLarge'] },
  },
  // ---- not a regular file ------------------------------------------------------------------------
  {
    kind: 'fifo',
    what: 'a FIFO named .xlsx (opening it blocks until someone writes)',
    expect: { refused: ['notRegular'] },
    pathOnly: true,
  },
  { kind: 'symlink-dev-zero', what: 'a symbolic link to /dev/zero (endless zeros)', expect: { refused: ['notRegular'] }, pathOnly: true },
  { kind: 'symlink-loop', what: 'a symbolic link to a link back to it', expect: { refused: ['linkLoop'] }, pathOnly: true },
];

export interface KindInfo {
  kind: string;
  what: string;
  expect: Expectation;
  /** Only its path can be read (FIFO, symbolic links): no bytes to hand a reader in memory. */
  pathOnly?: boolean;
}

/** Kinds the bench puts in its folder of 200 good + 20 hostile files: the worst of each family. */
export const BENCH_KINDS: readonly string[] = [
  'zip-bomb-1gib',
  'inflation-480mib',
  'lying-size-small',
  'parts-over-total',
  'sheet-huge-beyond',
  'many-entries',
  'zip64-count-huge',
  'truncated-half',
  'dtd-laughs-workbook',
  'dtd-external-entity',
  'name-whole-sheet',
  'name-huge-text',
  'encrypted',
  'xls-biff8',
  'ods',
  'empty',
  'random-bytes',
  'text-renamed',
  'fifo',
  'symlink-dev-zero',
];

export interface CorpusOptions {
  /** Only these kinds (all by default). */
  only?: readonly string[];
}

/** The kinds that are a path, not bytes: made where the file would be (`makeSpecialFile`). */
const PATH_MAKERS: Record<string, (file: string, dir: string) => void> = {
  fifo: (file) => execFileSync('mkfifo', [file]),
  'symlink-dev-zero': (file) => symlinkSync('/dev/zero', file),
  'symlink-loop': (file, dir) => {
    // Hidden, so merge's folder listing (which skips hidden files) sees only the loop's named end.
    const other = path.join(dir, `.${path.basename(file)}.other`);
    symlinkSync(file, other);
    symlinkSync(other, file);
  },
};

/** Makes a pathOnly kind's path at `file` (a FIFO, a link), for a folder of the caller's own. */
export function makeSpecialFile(kind: string, file: string): void {
  const make = PATH_MAKERS[kind];
  if (!make) throw new Error(`hostile corpus: ${kind} is not a special file`);
  make(file, path.dirname(file));
}

/** Writes the corpus into `dir` (created; emptied first) and lists it. */
export async function writeHostileCorpus(dir: string, options: CorpusOptions = {}): Promise<HostileCorpus> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const base = await filledReturn('bo-y-te', { year: 2025, quarter: 2, seed: 0 });
  const parts = unzipSync(base);
  const sheetXml = text(parts, SHEET);
  const workbookXml = text(parts, WORKBOOK);
  const [sheetHead] = split(sheetXml, '<sheetData>', true);

  // One deflate stream per size, shared by the kinds that use it (the CRC of a GiB is the slow part).
  const bombs = new Map<number, ReturnType<typeof repeatedDeflate>>();
  const bomb = (mib: number) => {
    if (!bombs.has(mib)) bombs.set(mib, repeatedDeflate(utf8(sheetHead), BLANKS, mib, new Uint8Array(0)));
    return bombs.get(mib)!;
  };
  const bombEntry = (mib: number, declaredSize?: number): RawEntry => {
    const b = bomb(mib);
    return { name: SHEET, method: 8, data: b.data, crc: b.crc, size: b.size, ...(declaredSize !== undefined ? { declaredSize } : {}) };
  };
  /** A part with 15 MiB of blanks after its XML declaration: under the 16 MiB part cap, three of them over the 40 MiB total. */
  const padded = (name: string): RawEntry => {
    const [head, tail] = split(text(parts, name), '?>', true);
    const b = repeatedDeflate(utf8(head), BLANKS, 15, utf8(tail));
    return { name, method: 8, data: b.data, crc: b.crc, size: b.size };
  };
  const honestZip = () => writeZip(rawEntries(parts));
  const withSheet = (xml: string) => rezip(parts, { [SHEET]: xml });
  const withWorkbook = (xml: string) => rezip(parts, { [WORKBOOK]: xml });
  /** The base with the sheet's raw entry changed (its headers, its stored bytes). */
  const withSheetEntry = (change: (e: RawEntry) => RawEntry) => writeZip(rawEntries(parts, {}, (e) => (e.name === SHEET ? change(e) : e)));
  const directoryStart = (zip: Buffer) => zip.readUInt32LE(zip.length - 22 + 16);

  const makers: Record<string, () => Buffer | Promise<Buffer>> = {
    // ---- inflation -------------------------------------------------------------------------
    'zip-bomb-1gib': () => writeZip(rawEntries(parts, { [SHEET]: bombEntry(1024) })),
    'inflation-480mib': () => writeZip(rawEntries(parts, { [SHEET]: bombEntry(480) })),
    'lying-size-small': () => writeZip(rawEntries(parts, { [SHEET]: bombEntry(1024, 1024) })),
    'parts-over-total': () =>
      writeZip(rawEntries(parts, { [SHARED_STRINGS]: padded(SHARED_STRINGS), [STYLES]: padded(STYLES), [SHEET]: padded(SHEET) })),
    'sheet-huge-beyond': () => {
      // Rows 1001–2000 of 50 cells each, repeated 100 times: a sheet Excel would repair, a reader must stop in.
      const [head, tail] = split(sheetXml, '</sheetData>', false);
      const b = repeatedDeflate(utf8(head), utf8(extraRows(1000, 50, true)), 100, utf8(tail));
      return writeZip(rawEntries(parts, { [SHEET]: { name: SHEET, method: 8, data: b.data, crc: b.crc, size: b.size } }));
    },
    'sheet-huge-within': () => withSheet(sheetWithRows(sheetXml, extraRows(15_000, 50, true))),
    'sheet-huge-no-r': () => withSheet(sheetWithRows(sheetXml, extraRows(15_000, 200, false))),
    'declared-huge': () => withSheetEntry((e) => ({ ...e, declaredSize: 0xfffffffe })),
    'declared-huge-zip64': () => withSheetEntry((e) => ({ ...e, zip64Extra: true, declaredSize: 2 ** 50 })),
    // ---- the zip's directory -----------------------------------------------------------------
    'many-entries': () => {
      const junk = Array.from({ length: 20_000 }, (_, i) => entry(`customXml/item${i}.xml`, utf8('x'), 0));
      return writeZip([...rawEntries(parts), ...junk]);
    },
    'zip64-end-records': () => writeZip(rawEntries(parts), { zip64End: true }),
    'zip64-extra-sizes': () => writeZip(rawEntries(parts, {}, (e) => ({ ...e, zip64Extra: true })), { zip64End: true }),
    'zip64-count-huge': () => writeZip(rawEntries(parts), { zip64End: true, zip64Count: 2n ** 40n }),
    'zip64-no-locator': () => writeZip(rawEntries(parts), { zip64End: true, omitLocator: true }),
    'zip64-end-outside': () => writeZip(rawEntries(parts), { zip64End: true, zip64EndOffset: 2n ** 40n }),
    'zip64-extra-size-huge': () => withSheetEntry((e) => ({ ...e, zip64Extra: true, declaredCompressedSize: 2 ** 62 })),
    'part-deflate-corrupt': () => withSheetEntry((e) => ({ ...e, data: seededBytes(e.data.length, 7) })),
    'truncated-20b': () => honestZip().subarray(0, 20),
    'truncated-half': () => {
      const zip = honestZip();
      return zip.subarray(0, zip.length >> 1);
    },
    'truncated-directory': () => {
      const zip = honestZip();
      return zip.subarray(0, directoryStart(zip));
    },
    'truncated-end-record': () => {
      const zip = honestZip();
      return zip.subarray(0, zip.length - 10);
      },
    // ---- XML ----------------------------------------------------------------------------------
    'dtd-laughs-workbook': () => withWorkbook(withNameText(withDtd(workbookXml, billionLaughs('workbook')), 'CT_UNIT_NAME', '&lol9;')),
    'dtd-laughs-sheet': () => {
      const [head, tail] = split(withDtd(sheetXml, billionLaughs('worksheet')), '<sheetData>', true);
      return withSheet(`${head}<row r="1"><c r="Z1" t="inlineStr"><is><t>&lol9;</t></is></c></row>${tail}`);
    },
    'dtd-laughs-sharedstrings': () => {
      const xml = withDtd(text(parts, SHARED_STRINGS), billionLaughs('sst'));
      return rezip(parts, { [SHARED_STRINGS]: xml.replace(/<t([^>]*)>[^<]*<\/t>/, '<t$1>&lol9;</t>') });
    },
    'dtd-external-entity': () => {
      const dtd = '<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
      return withWorkbook(withNameText(withDtd(workbookXml, dtd), 'CT_UNIT_NAME', '&x;'));
    },
    'dtd-parameter-entity': () => {
      const dtd = '<!DOCTYPE worksheet [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>';
      return withSheet(withDtd(sheetXml, dtd));
    },
    // ---- defined names -------------------------------------------------------------------------
    'name-whole-sheet': () => withWorkbook(withNameText(workbookXml, BROKEN_NAME, escapeXml("'Phụ lục 01'!$A$1:$XFD$1048576"))),
    'name-whole-column': () => withWorkbook(withNameText(workbookXml, BROKEN_NAME, escapeXml("'Phụ lục 01'!$E:$E"))),
    'name-huge-text': () => {
      const areas = Array.from({ length: 150_000 }, (_, i) => `'Phụ lục 01'!$A$${i + 1}`).join(',');
      return withWorkbook(withNameText(workbookXml, BROKEN_NAME, escapeXml(areas)));
    },
    'names-100k': () => {
      const junk = Array.from(
        { length: 100_000 },
        (_, i) => `<definedName name="junk${i}">&apos;Phụ lục 01&apos;!$A$${i + 1}</definedName>`,
      );
      return withWorkbook(workbookXml.replace('</definedNames>', `${junk.join('')}</definedNames>`));
      },
    // ---- not an .xlsx ------------------------------------------------------------------------
    encrypted: () => encrypted(base),
    'zip-encrypted-entries': () => writeZip(rawEntries(parts, {}, (e) => ({ ...e, flags: 1 }))),
    'xls-biff8': () => XLSX.write(XLSX.read(base, { type: 'buffer' }), { bookType: 'xls', type: 'buffer' }) as Buffer,
    ods: () => XLSX.write(XLSX.read(base, { type: 'buffer' }), { bookType: 'ods', type: 'buffer' }) as Buffer,
    empty: () => Buffer.alloc(0),
    'random-bytes': () => seededBytes(64 * 1024),
    'text-renamed': () => Buffer.from('Chỉ tiêu;Quý 1;Quý 2\n2.8;14,96%;15,50%\n2.9;-;-\n', 'utf8'),
    'html-renamed': () => Buffer.from('<html><body><table><tr><td>CT_2_8_Q1</td><td>14,96%</td></tr></table></body></html>\n', 'utf8'),
    'oversize-25mb': () => writeZip([...rawEntries(parts), entry('xl/media/image1.png', seededBytes(25 * MIB, 11), 0)]),
  };

  const wanted = options.only ? new Set(options.only) : null;
  const files: HostileFile[] = [];
  for (const info of HOSTILE_KINDS) {
    if (wanted && !wanted.has(info.kind)) continue;
    const file = path.join(dir, `${info.kind}.xlsx`);
    const makePath = PATH_MAKERS[info.kind];
    const make = makers[info.kind];
    if (makePath) makePath(file, dir);
    else if (make) writeFileSync(file, await make());
    else throw new Error(`hostile corpus: no maker for ${info.kind}`);
    files.push({ ...info, file });
  }
  return { dir, base, files };
}

/** The workbook saved with a password by xlsx-populate (no types of its own: the two calls used). */
async function encrypted(bytes: Buffer): Promise<Buffer> {
  type Workbook = { outputAsync(options: { password: string }): Promise<Buffer> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XlsxPopulate = require('xlsx-populate') as { fromDataAsync(data: Buffer): Promise<Workbook> };
  const workbook = await XlsxPopulate.fromDataAsync(bytes);
  return Buffer.from(await workbook.outputAsync({ password: 'matkhau' }));
}
