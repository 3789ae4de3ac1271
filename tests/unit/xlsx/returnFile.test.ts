import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import type { ReportingUnit } from '../../../src/catalogue/schema';
import { HEADER_NAMES, META_NAMES, TEMPLATE_VERSION } from '../../../src/domain/cellContract';
import { UserFacingError } from '../../../src/workbook/port';
import { readReturnFile } from '../../../src/workbook/xlsx/readReturn';
import { assertUnitReportsIn } from '../../../src/catalogue/unitLookup';
import { writeReturnFile } from '../../../src/workbook/xlsx/returnFile';
import { readXlsxSheet } from '../../support/readXlsx';

const catalogue = loadCatalogue();
const health = loadUnits().units.find((u) => u.name.vi === 'Bộ Y tế')!;
const year = catalogue.years[0]!;

async function userError(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('writeReturnFile', () => {
  it('writes the unit’s return, which reads back through the cell contract', async () => {
    const bytes = await writeReturnFile({ unitId: health.id, year, lang: 'vi' });
    const file = await readReturnFile(bytes);
    expect(file.valueOf(HEADER_NAMES.unitId)).toBe(health.id);
    expect(file.valueOf(HEADER_NAMES.unitName)).toBe(health.name.vi);
    expect(file.valueOf(HEADER_NAMES.year)).toBe(year);
    expect(file.valueOf(HEADER_NAMES.quarter)).toBeNull();
    expect(file.valueOf(META_NAMES.templateVersion)).toBe(TEMPLATE_VERSION);
    expect(file.valueOf('CT_NO_SUCH_NAME')).toBeUndefined();
    expect(file.properties).toMatchObject({ chitieuUnitId: health.id, chitieuYear: String(year), chitieuCatalogueVersion: catalogue.catalogueVersion });
    expect(file.workbook.creator).toBe('chitieu');
    expect(file.workbook.title).toBe(catalogue.title.vi);
    const sheet = await readXlsxSheet(bytes);
    expect(sheet.protected).toBe(true);
  });

  it('writes the English form on request', async () => {
    const sheet = await readXlsxSheet(await writeReturnFile({ unitId: health.id, year, lang: 'en' }));
    expect(sheet.sheetName).toBe('Appendix 01');
    expect(sheet.cells[sheet.names[HEADER_NAMES.unitName]!]!.value).toBe(health.name.en);
  });

  it('refuses an unknown unit and says how to find the ids', async () => {
    const error = await userError(writeReturnFile({ unitId: 'bo-khong-co', year, lang: 'vi' }));
    expect(error.code).toBe('unknown-unit');
    expect(error.messages.vi).toContain('chitieu units');
    expect(error.messages.en).toContain('chitieu units');
    expect(error.messages.vi).toContain('bo-khong-co');
  });

  it('refuses a year without targets, naming the years that have them', async () => {
    const error = await userError(writeReturnFile({ unitId: health.id, year: 2030, lang: 'en' }));
    expect(error.code).toBe('year-without-targets');
    for (const y of catalogue.years) expect(error.messages.en).toContain(String(y));
  });

  it('refuses a year the unit does not report in, naming its successor', () => {
    const merged: ReportingUnit = { ...health, id: 'bo-cu', validFrom: '2020-01-01', validTo: '2022-12-31', successor: health.id };
    let error: unknown;
    try {
      assertUnitReportsIn({ unitsVersion: 'test', units: [merged, health] }, merged, year);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe('unit-not-in-year');
    expect((error as UserFacingError).messages.vi).toContain(health.id);
    expect(() => assertUnitReportsIn({ unitsVersion: 'test', units: [merged, health] }, health, year)).not.toThrow();
  });

  it('refuses a unit created after the year, through the whole path', async () => {
    const later = loadUnits().units.find((u) => u.validFrom > `${year}-12-31`);
    expect(later).toBeDefined();
    const error = await userError(writeReturnFile({ unitId: later!.id, year, lang: 'vi' }));
    expect(error.code).toBe('unit-not-in-year');
    expect(error.messages.vi).toContain(`chitieu units --year ${year}`);
  });

  it('says a file that is not .xlsx cannot be read', async () => {
    const error = await userError(readReturnFile(Buffer.from('not a zip')));
    expect(error.code).toBe('not-xlsx');
  });
});
