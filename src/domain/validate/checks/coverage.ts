/**
 * Which cells must hold something this quarter. The return grows quarter by quarter: the
 * quarter checked must be filled on every row the unit answers for, earlier quarters should
 * be, later ones must not be yet.
 */
import { foldText, formatPercent, type ParsedFigure } from '../../parse';
import { quoted } from '../cellText';
import { quarterLabel, type CheckContext } from '../context';
import { atFigure, type Check } from '../finding';

/** The current quarter's cell of each required row. */
function currentOfRequired(ctx: CheckContext) {
  const q = ctx.quarter;
  if (q === null) return [];
  return ctx.rows.filter((v) => v.required).map((view) => ({ view, figure: view.figures[q - 1]!, label: quarterLabel(ctx, q) }));
}

/**
 * Bare "no data" marks; a marker that is itself a reason ("chưa điều tra", "không áp dụng",
 * "đang cập nhật") explains the gap and needs nothing more.
 */
const BARE_MARKER = /^(?:-+|\.+|x|n\/?a|n\.a\.?|na|#n\/a|(?:chua|khong) co(?: so lieu| du lieu| thong tin)?|no data|not available)$/;

export function noDataReason(parsed: Extract<ParsedFigure, { kind: 'noData' }>): string | undefined {
  if (parsed.reason) return parsed.reason;
  return BARE_MARKER.test(foldText(parsed.marker)) ? undefined : parsed.marker;
}

export const missing: Check = (ctx) =>
  currentOfRequired(ctx)
    .filter(({ figure }) => figure.parsed.kind === 'empty')
    .map(({ view, figure, label }) => atFigure('figure.missing', view, figure, { quarter: label, name: view.row.name }));

export const noDataWithoutReason: Check = (ctx) =>
  currentOfRequired(ctx).flatMap(({ view, figure, label }) =>
    figure.parsed.kind === 'noData' && noDataReason(figure.parsed) === undefined
      ? [atFigure('figure.noDataReason', view, figure, { quarter: label, marker: quoted(figure.parsed.marker) })]
      : [],
  );

export const noData: Check = (ctx) =>
  currentOfRequired(ctx).flatMap(({ view, figure, label }) => {
    if (figure.parsed.kind !== 'noData') return [];
    const reason = noDataReason(figure.parsed);
    return reason === undefined ? [] : [atFigure('figure.noData', view, figure, { quarter: label, reason })];
  });

/** A "-" in a quarter not yet due is harmless; anything that claims to be a figure is not. */
const CLAIMS_A_FIGURE: ReadonlySet<ParsedFigure['kind']> = new Set(['number', 'invalid', 'error', 'deferred']);

export const laterQuarter: Check = (ctx) => {
  const q = ctx.quarter;
  if (q === null) return [];
  return ctx.rows.flatMap((view) =>
    view.figures
      .filter((f) => f.quarter > q && CLAIMS_A_FIGURE.has(f.parsed.kind))
      .map((f) => atFigure('figure.laterQuarter', view, f, { quarter: quarterLabel(ctx, q), later: quarterLabel(ctx, f.quarter) })),
  );
};

export const earlierMissing: Check = (ctx) => {
  const q = ctx.quarter;
  if (q === null) return [];
  return ctx.rows
    .filter((v) => v.required)
    .flatMap((view) =>
      view.figures
        .filter((f) => f.quarter < q && f.parsed.kind === 'empty')
        .map((f) => atFigure('figure.earlierMissing', view, f, { earlier: quarterLabel(ctx, f.quarter) })),
    );
};

export const stillProvisional: Check = (ctx) => {
  const q = ctx.quarter;
  if (q === null) return [];
  return ctx.rows.flatMap((view) =>
    view.figures.flatMap((f) =>
      f.quarter < q && f.parsed.kind === 'number' && f.parsed.provisional
        ? [atFigure('figure.stillProvisional', view, f, {
            earlier: quarterLabel(ctx, f.quarter),
            value: { vi: formatPercent(f.parsed.percent, 'vi'), en: formatPercent(f.parsed.percent, 'en') },
          })]
        : [],
    ),
  );
};
