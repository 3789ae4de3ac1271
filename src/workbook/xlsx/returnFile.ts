import ExcelJS from 'exceljs';
import { findUnit, loadCatalogue, loadUnits, unitsForYear } from '../../catalogue/load';
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
  const unit = findUnit(loadUnits(), unitId);
  if (!unit) {
    throw new UserFacingError('unknown-unit', {
      vi: `Không có đơn vị mã "${unitId}". Xem danh sách mã đơn vị bằng lệnh: chitieu units`,
      en: `There is no unit with id "${unitId}". List the unit ids with: chitieu units`,
    });
  }
  return unit;
}

/** A unit merged away in a reorganisation reports no more; the message names its successor. */
export function assertUnitReportsIn(unit: ReportingUnit, year: number): void {
  if (unitsForYear({ unitsVersion: '', units: [unit] }, year).length === 0) {
    const successor = unit.successor ? findUnit(loadUnits(), unit.successor) : undefined;
    const validity = `${unit.validFrom}${unit.validTo ? ' – ' + unit.validTo : ''}`;
    throw new UserFacingError('unit-not-in-year', {
      vi:
        `Đơn vị "${unit.id}" (${unit.name.vi}) không báo cáo năm ${year} (hiệu lực ${validity}).` +
        (successor ? ` Đơn vị tiếp nhận: ${successor.id} (${successor.name.vi}).` : '') +
        ` Xem: chitieu units --year ${year}.`,
      en:
        `Unit "${unit.id}" (${unit.name.en}) does not report for ${year} (valid ${validity}).` +
        (successor ? ` Its successor: ${successor.id} (${successor.name.en}).` : '') +
        ` See: chitieu units --year ${year}.`,
    });
  }
}

/** The return as a new ExcelJS workbook, for callers that add to it before writing. */
export function buildReturnWorkbook({ unitId, year, lang }: ReturnFileRequest): ExcelJS.Workbook {
  const catalogue = loadCatalogue();
  const unit = findReportingUnit(unitId);
  // The plan checks the year has targets; that message comes before the unit's validity.
  const plan = returnPlan({ catalogue, unit, year, lang });
  assertUnitReportsIn(unit, year);
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
