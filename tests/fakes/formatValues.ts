/**
 * Checks on values assigned to format properties, as Excel checks them at sync: colours
 * ("#RRGGBB" or an HTML colour name, returned as upper-case "#RRGGBB"), enumerations, ranges.
 */
import { fail } from './errors';

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  olive: '#808000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  darkblue: '#00008B',
  darkgreen: '#006400',
  darkred: '#8B0000',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  gold: '#FFD700',
};

export function normalizeColor(value: unknown, what: string): string {
  if (typeof value !== 'string') fail('InvalidArgument', `${what} must be a colour string`);
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  fail('InvalidArgument', `${what}: "${value}" is not "#RRGGBB" or a colour name`);
}

export function checkEnum<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) fail('InvalidArgument', `${what}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

export function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail('InvalidArgument', `${what} must be true or false`);
  return value;
}

export function checkNumber(value: unknown, what: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail('InvalidArgument', `${what}: ${String(value)} is outside ${min}–${max}${integer ? ' or not whole' : ''}`);
  }
  return value;
}

export function checkString(value: unknown, what: string, maxLength = Infinity): string {
  if (typeof value !== 'string') fail('InvalidArgument', `${what} must be a string`);
  if (value.length > maxLength) fail('InvalidArgument', `${what} is ${value.length} characters; Excel allows ${maxLength}`);
  return value;
}

export const HORIZONTAL_ALIGNMENTS = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
export const VERTICAL_ALIGNMENTS = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
export const UNDERLINES = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;
export const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
export const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;
export const PAPER_SIZES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro',
  'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet',
  'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6',
  'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
] as const;
