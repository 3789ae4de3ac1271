/**
 * One figure cell at a time, for every quarter up to the one checked (later quarters get
 * figure.laterQuarter instead, once). Without a known quarter every quarter is read.
 */
import { describeParse, formatNumber, formatPercent, type ParsedFigure } from '../../parse';
import { quoted } from '../cellText';
import { quarterLabel, type CheckContext, type FigureView, type RowView } from '../context';
import { atFigure, type Check, type Finding } from '../finding';

/** Each reported figure (a quarter up to the one checked) whose reading matches. */
export function reportedFigures<K extends ParsedFigure['kind']>(
  ctx: CheckContext,
  kind: K,
): { view: RowView; figure: FigureView; parsed: Extract<ParsedFigure, { kind: K }> }[] {
  const last = ctx.quarter ?? 4;
  return ctx.rows.flatMap((view) =>
    view.figures
      .filter((f) => f.quarter <= last && f.parsed.kind === kind)
      .map((figure) => ({ view, figure, parsed: figure.parsed as Extract<ParsedFigure, { kind: K }> })),
  );
}

const reading = (parsed: ParsedFigure) => ({ vi: describeParse(parsed, 'vi'), en: describeParse(parsed, 'en') });

export const excelError: Check = (ctx) =>
  reportedFigures(ctx, 'error').map(({ view, figure, parsed }) =>
    atFigure('figure.excelError', view, figure, { quarter: quarterLabel(ctx, figure.quarter), error: parsed.excelError }),
  );

export const notANumber: Check = (ctx) =>
  reportedFigures(ctx, 'invalid')
    .filter(({ parsed }) => parsed.reason !== 'outOfRange')
    .map(({ view, figure, parsed }) => atFigure('figure.notANumber', view, figure, { quarter: quarterLabel(ctx, figure.quarter), reading: reading(parsed) }));

export const outOfRange: Check = (ctx) =>
  reportedFigures(ctx, 'invalid')
    .filter(({ parsed }) => parsed.reason === 'outOfRange')
    .map(({ view, figure, parsed }) => atFigure('figure.outOfRange', view, figure, { quarter: quarterLabel(ctx, figure.quarter), reading: reading(parsed) }));

export const ambiguousUnit: Check = (ctx) =>
  reportedFigures(ctx, 'number')
    .filter(({ parsed }) => parsed.interpretedAs === 'ambiguousFraction')
    .map(({ view, figure, parsed }): Finding => {
      const value =
        parsed.source === 'number'
          ? { vi: formatNumber(Number(parsed.text), 'vi'), en: formatNumber(Number(parsed.text), 'en') }
          : quoted(parsed.text);
      const other = parsed.alternativePercent ?? parsed.percent;
      return atFigure('figure.ambiguousUnit', view, figure, {
        quarter: quarterLabel(ctx, figure.quarter),
        value,
        chosen: { vi: formatPercent(parsed.percent, 'vi'), en: formatPercent(parsed.percent, 'en') },
        other: { vi: formatPercent(other, 'vi'), en: formatPercent(other, 'en') },
      });
    });

export const deferred: Check = (ctx) =>
  reportedFigures(ctx, 'deferred').map(({ view, figure, parsed }) =>
    atFigure('figure.deferred', view, figure, { quarter: quarterLabel(ctx, figure.quarter), text: quoted(parsed.text) }),
  );
