/** Sections a quarter requires, from the calendar (Q2: trend assessment and proposals). */
import { cellText, hasNoWords } from '../cellText';
import { quarterLabel } from '../context';
import { atSection, type Check } from '../finding';

export const required: Check = (ctx) => {
  const q = ctx.quarter;
  const calendar = ctx.catalogue.calendar.find((c) => c.quarter === q);
  if (q === null || !calendar) return [];
  return calendar.requiredSections
    .filter((key) => hasNoWords(cellText(ctx.data.narrative?.[key])))
    .map((key) => {
      const section = ctx.catalogue.sections.find((s) => s.key === key);
      return atSection('section.required', key, {
        numeral: section?.numeral ?? key,
        title: section?.title ?? { vi: key, en: key },
        quarter: quarterLabel(ctx, q),
      });
    });
};
