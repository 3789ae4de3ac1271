import type { ReportingUnit } from '../catalogue/schema';
import type { Lang } from '../workbook/port';
import { translate } from './i18n/strings';

/**
 * Lower case without Vietnamese diacritics, so "lao cai" finds "Lào Cai" and "y te" finds
 * "Bộ Y tế": many people type without a Vietnamese keyboard. Đ/đ is a letter of its own, not
 * a D with a mark, so NFD leaves it alone and it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const wordsOf = (text: string) => foldVietnamese(text).split(/[^a-z0-9]+/).filter(Boolean);

/**
 * Every word of the query starts a word of the unit's Vietnamese name, English name or id, in
 * any order ("y te" finds "Bộ Y tế" but not "Hưng Yên"); a word of three letters or more may
 * also be initials ("hcm" finds "Hồ Chí Minh").
 */
export function unitMatches(unit: ReportingUnit, query: string): boolean {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return true;
  const names = [unit.name.vi, unit.name.en, unit.id].map(wordsOf);
  const words = names.flat();
  const initials = names.map((n) => n.map((w) => w[0]).join(''));
  return wanted.every((w) => words.some((h) => h.startsWith(w)) || (w.length >= 3 && initials.some((i) => i.includes(w))));
}

export type UnitKind = ReportingUnit['kind'];
export const KIND_ORDER: readonly UnitKind[] = ['ministry', 'agency', 'province'];

export interface UnitGroup {
  kind: UnitKind;
  units: ReportingUnit[];
}

/** The matching units, grouped ministry / agency / province, each group in list order; empty groups dropped. */
export function groupMatchingUnits(units: readonly ReportingUnit[], query: string): UnitGroup[] {
  const matching = units.filter((u) => unitMatches(u, query));
  return KIND_ORDER.map((kind) => ({ kind, units: matching.filter((u) => u.kind === kind) })).filter((g) => g.units.length > 0);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const showDate = (iso: string, lang: Lang) => (lang === 'vi' ? iso.replace(DATE, '$3/$2/$1') : iso);

/**
 * What the list and the box show for a unit. Where a reorganisation left two units of the same
 * name in one year (a province before and after its merger), their dates tell them apart.
 */
export function unitLabel(unit: ReportingUnit, lang: Lang, among: readonly ReportingUnit[] = []): string {
  const name = unit.name[lang];
  if (!among.some((u) => u !== unit && u.name[lang] === name)) return name;
  const dates = unit.validTo
    ? translate('unitValidTo', lang, { date: showDate(unit.validTo, lang) })
    : translate('unitValidFrom', lang, { date: showDate(unit.validFrom, lang) });
  return `${name} (${dates})`;
}

/** The year offered first: this year when it has targets, else the nearest year that has. */
export function defaultYear(years: readonly number[], today: Date = new Date()): number {
  const now = today.getFullYear();
  if (years.includes(now)) return now;
  const past = years.filter((y) => y <= now);
  return past.length ? Math.max(...past) : Math.min(...years);
}
