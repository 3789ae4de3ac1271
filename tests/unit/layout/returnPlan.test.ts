import catalogueJson from '../../../src/catalogue/catalogue.json';
import { allRows, parseCatalogue } from '../../../src/catalogue/load';
import type { ReportingUnit } from '../../../src/catalogue/schema';
import { HEADER_NAMES, META_NAMES, NARRATIVE_NAMES, TABLE_COLUMNS, rowSourceName, tableCellName } from '../../../src/domain/cellContract';
import { returnPlan } from '../../../src/layout/returnPlan';
import { UserFacingError } from '../../../src/workbook/port';
import { TEXT_LIMITS } from '../../../src/domain/payload/limits';

const catalogue = parseCatalogue(catalogueJson);
const health: ReportingUnit = {
  id: 'bo-y-te', kind: 'ministry', name: { vi: 'Bộ Y tế', en: 'Ministry of Health' },
  validFrom: '2023-01-01', fills: ['1.2.OTHER', '2.8', '2.9'],
};

const plan = returnPlan({ catalogue, unit: health, year: 2023, lang: 'vi' });
const cellAt = (address: string) => plan.cells.find((c) => c.address === address);
const nameAt = (name: string) => plan.names.find((n) => n.name === name)?.address;
const valueOf = (name: string) => cellAt(nameAt(name)!)?.value;

describe('the return plan', () => {
  it('never lets Excel accept a text longer than the payload carries (each input limit ≤ its payload bound)', () => {
    const limitOf = (name: string): number | undefined => {
      const contact = Object.entries(HEADER_NAMES).find(([, n]) => n === name)?.[0];
      if (contact?.startsWith('contact')) return TEXT_LIMITS.contact[contact.slice(7).toLowerCase() as keyof typeof TEXT_LIMITS.contact];
      if (Object.values(NARRATIVE_NAMES).includes(name as never)) return TEXT_LIMITS.section;
      if (name.endsWith('_SOURCE')) return TEXT_LIMITS.rowSource;
      if (name.endsWith('_INTL')) return TEXT_LIMITS.comparison;
      return undefined;
    };
    const checked = plan.validations.flatMap((v) => {
      if (v.rule.type !== 'textLength') return [];
      const named = plan.names.filter((n) => v.address.split(/[ ,]/).some((a) => a === n.address || a.split(':')[0] === n.address));
      return named.map((n) => ({ name: n.name, max: v.rule.type === 'textLength' ? v.rule.max : 0, bound: limitOf(n.name) }));
    });
    expect(checked.length).toBeGreaterThan(5);
    expect(checked.filter((c) => c.bound === undefined || c.max > c.bound)).toEqual([]);
  });

  it('defines every name of the cell contract exactly once, each on its own cell', () => {
    const expected = [
      ...Object.values(HEADER_NAMES),
      ...allRows(catalogue).flatMap((r) => [...TABLE_COLUMNS.map((c) => tableCellName(r.id, c)), rowSourceName(r.id)]),
      ...Object.values(NARRATIVE_NAMES),
      ...Object.values(META_NAMES),
    ];
    expect(plan.names.map((n) => n.name).sort()).toEqual([...expected].sort());
    expect(expected).toHaveLength(9 + 18 * 12 + 4 + 2);
    expect(new Set(plan.names.map((n) => n.address)).size).toBe(plan.names.length);
  });

  it('prints the form title, the table header of the chosen year and the 2025 target column', () => {
    const texts = plan.cells.map((c) => c.value);
    expect(texts).toContain('PHỤ LỤC 01');
    expect(texts).toContain('Năm 2023');
    expect(texts).toContain('Mục tiêu 2023');
    expect(texts).toContain('Mục tiêu 2025');
    expect(texts).toContain('Quý IV');
    expect(texts.filter((t) => t === 'So sánh quốc tế (có thể gần tương đương)')).toHaveLength(5);
    expect(plan.print.printArea.startsWith('A1:O')).toBe(true);
  });

  it('fills the unit, the year and the versions, and leaves the focal point for the unit', () => {
    expect(valueOf(HEADER_NAMES.unitId)).toBe('bo-y-te');
    expect(valueOf(HEADER_NAMES.unitName)).toBe('Bộ Y tế');
    expect(valueOf(HEADER_NAMES.year)).toBe(2023);
    expect(valueOf(HEADER_NAMES.contactEmail)).toBeNull();
    expect(cellAt(nameAt(HEADER_NAMES.contactEmail)!)!.input).toBe(true);
    expect(cellAt(nameAt(HEADER_NAMES.unitId)!)!.input).toBeFalsy();
    expect(valueOf(META_NAMES.catalogueVersion)).toBe(catalogue.catalogueVersion);
  });

  it('puts the targets in as numbers whose format carries the comparator', () => {
    expect(valueOf('CT_1_1_TY')).toBeCloseTo(0.155, 10);
    expect(cellAt(nameAt('CT_1_1_TY')!)!.numberFormat).toBe('0.0%');
    expect(valueOf('CT_2_3_T2025')).toBe(0.5);
    expect(cellAt(nameAt('CT_2_3_T2025')!)!.numberFormat).toBe('"> "0%');
    expect(cellAt(nameAt('CT_1_2_ICT_T2025')!)!.numberFormat).toBe('"≥ "0%');
    expect(valueOf('CT_1_2_OTHER_TY')).toBe('Theo Kế hoạch của ngành, lĩnh vực');
  });

  it('makes figure and comparison cells inputs with a percent format, and leaves targets locked', () => {
    for (const row of allRows(catalogue)) {
      for (const col of TABLE_COLUMNS) {
        const cell = cellAt(nameAt(tableCellName(row.id, col))!)!;
        const isTarget = col === 'TY' || col === 'T2025';
        expect([row.id, col, Boolean(cell.input)]).toEqual([row.id, col, !isTarget]);
        if (/^Q\d$/.test(col)) expect(cell.numberFormat).toBe('0.00%');
      }
    }
  });

  it('marks the rows the unit must fill and only those', () => {
    const required = plan.cells.filter((c) => c.value === '● Bắt buộc').map((c) => Number(c.address.slice(1)));
    const requiredRows = required.map((row) => plan.names.find((n) => n.address === `E${row}`)!.name);
    expect(requiredRows.sort()).toEqual(['CT_1_2_OTHER_Q1', 'CT_2_8_Q1', 'CT_2_9_Q1']);
    expect(cellAt(nameAt('CT_2_8_Q2')!)!.style).toBe('inputRequired');
    expect(cellAt(nameAt('CT_1_1_Q2')!)!.style).toBe('inputOptional');
  });

  it('gives every figure cell an input message naming the indicator and its targets, within Excel\'s limits', () => {
    const prompt = plan.validations.find((v) => v.address === nameAt('CT_2_8_Q1'))!.prompt;
    // The sheet's STT, as column A prints it; a sector line too, never its contract id.
    expect(prompt.title).toMatch(/^2,8 /);
    expect(plan.validations.find((v) => v.address === nameAt('CT_1_2_OTHER_Q1'))!.prompt.title).toMatch(/^1,2 Các ngành/);
    expect(prompt.message).toContain('Mục tiêu 2023: 10%');
    expect(prompt.message).toContain('Mục tiêu 2025: > 30%');
    for (const v of plan.validations) {
      expect(v.prompt.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt.message.length).toBeLessThanOrEqual(255);
    }
    const intl = plan.validations.find((v) => v.address === nameAt('CT_2_2_Q1_INTL'))!.prompt.message;
    expect(intl).toContain('FX.OWN.TOTL.ZS');
  });

  it('notes where Appendix 01 prints a different 2025 target from the Strategy, on the cell and below the table', () => {
    const note = plan.notes.find((n) => n.address === nameAt('CT_2_9_T2025'))!;
    expect(note.text).toContain('Phụ lục 01 ghi "> 50%"');
    expect(note.text).toContain('Kiểm tra dùng "90%"');
    expect(plan.notes.find((n) => n.address === nameAt('CT_2_1_T2025'))).toBeUndefined();
    expect(plan.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('(') && c.value.includes(note.text))).toBe(true);
  });

  it('lays out a year whose target is also the 2025 target, and refuses a year without targets', () => {
    const p2025 = returnPlan({ catalogue, unit: health, year: 2025, lang: 'en' });
    expect(p2025.cells.map((c) => c.value)).toContain('Year 2025');
    expect(p2025.sheetName).toBe('Appendix 01');
    expect(() => returnPlan({ catalogue, unit: health, year: 2026, lang: 'vi' })).toThrow(UserFacingError);
    try {
      returnPlan({ catalogue, unit: health, year: 2026, lang: 'vi' });
    } catch (e) {
      expect((e as UserFacingError).messages.vi).toContain('2026');
      expect((e as UserFacingError).messages.en).toContain('2023, 2024, 2025');
    }
  });

  it('repeats the two header rows when printed and fits the 15 columns on one page width', () => {
    const header = plan.cells.find((c) => c.value === 'STT')!;
    const row = Number(header.address.slice(1));
    expect(plan.print.titleRows).toBe(`${row}:${row + 1}`);
    expect(plan.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToPagesWide: 1 });
    expect(plan.merges).toContain(`E${row}:M${row}`);
    expect(plan.protect).toBe(true);
  });

  it('uses only styles it defines, and never writes one cell twice', () => {
    for (const c of plan.cells) if (c.style) expect(plan.styles).toHaveProperty(c.style);
    const seen = new Set<string>();
    for (const c of plan.cells) {
      expect(seen.has(c.address)).toBe(false);
      seen.add(c.address);
    }
  });
});
