/**
 * From a number to a percent, and the 0–100 check, shared by numbers and text so that "0,85"
 * typed as text and 0.85 stored as a number are read alike.
 */
import type { Interpretation, ParseOptions, ParsedInvalid, ParsedNumber } from './types';

export interface Reading {
  percent: number;
  interpretedAs: Interpretation;
  alternativePercent?: number;
}

/** value × 100 without binary noise (0.155 × 100 = 15.500000000000002); 15 digits keep all that was typed. */
export function times100(value: number): number {
  return Number((value * 100).toPrecision(15));
}

/**
 * A number without a percent sign or format: above 1 it is the percent itself (15.5 → 15.5%),
 * 0 is 0%, and in (0, 1] it is ambiguous (0.85: 85% or 0.85%). Negatives keep the percent
 * reading; they are out of range either way.
 */
export function readBare(value: number, options: ParseOptions): Reading {
  if (value > 0 && value <= 1) {
    const asFraction = times100(value);
    return options.ambiguousAs === 'percent'
      ? { percent: value, interpretedAs: 'ambiguousFraction', alternativePercent: asFraction }
      : { percent: asFraction, interpretedAs: 'ambiguousFraction', alternativePercent: value };
  }
  return { percent: value, interpretedAs: 'percentNumber' };
}

type NumberFields = Omit<ParsedNumber, 'percent' | 'interpretedAs' | 'alternativePercent'>;

/** The figure, or 'outOfRange' keeping the percent it would have been (when finite). */
export function withinRange(reading: Reading, fields: NumberFields): ParsedNumber | ParsedInvalid {
  const { percent, interpretedAs } = reading;
  if (percent >= 0 && percent <= 100) {
    return {
      ...fields,
      percent,
      interpretedAs,
      ...(reading.alternativePercent !== undefined ? { alternativePercent: reading.alternativePercent } : {}),
    };
  }
  return {
    kind: 'invalid',
    text: fields.text,
    reason: 'outOfRange',
    detail: percent < 0 ? 'negative' : 'above100',
    ...(Number.isFinite(percent) ? { percent } : {}),
    interpretedAs,
  };
}
