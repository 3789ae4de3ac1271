import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { absolute, cellsOf, columnLetters, columnNumber, parseCell, quoteSheetName } from '../../../src/workbook/xlsx/a1';
import { plainValue } from '../../../src/workbook/xlsx/cellValue';
import { readDefinedNames } from '../../../src/workbook/xlsx/definedNames';
import { printAreaForExcelJS } from '../../../src/workbook/xlsx/printSetup';
import { readPlanProperties, writePlanProperties } from '../../../src/workbook/xlsx/properties';
import { argb } from '../../../src/workbook/xlsx/styles';
import { dataValidationOf } from '../../../src/workbook/xlsx/validation';

describe('A1 addresses', () => {
  it('turns column numbers into letters and back, up to XFD', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
    expect(columnLetters(16384)).toBe('XFD');
    expect(columnLetters(27)).toBe('AA');
  });

  it('lists the cells of a range row by row, and reads $ references', () => {
    expect(cellsOf('E23:F24')).toEqual(['E23', 'F23', 'E24', 'F24']);
    expect(cellsOf('C9')).toEqual(['C9']);
    expect(parseCell('$E$23')).toEqual({ col: 5, row: 23 });
    expect(absolute('E23')).toBe('$E$23');
    expect(() => parseCell('E')).toThrow(/A1/);
  });

  it('quotes sheet names that need it, doubling inner quotes', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Phụ lục 01')).toBe("'Phụ lục 01'");
    expect(quoteSheetName("Bộ's")).toBe("'Bộ''s'");
  });
});

describe('pieces of the ExcelJS renderer', () => {
  it('hands ExcelJS a print area it writes fully absolute', () => {
    expect(printAreaForExcelJS('A1:O74')).toBe('A$1:O$74');
    expect(printAreaForExcelJS('$A$1:$O$74')).toBe('A$1:O$74');
  });

  it('converts "#RRGGBB" to opaque ARGB and refuses anything else', () => {
    expect(argb('#1e7145')).toBe('FF1E7145');
    expect(() => argb('red')).toThrow();
  });

  it('writes inline lists and refuses items Excel would split', () => {
    const base = { prompt: { title: 't', message: 'm' }, errorAlert: { style: 'stop' as const, title: 'e', message: 'e' } };
    expect(dataValidationOf({ address: 'A1', rule: { type: 'list', values: ['1', '2'] }, ...base }).formulae).toEqual(['"1,2"']);
    expect(() => dataValidationOf({ address: 'A1', rule: { type: 'list', values: ['a,b'] }, ...base })).toThrow(/comma/);
    expect(dataValidationOf({ address: 'A1', rule: { type: 'wholeNumber', min: 1, max: 4 }, ...base })).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 4] });
  });

  it('round-trips properties as key=value lines and ignores other lines of the description', () => {
    const workbook = new ExcelJS.Workbook();
    writePlanProperties(workbook, { chitieuYear: '2025', chitieuUnitId: 'bo-y-te' });
    expect(readPlanProperties(workbook)).toEqual({ chitieuYear: '2025', chitieuUnitId: 'bo-y-te' });
    workbook.description = 'Ghi chú của đơn vị\n' + workbook.description;
    expect(readPlanProperties(workbook)).toEqual({ chitieuYear: '2025', chitieuUnitId: 'bo-y-te' });
    expect(() => writePlanProperties(workbook, { 'bad key': 'x' })).toThrow();
  });
});

describe('reading cells and names back', () => {
  it('reduces every ExcelJS cell value to what a person sees', () => {
    expect(plainValue(null)).toBeNull();
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue(0.155)).toBe(0.155);
    expect(plainValue({ richText: [{ text: '14,' }, { text: '26%' }] })).toBe('14,26%');
    expect(plainValue({ formula: 'A1*2', result: 0.3 })).toBe(0.3);
    expect(plainValue({ formula: 'A1*2' } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(plainValue({ text: 'ITU', hyperlink: 'https://itu.int' })).toBe('ITU');
    expect(plainValue({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('#N/A');
    expect(plainValue(new Date(Date.UTC(2025, 3, 5)))).toBe('2025-04-05');
  });

  it('reads single-cell names on quoted and plain sheet names, and leaves ranges out', () => {
    const workbook = new ExcelJS.Workbook();
    workbook.definedNames.model = [
      { name: 'CT_YEAR', ranges: ["'Phụ lục 01'!$C$14"] },
      { name: 'PLAIN', ranges: ['Sheet1!$B$2'] },
      { name: 'AREA', ranges: ["'Phụ lục 01'!$A$1:$B$2"] },
    ] as never;
    const names = readDefinedNames(workbook);
    expect(names.get('CT_YEAR')).toEqual({ sheetName: 'Phụ lục 01', address: 'C14' });
    expect(names.get('PLAIN')).toEqual({ sheetName: 'Sheet1', address: 'B2' });
    expect(names.has('AREA')).toBe(false);
  });
});
