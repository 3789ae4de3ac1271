import { HEADER_NAMES } from '../../../../src/domain/cellContract';
import { isEmail, isPhone } from '../../../../src/domain/validate';
import { ReturnBuilder, aReturn, check, flagAt, flagsOf } from './builders';

describe('header: unit, year, quarter', () => {
  it('an unknown unit id is an error; a known one is not', () => {
    const bad = check(aReturn('bo-khong-co', 2023, 1).build());
    expect(flagAt(bad, 'header.unitUnknown', HEADER_NAMES.unitId)).toMatchObject({ severity: 'error', column: 'CT_UNIT_ID' });
    expect(flagAt(bad, 'header.unitUnknown', HEADER_NAMES.unitId)!.message.vi).toContain('“bo-khong-co”');
    expect(flagsOf(check(aReturn('bo-y-te', 2023, 1).build()), 'header.unitUnknown')).toEqual([]);
    expect(flagsOf(check(new ReturnBuilder().year(2023).quarter(1).build()), 'header.unitUnknown')[0]!.message.en).toContain('(empty)');
  });

  it('a unit that does not report in the year is an error naming its validity and successor', () => {
    const early = check(aReturn('tinh-an-giang-2025', 2023, 1).build());
    expect(flagAt(early, 'header.unitYear', HEADER_NAMES.unitId)!.message.en).toContain('2025-07-01');
    const merged = check(aReturn('tinh-an-giang', 2023, 1).build());
    expect(flagsOf(merged, 'header.unitYear')).toEqual([]);
    expect(flagsOf(check(aReturn('bo-y-te', 2025, 1).build()), 'header.unitYear')).toEqual([]);
  });

  it('a year without targets is an error; 2023–2025 are fine, as a number or as text', () => {
    for (const year of [2022, 2026, 'năm 2023', '', 2023.5]) {
      expect(flagsOf(check(aReturn('bo-y-te', 2023, 1).year(year).build()), 'header.year')).toHaveLength(1);
    }
    for (const year of [2023, 2024, 2025, '2024', ' 2025 ']) {
      expect(flagsOf(check(aReturn('bo-y-te', 2023, 1).year(year).build()), 'header.year')).toEqual([]);
    }
  });

  it('quarter: empty is "missing", anything but 1–4 is "invalid"; "Quý II", "Q2", "II" and "2" are read', () => {
    const missing = check(aReturn('bo-y-te', 2023, 1).quarter(null).build());
    expect(flagsOf(missing, 'header.quarterMissing')).toHaveLength(1);
    expect(missing.quarter).toBeNull();
    for (const q of [0, 5, 2.5, 'hai', 'Q5', true]) {
      const r = check(aReturn('bo-y-te', 2023, 1).quarter(q).build());
      expect(flagsOf(r, 'header.quarterInvalid')).toHaveLength(1);
      expect(r.quarter).toBeNull();
    }
    for (const q of [2, '2', 'Quý II', 'quy 2', 'Q2', 'II']) {
      const r = check(aReturn('bo-y-te', 2023, 1).quarter(q).build());
      expect([r.quarter, flagsOf(r, 'header.quarterInvalid').length, flagsOf(r, 'header.quarterMissing').length]).toEqual([2, 0, 0]);
    }
  });

  it('the caller’s quarter overrides CT_QUARTER; the empty cell is still flagged, since the file travels', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).quarter(null).build(), { quarter: 3 });
    expect(r.quarter).toBe(3);
    expect(flagsOf(r, 'header.quarterMissing')).toHaveLength(1);
    expect(check(aReturn('bo-y-te', 2023, 1).build(), { quarter: 4 }).quarter).toBe(4);
    expect(check(aReturn('bo-y-te', 2023, 1).build(), { quarter: 7 }).quarter).toBe(1);
  });
});

describe('focal point', () => {
  it('each missing field is an error on its cell', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).contact({ title: null, phone: '   ' }).build());
    expect(flagsOf(r, 'contact.missing').map((f) => f.cellName)).toEqual([HEADER_NAMES.contactTitle, HEADER_NAMES.contactPhone]);
    expect(flagAt(r, 'contact.missing', HEADER_NAMES.contactTitle)!.message).toEqual({ vi: 'Thiếu chức vụ của cán bộ đầu mối.', en: 'The focal point’s position is missing.' });
    expect(flagsOf(check(aReturn('bo-y-te', 2023, 1).build()), 'contact.missing')).toEqual([]);
  });

  it('a bad e-mail or phone is an error; good ones are not', () => {
    const r = check(aReturn('bo-y-te', 2023, 1).contact({ email: 'nva at moh.gov.vn', phone: '0912 ABC 678' }).build());
    expect(flagsOf(r, 'contact.email')).toHaveLength(1);
    expect(flagsOf(r, 'contact.phone')).toHaveLength(1);
    const ok = check(aReturn('bo-y-te', 2023, 1).contact({ phone: 912345678 }).build());
    expect([...flagsOf(ok, 'contact.email'), ...flagsOf(ok, 'contact.phone')]).toEqual([]);
  });

  it.each([
    'nva@moh.gov.vn', 'Nguyen.Van-A+bc@mic.gov.vn', 'a@b.vn; c@d.com.vn', 'mailto:x@y.org', 'NVA@MOH.GOV.VN',
  ])('e-mail accepted: %s', (e) => expect(isEmail(e)).toBe(true));
  it.each([
    'nva', 'nva@', '@moh.gov.vn', 'nva@moh', 'nva@moh.', 'nva @moh.gov.vn x', 'nva@@moh.gov.vn', 'a@b.c',
  ])('e-mail refused: %s', (e) => expect(isEmail(e)).toBe(false));

  it.each([
    '024 3943 7190', '0912.345.678', '0912-345-678', '+84 24 3943 7190', '+84912345678', '(024) 3943 7190',
    '024 3943 7190 máy lẻ 123', '024.3943.7190 ext 12', '024 3943 7190, ML 5', '0912345678 / 024 3943 7190',
    'ĐT: 0912 345 678', '1900 1234', '912345678',
  ])('phone accepted: %s', (p) => expect(isPhone(p)).toBe(true));
  it.each([
    'không có', '0912 ABC 678', '12345', '091-23', '++84 912 345 678', 'gọi 0912345678', '0912345678 máy lẻ', '1234567890123456',
  ])('phone refused: %s', (p) => expect(isPhone(p)).toBe(false));
});
