import { findUnit } from '../catalogue/load';
import type { UnitList } from '../catalogue/schema';
import type { ExistingReturn, Lang } from '../workbook/port';
import type { Language } from './i18n/LanguageContext';

/**
 * The placeholders every sentence about an existing return uses. The unit is named in the
 * pane's language when its id is known; else as the sheet wrote it (it may be an older list's).
 */
export function existingVars(existing: ExistingReturn, t: Language['t'], lang: Lang, units?: UnitList) {
  const known = existing.unitId && units ? findUnit(units, existing.unitId) : undefined;
  return {
    sheet: existing.sheetName,
    unit: known?.name[lang] ?? existing.unitName ?? existing.unitId ?? t('unknownUnit'),
    year: existing.year ?? t('unknownYear'),
    filled: existing.filledInputs,
  };
}
