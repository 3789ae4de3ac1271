import { displayText, formatGeneral, isValidNumberFormat, roundDecimal } from '../../fakes/numberFormat';

describe('displayed text', () => {
  it.each([
    [0.155, 'General', '0.155'],
    [1 / 3, 'General', '0.333333333'],
    [123456789012, 'General', '1.23457E+11'],
    [-42, 'General', '-42'],
    [2.5, '0', '3'],
    [-2.5, '0', '-3'],
    [1.005, '0.00', '1.01'],
    [0.155, '0.0', '0.2'],
    [3, '0.00', '3.00'],
    [0.155, '0%', '16%'],
    [0.155, '0.0%', '15.5%'],
    [0.155, '0.00%', '15.50%'],
    [0.5, '"> "0%', '> 50%'],
    [0.1, '"≥ "0.0%', '≥ 10.0%'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234567, '#,##0,"k"', '1,235k'],
    [0.5, '#.##', '.5'],
    [-5, '0;(0)', '(5)'],
    [0, '0;-0;"zero"', 'zero'],
    [12345, '0.00E+00', '1.23E+04'],
    [45781, 'm/d/yyyy', '5/4/2025'],
    [45781, 'd-mmm-yy', '4-May-25'],
    [0.75, 'h:mm AM/PM', '6:00 PM'],
  ])('%p under %p shows %p', (value, format, text) => {
    expect(displayText(value, false, format)).toBe(text);
  });

  it('shows text as is, through a text section, and logicals and errors as Excel does', () => {
    expect(displayText('abc', false, '0.00%')).toBe('abc');
    expect(displayText('abc', false, '@')).toBe('abc');
    expect(displayText('abc', false, '0;0;0;"Note: "@')).toBe('Note: abc');
    expect(displayText(true, false, '0%')).toBe('TRUE');
    expect(displayText('#N/A', true, '0%')).toBe('#N/A');
    expect(displayText('', false, '0%')).toBe('');
  });

  it('rounds half away from zero on the decimal representation', () => {
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(-1.005, 2)).toBe(-1.01);
    expect(roundDecimal(0.155 * 100, 0)).toBe(16);
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
  });

  it('knows a malformed format', () => {
    expect(isValidNumberFormat('"> "0.0%')).toBe(true);
    expect(isValidNumberFormat('"> 0.0%')).toBe(false);
    expect(isValidNumberFormat('[Red0.0')).toBe(false);
    expect(isValidNumberFormat('0;0;0;@;0')).toBe(false);
  });
});
