/**
 * The few XML shapes an .xlsx part is read for, without an XML parser: one pass of string search
 * over the part, after normalisePart has made whatever a producer wrote into the plain form
 * (no comments, no CDATA sections, no namespace prefix on SpreadsheetML elements, no DTD).
 *
 * Parts are scanned as latin1 text (one char per byte: ~100 times faster to make than UTF-8 text
 * when the sheet holds Vietnamese input messages, and every tag and attribute name is ASCII), and
 * only the fragments taken out are decoded as UTF-8 (decodeXml does it, first).
 *
 * Web-standard, so the same code runs in `chitieu merge` and in the task pane: a TextDecoder makes
 * the text. Browsers decode the label "latin1" as windows-1252, which puts 27 other characters at
 * bytes 0x80–0x9F (still one UTF-16 unit per byte, so offsets stay byte offsets); byteOf maps them
 * back. Where Node's Buffer is there (the CLI, jest) its latin1 decoder is used instead, found on
 * globalThis, never imported: Node 20's TextDecoder("latin1") goes through ICU and is several
 * times slower, which `chitieu merge` over 1,000 files would feel.
 */
import { ZipProblem } from './zip';

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');
type NodeBufferLike = { from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string } };
const nodeBuffer = (): NodeBufferLike | undefined => (globalThis as { Buffer?: NodeBufferLike }).Buffer;

export const bytesText = (bytes: Uint8Array): string => {
  const B = nodeBuffer();
  return B ? B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : LATIN1.decode(bytes);
};

/** windows-1252's characters at 0x80–0x9F → their bytes (for text a browser's "latin1" decoder made). */
const CP1252_BYTES = new Map<number, number>(
  [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
    0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
  ]
    .map((code, i) => [code, 0x80 + i] as [number, number])
    .filter(([code]) => code !== 0),
);
const byteOf = (code: number): number => (code < 0x100 ? code : (CP1252_BYTES.get(code) ?? 0x3f));
const NON_ASCII = /[^\x00-\x7f]/;

/** A fragment of bytesText's text → its bytes → UTF-8 text. */
const utf8Of = (latin1: string): string => {
  if (!NON_ASCII.test(latin1)) return latin1;
  const bytes = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) bytes[i] = byteOf(latin1.charCodeAt(i));
  return UTF8.decode(bytes);
};

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A code point a character reference may name; anything else stays as it was written. */
const codePoint = (n: number) => (n >= 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : null);

/**
 * A fragment of a part (latin1, see bytesText) as text: UTF-8 decoded, then the predefined entity
 * and character references, as an XML parser decodes them. No DTD is ever read (normalisePart
 * refuses one), so any other "&name;" stays as written.
 */
export function decodeXml(latin1: string): string {
  let text = utf8Of(latin1);
  // XML's end-of-line handling (a raw CR or CRLF is read as LF); a &#13; stays a CR.
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, named: string | undefined) =>
    named ? NAMED[named]! : (codePoint(parseInt(dec ?? hex!, dec ? 10 : 16)) ?? whole),
  );
}

/** `_x000D_` escapes: how Excel writes characters XML cannot carry, in every string it stores. */
export const unescapeX = (text: string) =>
  text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The attributes of a start tag's inside (`name="v" other='w'`), decoded; namespace prefixes kept. */
export function attributes(tag: string): Record<string, string> {
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

/** Removes `<rPh>` (phonetic runs): they are reading aids, not the cell's text. */
const withoutPhonetic = (fragment: string) => (fragment.indexOf('<rPh') < 0 ? fragment : fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''));

/** A `<si>` or `<is>` body, a plain `<t>` or runs `<r>`, as its text. */
export function stringItem(body: string): string {
  const clean = withoutPhonetic(body);
  if (clean.indexOf('<r>') >= 0 || clean.indexOf('<r ') >= 0) {
    const runs: string[] = [];
    const re = /<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(clean))) runs.push(textRuns(m[1]!).join(''));
    return unescapeX(runs.join(''));
  }
  return unescapeX(textRuns(clean).join(''));
}

// ---- a part as a producer wrote it → the plain form ------------------------------------------

const NAMESPACES = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
];

const escapeCdata = (body: string) => body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A part (latin1 text) in the form the scans read. Refuses a DTD: Office never writes one (the
 * Open XML packaging rules forbid it), and its entities are how a small file becomes gigabytes of
 * text. Comments and processing instructions go, CDATA sections become escaped text, and a
 * namespace prefix on the SpreadsheetML elements (Open XML SDK writes `<x:c>`) is dropped.
 * Each step costs one search when the part does not need it.
 */
export function normalisePart(xml: string, part: string): string {
  // One search finds any of DOCTYPE, comment and CDATA ("<!"), one any processing instruction past the declaration.
  const markup = xml.indexOf('<!');
  const instruction = xml.indexOf('<?', 2);
  if (markup < 0 && instruction < 0) return withoutPrefix(xml);
  if (markup >= 0 && /<!doctype/i.test(xml.slice(markup))) {
    const shown = part.length > 80 ? `${part.slice(0, 77)}…` : part;
    throw new ZipProblem({
      vi: `Phần "${shown}" có khai báo DTD (<!DOCTYPE>), điều Excel không bao giờ ghi: từ chối (có thể là tệp độc hại)`,
      en: `The part "${shown}" has a DTD (<!DOCTYPE>), which Excel never writes: refused (possibly a hostile file)`,
    });
  }
  let text = xml;
  if (markup >= 0 && text.indexOf('<!--', markup) >= 0) text = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  if (markup >= 0 && text.indexOf('<![CDATA[') >= 0) text = text.replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, (_, body: string) => escapeCdata(body));
  if (instruction >= 0) text = text.replace(/<\?[\s\S]*?(?:\?>|$)/g, '');
  return withoutPrefix(text);
}

/** The root element's prefix, when it is bound to a namespace the scans read. */
function withoutPrefix(text: string): string {
  const root = /<([\w.-]+):[\w.-]+[\s>/]/.exec(text.slice(0, 4096));
  if (!root || root.index !== firstElement(text)) return text;
  const prefix = root[1]!;
  const declared = new RegExp(`xmlns:${prefix.replace(/\./g, '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(text.slice(0, 8192));
  if (!declared || !NAMESPACES.includes(declared[1]!)) return text;
  return text.replace(new RegExp(`<(/?)${prefix.replace(/\./g, '\\.')}:`, 'g'), '<$1');
}

function firstElement(text: string): number {
  const m = /<[^?!]/.exec(text);
  return m ? m.index : -1;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute ("/xl/…", as openpyxl writes). */
export function resolveTarget(sourceFolder: string, target: string): string {
  let decoded = target.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a stray "%" stays as written
  }
  const parts = decoded.startsWith('/') ? [] : sourceFolder.split('/').filter(Boolean);
  for (const piece of decoded.split(/[\\/]/)) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

/** A part's relationships: Id → { type, target } (external targets left out). */
export function relationships(xml: string | undefined, sourceFolder: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  for (const m of (xml ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (!a.Id || !a.Target || /^external$/i.test(a.TargetMode ?? '')) continue;
    rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(sourceFolder, a.Target) });
  }
  return rels;
}
