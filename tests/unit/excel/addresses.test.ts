import fc from 'fast-check';
import { cellsOf, chunkAddresses, columnIndex, columnLetters, parseRect, rectAddress, splitReference, toRects } from '../../../src/workbook/excel/a1';
import { excelInput } from '../../../src/workbook/excel/cellInput';
import { backupSheetName, freeSheetName, MAX_SHEET_NAME } from '../../../src/workbook/excel/sheetNames';

const key = (c: { row: number; col: number }) => `${c.row}:${c.col}`;

describe('A1 helpers', () => {
  it('turns column letters into numbers and back', () => {
    expect([columnIndex('A'), columnIndex('P'), columnIndex('AA'), columnIndex('XFD')]).toEqual([1, 16, 27, 16384]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnIndex(columnLetters(n)) === n));
  });

  it('covers exactly the given cells with rectangles, and few of them for bands', () => {
    const band = [...cellsOf('A5:O5'), ...cellsOf('C12:F18')];
    expect(toRects(band).map(rectAddress)).toEqual(['A5:O5', 'C12:F18']);
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }) }), { maxLength: 60 }), (cells) => {
        const covered = toRects(cells).flatMap((r) => cellsOf(rectAddress(r))).map(key);
        expect(new Set(covered).size).toBe(covered.length); // no cell twice
        expect(new Set(covered)).toEqual(new Set(cells.map(key)));
      }),
    );
  });

  it('keeps every multi-area address list under the limit without losing an area', () => {
    const areas = Array.from({ length: 500 }, (_, i) => `A${i + 1}:O${i + 1}`);
    const chunks = chunkAddresses(areas, 200);
    expect(chunks.every((c) => c.length <= 200)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(areas);
    expect(parseRect('$C$3:B7')).toEqual({ top: 3, left: 2, bottom: 7, right: 3 });
  });

  it('reads the sheet and cell out of a reference', () => {
    expect(splitReference("='Phụ lục 01'!$C$12")).toEqual({ sheet: 'Phụ lục 01', address: 'C12' });
    expect(splitReference("'It''s'!A1:B2")).toEqual({ sheet: "It's", address: 'A1:B2' });
    expect(splitReference('Sheet1!$A$1')).toEqual({ sheet: 'Sheet1', address: 'A1' });
  });
});

describe('values as Excel must receive them', () => {
  it('keeps text Excel would read as a number, date or formula as text', () => {
    for (const text of ['1.1', '1,1', '2.10', '05/4', '- Trước ngày 05/4', '=SUM(A1)', '+84 912', '15,5%', 'TRUE', '#N/A', "'quoted"]) {
      expect(excelInput(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary labels, numbers and empty cells alone', () => {
    expect(excelInput('Quý I')).toBe('Quý I');
    expect(excelInput('Mục tiêu 2025')).toBe('Mục tiêu 2025');
    expect(excelInput('bo-y-te')).toBe('bo-y-te');
    expect(excelInput(0.155)).toBe(0.155);
    expect(excelInput(null)).toBe('');
  });
});

describe('sheet names', () => {
  it('finds a free name for the new sheet and for the backup, ignoring case as Excel does', () => {
    const taken = new Set(['phụ lục 01', 'phụ lục 01 (cũ)']);
    expect(freeSheetName('Phụ lục 01', taken)).toBe('Phụ lục 01 (2)');
    expect(backupSheetName('Phụ lục 01', 'cũ', taken)).toBe('Phụ lục 01 (cũ 2)');
    expect(backupSheetName('Appendix 01', 'old', new Set())).toBe('Appendix 01 (old)');
  });

  it('stays within 31 characters by shortening the base, never the suffix', () => {
    const long = 'Phụ lục 01 của một đơn vị có tên rất dài';
    const name = backupSheetName(long, 'cũ', new Set([backupSheetName(long, 'cũ', new Set()).toLowerCase()]));
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(name.endsWith(' (cũ 2)')).toBe(true);
  });
});
