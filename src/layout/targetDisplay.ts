import type { Comparator, Target, TargetOrigin, YearTargets } from '../catalogue/schema';
import type { Lang } from '../workbook/port';
import { label, type LabelKey } from './labels';

/** How a target sits in a cell: a number whose format carries the comparator, or the printed words. */
export interface TargetCell {
  value: number | string;
  numberFormat?: string;
}

const SYMBOL: Record<Comparator, string> = { above: '> ', atLeast: '≥ ', reach: '' };

function decimals(percent: number): number {
  const text = String(percent);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(2, text.length - dot - 1);
}

/** The percent format for a value shown with `places` decimals, e.g. 2 → "0.00%". */
export function percentFormat(places: number): string {
  return places > 0 ? `0.${'0'.repeat(places)}%` : '0%';
}

export function targetCell(target: Target): TargetCell {
  if (target.kind === 'text') return { value: target.printed };
  const prefix = SYMBOL[target.comparator];
  const format = percentFormat(decimals(target.value));
  // Excel stores percentages as fractions; round away binary noise (15.5/100 = 0.155000…01).
  const value = Number((target.value / 100).toPrecision(12));
  return { value, numberFormat: prefix ? `"${prefix}"${format}` : format };
}

/** "> 10%", "≥ 10%", "15,5%" (vi) / "15.5%" (en), or the printed words. */
export function targetText(target: Target, lang: Lang): string {
  if (target.kind === 'text') return target.printed;
  const number = lang === 'vi' ? String(target.value).replace('.', ',') : String(target.value);
  return `${SYMBOL[target.comparator]}${number}%`;
}

const ORIGIN_LABEL: Record<TargetOrigin, LabelKey> = {
  strategy411: 'originStrategy411',
  plan466: 'originPlan466',
  appendix01: 'originAppendix01',
};

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'text' || b.kind === 'text') return a.kind === b.kind && a.printed === b.printed;
  return a.value === b.value && a.comparator === b.comparator;
}

/**
 * A note naming where the sources disagree, or null where they agree. The sheet shows the
 * applied target; the note keeps the others in view so nobody thinks the form was misread.
 */
export function targetDifferenceNote(targets: YearTargets, lang: Lang, cellLabel: string): string | null {
  const applied = targets.variants[targets.applied]!;
  const others = (Object.entries(targets.variants) as [TargetOrigin, Target][]).filter(
    ([origin, t]) => origin !== targets.applied && !sameTarget(t, applied),
  );
  if (others.length === 0) return null;
  const lines = others.map(([origin, t]) =>
    label('noteDifference', lang, { label: cellLabel, origin: label(ORIGIN_LABEL[origin], lang), printed: t.printed }),
  );
  lines.push(label('noteApplied', lang, { printed: applied.printed, origin: label(ORIGIN_LABEL[targets.applied], lang) }));
  if (targets.reason) lines.push(targets.reason[lang]);
  return lines.join(' ');
}
