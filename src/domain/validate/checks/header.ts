/** Who reports, for which year and quarter: without these the return cannot be placed. */
import { unitsForYear } from '../../../catalogue/load';
import { HEADER_NAMES } from '../../cellContract';
import { quoted } from '../cellText';
import { atHeader, type Check } from '../finding';

const EMPTY = { vi: '(trống)', en: '(empty)' };
const shown = (text: string) => (text === '' ? EMPTY : quoted(text));

export const unitUnknown: Check = (ctx) => (ctx.unit ? [] : [atHeader('header.unitUnknown', HEADER_NAMES.unitId, { value: shown(ctx.unitIdText) })]);

export const unitYear: Check = ({ unit, year, units }) => {
  if (!unit || year === null || unitsForYear(units, year).includes(unit)) return [];
  const successor = unit.successor ? units.units.find((u) => u.id === unit.successor) : undefined;
  return [
    atHeader('header.unitYear', HEADER_NAMES.unitId, {
      unit: { vi: `${unit.id} (${unit.name.vi})`, en: `${unit.id} (${unit.name.en})` },
      year,
      validity: `${unit.validFrom}${unit.validTo ? ` – ${unit.validTo}` : ''}`,
      successor: successor ? { vi: `: ${successor.id} (${successor.name.vi})`, en: `: ${successor.id} (${successor.name.en})` } : '',
    }),
  ];
};

export const year: Check = (ctx) =>
  ctx.year !== null ? [] : [atHeader('header.year', HEADER_NAMES.year, { value: shown(ctx.yearText), years: ctx.catalogue.years.join(', ') })];

export const quarterMissing: Check = (ctx) => (ctx.quarterCell.kind === 'empty' ? [atHeader('header.quarterMissing', HEADER_NAMES.quarter)] : []);

export const quarterInvalid: Check = ({ quarterCell }) =>
  quarterCell.kind === 'invalid' ? [atHeader('header.quarterInvalid', HEADER_NAMES.quarter, { value: quoted(quarterCell.text) })] : [];
