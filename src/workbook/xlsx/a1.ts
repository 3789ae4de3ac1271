/** A1 addresses and ranges, as the plan writes them (no sheet, no $). */

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseCell(address: string): { col: number; row: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new Error(`not an A1 cell address: ${address}`);
  return { col: columnNumber(match[1]!), row: Number(match[2]) };
}

/** Every cell of "E23" or "E23:F24", row by row. */
export function cellsOf(range: string): string[] {
  const [first, last = first] = range.split(':') as [string, string?];
  const a = parseCell(first);
  const b = parseCell(last!);
  const out: string[] = [];
  for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
    for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) out.push(`${columnLetters(col)}${row}`);
  }
  return out;
}

/** "E23" → "$E$23". */
export function absolute(address: string): string {
  const { col, row } = parseCell(address);
  return `$${columnLetters(col)}$${row}`;
}

/**
 * A sheet name as a formula reference needs it: quoted, with inner quotes doubled, unless it is
 * plain letters and digits. "Phụ lục 01" → "'Phụ lục 01'".
 */
export function quoteSheetName(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}
