/**
 * A figure against a target with its comparator. The catalogue says what the words mean:
 * "above" (Trên, >) is strictly above, so a figure equal to the target does not meet it;
 * "atLeast" (Tối thiểu, ≥) and "reach" (a bare value: đạt) are met from the target up.
 */
import type { Comparator, NumericTarget, ReportingRow, Target } from '../../catalogue/schema';
import { formatNumber } from '../parse';

/** Figures are typed with a few decimals; below this two percents are the same percent. */
const EPSILON = 1e-9;

export function meets(percent: number, value: number, comparator: Comparator): boolean {
  return comparator === 'above' ? percent > value + EPSILON : percent >= value - EPSILON;
}

export function meetsTarget(percent: number, target: NumericTarget): boolean {
  return meets(percent, target.value, target.comparator);
}

/** The target validation uses for a year (the `applied` variant), or null where there is none. */
export function appliedTarget(row: ReportingRow, year: number): Target | null {
  const targets = row.targets[String(year)];
  return targets?.variants[targets.applied] ?? null;
}

export function numericTarget(row: ReportingRow, year: number): NumericTarget | null {
  const t = appliedTarget(row, year);
  return t?.kind === 'value' ? t : null;
}

const SYMBOL: Record<Comparator, string> = { above: '> ', atLeast: '≥ ', reach: '' };

/** "> 50%", "≥ 10%", "15,5%" (vi) / "15.5%" (en); a text target as printed. */
export function targetLabel(target: Target, lang: 'vi' | 'en'): string {
  if (target.kind === 'text') return target.printed;
  return `${SYMBOL[target.comparator]}${formatNumber(target.value, lang)}%`;
}

/** What the comparator asks of a figure, in words, for messages. */
export function comparatorMeaning(target: NumericTarget): { vi: string; en: string } {
  const vi = `${formatNumber(target.value, 'vi')}%`;
  const en = `${formatNumber(target.value, 'en')}%`;
  switch (target.comparator) {
    case 'above':
      return { vi: `phải cao hơn ${vi}; bằng ${vi} là chưa đạt`, en: `it must be above ${en}; exactly ${en} does not meet it` };
    case 'atLeast':
      return { vi: `tối thiểu ${vi}, tức từ ${vi} trở lên`, en: `at least ${en}, i.e. ${en} or more` };
    case 'reach':
      return { vi: `đạt ${vi} trở lên`, en: `reach ${en} or more` };
  }
}
