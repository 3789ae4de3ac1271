import catalogueJson from '../../../src/catalogue/catalogue.json';
import { allIndicators, allRows, CatalogueError, loadCatalogue, parseCatalogue } from '../../../src/catalogue/load';

const clone = () => JSON.parse(JSON.stringify(catalogueJson));

describe('the bundled catalogue', () => {
  const catalogue = loadCatalogue();

  it('has the 17 indicators of Appendix 01 in two groups, and 1.2 split into its two sector rows', () => {
    expect(catalogue.groups.map((g) => g.id)).toEqual(['1', '2']);
    expect(allIndicators(catalogue).map((i) => i.id)).toEqual([
      '1.1', '1.2', '1.3', '1.4', '1.5', '1.6',
      '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
    ]);
    expect(allRows(catalogue)).toHaveLength(18);
    expect(allIndicators(catalogue).find((i) => i.id === '1.2')!.rows.map((r) => r.id)).toEqual(['1.2.ICT', '1.2.OTHER']);
  });

  it('keeps the Vietnamese names exactly as the form prints them', () => {
    const byId = new Map(allIndicators(catalogue).map((i) => [i.id, i.name.vi]));
    expect(byId.get('1.1')).toBe('Tỷ trọng kinh tế số trên GDP');
    expect(byId.get('2.8')).toBe('Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa');
  });

  it('every row has a target for every year and for 2025, and every row is a percentage', () => {
    for (const row of allRows(catalogue)) {
      expect(row.unit).toBe('percent');
      for (const y of [...catalogue.years, catalogue.horizonYear]) expect(row.targets[String(y)]).toBeDefined();
    }
  });

  it('keeps both 2025 targets of 2.8–2.11 where Appendix 01 disagrees with the Strategy, validating against the Strategy', () => {
    const expected: Record<string, [number, number]> = { '2.8': [30, 50], '2.9': [90, 50], '2.10': [80, 50], '2.11': [70, 50] };
    for (const row of allRows(catalogue).filter((r) => r.id in expected)) {
      const t = row.targets['2025']!;
      expect(t.applied).toBe('strategy411');
      const strategy = t.variants.strategy411!;
      const appendix = t.variants.appendix01!;
      expect(strategy.kind === 'value' && strategy.value).toBe(expected[row.id]![0]);
      expect(appendix.kind === 'value' && appendix.value).toBe(expected[row.id]![1]);
      expect(appendix.kind === 'value' && appendix.comparator).toBe('above');
    }
  });

  it('uses the figure Appendix 01 prints for 2023 where the plan only refers to a sector plan', () => {
    for (const [id, value] of [['1.3', 8], ['1.6', 3], ['2.2', 70], ['2.8', 10], ['2.9', 50], ['2.10', 40], ['2.11', 30]] as const) {
      const t = allRows(catalogue).find((r) => r.id === id)!.targets['2023']!;
      expect(t.applied).toBe('appendix01');
      const applied = t.variants.appendix01!;
      expect(applied.kind === 'value' && applied.value).toBe(value);
    }
  });

  it('reads the comparators from the words: "Trên" is strictly above, "Tối thiểu" at least, a bare value reach', () => {
    const t2025 = (id: string) => allRows(catalogue).find((r) => r.id === id)!.targets['2025']!;
    const comparator = (id: string) => {
      const t = t2025(id);
      const v = t.variants[t.applied]!;
      return v.kind === 'value' ? v.comparator : null;
    };
    expect(comparator('1.3')).toBe('above');
    expect(comparator('1.2.ICT')).toBe('atLeast');
    expect(comparator('2.1')).toBe('reach');
  });

  it('has the reporting calendar of the form: due before 05/4, 05/7, 05/10, 05/12; aggregated by the 10th; Q2 needs sections III and VI', () => {
    expect(catalogue.calendar.map((q) => q.dueBefore)).toEqual(['04-05', '07-05', '10-05', '12-05']);
    expect(catalogue.calendar.map((q) => q.aggregateBy)).toEqual(['04-10', '07-10', '10-10', '12-10']);
    expect(catalogue.calendar[1]!.requiredSections).toEqual(['trend', 'proposals']);
    expect(catalogue.calendar[0]!.months[0]).toEqual({ yearOffset: -1, month: 12 });
  });
});

describe('a damaged catalogue', () => {
  it('is refused with a message naming the file, the path and the problem', () => {
    const data = clone();
    data.groups[1].indicators[2].rows[0].targets['2025'].variants.strategy411.value = 150;
    expect(() => parseCatalogue(data, 'catalogue.json')).toThrow(CatalogueError);
    try {
      parseCatalogue(data, 'catalogue.json');
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('catalogue.json');
      expect(message).toContain('groups[1].indicators[2].rows[0].targets.2025.variants.strategy411.value');
      expect(message).toMatch(/100/);
    }
  });

  it('refuses an applied target that is not among the variants', () => {
    const data = clone();
    data.groups[0].indicators[0].rows[0].targets['2023'].applied = 'appendix01';
    expect(() => parseCatalogue(data)).toThrow(/applied target "appendix01" is not among the variants/);
  });

  it('refuses a row without a target for one of the years', () => {
    const data = clone();
    delete data.groups[0].indicators[3].rows[0].targets['2024'];
    expect(() => parseCatalogue(data)).toThrow(/row "1.4" has no target for 2024/);
  });

  it('refuses duplicate row ids and unknown fields', () => {
    const dup = clone();
    dup.groups[1].indicators[1].rows[0].id = '2.1';
    expect(() => parseCatalogue(dup)).toThrow(/duplicate row id "2.1"/);
    const extra = clone();
    extra.groups[0].indicators[0].rows[0].colour = 'red';
    expect(() => parseCatalogue(extra)).toThrow(/colour/);
  });
});
