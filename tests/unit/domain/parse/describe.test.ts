import { describeParse, formatPercent, formatPercentVi, parseFigureCell, type RawCell } from '../../../../src/domain/parse';

const say = (cell: RawCell, lang: 'vi' | 'en' = 'vi') => describeParse(parseFigureCell(cell), lang);

describe('formatting percents for messages', () => {
  it.each([
    [15.5, '15,5%', '15.5%'], [15, '15%', '15%'], [0.34, '0,34%', '0.34%'], [1234.5, '1234,5%', '1234.5%'],
    [15.500000000000002, '15,5%', '15.5%'], [-5, '-5%', '-5%'], [-0, '0%', '0%'], [100, '100%', '100%'], [1e-9, '0%', '0%'],
  ])('%s → %s / %s', (p, vi, en) => {
    expect(formatPercentVi(p)).toBe(vi);
    expect(formatPercent(p, 'vi')).toBe(vi);
    expect(formatPercent(p, 'en')).toBe(en);
  });
});

describe('describeParse', () => {
  it('explains an ambiguous number in a General cell', () => {
    expect(say({ value: 0.85, numberFormat: 'General' })).toBe(
      'đọc là 85% (ô định dạng chung, giá trị ≤ 1 được hiểu là phân số; cũng có thể là 0,85%)',
    );
    expect(say({ value: 0.85, numberFormat: 'General' }, 'en')).toBe(
      'read as 85% (General cell, a value ≤ 1 taken as a fraction; it could also mean 0.85%)',
    );
  });

  it('explains a percent-formatted fraction, a percent number and a text', () => {
    expect(say({ value: 0.155, numberFormat: '0.00%' })).toBe('đọc là 15,5% (ô định dạng phần trăm, giá trị lưu 0,155)');
    expect(say({ value: 15.5, numberFormat: 'General' }, 'en')).toBe(
      'read as 15.5% (the number 15.5, in a cell not formatted as a percent, taken as a percent)',
    );
    expect(say({ value: '14,96%' })).toBe('đọc là 14,96% (văn bản “14,96%”)');
    expect(say({ value: '4,36' })).toBe('đọc là 4,36% (văn bản “4,36” không có dấu %, được hiểu là phần trăm)');
  });

  it('names the flags: bound, provisional, footnote, note, separator', () => {
    expect(say({ value: 'trên 6% (ước)' })).toBe('đọc là trên 6% (văn bản “trên 6% (ước)”); số liệu tạm ước tính');
    expect(say({ value: 'khoảng 6%' }, 'en')).toBe('read as about 6% (text "khoảng 6%")');
    expect(say({ value: '14,26%1' }, 'en')).toBe('read as 14.26% (text "14,26%1"); footnote 1');
    expect(say({ value: '15% (năm 2022)' })).toContain('ghi chú: “năm 2022”');
    expect(say({ value: '1,234%' })).toContain('dấu “,” được hiểu là dấu thập phân');
  });

  it('explains what is not a figure', () => {
    expect(say({ value: null })).toBe('ô trống');
    expect(say({ value: '- (chưa điều tra)' })).toBe('không có số liệu (“-”): chưa điều tra');
    expect(say({ value: 'Theo Kế hoạch của Bộ Y tế' }, 'en')).toBe('not a figure: "Theo Kế hoạch của Bộ Y tế" refers to a plan');
    expect(say({ value: '#DIV/0!' })).toBe('ô báo lỗi Excel #DIV/0!');
    expect(say({ value: 1.5, numberFormat: '0%' }, 'en')).toBe('150% (percent-formatted cell) is above 100%');
    expect(say({ value: '−5%' })).toBe('-5% nhỏ hơn 0%');
    expect(say({ value: '10-12%' })).toBe('“10-12%” là một khoảng giá trị: cần ghi một số');
    expect(say({ value: '15% và 16%' }, 'en')).toBe('"15% và 16%" holds more than one number: give one figure');
    expect(say({ value: true })).toBe('“TRUE” là giá trị logic, không phải số');
    expect(say({ value: 'abc' }, 'en')).toBe('"abc" cannot be read as a percentage');
  });

  it('keeps a message to one short line whatever was typed', () => {
    const long = `abc ${'x'.repeat(500)}\n${'y'.repeat(100)}`;
    const line = say({ value: long });
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(120);
  });
});
