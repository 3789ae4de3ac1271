/**
 * An unknown `--unit` answered with the unit meant: a name ("Bộ Y tế", "bo y te"), an id with a
 * dash missing ("bo-yte") or initials ("hcm") find the id, the way the task pane's search does.
 */
import { findUnit } from '../catalogue/load';
import type { ReportingUnit, UnitList } from '../catalogue/schema';
import { foldVietnamese, unitMatches } from '../taskpane/unitSearch';
import { UserFacingError } from '../workbook/port';
import { cliText } from './messages';

const squeezed = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]+/g, '');

/** At most three units the text most likely meant: an exact name or id first, then what the search finds. */
export function unitsMeant(units: readonly ReportingUnit[], text: string): ReportingUnit[] {
  const wanted = squeezed(text);
  if (wanted === '') return [];
  const exact = units.filter((u) => [u.id, u.name.vi, u.name.en].some((n) => squeezed(n) === wanted));
  if (exact.length) return exact.slice(0, 3);
  const found = units.filter((u) => unitMatches(u, text));
  return found.length <= 3 ? found : [];
}

/** The unit with this id, or a sentence naming the ones meant (and where to list them all). */
export function requireUnitId(list: UnitList, text: string): ReportingUnit {
  const unit = findUnit(list, text);
  if (unit) return unit;
  const meant = unitsMeant(list.units, text);
  const say = (lang: 'vi' | 'en') =>
    cliText('unitUnknown', lang, { unit: text }) +
    (meant.length ? ' ' + cliText('unitMeant', lang, { units: meant.map((u) => `${u.id} (${u.name[lang]})`).join('; ') }) : '') +
    ' ' +
    cliText('unitListHint', lang);
  throw new UserFacingError('unknown-unit', { vi: say('vi'), en: say('en') });
}
