/**
 * A1 addresses and rectangles for the fake Excel host. Self-contained (no product imports) so the
 * fake can judge the product's address code rather than share its bugs.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** 1-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

export function cellName(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function validColumn(c: number): boolean {
  return c >= 1 && c <= MAX_COLUMNS;
}
function validRow(r: number): boolean {
  return r >= 1 && r <= MAX_ROWS;
}

/** "B3", "$B$3", "B3:O20", "A:A", "5:6"; null when it is none of these. */
export function parseRect(address: string): Rect | null {
  const parts = address.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts as [string, string?];
  const ca = CELL.exec(a);
  const cb = CELL.exec(b!);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const r2 = Number(cb[2]);
    const c1 = columnIndex(ca[1]!);
    const c2 = columnIndex(cb[1]!);
    if (![r1, r2].every(validRow) || ![c1, c2].every(validColumn)) return null;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  if (parts.length === 2) {
    const cola = COLUMN.exec(a);
    const colb = COLUMN.exec(b!);
    if (cola && colb) {
      const c1 = columnIndex(cola[1]!);
      const c2 = columnIndex(colb[1]!);
      if (!validColumn(c1) || !validColumn(c2)) return null;
      return { top: 1, bottom: MAX_ROWS, left: Math.min(c1, c2), right: Math.max(c1, c2) };
    }
    const rowa = ROW.exec(a);
    const rowb = ROW.exec(b!);
    if (rowa && rowb) {
      const r1 = Number(rowa[1]);
      const r2 = Number(rowb[1]);
      if (!validRow(r1) || !validRow(r2)) return null;
      return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COLUMNS };
    }
  }
  return null;
}

export function isEntireColumns(r: Rect): boolean {
  return r.top === 1 && r.bottom === MAX_ROWS;
}

export function isEntireRows(r: Rect): boolean {
  return r.left === 1 && r.right === MAX_COLUMNS;
}

/** The address Excel reports: "B5", "B5:C6", "A:B", "5:6" (with $ when absolute). */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireColumns(r) && !isEntireRows(r)) return `${d}${columnLetters(r.left)}:${d}${columnLetters(r.right)}`;
  if (isEntireRows(r)) return `${d}${r.top}:${d}${r.bottom}`;
  const first = cellName(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${cellName(r.bottom, r.right, absolute)}`;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is letters, digits, underscores and
 * dots not starting with a digit and not readable as a cell, quoted (with '' for ') otherwise.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A parsed reference: optional sheet and one or more rectangles ("A1:B2,D4"). */
export interface Reference {
  sheet: string | null;
  rects: Rect[];
}

/** Splits "'Phụ lục 01'!$B$5" into sheet and address; a leading "=" is allowed. */
export function splitSheet(reference: string): { sheet: string | null; address: string } {
  const ref = reference.trim().replace(/^=/, '');
  if (ref.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < ref.length) {
      if (ref[i] === "'") {
        if (ref[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ref[i];
      i++;
    }
    if (ref[i] === "'" && ref[i + 1] === '!') return { sheet: name, address: ref.slice(i + 2) };
    return { sheet: null, address: ref };
  }
  const bang = ref.indexOf('!');
  if (bang < 0) return { sheet: null, address: ref };
  return { sheet: ref.slice(0, bang), address: ref.slice(bang + 1) };
}

/** "A1:B2, D4" or "Sheet1!A1:B2"; null when any part is not an address. */
export function parseReference(reference: string): Reference | null {
  const { sheet, address } = splitSheet(reference);
  const rects: Rect[] = [];
  for (const part of address.split(',')) {
    const rect = parseRect(part);
    if (!rect) return null;
    rects.push(rect);
  }
  return rects.length ? { sheet, rects } : null;
}

export function rectCellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectColumns(r: Rect): number {
  return r.right - r.left + 1;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function boundingRect(rects: readonly Rect[]): Rect {
  return {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/** `a` minus `b` as at most four rectangles (bands above and below, then sides). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push({ top: a.top, bottom: i.top - 1, left: a.left, right: a.right });
  if (i.bottom < a.bottom) out.push({ top: i.bottom + 1, bottom: a.bottom, left: a.left, right: a.right });
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  return out;
}

export function subtractAll(rects: readonly Rect[], cut: readonly Rect[]): Rect[] {
  let out = [...rects];
  for (const c of cut) out = out.flatMap((r) => subtract(r, c));
  return out;
}

/** Every cell of a rectangle, row by row. Callers keep rectangles small (see cellsIn in model.ts). */
export function* cellsOfRect(r: Rect): Generator<[number, number]> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield [row, col];
}
