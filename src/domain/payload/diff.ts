/**
 * What changed between two versions of a return, for the reviewer's history: one Change per
 * figure, comparison, source, section, focal-point field and justification that differs. The
 * order is the sheet's (table rows in PAYLOAD_ROW_IDS order, each row left to right), then the
 * focal point, the sections and the justifications by key, so two runs always list alike.
 *
 * Figures are shown the way a Vietnamese reviewer reads them ("14,96% (ước)", "—", or the text
 * typed); where two versions look the same that way, the typed text and then the raw value are
 * added, so a listed change never shows identical before and after.
 */
import { formatPercent } from '../parse';
import type { Change } from './api';
import { PAYLOAD_ROW_IDS, type PayloadFigure, type RowId, type SubmissionPayload } from './schema';

const FOCAL_FIELDS = ['name', 'title', 'org', 'phone', 'email'] as const;
const SECTION_KEYS = ['trend', 'international', 'difficulties', 'proposals'] as const;

/** An empty text is "not given": shown as null, like a field that is absent. */
const given = (text: string | null | undefined): string | null => (text === null || text === undefined || text === '' ? null : text);

function shortFigure(f: PayloadFigure): string {
  switch (f.status) {
    case 'empty':
      return '—';
    case 'number':
      // An approximate figure is what was typed ("khoảng 6%"); the number alone would overstate it.
      if (f.approximate || f.value === null) return f.typed;
      return `${formatPercent(f.value, 'vi')}${f.provisional ? ' (ước)' : ''}`;
    case 'noData':
    case 'deferred':
      return f.typed;
  }
}

const RENDERINGS: ((f: PayloadFigure) => string)[] = [
  shortFigure,
  (f) => `${shortFigure(f)} [${f.typed}]`,
  (f) => `${shortFigure(f)} [${f.typed}] (${f.status}${f.value !== null ? ` ${String(f.value)}` : ''}${f.provisional ? ', provisional' : ''}${f.approximate ? ', approximate' : ''})`,
];

function sameFigure(a: PayloadFigure | undefined, b: PayloadFigure | undefined): boolean {
  if (!a || !b) return a === b;
  return a.value === b.value && a.status === b.status && a.typed === b.typed && a.provisional === b.provisional && a.approximate === b.approximate;
}

function figureChange(path: string, before: PayloadFigure | undefined, after: PayloadFigure | undefined): Change | null {
  if (sameFigure(before, after)) return null;
  if (!before || !after) return { kind: 'figure', path, before: before ? shortFigure(before) : null, after: after ? shortFigure(after) : null };
  const render = RENDERINGS.find((r) => r(before) !== r(after)) ?? RENDERINGS[RENDERINGS.length - 1]!;
  return { kind: 'figure', path, before: render(before), after: render(after) };
}

function textChange(kind: Change['kind'], path: string, before: string | null | undefined, after: string | null | undefined): Change | null {
  const b = given(before);
  const a = given(after);
  return b === a ? null : { kind, path, before: b, after: a };
}

const byCell = (p: SubmissionPayload) => new Map(p.figures.map((f) => [`${f.row} Q${f.quarter}`, f]));

function rowChanges(row: RowId, before: SubmissionPayload, after: SubmissionPayload, fb: Map<string, PayloadFigure>, fa: Map<string, PayloadFigure>): (Change | null)[] {
  const out: (Change | null)[] = [];
  for (let q = 1; q <= 4; q++) {
    const path = `${row} Q${q}`;
    const b = fb.get(path);
    const a = fa.get(path);
    out.push(figureChange(path, b, a));
    // Q4 has no comparison column of its own: its comparison is TY_INTL, compared below.
    if (q < 4) out.push(textChange('comparison', `${row} Q${q}_INTL`, b?.comparison, a?.comparison));
  }
  const tb = before.targetComparisons[row];
  const ta = after.targetComparisons[row];
  out.push(textChange('targetComparison', `${row} TY_INTL`, tb?.TY_INTL, ta?.TY_INTL));
  out.push(textChange('targetComparison', `${row} T2025_INTL`, tb?.T2025_INTL, ta?.T2025_INTL));
  out.push(textChange('source', `${row} SOURCE`, before.rowSources[row], after.rowSources[row]));
  return out;
}

/** Own keys only: a justification stored under "constructor" is a key like any other. */
const own = (r: Record<string, string>, key: string): string | undefined => (Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined);

export function diffPayloads(before: SubmissionPayload, after: SubmissionPayload): Change[] {
  const fb = byCell(before);
  const fa = byCell(after);
  const changes: (Change | null)[] = [
    ...PAYLOAD_ROW_IDS.flatMap((row) => rowChanges(row, before, after, fb, fa)),
    ...FOCAL_FIELDS.map((k) => textChange('focalPoint', `focalPoint.${k}`, before.focalPoint[k], after.focalPoint[k])),
    ...SECTION_KEYS.map((k) => textChange('section', `sections.${k}`, before.sections[k], after.sections[k])),
  ];
  const keys = [...new Set([...Object.keys(before.justifications), ...Object.keys(after.justifications)])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (const key of keys) changes.push(textChange('justification', key, own(before.justifications, key), own(after.justifications, key)));
  return changes.filter((c): c is Change => c !== null);
}
