import ExcelJS from 'exceljs';
import { loadCatalogue, loadUnits } from '../../catalogue/load';
import { assertUnitReportsIn, requireUnit } from '../../catalogue/unitLookup';
import type { ReportingUnit } from '../../catalogue/schema';
import { returnPlan } from '../../layout/returnPlan';
import { UserFacingError, type Lang } from '../port';
import { renderPlanToWorkbook } from './renderPlan';

export interface ReturnFileRequest {
  unitId: string;
  year: number;
  lang: Lang;
}

/** A unit of the bundled list by id; an unknown id says how to find the right one. */
export function findReportingUnit(unitId: string): ReportingUnit {
  return requireUnit(loadUnits(), unitId, { cli: true });
}

/** The return as a new ExcelJS workbook, for callers that add to it before writing. */
export function buildReturnWorkbook({ unitId, year, lang }: ReturnFileRequest): ExcelJS.Workbook {
  const catalogue = loadCatalogue();
  const unit = findReportingUnit(unitId);
  // The plan checks the year has targets; that message comes before the unit's validity.
  const plan = returnPlan({ catalogue, unit, year, lang });
  assertUnitReportsIn(loadUnits(), unit, year, { cli: true });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chitieu';
  workbook.title = catalogue.title[lang];
  workbook.subject = `${unit.name[lang]} – ${year}`;
  workbook.created = new Date();
  renderPlanToWorkbook(plan, workbook);
  return workbook;
}

/** The return for a unit and year, as .xlsx bytes. Throws UserFacingError for what a person can fix. */
export async function writeReturnFile(request: ReturnFileRequest): Promise<Buffer> {
  const workbook = buildReturnWorkbook(request);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
