import type { Lang } from '../workbook/port';
import type { CliIO } from './io';

/** Width as a terminal shows it: Vietnamese letters may come decomposed (e + combining marks). */
function displayWidth(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

/** Columns padded to their widest cell; the last column is left ragged. */
export function formatTable(headers: string[], rows: string[][]): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

export function printLine(io: CliIO, text: string): void {
  io.out(text + '\n');
}

const ERROR_PREFIX: Record<Lang, string> = { vi: 'Lỗi: ', en: 'Error: ' };

export function printError(io: CliIO, lang: Lang, message: string): void {
  io.err(ERROR_PREFIX[lang] + message + '\n');
}
