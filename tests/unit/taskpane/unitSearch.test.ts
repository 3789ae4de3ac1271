import type { ReportingUnit } from '../../../src/catalogue/schema';
import { defaultYear, foldVietnamese, groupMatchingUnits, unitLabel, unitMatches } from '../../../src/taskpane/unitSearch';

const unit = (id: string, kind: ReportingUnit['kind'], vi: string, en: string): ReportingUnit => ({
  id,
  kind,
  name: { vi, en },
  validFrom: '2023-01-01',
  fills: [],
});

const UNITS = [
  unit('bo-y-te', 'ministry', 'Bộ Y tế', 'Ministry of Health'),
  unit('bo-cong-thuong', 'ministry', 'Bộ Công Thương', 'Ministry of Industry and Trade'),
  unit('ngan-hang-nha-nuoc', 'agency', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Vietnam'),
  unit('tinh-lao-cai', 'province', 'Tỉnh Lào Cai', 'Lao Cai Province'),
  unit('thanh-pho-da-nang', 'province', 'Thành phố Đà Nẵng', 'Da Nang City'),
  unit('tinh-hung-yen', 'province', 'UBND tỉnh Hưng Yên', "Hung Yen Provincial People's Committee"),
  unit('tp-ho-chi-minh', 'province', 'UBND Thành phố Hồ Chí Minh', "Ho Chi Minh City People's Committee"),
];

describe('foldVietnamese', () => {
  it('drops tones and vowel marks, maps đ, lowers case and squeezes spaces', () => {
    expect(foldVietnamese('  Lào   Cai ')).toBe('lao cai');
    expect(foldVietnamese('ĐÀ NẴNG')).toBe('da nang');
    expect(foldVietnamese('Bộ Y tế')).toBe('bo y te');
    expect(foldVietnamese('Thừa Thiên Huế')).toBe('thua thien hue');
  });

  it('treats decomposed (NFD) input like composed input', () => {
    expect(foldVietnamese('Lào Cai'.normalize('NFD'))).toBe(foldVietnamese('Lào Cai'));
  });
});

describe('unitMatches', () => {
  it.each([
    ['lao cai', 'tinh-lao-cai'],
    ['Lào Cai', 'tinh-lao-cai'],
    ['cai lao', 'tinh-lao-cai'],
    ['y te', 'bo-y-te'],
    ['Y tế', 'bo-y-te'],
    ['health', 'bo-y-te'],
    ['da nang', 'thanh-pho-da-nang'],
    ['Đà', 'thanh-pho-da-nang'],
    ['state bank', 'ngan-hang-nha-nuoc'],
  ])('"%s" finds %s', (query, id) => {
    expect(UNITS.filter((u) => unitMatches(u, query)).map((u) => u.id)).toContain(id);
  });

  it('does not match on a word the name lacks', () => {
    expect(unitMatches(UNITS[0]!, 'y te lao')).toBe(false);
  });

  it('matches the start of words, not their middle', () => {
    expect(UNITS.filter((u) => unitMatches(u, 'y te')).map((u) => u.id)).toEqual(['bo-y-te']);
    expect(unitMatches(UNITS[3]!, 'ao')).toBe(false);
  });

  it('takes three letters or more as initials', () => {
    expect(UNITS.filter((u) => unitMatches(u, 'tp hcm')).map((u) => u.id)).toEqual(['tp-ho-chi-minh']);
  });

  it('matches everything for an empty query', () => {
    expect(UNITS.every((u) => unitMatches(u, '   '))).toBe(true);
  });
});

describe('groupMatchingUnits', () => {
  it('groups ministries, agencies, provinces in that order and drops empty groups', () => {
    expect(groupMatchingUnits(UNITS, '').map((g) => [g.kind, g.units.length])).toEqual([
      ['ministry', 2],
      ['agency', 1],
      ['province', 4],
    ]);
    expect(groupMatchingUnits(UNITS, 'lao cai').map((g) => g.kind)).toEqual(['province']);
    expect(groupMatchingUnits(UNITS, 'zzz')).toEqual([]);
  });
});

describe('defaultYear', () => {
  it('takes this year when it has targets, else the latest past year, else the first', () => {
    expect(defaultYear([2023, 2024, 2025], new Date(2024, 5, 1))).toBe(2024);
    expect(defaultYear([2023, 2024, 2025], new Date(2027, 0, 1))).toBe(2025);
    expect(defaultYear([2023, 2024, 2025], new Date(2020, 0, 1))).toBe(2023);
  });
});

describe('unitLabel', () => {
  const before = { ...unit('tinh-lao-cai', 'province', 'UBND tỉnh Lào Cai', 'Lao Cai'), validTo: '2025-06-30' };
  const after = { ...unit('tinh-lao-cai-2025', 'province', 'UBND tỉnh Lào Cai', 'Lao Cai'), validFrom: '2025-07-01' };

  it('is the name alone when no other unit shares it', () => {
    expect(unitLabel(before, 'vi', [before, UNITS[0]!])).toBe('UBND tỉnh Lào Cai');
  });

  it('adds the dates that tell two units of one name apart', () => {
    expect(unitLabel(before, 'vi', [before, after])).toBe('UBND tỉnh Lào Cai (đến 30/06/2025)');
    expect(unitLabel(after, 'vi', [before, after])).toBe('UBND tỉnh Lào Cai (từ 01/07/2025)');
    expect(unitLabel(after, 'en', [before, after])).toBe('Lao Cai (from 2025-07-01)');
  });
});
