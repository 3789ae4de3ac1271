import { formatRect, MAX_COLUMNS, MAX_ROWS, parseRect, parseReference, quoteSheetName, splitSheet, subtract } from '../../fakes/address';

describe('A1 addresses', () => {
  it.each([
    ['B3', { top: 3, left: 2, bottom: 3, right: 2 }],
    ['$B$3:O20', { top: 3, left: 2, bottom: 20, right: 15 }],
    ['O20:B3', { top: 3, left: 2, bottom: 20, right: 15 }],
    ['A:A', { top: 1, left: 1, bottom: MAX_ROWS, right: 1 }],
    ['$5:$6', { top: 5, left: 1, bottom: 6, right: MAX_COLUMNS }],
    ['XFD1048576', { top: MAX_ROWS, left: MAX_COLUMNS, bottom: MAX_ROWS, right: MAX_COLUMNS }],
  ])('parses %s', (address, rect) => {
    expect(parseRect(address)).toEqual(rect);
  });

  it.each(['', 'A', 'A0', 'XFE1', 'A1048577', 'A1:B2:C3', '1A', 'A1,B2'])('refuses %p', (address) => {
    expect(parseRect(address)).toBeNull();
  });

  it('writes addresses back as Excel reports them', () => {
    expect(['B3', 'B3:O20', 'A:B', '5:6'].map((a) => formatRect(parseRect(a)!))).toEqual(['B3', 'B3:O20', 'A:B', '5:6']);
    expect(formatRect(parseRect('B3:C4')!, true)).toBe('$B$3:$C$4');
  });

  it('quotes sheet names that need it', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Données')).toBe('Données');
    expect(quoteSheetName('Phụ lục 01')).toBe("'Phụ lục 01'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('2025')).toBe("'2025'");
  });

  it('splits sheet-qualified references', () => {
    expect(splitSheet("='Phụ lục 01'!$B$5")).toEqual({ sheet: 'Phụ lục 01', address: '$B$5' });
    expect(splitSheet("'Bob''s'!A1")).toEqual({ sheet: "Bob's", address: 'A1' });
    expect(parseReference('Sheet1!A1:B2,D4')).toEqual({ sheet: 'Sheet1', rects: [parseRect('A1:B2'), parseRect('D4')] });
  });

  it('subtracts one rectangle from another', () => {
    const parts = subtract(parseRect('A1:C3')!, parseRect('B2')!).map((r) => formatRect(r));
    expect(parts).toEqual(['A1:C1', 'A3:C3', 'A2', 'C2']);
  });
});
