import { parseFigureCell, type Interpretation, type RawCell } from '../../../../src/domain/parse';

/**
 * Real-world spellings of a figure cell and what each must become. Strings are what a reporter
 * typed (the cell's value); numbers come with the cell's number format. Expected objects are
 * matched partially, so each row states only what it is about; `percent` is compared exactly.
 */
type Row = [label: string, cell: RawCell, expected: Record<string, unknown>];

const text = (value: string, numberFormat?: string): RawCell => (numberFormat ? { value, numberFormat } : { value });
const num = (value: number, numberFormat?: string, shown?: string): RawCell => ({
  value,
  ...(numberFormat !== undefined ? { numberFormat } : {}),
  ...(shown !== undefined ? { text: shown } : {}),
});
const pct = (percent: number, interpretedAs: Interpretation, extra: Record<string, unknown> = {}) => ({
  kind: 'number' as const,
  percent,
  interpretedAs,
  ...extra,
});
const plainText = { approximate: false, provisional: false, source: 'text' };

const NFD = (s: string) => s.normalize('NFD');

const rows: Row[] = [
  // --- The examples of DOMAIN.md and the form itself
  ['DOMAIN: decimal comma', text('14,96%'), pct(14.96, 'percentText', plainText)],
  ['DOMAIN: decimal point', text('74.63%'), pct(74.63, 'percentText', plainText)],
  ['DOMAIN: footnote stuck to the percent', text('14,26%1'), pct(14.26, 'percentText', { footnote: '1', ...plainText })],
  ['DOMAIN: "4,36" with no unit (1.2 in 2022)', text('4,36'), pct(4.36, 'percentNumber', plainText)],
  ['DOMAIN: per the MoH plan', text('Theo Kế hoạch của Bộ Y tế'), { kind: 'deferred', text: 'Theo Kế hoạch của Bộ Y tế' }],
  ['DOMAIN: dash for no data', text('-'), { kind: 'noData', marker: '-' }],
  ['form: other sectors per plan', text('Theo Kế hoạch của ngành, lĩnh vực'), { kind: 'deferred' }],
  ['form: 2.3 baseline', text('0,34%'), pct(0.34, 'percentText')],
  ['form: 1.5 baseline', text('30,07%'), pct(30.07, 'percentText')],

  // --- Numbers and formats
  ['fraction in a percent format', num(0.155, '0.00%'), pct(15.5, 'percentFormattedFraction', { source: 'number', approximate: false, provisional: false })],
  ['fraction in "0%"', num(0.5, '0%'), pct(50, 'percentFormattedFraction')],
  ['100% in a percent format', num(1, '0%'), pct(100, 'percentFormattedFraction')],
  ['no format, text shows %', num(0.155, undefined, '15.50%'), pct(15.5, 'percentFormattedFraction')],
  ['percent number in General', num(15.5, 'General'), pct(15.5, 'percentNumber', { source: 'number' })],
  ['percent number, no format', num(74.63), pct(74.63, 'percentNumber')],
  ['0 in General is 0%, not ambiguous', num(0, 'General'), pct(0, 'percentNumber')],
  ['-0 is 0', num(-0, '0%'), pct(0, 'percentFormattedFraction')],
  ['0.85 in General is ambiguous', num(0.85, 'General'), pct(85, 'ambiguousFraction', { alternativePercent: 0.85 })],
  ['1 in General is ambiguous', num(1, 'General'), pct(100, 'ambiguousFraction', { alternativePercent: 1 })],
  ['% only inside quotes is literal', num(15, '0.0" %"'), pct(15, 'percentNumber')],
  ['escaped % is literal', num(15, '0.0\\%'), pct(15, 'percentNumber')],
  ['number in a Text (@) cell', num(15.5, '@'), pct(15.5, 'percentNumber')],
  ['150% in a percent format', num(1.5, '0%'), { kind: 'invalid', reason: 'outOfRange', percent: 150, detail: 'above100' }],
  ['150 in General', num(150, 'General'), { kind: 'invalid', reason: 'outOfRange', percent: 150 }],
  ['negative fraction', num(-0.05, '0.00%'), { kind: 'invalid', reason: 'outOfRange', percent: -5, detail: 'negative' }],
  ['NaN', num(Number.NaN), { kind: 'invalid', reason: 'notANumber', detail: 'nonFinite' }],
  ['Infinity', num(Number.POSITIVE_INFINITY, '0%'), { kind: 'invalid', reason: 'notANumber', detail: 'nonFinite' }],
  ['1e308 overflows when scaled', num(1e308, '0%'), { kind: 'invalid', reason: 'outOfRange', detail: 'above100' }],
  ['template target format "> "0%', num(0.5, '"> "0%'), pct(50, 'percentFormattedFraction', { bound: 'above', approximate: true })],
  ['template target format "≥ "0%', num(0.1, '"≥ "0%'), pct(10, 'percentFormattedFraction', { bound: 'atLeast' })],

  // --- Provisional by format (the convention) and in words
  ['format suffix (ước)', num(0.155, '0.00%" (ước)"'), pct(15.5, 'percentFormattedFraction', { provisional: true })],
  ['format suffix (tạm ước tính)', num(0.155, '0.00%" (tạm ước tính)"'), pct(15.5, 'percentFormattedFraction', { provisional: true })],
  ['format prefix (tạm)', num(0.155, '"(tạm) "0.0%'), pct(15.5, 'percentFormattedFraction', { provisional: true })],
  ['text in a provisional-formatted cell', text('15,5%', '0.00%" (ước)"'), pct(15.5, 'percentText', { provisional: true })],
  ['(tạm ước tính)', text('15,5% (tạm ước tính)'), pct(15.5, 'percentText', { provisional: true, approximate: false })],
  ['tạm tính', text('15,5% tạm tính'), pct(15.5, 'percentText', { provisional: true })],
  ['ước before', text('ước 15,5%'), pct(15.5, 'percentText', { provisional: true })],
  ['(ước) after', text('15,5% (ước)'), pct(15.5, 'percentText', { provisional: true })],
  ['(sơ bộ) before', text('(sơ bộ) 15,5%'), pct(15.5, 'percentText', { provisional: true })],
  ['(p) after', text('15,5% (p)'), pct(15.5, 'percentText', { provisional: true })],
  ['(e) after', text('15,5% (e)'), pct(15.5, 'percentText', { provisional: true })],
  ['số liệu sơ bộ: before', text('Số liệu sơ bộ: 15,5%'), pct(15.5, 'percentText', { provisional: true })],
  ['(số liệu tạm ước tính)', text('15,5% (số liệu tạm ước tính)'), pct(15.5, 'percentText', { provisional: true })],
  ['a star is a footnote, not provisional', text('15,5%*'), pct(15.5, 'percentText', { footnote: '*', provisional: false })],
  ['ước khoảng: provisional and approximate', text('ước khoảng 15%'), pct(15, 'percentText', { provisional: true, approximate: true })],

  // --- Text numbers
  ['space before %', text('14.96 %'), pct(14.96, 'percentText')],
  ['no percent sign, > 1', text('14,96'), pct(14.96, 'percentNumber')],
  ['Vietnamese thousands and decimal', text('1.234,5'), { kind: 'invalid', reason: 'outOfRange', percent: 1234.5 }],
  ['English thousands and decimal', text('1,234.5'), { kind: 'invalid', reason: 'outOfRange', percent: 1234.5 }],
  ['"1,234" is 1.234 (1234% is impossible)', text('1,234'), pct(1.234, 'percentNumber', { separatorAmbiguous: true })],
  ['"1.234%" likewise', text('1.234%'), pct(1.234, 'percentText', { separatorAmbiguous: true })],
  ['"0,123" has no thousands reading', text('0,123%'), pct(0.123, 'percentText', { separatorAmbiguous: undefined })],
  ['"1.5" = 1.5', text('1.5'), pct(1.5, 'percentNumber')],
  ['"1,5" = 1.5', text('1,5'), pct(1.5, 'percentNumber')],
  ['"15,5 %"', text('15,5 %'), pct(15.5, 'percentText')],
  ['surrounding spaces', text(' 15,5% '), pct(15.5, 'percentText', { text: '15,5%' })],
  ['"phần trăm"', text('15.5 phần trăm'), pct(15.5, 'percentText')],
  ['"phan tram" without accents', text('15,5 phan tram'), pct(15.5, 'percentText')],
  ['"(%)"', text('15,5 (%)'), pct(15.5, 'percentText')],
  ['"0,85" typed without % is ambiguous', text('0,85'), pct(85, 'ambiguousFraction', { alternativePercent: 0.85, source: 'text' })],
  ['"0,85%" is not ambiguous', text('0,85%'), pct(0.85, 'percentText')],
  ['"0" text', text('0'), pct(0, 'percentNumber')],
  ['"100%"', text('100%'), pct(100, 'percentText')],
  ['"100,5%" is above 100', text('100,5%'), { kind: 'invalid', reason: 'outOfRange', percent: 100.5, detail: 'above100' }],
  ['non-breaking space', text('15,5\u00a0%'), pct(15.5, 'percentText')],
  ['thin space', text('15,5\u2009%'), pct(15.5, 'percentText')],
  ['narrow no-break space and zero-width space', text('\u200b15,5\u202f%'), pct(15.5, 'percentText')],
  ['full-width digits and ％', text('１５，５％'), pct(15.5, 'percentText')],
  ['Unicode minus', text('−5%'), { kind: 'invalid', reason: 'outOfRange', percent: -5, detail: 'negative' }],
  ['ASCII minus with a space', text('- 5%'), { kind: 'invalid', reason: 'outOfRange', percent: -5 }],
  ['leading +', text('+15%'), pct(15, 'percentText')],
  ['trailing full stop', text('15,5%.'), pct(15.5, 'percentText')],
  ['filler "đạt"', text('đạt 15,5%'), pct(15.5, 'percentText')],

  // --- Footnotes
  ['[1]', text('14,26%[1]'), pct(14.26, 'percentText', { footnote: '1' })],
  ['[2] without %', text('4,36[2]'), pct(4.36, 'percentNumber', { footnote: '2' })],
  ['(4)', text('74.63%(4)'), pct(74.63, 'percentText', { footnote: '4' })],
  ['(1) after a space', text('14,26 % (1)'), pct(14.26, 'percentText', { footnote: '1' })],
  ['superscript', text('15,5%¹'), pct(15.5, 'percentText', { footnote: '1' })],
  ['two stars', text('15,5%**'), pct(15.5, 'percentText', { footnote: '**' })],
  ['remark in brackets is kept as a note', text('15% (năm 2022)'), pct(15, 'percentText', { note: 'năm 2022' })],

  // --- Approximations and bounds
  ['khoảng', text('khoảng 6%'), pct(6, 'percentText', { approximate: true, bound: undefined })],
  ['Khoảng, space before %', text('Khoảng 6 %'), pct(6, 'percentText', { approximate: true })],
  ['~', text('~6%'), pct(6, 'percentText', { approximate: true })],
  ['≈', text('≈6%'), pct(6, 'percentText', { approximate: true })],
  ['gần', text('gần 6%'), pct(6, 'percentText', { approximate: true })],
  ['xấp xỉ', text('xấp xỉ 6%'), pct(6, 'percentText', { approximate: true })],
  ['trên', text('trên 6%'), pct(6, 'percentText', { approximate: true, bound: 'above' })],
  ['>', text('> 6%'), pct(6, 'percentText', { bound: 'above' })],
  ['≥', text('≥ 6%'), pct(6, 'percentText', { bound: 'atLeast' })],
  ['>=', text('>=6%'), pct(6, 'percentText', { bound: 'atLeast' })],
  ['hơn', text('hơn 6%'), pct(6, 'percentText', { bound: 'above' })],
  ['tối thiểu', text('Tối thiểu 10%'), pct(10, 'percentText', { bound: 'atLeast' })],
  ['không dưới (not "dưới")', text('không dưới 10%'), pct(10, 'percentText', { bound: 'atLeast' })],
  ['trở lên', text('6% trở lên'), pct(6, 'percentText', { bound: 'atLeast' })],
  ['dưới', text('dưới 5%'), pct(5, 'percentText', { approximate: true, bound: 'below' })],
  ['<', text('< 5%'), pct(5, 'percentText', { bound: 'below' })],
  ['≤', text('≤ 5%'), pct(5, 'percentText', { bound: 'atMost' })],
  ['không quá', text('không quá 5%'), pct(5, 'percentText', { bound: 'atMost' })],
  ['khoảng trên: approximate and above', text('khoảng trên 6%'), pct(6, 'percentText', { approximate: true, bound: 'above' })],

  // --- Ranges and several figures
  ['range with hyphen', text('10-12%'), { kind: 'invalid', reason: 'multipleNumbers', detail: 'range' }],
  ['range with en dash and spaces', text('10 – 12%'), { kind: 'invalid', reason: 'multipleNumbers', detail: 'range' }],
  ['range with both signs', text('10%-12%'), { kind: 'invalid', reason: 'multipleNumbers', detail: 'range' }],
  ['từ … đến …', text('từ 10 đến 12%'), { kind: 'invalid', reason: 'multipleNumbers', detail: 'range' }],
  ['two figures', text('15% và 16%'), { kind: 'invalid', reason: 'multipleNumbers', detail: undefined }],
  ['two figures with a semicolon', text('15%; 16%'), { kind: 'invalid', reason: 'multipleNumbers' }],
  ['another percent in the remark', text('15% (16% năm 2022)'), { kind: 'invalid', reason: 'multipleNumbers' }],

  // --- No data
  ['dash with a reason', text('- (chưa điều tra)'), { kind: 'noData', marker: '-', reason: 'chưa điều tra' }],
  ['en dash', text('–'), { kind: 'noData', marker: '–' }],
  ['em dash', text('—'), { kind: 'noData' }],
  ['chưa có số liệu', text('Chưa có số liệu'), { kind: 'noData', marker: 'Chưa có số liệu', reason: undefined }],
  ['chưa có số liệu with a reason', text('chưa có số liệu (GSO chưa công bố)'), { kind: 'noData', reason: 'GSO chưa công bố' }],
  ['không có số liệu, upper case', text('KHÔNG CÓ SỐ LIỆU'), { kind: 'noData' }],
  ['chua co so lieu, no accents', text('chua co so lieu'), { kind: 'noData' }],
  ['chưa có số liệu in NFD', text(NFD('Chưa có số liệu')), { kind: 'noData', marker: 'Chưa có số liệu' }],
  ['chưa có', text('chưa có'), { kind: 'noData' }],
  ['N/A', text('N/A'), { kind: 'noData' }],
  ['n/a', text('n/a'), { kind: 'noData' }],
  ['NA', text('NA'), { kind: 'noData' }],
  ['không áp dụng', text('Không áp dụng'), { kind: 'noData' }],
  ['x', text('x'), { kind: 'noData' }],
  ['..', text('..'), { kind: 'noData' }],
  ['…', text('…'), { kind: 'noData' }],
  ['đang cập nhật', text('Đang cập nhật'), { kind: 'noData' }],
  ['#N/A typed', text('#N/A'), { kind: 'noData', marker: '#N/A' }],
  ['#N/A from ExcelJS', { value: { error: '#N/A' } }, { kind: 'noData', marker: '#N/A' }],

  // --- Deferred
  ['Kế hoạch của Bộ Công Thương', text('Kế hoạch của Bộ Công Thương'), { kind: 'deferred' }],
  ['Theo kế hoạch của ngành', text('Theo kế hoạch của ngành'), { kind: 'deferred' }],
  ['Theo KH', text('Theo KH của Bộ Y tế'), { kind: 'deferred' }],
  ['English', text('per MoH plan'), { kind: 'deferred' }],
  ['a figure followed by "theo kế hoạch" is not deferred', text('15% theo kế hoạch'), { kind: 'invalid', reason: 'notANumber' }],

  // --- Excel errors and odd values
  ['#VALUE!', text('#VALUE!'), { kind: 'error', excelError: '#VALUE!' }],
  ['#DIV/0!', text('#DIV/0!'), { kind: 'error', excelError: '#DIV/0!' }],
  ['#REF! from ExcelJS', { value: { error: '#REF!' } }, { kind: 'error', excelError: '#REF!' }],
  ['#SPILL!', text('#SPILL!'), { kind: 'error', excelError: '#SPILL!' }],
  ['#GETTING_DATA', text('#GETTING_DATA'), { kind: 'error', excelError: '#GETTING_DATA' }],
  ['TRUE', { value: true }, { kind: 'invalid', reason: 'notANumber', detail: 'boolean', text: 'TRUE' }],
  ['a Date', { value: new Date(Date.UTC(2023, 4, 1)) }, { kind: 'invalid', reason: 'unreadable', detail: 'date', text: '2023-05-01' }],
  ['a date as text', text('2023-05-01'), { kind: 'invalid', reason: 'unreadable', detail: 'date' }],
  ['an object', { value: { richText: [] } }, { kind: 'invalid', reason: 'unreadable', detail: 'object' }],
  ['an array', { value: [15] }, { kind: 'invalid', reason: 'unreadable' }],
  ['words', text('Đang chờ số liệu của Tổng cục'), { kind: 'invalid', reason: 'notANumber', detail: 'unknownWords' }],
  ['a section number', text('1.2.3'), { kind: 'invalid', reason: 'notANumber', detail: 'malformedNumber' }],

  // --- Empty
  ['null', { value: null }, { kind: 'empty' }],
  ['undefined', { value: undefined }, { kind: 'empty' }],
  ['empty string', text(''), { kind: 'empty' }],
  ['spaces only', text(' \u00a0 '), { kind: 'empty' }],
];

describe('parseFigureCell: real-world spellings', () => {
  it('covers at least 60 spellings', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });

  it.each(rows)('%s', (_label, cell, expected) => {
    const parsed = parseFigureCell(cell);
    // `key: undefined` in a row means the result must not have that key at all.
    const present = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
    expect(parsed).toMatchObject(present);
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect(parsed).not.toHaveProperty(key);
    }
  });
});

describe('parseFigureCell: options', () => {
  it('can read an ambiguous number as a percent instead', () => {
    expect(parseFigureCell({ value: 0.85, numberFormat: 'General' }, { ambiguousAs: 'percent' })).toMatchObject({
      kind: 'number', percent: 0.85, interpretedAs: 'ambiguousFraction', alternativePercent: 85,
    });
  });

  it('never throws on a hostile value', () => {
    const hostile = new Proxy({}, { has: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); } });
    expect(parseFigureCell({ value: hostile })).toMatchObject({ kind: 'invalid', reason: 'unreadable' });
    expect(parseFigureCell(null as unknown as RawCell)).toEqual({ kind: 'empty' });
  });
});
