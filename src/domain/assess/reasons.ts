/** The assessment's reason: the rule's one sentence, with the numbers that decided it. */
import { formatNumber, formatPercent } from '../parse';
import type { TrendPoint } from './trend';

type Text = { vi: string; en: string };

export interface Line {
  from: TrendPoint;
  latest: TrendPoint;
  /** The line's value at the end of the year before the horizon, null once that is past. */
  byEarly: number | null;
  byHorizon: number;
  target: Text;
  horizonYear: number;
}

const pct = (p: number, lang: 'vi' | 'en') => formatPercent(p, lang);
/** Projections are estimates: one decimal is all they can claim. */
const projected = (p: number, lang: 'vi' | 'en') => `${formatNumber(Math.round(p * 10) / 10, lang)}%`;

function trend(l: Line): Text {
  return {
    vi: `Xu hướng tuyến tính từ ${pct(l.from.percent, 'vi')} (${l.from.label.vi}) đến ${pct(l.latest.percent, 'vi')} (${l.latest.label.vi})`,
    en: `The linear trend from ${pct(l.from.percent, 'en')} (${l.from.label.en}) through ${pct(l.latest.percent, 'en')} (${l.latest.label.en})`,
  };
}

export const reasons = {
  noNumericTarget: (t: Text, horizon: number): Text => ({
    vi: `Mục tiêu ${horizon} không có giá trị số (${t.vi}): không đánh giá được.`,
    en: `The ${horizon} target has no numeric value (${t.en}): no numeric target to assess against.`,
  }),
  noData: (t: Text, horizon: number): Text => ({
    vi: `Chưa có số liệu; mục tiêu ${horizon} là ${t.vi}.`,
    en: `No figure reported; the ${horizon} target is ${t.en}.`,
  }),
  achieved: (latest: TrendPoint, t: Text, horizon: number): Text => ({
    vi: `Số liệu mới nhất ${pct(latest.percent, 'vi')} (${latest.label.vi}) đã đạt mục tiêu ${horizon} là ${t.vi}.`,
    en: `The latest figure, ${pct(latest.percent, 'en')} (${latest.label.en}), already meets the ${horizon} target of ${t.en}.`,
  }),
  noTrend: (latest: TrendPoint, t: Text, horizon: number): Text => ({
    vi: `Chỉ có một số liệu ${pct(latest.percent, 'vi')} (${latest.label.vi}) và không có số liệu cơ sở năm 2022, chưa xác định được xu hướng; mục tiêu ${horizon} là ${t.vi}.`,
    en: `Only one figure, ${pct(latest.percent, 'en')} (${latest.label.en}), and no 2022 baseline: no trend to extrapolate; the ${horizon} target is ${t.en}.`,
  }),
  likelyEarly: (l: Line): Text => {
    const tr = trend(l);
    return {
      vi: `${tr.vi} cho ${projected(l.byEarly ?? l.byHorizon, 'vi')} vào cuối năm ${l.horizonYear - 1}, đạt mục tiêu ${l.horizonYear} là ${l.target.vi}.`,
      en: `${tr.en} gives ${projected(l.byEarly ?? l.byHorizon, 'en')} by end-${l.horizonYear - 1}, meeting the ${l.horizonYear} target of ${l.target.en}.`,
    };
  },
  likelyHorizon: (l: Line): Text => {
    const tr = trend(l);
    const early = l.byEarly === null ? null : { vi: `${projected(l.byEarly, 'vi')} vào cuối năm ${l.horizonYear - 1} và `, en: `${projected(l.byEarly, 'en')} by end-${l.horizonYear - 1} and ` };
    return {
      vi: `${tr.vi} cho ${early?.vi ?? ''}${projected(l.byHorizon, 'vi')} vào cuối năm ${l.horizonYear}, đạt mục tiêu ${l.target.vi} trong năm ${l.horizonYear}.`,
      en: `${tr.en} gives ${early?.en ?? ''}${projected(l.byHorizon, 'en')} by end-${l.horizonYear}, meeting the target of ${l.target.en} in ${l.horizonYear}.`,
    };
  },
  misses: (l: Line): Text => {
    const tr = trend(l);
    return {
      vi: `${tr.vi} chỉ cho ${projected(l.byHorizon, 'vi')} vào cuối năm ${l.horizonYear}, không đạt mục tiêu ${l.horizonYear} là ${l.target.vi}.`,
      en: `${tr.en} gives only ${projected(l.byHorizon, 'en')} by end-${l.horizonYear}, short of the ${l.horizonYear} target of ${l.target.en}.`,
    };
  },
};
