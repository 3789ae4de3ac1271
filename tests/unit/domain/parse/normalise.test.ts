import { fold, foldText } from '../../../../src/domain/parse';
import { originalSlice } from '../../../../src/domain/parse/normalise';

describe('folding text for matching', () => {
  it.each([
    ['Chưa có số liệu', 'chua co so lieu'],
    ['Chưa có số liệu'.normalize('NFD'), 'chua co so lieu'],
    ['ĐẠT', 'dat'],
    ['  15,5\u00a0\u2009%  ', '15,5 %'],
    ['１５，５％', '15,5%'],
    ['−5 – 6 — 7', '-5 - 6 - 7'],
    ['a\u200bb\u00adc', 'abc'],
    ['15,5%¹', '15,5%¹'],
    ['…', '...'],
  ])('%j → %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('maps folded positions back to the text as typed', () => {
    const f = fold('  Chưa có số liệu (GSO) ');
    const at = f.folded.indexOf('(');
    expect(originalSlice(f, at)).toBe('(GSO)');
    expect(originalSlice(f, 0, at)).toBe('Chưa có số liệu');
    const nfd = fold('- (chưa điều tra)'.normalize('NFD'));
    expect(originalSlice(nfd, 2)).toBe('(chưa điều tra)');
  });
});
