/** Implausible moves between reported quarters: thresholds in thresholds.ts. */
import { formatNumber, formatPercent } from '../../parse';
import { quarterLabel } from '../context';
import { atFigure, type Check, type Finding } from '../finding';
import { EPSILON, FALL_RATIO, JUMP_POINTS } from '../thresholds';

const pct = (p: number) => ({ vi: formatPercent(p, 'vi'), en: formatPercent(p, 'en') });

function change(previous: number, current: number): { vi: string; en: string } | null {
  const delta = current - previous;
  if (Math.abs(delta) > JUMP_POINTS + EPSILON) {
    const sign = delta > 0 ? '+' : '−';
    const size = Math.round(Math.abs(delta) * 100) / 100;
    return { vi: `${sign}${formatNumber(size, 'vi')} điểm phần trăm`, en: `${sign}${formatNumber(size, 'en')} percentage points` };
  }
  if (previous > 0 && current < previous * FALL_RATIO - EPSILON) return { vi: 'giảm hơn một nửa', en: 'a fall of more than half' };
  return null;
}

/** Each figure against the nearest earlier figure of the same row, up to the quarter checked. */
export const jump: Check = (ctx) => {
  const last = ctx.quarter ?? 4;
  const out: Finding[] = [];
  for (const view of ctx.rows) {
    let previous: (typeof view.figures)[number] | null = null;
    for (const f of view.figures) {
      if (f.quarter > last || f.parsed.kind !== 'number') continue;
      if (previous && previous.parsed.kind === 'number') {
        const c = change(previous.parsed.percent, f.parsed.percent);
        if (c) {
          out.push(atFigure('figure.jump', view, f, {
            previous: pct(previous.parsed.percent),
            from: quarterLabel(ctx, previous.quarter),
            value: pct(f.parsed.percent),
            quarter: quarterLabel(ctx, f.quarter),
            change: c,
          }));
        }
      }
      previous = f;
    }
  }
  return out;
};
