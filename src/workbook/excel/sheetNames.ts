/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** Excel compares sheet names without regard to case. */
export const sheetKey = (name: string) => name.toLowerCase();

/** `base` followed by `tail`, cutting the base (never the tail) to stay within 31 characters. */
function withTail(base: string, tail: string): string {
  return base.slice(0, MAX_SHEET_NAME - tail.length).trimEnd() + tail;
}

function firstFree(candidate: (n: number) => string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = candidate(n);
    if (!taken.has(sheetKey(name))) return name;
  }
}

/** "Phụ lục 01", else "Phụ lục 01 (2)", "(3)" … */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  return firstFree((n) => (n === 1 ? withTail(base, '') : withTail(base, ` (${n})`)), taken);
}

/** "Phụ lục 01 (cũ)", else "Phụ lục 01 (cũ 2)", "(cũ 3)" … */
export function backupSheetName(base: string, suffix: string, taken: ReadonlySet<string>): string {
  return firstFree((n) => withTail(base, n === 1 ? ` (${suffix})` : ` (${suffix} ${n})`), taken);
}
