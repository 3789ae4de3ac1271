/**
 * Reading one number written with '.' and ',' in either role (Vietnamese: "1.234,5";
 * English: "1,234.5"; the form itself: "14,96" and "74.63").
 *
 * - One kind of separator, once: a decimal separator ("14,96", "74.63", "1.5" = "1,5"),
 *   except that one separator followed by exactly three digits ("1,234") could also be a
 *   thousands separator. A percent cannot be 1234, so the decimal reading (1.234) is taken
 *   and `separatorAmbiguous` says so. When the leading group starts with 0 ("0,123") or has
 *   more than three digits there is no ambiguity.
 * - One kind of separator, several times: thousands grouping ("1.234.567"), every group of three.
 * - Both kinds: the last one is the decimal separator and occurs once; the other groups thousands.
 * - A leading separator is a decimal (",5" = 0.5); one trailing separator is dropped ("15," = 15),
 *   as Excel does for "15.".
 * Anything else ("1.2.3", "1,23,4") is malformed: a section number or a typo, not a figure.
 * Spaces never group digits ("1 234,5" is two numbers): no percent needs a thousands group.
 */
export interface NumberReading {
  value: number;
  separatorAmbiguous: boolean;
}

/** The number token starting at `at` in folded text (digits with '.' / ',' inside or at either end), or null. */
export function numberTokenAt(text: string, at: number): string | null {
  const token = /[.,]?\d+(?:[.,]\d+)*[.,]?/y;
  token.lastIndex = at;
  return token.exec(text)?.[0] ?? null;
}

/** How many number tokens the text holds (footnote digits included): tells a range from stray words. */
export function countNumbers(text: string): number {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).length;
}

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`);

export function readNumberToken(token: string): NumberReading | null {
  let t = token;
  if (/^[.,]\d/.test(t)) t = `0${t}`;
  if (/\d[.,]$/.test(t)) t = t.slice(0, -1);
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  const plain = (s: string) => ({ value: Number(s), separatorAmbiguous: false });

  if (dots === 0 && commas === 0) return plain(t);
  if (dots === 0 || commas === 0) {
    const sep = dots > 0 ? '.' : ',';
    const count = dots + commas;
    if (count === 1) {
      const [whole, fraction] = t.split(sep) as [string, string];
      const couldGroup = fraction.length === 3 && whole.length <= 3 && !whole.startsWith('0');
      return { value: Number(`${whole}.${fraction}`), separatorAmbiguous: couldGroup };
    }
    return GROUPED(sep).test(t) ? plain(t.split(sep).join('')) : null;
  }
  const decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
  const group = decimal === '.' ? ',' : '.';
  const at = t.lastIndexOf(decimal);
  const whole = t.slice(0, at);
  const fraction = t.slice(at + 1);
  if (whole.includes(decimal) || !GROUPED(group).test(whole)) return null;
  return plain(`${whole.split(group).join('')}.${fraction}`);
}
