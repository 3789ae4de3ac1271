import { z } from 'zod';
import catalogueJson from './catalogue.json';
import unitsJson from './units.json';
import { Catalogue, UnitList, type Indicator, type ReportingRow, type ReportingUnit } from './schema';

/** A catalogue file that fails its schema: names the file, the path inside it and the problem. */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${file} is not a valid catalogue:\n` + issues.map((i) => `  at ${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'CatalogueError';
  }
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new CatalogueError(
    file,
    result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  );
}

export const parseCatalogue = (data: unknown, file = 'src/catalogue/catalogue.json'): Catalogue => parseWith(Catalogue, data, file);
export const parseUnits = (data: unknown, file = 'src/catalogue/units.json'): UnitList => parseWith(UnitList, data, file);

let cachedCatalogue: Catalogue | undefined;
let cachedUnits: UnitList | undefined;

/** The bundled catalogue, checked once. */
export function loadCatalogue(): Catalogue {
  return (cachedCatalogue ??= parseCatalogue(catalogueJson));
}

/** The bundled list of reporting units, checked once, and checked against the catalogue's rows. */
export function loadUnits(): UnitList {
  if (cachedUnits) return cachedUnits;
  const units = parseUnits(unitsJson);
  const rowIds = new Set(allRows(loadCatalogue()).map((r) => r.id));
  const issues: { path: string; message: string }[] = [];
  const check = (fills: string[], path: string) =>
    fills.forEach((f, j) => {
      if (!rowIds.has(f)) issues.push({ path: `${path}[${j}]`, message: `"${f}" is not a row of the catalogue` });
    });
  units.units.forEach((u, i) => {
    check(u.fills, `units[${i}].fills`);
    u.fillsFrom?.forEach((change, k) => check(change.fills, `units[${i}].fillsFrom[${k}].fills`));
  });
  if (issues.length) throw new CatalogueError('src/catalogue/units.json', issues);
  return (cachedUnits = units);
}

export function allIndicators(catalogue: Catalogue): Indicator[] {
  return catalogue.groups.flatMap((g) => g.indicators);
}

export function allRows(catalogue: Catalogue): ReportingRow[] {
  return allIndicators(catalogue).flatMap((i) => i.rows);
}

/** Units whose validity overlaps the given year, in list order. */
export function unitsForYear(units: UnitList, year: number): ReportingUnit[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return units.units.filter((u) => u.validFrom <= end && (!u.validTo || u.validTo >= start));
}

/**
 * The rows a unit must fill in a year's return: those in force on the last day it reports that
 * year, since a return grows through the year and ends with the unit's final responsibilities.
 */
export function fillsForYear(unit: ReportingUnit, year: number): string[] {
  const lastDay = unit.validTo && unit.validTo < `${year}-12-31` ? unit.validTo : `${year}-12-31`;
  return fillsOn(unit, lastDay);
}

/** The rows a unit is responsible for on an ISO date. */
export function fillsOn(unit: ReportingUnit, isoDate: string): string[] {
  const changes = (unit.fillsFrom ?? []).filter((c) => c.from <= isoDate).sort((a, b) => a.from.localeCompare(b.from));
  return [...(changes.length ? changes[changes.length - 1]!.fills : unit.fills)];
}

export function findUnit(units: UnitList, id: string): ReportingUnit | undefined {
  return units.units.find((u) => u.id === id);
}
