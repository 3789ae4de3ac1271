import unitsJson from '../../../src/catalogue/units.json';
import { allRows, fillsOn, loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { UnitList, type ReportingUnit } from '../../../src/catalogue/schema';

/** The 18 rows of Appendix 01 that take figures (DOMAIN.md): 17 indicators, 1.2 split in two. */
const ROW_IDS = [
  '1.1', '1.2.ICT', '1.2.OTHER', '1.3', '1.4', '1.5', '1.6',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
];

const list = UnitList.parse(unitsJson);
const units = list.units;
const byId = new Map(units.map((u) => [u.id, u]));

const validOn = (u: ReportingUnit, day: string) => u.validFrom <= day && (!u.validTo || u.validTo >= day);
const unitsOn = (day: string, kinds: ReportingUnit['kind'][]) => units.filter((u) => kinds.includes(u.kind) && validOn(u, day));
const provincesOn = (day: string) => unitsOn(day, ['province']);
const ministriesOn = (day: string) => unitsOn(day, ['ministry', 'agency']);

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const isRealDate = (iso: string) => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

describe('src/catalogue/units.json', () => {
  it('passes the UnitList schema and the loader (which checks fills against the catalogue)', () => {
    expect(() => UnitList.parse(unitsJson)).not.toThrow();
    expect(() => loadUnits()).not.toThrow();
    expect(list.unitsVersion).toMatch(/^2025\.07/);
  });

  it('hard-codes the same 18 reporting rows as the catalogue has', () => {
    expect(allRows(loadCatalogue()).map((r) => r.id)).toEqual(ROW_IDS);
  });

  it('fills only valid reporting rows, each at most once', () => {
    for (const u of units) {
      for (const f of u.fills) expect({ unit: u.id, row: f, valid: ROW_IDS.includes(f) }).toEqual({ unit: u.id, row: f, valid: true });
      expect(new Set(u.fills).size).toBe(u.fills.length);
    }
  });

  it('has real ISO dates, validTo after validFrom, and a successor exactly where a unit ends', () => {
    for (const u of units) {
      expect(isRealDate(u.validFrom)).toBe(true);
      if (u.validTo) {
        expect(isRealDate(u.validTo)).toBe(true);
        expect(u.validTo >= u.validFrom).toBe(true);
      }
      // Every unit that ended in the 2025 reorganisations was taken over by another.
      expect({ id: u.id, ended: Boolean(u.validTo), successor: Boolean(u.successor) }).toEqual({ id: u.id, ended: Boolean(u.validTo), successor: Boolean(u.validTo) });
    }
  });

  it('has Vietnamese names with diacritics in NFC, provinces named after their People\'s Committee', () => {
    for (const u of units) {
      expect(u.name.vi).toBe(u.name.vi.normalize('NFC'));
      expect(u.name.en).toMatch(/^[\x20-\x7e]+$/);
      if (u.kind === 'province') {
        expect(u.name.vi).toMatch(/^UBND (tỉnh|thành phố) \S/);
        expect(u.name.en).toMatch(/ (Provincial|City) People's Committee$/);
        expect(u.id).toMatch(/^(tinh|tp)-/);
        expect(u.name.vi.startsWith('UBND thành phố')).toBe(u.id.startsWith('tp-'));
      }
    }
    expect(byId.get('bo-y-te')!.name.vi).toBe('Bộ Y tế');
    expect(byId.get('tinh-lao-cai')!.name).toEqual({ vi: 'UBND tỉnh Lào Cai', en: "Lao Cai Provincial People's Committee" });
    expect(byId.get('tp-ha-noi')!.name.vi).toBe('UBND thành phố Hà Nội');
  });

  describe('provinces and centrally-run cities', () => {
    it('are 63 in 2023 and until 2025-06-30, 34 from 2025-07-01 (Resolution 202/2025/QH15)', () => {
      expect(provincesOn('2023-06-30')).toHaveLength(63);
      expect(provincesOn('2025-06-30')).toHaveLength(63);
      expect(provincesOn('2025-07-01')).toHaveLength(34);
      expect(provincesOn('2026-01-01')).toHaveLength(34);
    });

    it('from 2025-07-01: the six cities and 28 provinces', () => {
      const now = provincesOn('2025-07-01');
      expect(now.filter((u) => u.id.startsWith('tp-')).map((u) => u.name.vi).sort()).toEqual(
        ['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Huế', 'Hồ Chí Minh', 'Đà Nẵng'].map((n) => `UBND thành phố ${n}`).sort(),
      );
      const provinces = now.filter((u) => u.id.startsWith('tinh-')).map((u) => u.name.vi.replace('UBND tỉnh ', ''));
      expect(provinces.sort()).toEqual(
        [
          'Tuyên Quang', 'Cao Bằng', 'Lai Châu', 'Lào Cai', 'Thái Nguyên', 'Điện Biên', 'Lạng Sơn', 'Sơn La', 'Phú Thọ', 'Bắc Ninh',
          'Quảng Ninh', 'Hưng Yên', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Trị', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa',
          'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
        ].sort(),
      );
    });

    it('keeps one entry, with no end, for the 11 units the 2025 merger left alone', () => {
      const unchanged = ['tp-ha-noi', 'tp-hue', 'tinh-lai-chau', 'tinh-dien-bien', 'tinh-son-la', 'tinh-lang-son', 'tinh-quang-ninh', 'tinh-thanh-hoa', 'tinh-nghe-an', 'tinh-ha-tinh', 'tinh-cao-bang'];
      for (const id of unchanged) {
        const u = byId.get(id)!;
        expect({ id, validFrom: u.validFrom, validTo: u.validTo, successor: u.successor }).toEqual({ id, validFrom: '2023-01-01', validTo: undefined, successor: undefined });
      }
      expect(provincesOn('2023-01-01').filter((u) => !u.validTo).map((u) => u.id).sort()).toEqual([...unchanged].sort());
    });

    it('merges the other 52 into the 23 new units as Resolution 202/2025/QH15 sets out', () => {
      const expected: Record<string, string[]> = {
        'tinh-tuyen-quang-2025': ['tinh-tuyen-quang', 'tinh-ha-giang'],
        'tinh-lao-cai-2025': ['tinh-lao-cai', 'tinh-yen-bai'],
        'tinh-thai-nguyen-2025': ['tinh-thai-nguyen', 'tinh-bac-kan'],
        'tinh-phu-tho-2025': ['tinh-phu-tho', 'tinh-vinh-phuc', 'tinh-hoa-binh'],
        'tinh-bac-ninh-2025': ['tinh-bac-ninh', 'tinh-bac-giang'],
        'tinh-hung-yen-2025': ['tinh-hung-yen', 'tinh-thai-binh'],
        'tp-hai-phong-2025': ['tp-hai-phong', 'tinh-hai-duong'],
        'tinh-ninh-binh-2025': ['tinh-ninh-binh', 'tinh-ha-nam', 'tinh-nam-dinh'],
        'tinh-quang-tri-2025': ['tinh-quang-tri', 'tinh-quang-binh'],
        'tp-da-nang-2025': ['tp-da-nang', 'tinh-quang-nam'],
        'tinh-quang-ngai-2025': ['tinh-quang-ngai', 'tinh-kon-tum'],
        'tinh-gia-lai-2025': ['tinh-gia-lai', 'tinh-binh-dinh'],
        'tinh-khanh-hoa-2025': ['tinh-khanh-hoa', 'tinh-ninh-thuan'],
        'tinh-lam-dong-2025': ['tinh-lam-dong', 'tinh-dak-nong', 'tinh-binh-thuan'],
        'tinh-dak-lak-2025': ['tinh-dak-lak', 'tinh-phu-yen'],
        'tp-ho-chi-minh-2025': ['tp-ho-chi-minh', 'tinh-binh-duong', 'tinh-ba-ria-vung-tau'],
        'tinh-dong-nai-2025': ['tinh-dong-nai', 'tinh-binh-phuoc'],
        'tinh-tay-ninh-2025': ['tinh-tay-ninh', 'tinh-long-an'],
        'tp-can-tho-2025': ['tp-can-tho', 'tinh-soc-trang', 'tinh-hau-giang'],
        'tinh-vinh-long-2025': ['tinh-vinh-long', 'tinh-ben-tre', 'tinh-tra-vinh'],
        'tinh-dong-thap-2025': ['tinh-dong-thap', 'tinh-tien-giang'],
        'tinh-ca-mau-2025': ['tinh-ca-mau', 'tinh-bac-lieu'],
        'tinh-an-giang-2025': ['tinh-an-giang', 'tinh-kien-giang'],
      };
      const actual: Record<string, string[]> = {};
      for (const u of units.filter((x) => x.kind === 'province' && x.successor)) {
        expect(u.validTo).toBe('2025-06-30');
        (actual[u.successor!] ??= []).push(u.id);
      }
      for (const k of Object.keys(actual)) actual[k]!.sort();
      expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [...v].sort()])));
      for (const id of Object.keys(expected)) expect(byId.get(id)!.validFrom).toBe('2025-07-01');
    });

    it('ask every province, old and new, for the same locally measured rows', () => {
      const provinceRows = ['1.1', '1.5', '2.1', '2.3', '2.4', '2.5', '2.7', '2.9', '2.11'];
      for (const u of units.filter((x) => x.kind === 'province')) expect({ id: u.id, fills: u.fills }).toEqual({ id: u.id, fills: provinceRows });
    });
  });

  describe('ministries and ministry-level agencies', () => {
    it('are 22 before the 2025-03-01 reorganisation and 17 after it', () => {
      expect(ministriesOn('2023-06-30')).toHaveLength(22);
      expect(ministriesOn('2024-06-30')).toHaveLength(22);
      expect(ministriesOn('2025-02-28')).toHaveLength(22);
      expect(ministriesOn('2025-03-01')).toHaveLength(17);
      expect(ministriesOn('2025-06-30')).toHaveLength(17);
      expect(ministriesOn('2024-06-30').filter((u) => u.kind === 'agency')).toHaveLength(4);
      expect(ministriesOn('2025-06-30').filter((u) => u.kind === 'agency')).toHaveLength(3);
    });

    it('hand the abolished ministries over as the 2025 reorganisation did', () => {
      const successors = Object.fromEntries(units.filter((u) => u.kind !== 'province' && u.successor).map((u) => [u.id, u.successor]));
      expect(successors).toEqual({
        'bo-ke-hoach-va-dau-tu': 'bo-tai-chinh',
        'bo-giao-thong-van-tai': 'bo-xay-dung',
        'bo-nong-nghiep-va-phat-trien-nong-thon': 'bo-nong-nghiep-va-moi-truong',
        'bo-tai-nguyen-va-moi-truong': 'bo-nong-nghiep-va-moi-truong',
        'bo-thong-tin-va-truyen-thong': 'bo-khoa-hoc-va-cong-nghe',
        'bo-lao-dong-thuong-binh-va-xa-hoi': 'bo-noi-vu',
        'uy-ban-dan-toc': 'bo-dan-toc-va-ton-giao',
      });
      for (const id of Object.keys(successors)) expect(byId.get(id)!.validTo).toBe('2025-02-28');
    });

    it('have the measuring agencies of Appendix 01 fill their indicators, before and after 2025', () => {
      const fills = (id: string, day = '2025-12-31') => fillsOn(byId.get(id)!, day);
      expect(fills('bo-tai-chinh', '2024-06-30')).toEqual(['1.2.OTHER']);
      expect(fills('bo-khoa-hoc-va-cong-nghe', '2024-06-30')).not.toContain('1.2.ICT');
      expect(fills('bo-ke-hoach-va-dau-tu')).toEqual(expect.arrayContaining(['1.1', '1.5', '1.6', '2.1', '2.5']));
      expect(fills('bo-tai-chinh')).toEqual(expect.arrayContaining(['1.1', '1.5', '1.6', '2.1', '2.5']));
      expect(fills('bo-thong-tin-va-truyen-thong')).toEqual(['1.2.ICT', '1.5', '2.3', '2.6', '2.7']);
      expect(fills('bo-khoa-hoc-va-cong-nghe')).toEqual(expect.arrayContaining(['1.2.ICT', '1.5', '2.3', '2.7']));
      expect(fills('bo-cong-thuong')).toEqual(expect.arrayContaining(['1.3', '1.4']));
      expect(fills('ngan-hang-nha-nuoc')).toEqual(expect.arrayContaining(['2.2']));
      expect(fills('bo-lao-dong-thuong-binh-va-xa-hoi')).toEqual(expect.arrayContaining(['2.4', '2.10']));
      expect(fills('bo-noi-vu')).toEqual(expect.arrayContaining(['2.4']));
      expect(fills('bo-y-te')).toEqual(expect.arrayContaining(['2.8', '2.9']));
      expect(fills('bo-giao-duc-va-dao-tao')).toEqual(expect.arrayContaining(['2.10', '2.11']));
      // Only the ICT ministry reports the ICT sector's share; ministries without an economic sector report no share.
      expect(units.filter((u) => fillsOn(u, u.validTo ?? '2025-12-31').includes('1.2.ICT')).map((u) => u.id).sort()).toEqual(['bo-khoa-hoc-va-cong-nghe', 'bo-thong-tin-va-truyen-thong']);
      for (const id of ['bo-quoc-phong', 'bo-ngoai-giao', 'thanh-tra-chinh-phu', 'van-phong-chinh-phu', 'bo-thong-tin-va-truyen-thong', 'bo-khoa-hoc-va-cong-nghe']) {
        expect(fills(id)).not.toContain('1.2.OTHER');
      }
      expect(units.filter((u) => u.kind === 'province' && u.fills.includes('1.2.OTHER'))).toEqual([]);
    });
  });

  describe('over time', () => {
    it('every successor is a different unit, valid the day after its predecessor ends', () => {
      for (const u of units.filter((x) => x.successor)) {
        const s = byId.get(u.successor!);
        expect(s).toBeDefined();
        expect(s!.id).not.toBe(u.id);
        expect({ unit: u.id, successor: s!.id, validNextDay: validOn(s!, nextDay(u.validTo!)) }).toEqual({ unit: u.id, successor: s!.id, validNextDay: true });
      }
    });

    // Every day on which the set of units changes, from 2023 to 2025, and the days around them.
    const checkDays = [...new Set(['2023-01-01', '2023-06-30', '2023-12-31', '2024-06-30', '2025-01-01', '2025-12-31',
      ...units.flatMap((u) => [u.validFrom, ...(u.validTo ? [u.validTo, nextDay(u.validTo)] : [])])])]
      .filter((d) => d >= '2023-01-01' && d <= '2025-12-31')
      .sort();

    it.each(checkDays)('every reporting row is filled by at least one unit valid on %s', (day) => {
      const filled = new Set(units.filter((u) => validOn(u, day)).flatMap((u) => fillsOn(u, day)));
      expect(ROW_IDS.filter((r) => !filled.has(r))).toEqual([]);
    });

    it('every row an ending unit filled is still filled by a unit valid the next day', () => {
      for (const u of units.filter((x) => x.validTo)) {
        const day = nextDay(u.validTo!);
        const filled = new Set(units.filter((x) => validOn(x, day)).flatMap((x) => fillsOn(x, day)));
        expect({ unit: u.id, orphaned: fillsOn(u, u.validTo!).filter((f) => !filled.has(f)) }).toEqual({ unit: u.id, orphaned: [] });
      }
    });
  });
});
