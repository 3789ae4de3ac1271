import fc from 'fast-check';
import {
  PROVISIONAL_FORMAT_SUFFIX, formatBound, isPercentFormat, isProvisionalFormat, parseFigureCell, provisionalFormat,
  withoutProvisional,
} from '../../../../src/domain/parse';
import { isDateFormat } from '../../../../src/domain/parse/numberFormat';

describe('percent formats', () => {
  it.each([
    ['0%', true], ['0.00%', true], ['#,##0.0%', true], ['"> "0%', true], ['0.00%" (ước)"', true], ['[$-42A]0.00%', true],
    ['General', false], ['0.00', false], ['@', false], ['0.0" %"', false], ['0.0\\%', false], ['0.0_%', false],
    ['[%]0.0', false], ['', false],
  ])('%s shows a percent: %s', (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });

  it('uses the section Excel uses for the value', () => {
    expect(isPercentFormat('0%;0.00', -1)).toBe(false);
    expect(isPercentFormat('0%;0.00', 1)).toBe(true);
    expect(isPercentFormat('0.00;0.00;0%', 0)).toBe(true);
    expect(isPercentFormat('0%;-0%;0%;@', 1)).toBe(true);
  });

  it('tells date formats (a Vietnamese-locale Excel turns "1.5" into 1 May)', () => {
    expect(isDateFormat('d/m')).toBe(true);
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[h]:mm')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00%" (ước)"')).toBe(false);
    expect(parseFigureCell({ value: 45047, numberFormat: 'd/m', text: '1/5' })).toMatchObject({
      kind: 'invalid', reason: 'unreadable', detail: 'date', text: '1/5',
    });
  });
});

describe('the provisional convention', () => {
  it('adds the suffix to each number section, and only once', () => {
    expect(PROVISIONAL_FORMAT_SUFFIX).toBe('" (ước)"');
    expect(provisionalFormat('0.00%')).toBe('0.00%" (ước)"');
    expect(provisionalFormat('0.00%;-0.00%;0%')).toBe('0.00%" (ước)";-0.00%" (ước)";0%" (ước)"');
    expect(provisionalFormat('0%;-0%;;@')).toBe('0%" (ước)";-0%" (ước)";;@');
    expect(provisionalFormat(undefined)).toBe('General" (ước)"');
    expect(provisionalFormat('0.00%" (ước)"')).toBe('0.00%" (ước)"');
    expect(provisionalFormat('0.00%" (tạm ước tính)"')).toBe('0.00%" (tạm ước tính)"');
  });

  it.each([
    ['0.00%" (ước)"', true], ['0.00%" (tạm ước tính)"', true], ['"(tạm) "0.0%', true], ['0.0%" (p)"', true],
    ['0.0%" (sơ bộ)"', true], ['0.00%\\ \\(\\ư\\ớ\\c\\)', true], [`0.00%${' (ước)'.normalize('NFD').replace(/^/, '"')}"`, true],
    ['0.00%', false], ['"> "0%', false], ['"≥ "0%', false], ['General', false], ['0.0" p"', false], [undefined, false],
  ])('%s is provisional: %s', (format, expected) => {
    expect(isProvisionalFormat(format)).toBe(expected);
  });

  it('unmarks our suffixes and hand-typed marks alike', () => {
    expect(withoutProvisional('0.00%" (ước)"')).toBe('0.00%');
    expect(withoutProvisional('0.00%" (ước)";-0.00%" (ước)"')).toBe('0.00%;-0.00%');
    expect(withoutProvisional('0.00%" (tạm ước tính)"')).toBe('0.00%');
    expect(withoutProvisional('"(tạm) "0.0%')).toBe('0.0%');
    expect(withoutProvisional('0.00%\\ \\(\\ư\\ớ\\c\\)')).toBe('0.00%');
    expect(withoutProvisional('"> "0%" (ước)"')).toBe('"> "0%');
    expect(withoutProvisional('General" (ước)"')).toBe('General');
    expect(withoutProvisional('0.00%')).toBe('0.00%');
    for (const f of ['0.00%" (p)"', '"(sơ bộ) "0%', '0%" dự kiến"']) expect(isProvisionalFormat(withoutProvisional(f))).toBe(false);
  });

  it('round-trips: marked formats read as provisional, unmarking restores the format, % is kept', () => {
    const base = fc.constantFrom('0%', '0.0%', '0.00%', '"> "0%', '"≥ "0.0%', '0.00%;-0.00%;0%', '#,##0.00%', 'General', '0.00');
    fc.assert(
      fc.property(base, fc.double({ min: 0, max: 1, noNaN: true }), (format, value) => {
        const marked = provisionalFormat(format);
        expect(isProvisionalFormat(marked)).toBe(true);
        expect(withoutProvisional(marked)).toBe(format);
        expect(isPercentFormat(marked, value)).toBe(isPercentFormat(format, value));
        expect(formatBound(marked, value)).toBe(formatBound(format, value));
        const read = parseFigureCell({ value, numberFormat: marked });
        if (read.kind === 'number') expect(read.provisional).toBe(true);
      }),
    );
  });
});

describe('comparators in the format', () => {
  it.each([
    ['"> "0%', 'above'], ['"≥ "0%', 'atLeast'], ['">= "0%', 'atLeast'], ['"< "0%', 'below'], ['"≤ "0%', 'atMost'],
    ['\\>0%', 'above'], ['0%', undefined], ['0.00%" (ước)"', undefined], ['0%" >"', undefined],
  ])('%s → %s', (format, bound) => {
    expect(formatBound(format)).toBe(bound);
  });
});
