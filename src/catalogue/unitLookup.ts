import { UserFacingError } from '../workbook/port';
import { findUnit, unitsForYear } from './load';
import type { ReportingUnit, UnitList } from './schema';

/** Where the person is: the command line can point at `chitieu units`, the task pane cannot. */
export interface LookupContext {
  cli?: boolean;
}

/** A unit by id; an unknown id is a message a person can act on. */
export function requireUnit(units: UnitList, unitId: string, { cli = false }: LookupContext = {}): ReportingUnit {
  const unit = findUnit(units, unitId);
  if (unit) return unit;
  throw new UserFacingError('unknown-unit', {
    vi: `Không có đơn vị báo cáo mã "${unitId}".` + (cli ? ' Xem danh sách mã đơn vị bằng lệnh: chitieu units' : ''),
    en: `There is no reporting unit with id "${unitId}".` + (cli ? ' List the unit ids with: chitieu units' : ''),
  });
}

/** A unit merged away in a reorganisation reports no more; the message names its successor. */
export function assertUnitReportsIn(units: UnitList, unit: ReportingUnit, year: number, { cli = false }: LookupContext = {}): void {
  if (unitsForYear(units, year).includes(unit)) return;
  const successor = unit.successor ? findUnit(units, unit.successor) : undefined;
  const validity = `${unit.validFrom}${unit.validTo ? ' – ' + unit.validTo : ''}`;
  throw new UserFacingError('unit-not-in-year', {
    vi:
      `Đơn vị "${unit.id}" (${unit.name.vi}) không báo cáo năm ${year} (hiệu lực ${validity}).` +
      (successor ? ` Đơn vị tiếp nhận: ${successor.id} (${successor.name.vi}).` : '') +
      (cli ? ` Xem: chitieu units --year ${year}.` : ''),
    en:
      `Unit "${unit.id}" (${unit.name.en}) does not report for ${year} (valid ${validity}).` +
      (successor ? ` Its successor: ${successor.id} (${successor.name.en}).` : '') +
      (cli ? ` See: chitieu units --year ${year}.` : ''),
  });
}
