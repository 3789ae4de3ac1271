import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import type { Catalogue, Indicator } from '../../../src/catalogue/schema';
import { returnPlan } from '../../../src/layout/returnPlan';
import type { SheetPlan } from '../../../src/layout/plan';
import { findUnit } from '../../../src/catalogue/load';
import type { ReturnSource } from '../../../src/workbook/excel/returnWorkbook';
import type { Lang } from '../../../src/workbook/port';

export const catalogue = loadCatalogue();
export const units = loadUnits();
export const bundled = (): ReturnSource => ({ catalogue, units });

export const MINISTRY = 'bo-y-te';
export const PROVINCE = 'tinh-lao-cai';

export function planFor(unitId: string, year = 2023, lang: Lang = 'vi', from: Catalogue = catalogue): SheetPlan {
  const unit = findUnit(units, unitId);
  if (!unit) throw new Error(`fixture: no unit ${unitId}`);
  return returnPlan({ catalogue: from, unit, year, lang });
}

/** The catalogue with every group's indicators repeated `times` over under new ids (1.1 … 1.18, …). */
export function enlargedCatalogue(times: number): Catalogue {
  return {
    ...catalogue,
    groups: catalogue.groups.map((g) => {
      const copies: Indicator[] = [];
      for (let t = 0; t < times; t++) {
        for (const ind of g.indicators) {
          const id = `${g.id}.${copies.length + 1}`;
          copies.push({ ...ind, id, rows: ind.rows.map((r) => ({ ...r, id: id + r.id.slice(ind.id.length) })) });
        }
      }
      return { ...g, indicators: copies };
    }),
  };
}

export const rowCount = (c: Catalogue) => c.groups.flatMap((g) => g.indicators).flatMap((i) => i.rows).length;
