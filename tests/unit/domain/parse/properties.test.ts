import fc from 'fast-check';
import {
  EXCEL_ERRORS, PARSED_KINDS, describeParse, parseFigureCell, type ParsedFigure, type RawCell,
} from '../../../../src/domain/parse';

const RUNS = { numRuns: 500 };

const REAL_FORMATS = [
  'General', '0', '0.00', '0%', '0.0%', '0.00%', '#,##0.00%', '"> "0%', '"≥ "0%', '@', '0.00%" (ước)"',
  '"(tạm) "0.0%', '0.0" %"', '0.00\\%', '0.00%;-0.00%;0%', '0%;[Red]-0%', '[$-42A]0.00%', 'dd/mm/yyyy',
];
const anyFormat = fc.option(fc.oneof(fc.constantFrom(...REAL_FORMATS), fc.string(), fc.string({ unit: 'binary' })), { nil: undefined });
const anyText = fc.option(fc.oneof(fc.string(), fc.constantFrom('15.50%', '0.85', '#N/A', '')), { nil: undefined });

const anyNumber = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, Number.MAX_VALUE, Number.EPSILON, 1, 100),
  fc.integer(),
);
const anyString = fc.oneof(
  fc.string(),
  fc.fullUnicodeString(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(...EXCEL_ERRORS),
  // Strings built from what figure cells are made of, so the parser's deeper paths are reached.
  fc.array(
    fc.constantFrom('1', '5', '0', ',', '.', '%', ' ', '-', '–', '+', '(', ')', '[', ']', '*', '¹', 'khoảng', 'trên', 'ước',
      'tạm tính', 'chưa có số liệu', 'Theo', 'kế hoạch', 'x', '..', '\u00a0', '\u0301', '≥', '~', 'phần trăm', '１', '％'),
    { maxLength: 12 },
  ).map((parts) => parts.join('')),
);
const anyValue = fc.oneof(
  anyNumber,
  anyString,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: false }),
  fc.anything(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.record({ error: fc.oneof(fc.constantFrom(...EXCEL_ERRORS), fc.string()) }),
);
const anyCell: fc.Arbitrary<RawCell> = fc.record({ value: anyValue, text: anyText, numberFormat: anyFormat }, { requiredKeys: ['value'] });

/** The invariants every result keeps, whatever went in. */
function wellFormed(p: ParsedFigure): void {
  expect(PARSED_KINDS).toContain(p.kind);
  if (p.kind === 'number') {
    expect(Number.isFinite(p.percent)).toBe(true);
    expect(p.percent).toBeGreaterThanOrEqual(0);
    expect(p.percent).toBeLessThanOrEqual(100);
    expect(Object.is(p.percent, -0)).toBe(false);
    expect(typeof p.approximate).toBe('boolean');
    expect(typeof p.provisional).toBe('boolean');
    if (p.bound) expect(p.approximate).toBe(true);
    expect((p.alternativePercent !== undefined)).toBe(p.interpretedAs === 'ambiguousFraction');
  }
  if (p.kind === 'invalid') {
    expect(['notANumber', 'outOfRange', 'multipleNumbers', 'unreadable']).toContain(p.reason);
    expect(typeof p.text).toBe('string');
    if (p.percent !== undefined) expect(Number.isFinite(p.percent)).toBe(true);
  }
  if (p.kind === 'error') expect(EXCEL_ERRORS).toContain(p.excelError);
  for (const lang of ['vi', 'en'] as const) expect(describeParse(p, lang).length).toBeGreaterThan(0);
}

describe('parseFigureCell: properties', () => {
  it('never throws and always returns a well-formed kind, whatever the cell holds', () => {
    fc.assert(fc.property(anyCell, (cell) => wellFormed(parseFigureCell(cell))), { numRuns: 3000 });
  });

  it('reads strings and numbers without falling back to "unreadable object" (no hidden exception)', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, anyNumber), anyFormat, (value, numberFormat) => {
        const p = parseFigureCell({ value, ...(numberFormat !== undefined ? { numberFormat } : {}) });
        expect(p.kind === 'invalid' && p.detail === 'object').toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(anyCell, (cell) => expect(parseFigureCell(cell)).toEqual(parseFigureCell(cell))), RUNS);
  });

  it('reads NFC and NFD spellings alike', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(parseFigureCell({ value: s.normalize('NFD') })).toEqual(parseFigureCell({ value: s.normalize('NFC') }));
      }),
      RUNS,
    );
  });

  it('reads a number in 0..1 in a percent-formatted cell as exactly value × 100', () => {
    const percentFormats = fc.constantFrom('0%', '0.0%', '0.00%', '#,##0.00%', '"> "0%', '0.00%" (ước)"', '0.00%;-0.00%;0%');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), percentFormats, (v, numberFormat) => {
        const p = parseFigureCell({ value: v, numberFormat });
        expect(p.kind).toBe('number');
        if (p.kind !== 'number') return;
        expect(p.interpretedAs).toBe('percentFormattedFraction');
        expect(Math.abs(p.percent - v * 100)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads numbers outside 0..100% as out of range, keeping the percent', () => {
    const outside = fc.oneof(fc.double({ min: 1.0000001, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: -1e-9, noNaN: true }));
    fc.assert(
      fc.property(outside, (v) => {
        const p = parseFigureCell({ value: v, numberFormat: '0.00%' });
        expect(p).toMatchObject({ kind: 'invalid', reason: 'outOfRange', detail: v < 0 ? 'negative' : 'above100' });
        if (p.kind === 'invalid') expect(p.percent).toBeCloseTo(v * 100, 6);
      }),
      RUNS,
    );
  });

  it('reads a number in a General cell: (0, 1] ambiguous, 0 or above 1 a percent number', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (v) => {
        const p = parseFigureCell({ value: v, numberFormat: 'General' });
        if (p.kind !== 'number') throw new Error(`expected a number, got ${p.kind}`);
        if (v > 0 && v <= 1) {
          expect(p.interpretedAs).toBe('ambiguousFraction');
          expect(p.alternativePercent).toBe(v);
        } else {
          expect(p.interpretedAs).toBe('percentNumber');
          expect(p.percent).toBe(v + 0);
        }
      }),
      RUNS,
    );
  });

  /** p in [0, 100] with at most two decimals, and how a person would write it. */
  const writtenPercent = fc
    .record({
      hundredths: fc.integer({ min: 0, max: 10_000 }),
      trimZeros: fc.boolean(),
      lang: fc.constantFrom('vi', 'en'),
      sign: fc.constantFrom('%', ' %', '\u00a0%', '\u2009%', ' phần trăm', ' (%)'),
    })
    .map(({ hundredths, trimZeros, lang, sign }) => {
      const p = hundredths / 100;
      let digits = p.toFixed(2);
      if (trimZeros) digits = digits.replace(/\.?0+$/, '') || '0';
      return { p, written: (lang === 'vi' ? digits.replace('.', ',') : digits) + sign };
    });

  it('reads back any percent with two decimals written the Vietnamese or the English way', () => {
    fc.assert(
      fc.property(writtenPercent, ({ p, written }) => {
        expect(parseFigureCell({ value: written })).toMatchObject({ kind: 'number', percent: p, interpretedAs: 'percentText' });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back a percent written without a sign by the General-cell rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (hundredths, vi) => {
        const p = hundredths / 100;
        const written = vi ? p.toFixed(2).replace('.', ',') : p.toFixed(2);
        const parsed = parseFigureCell({ value: written });
        if (parsed.kind !== 'number') throw new Error(`expected a number, got ${parsed.kind}`);
        if (p > 0 && p <= 1) expect(parsed.alternativePercent).toBe(p);
        else expect(parsed.percent).toBe(p);
      }),
      RUNS,
    );
  });

  it('keeps the percent when spaces surround the figure or a footnote is stuck to it', () => {
    const space = fc.array(fc.constantFrom(' ', '\u00a0', '\u2009', '\u202f', '\t', '\u3000', '\u200b', '\n'), { maxLength: 3 }).map((s) => s.join(''));
    const footnote = fc.constantFrom('', '1', '2', '12', '[1]', '[2]', '(4)', ' (3)', '*', '**', '¹', '²³', ' [1]');
    fc.assert(
      fc.property(writtenPercent, space, space, footnote, ({ p, written }, before, after, note) => {
        const parsed = parseFigureCell({ value: `${before}${written}${note}${after}` });
        expect(parsed).toMatchObject({ kind: 'number', percent: p });
        if (parsed.kind === 'number' && note !== '') expect(parsed.footnote).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('matches the Vietnamese words whatever the case, accents or normal form', () => {
    const words: [string, ParsedFigure['kind']][] = [
      ['Chưa có số liệu', 'noData'], ['Không có số liệu', 'noData'], ['Không áp dụng', 'noData'],
      ['Theo Kế hoạch của Bộ Y tế', 'deferred'], ['Kế hoạch của Bộ Công Thương', 'deferred'],
    ];
    const variant = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toUpperCase(),
      (s: string) => s.toLowerCase(),
      (s: string) => s.normalize('NFD'),
      (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
      (s: string) => `  ${s.replace(/ /g, '\u00a0 ')} `,
    );
    fc.assert(
      fc.property(fc.constantFrom(...words), variant, ([word, kind], f) => {
        expect(parseFigureCell({ value: f(word) }).kind).toBe(kind);
      }),
      RUNS,
    );
  });
});
