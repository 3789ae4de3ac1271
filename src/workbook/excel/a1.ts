/**
 * A1 addresses as the Office.js renderer needs them: cells to rectangles, rectangles to the
 * comma-separated lists `Worksheet.getRanges` takes, and sheet names in references.
 */

export interface Cell {
  row: number;
  col: number;
}

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

export function parseCell(address: string): Cell {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 cell address: "${address}"`);
  return { row: Number(m[2]), col: columnIndex(m[1]!) };
}

export function parseRect(address: string): Rect {
  const [a, b = a] = address.split(':') as [string, string?];
  const p = parseCell(a);
  const q = parseCell(b!);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function cellAddress({ row, col }: Cell): string {
  return `${columnLetters(col)}${row}`;
}

export function rectAddress(r: Rect): string {
  const first = cellAddress({ row: r.top, col: r.left });
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${cellAddress({ row: r.bottom, col: r.right })}`;
}

/** Every cell of a range, row by row. */
export function cellsOf(address: string): Cell[] {
  const r = parseRect(address);
  const out: Cell[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/**
 * Few rectangles covering exactly the given cells: runs along each row, then runs of rows with
 * the same span stacked. Not minimal, but a form's styled areas are bands and blocks, so this
 * turns hundreds of cells into a few dozen areas.
 */
export function toRects(cells: Iterable<Cell>): Rect[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = new Set()));
    cols.add(col);
  }
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...byRow.get(row)!].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (const c of cols) {
      const last = spans[spans.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else spans.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [left, right] of spans) {
      const key = `${left}:${right}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, left, bottom: row, right });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key) && rect.bottom < row) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Excel rejects long multi-area addresses with a bare InvalidArgument; the limit is not
 * documented and failures have been seen from about 8,000 characters (OfficeDev/office-js#5198),
 * so lists are cut well below that.
 */
export const MAX_AREAS_ADDRESS = 2000;

export function chunkAddresses(addresses: string[], max = MAX_AREAS_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > max) {
      chunks.push(current);
      current = a;
    } else current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** A sheet name as a reference needs it: quoted unless plain letters, digits and underscores. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Phụ lục 01'!$C$12" → { sheet: "Phụ lục 01", address: "C12" }; no sheet part → sheet null. */
export function splitReference(reference: string): { sheet: string | null; address: string } {
  const ref = reference.replace(/^=/, '');
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet: null, address: ref.replace(/\$/g, '') };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1).replace(/\$/g, '') };
}
