import ExcelJS from 'exceljs';
import catalogueJson from '../../../src/catalogue/catalogue.json';
import { Catalogue, type ReportingRow, type ReportingUnit } from '../../../src/catalogue/schema';
import { HEADER_NAMES, META_NAMES, NARRATIVE_NAMES, TABLE_COLUMNS, rowSourceName, tableCellName } from '../../../src/domain/cellContract';
import type { SheetPlan } from '../../../src/layout/plan';
import { returnPlan } from '../../../src/layout/returnPlan';
import { cellsOf } from '../../../src/workbook/xlsx/a1';
import { internals } from '../../../src/workbook/xlsx/internals';
import { readPlanProperties } from '../../../src/workbook/xlsx/properties';
import { renderPlanToWorkbook } from '../../../src/workbook/xlsx/renderPlan';
import type { NormalizedSheet } from '../../support/normalizedSheet';
import { readXlsxSheet } from '../../support/readXlsx';

// Parsed through the schema directly: rendering needs the catalogue, not the unit list.
const catalogue = Catalogue.parse(catalogueJson);
const rows: ReportingRow[] = catalogue.groups.flatMap((g) => g.indicators.flatMap((i) => i.rows));
const health: ReportingUnit = {
  id: 'bo-y-te', kind: 'ministry', name: { vi: 'Bộ Y tế', en: 'Ministry of Health' },
  validFrom: '2023-01-01', fills: ['1.2.OTHER', '2.8', '2.9', '2.10', '2.11'],
};

interface Rendered {
  plan: SheetPlan;
  bytes: Buffer;
  sheet: NormalizedSheet;
  /** The same bytes loaded with ExcelJS, for what NormalizedSheet leaves out. */
  worksheet: ExcelJS.Worksheet;
  workbook: ExcelJS.Workbook;
}

async function render(year: number, lang: 'vi' | 'en'): Promise<Rendered> {
  const plan = returnPlan({ catalogue, unit: health, year, lang });
  const out = new ExcelJS.Workbook();
  renderPlanToWorkbook(plan, out);
  const bytes = Buffer.from(await out.xlsx.writeBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { plan, bytes, sheet: await readXlsxSheet(bytes), worksheet: workbook.worksheets[0]!, workbook };
}

/** What Excel shows for a percentage format like "> "0% or 0.0%: enough to check the comparator reads right. */
function displayed(value: number, numFmt: string): string {
  const match = /^(?:"([^"]*)")?0(?:\.(0+))?%$/.exec(numFmt);
  if (!match) throw new Error(`not a percent format: ${numFmt}`);
  return `${match[1] ?? ''}${(value * 100).toFixed(match[2]?.length ?? 0)}%`;
}

const SYMBOL = { above: '> ', atLeast: '≥ ', reach: '' } as const;

let r2025: Rendered;
let r2023en: Rendered;
beforeAll(async () => {
  [r2025, r2023en] = await Promise.all([render(2025, 'vi'), render(2023, 'en')]);
});

describe('the ExcelJS rendering of the return, read back from its bytes', () => {
  it('defines every name of the cell contract, workbook-scoped, at the plan’s address', () => {
    for (const { plan, sheet } of [r2025, r2023en]) {
      const expected = [
        ...Object.values(HEADER_NAMES),
        ...rows.flatMap((r) => [...TABLE_COLUMNS.map((c) => tableCellName(r.id, c)), rowSourceName(r.id)]),
        ...Object.values(NARRATIVE_NAMES),
        ...Object.values(META_NAMES),
      ];
      expect(expected).toHaveLength(9 + 18 * 12 + 4 + 2);
      expect(Object.keys(sheet.names).sort()).toEqual([...expected].sort());
      expect(sheet.names).toEqual(Object.fromEntries(plan.names.map((n) => [n.name, n.address])));
    }
  });

  it('writes names as quoted references to the sheet, whose name has spaces and diacritics', () => {
    expect(r2025.sheet.sheetName).toBe('Phụ lục 01');
    expect(r2023en.sheet.sheetName).toBe('Appendix 01');
    const model = r2025.workbook.definedNames.model as { name: string; ranges: string[]; localSheetId?: number }[];
    const unitId = model.find((n) => n.name === 'CT_UNIT_ID')!;
    expect(unitId.ranges).toEqual([`'Phụ lục 01'!$${r2025.sheet.names.CT_UNIT_ID!.replace(/(\d+)$/, '$$$1')}`]);
    expect(unitId.localSheetId).toBeUndefined();
  });

  it('puts the catalogue’s targets in as numbers whose format shows the comparator', () => {
    for (const { plan, sheet } of [r2025, r2023en]) {
      const year = Number(plan.properties.chitieuYear);
      for (const row of rows) {
        for (const [column, y] of [['TY', year], ['T2025', catalogue.horizonYear]] as const) {
          const targets = row.targets[String(y)]!;
          const target = targets.variants[targets.applied]!;
          const cell = sheet.cells[sheet.names[tableCellName(row.id, column)]!]!;
          if (target.kind === 'text') {
            expect(cell.value).toBe(target.printed);
            continue;
          }
          expect([row.id, column, cell.value as number]).toEqual([row.id, column, expect.closeTo(target.value / 100, 12)]);
          // Shown as the catalogue writes the number, e.g. 15.5 → "15.5%", 50 above → "> 50%".
          expect(displayed(cell.value as number, cell.numberFormat)).toBe(`${SYMBOL[target.comparator]}${target.value}%`);
        }
      }
    }
    const t23 = r2025.sheet.cells[r2025.sheet.names.CT_2_3_T2025!]!;
    expect(t23.value).toBe(0.5);
    expect(displayed(0.5, t23.numberFormat)).toBe('> 50%');
  });

  it('fills the header cells and the version stamp', () => {
    const valueOf = (name: string) => r2025.sheet.cells[r2025.sheet.names[name]!]?.value;
    expect(valueOf(HEADER_NAMES.unitId)).toBe('bo-y-te');
    expect(valueOf(HEADER_NAMES.unitName)).toBe('Bộ Y tế');
    expect(valueOf(HEADER_NAMES.year)).toBe(2025);
    expect(valueOf(META_NAMES.catalogueVersion)).toBe(catalogue.catalogueVersion);
    expect(r2023en.sheet.cells[r2023en.sheet.names[HEADER_NAMES.unitName]!]!.value).toBe('Ministry of Health');
  });

  it('opens the input cells and only those; the sheet is protected without a password', () => {
    for (const { plan, sheet, worksheet } of [r2025, r2023en]) {
      const inputs = plan.cells.filter((c) => c.input).map((c) => c.address).sort();
      const unlocked = Object.entries(sheet.cells).filter(([, c]) => !c.locked).map(([a]) => a).sort();
      expect(unlocked).toEqual(inputs);
      for (const cell of plan.cells.filter((c) => !c.input)) {
        if (sheet.cells[cell.address]) expect([cell.address, sheet.cells[cell.address]!.locked]).toEqual([cell.address, true]);
      }
      expect(sheet.protected).toBe(true);
      const protection = internals(worksheet).sheetProtection!;
      expect(protection.hashValue).toBeUndefined();
      expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
      // Selecting locked and unlocked cells stays allowed (the file only records a refusal).
      expect(protection.selectLockedCells).not.toBe(false);
      expect(protection.selectUnlockedCells).not.toBe(false);
    }
  });

  it('merges exactly the plan’s ranges', () => {
    expect(r2025.sheet.merges).toEqual([...r2025.plan.merges].sort());
    expect(r2023en.sheet.merges).toEqual([...r2023en.plan.merges].sort());
  });

  it('sets up printing: A4 landscape, one page wide, header rows repeated, the plan’s area and margins', () => {
    const { plan, worksheet } = r2025;
    expect(worksheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: plan.print.titleRows,
      printArea: plan.print.printArea,
      horizontalCentered: true,
      margins: plan.print.margins,
    });
  });

  it('notes where Appendix 01 prints another 2025 target (2.8–2.11)', () => {
    for (const id of ['2.8', '2.9', '2.10', '2.11']) {
      const row = rows.find((r) => r.id === id)!;
      const appendix = row.targets[String(catalogue.horizonYear)]!.variants.appendix01!;
      const note = r2025.worksheet.getCell(r2025.sheet.names[tableCellName(id, 'T2025')]!).note;
      const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
      expect(text).toContain('Phụ lục 01');
      expect(text).toContain(appendix.printed);
    }
    const noted = r2025.plan.notes.map((n) => n.address).sort();
    const found = r2025.plan.cells.map((c) => c.address).filter((a) => r2025.worksheet.getCell(a).note).sort();
    expect(found).toEqual(noted);
  });

  it('gives every validated cell its prompt and its error alert', () => {
    const { plan, sheet, worksheet } = r2025;
    for (const v of plan.validations) {
      for (const address of cellsOf(v.address)) {
        expect(sheet.validationPrompts[address]).toBe(v.prompt.message);
        const dv = worksheet.getCell(address).dataValidation;
        expect(dv).toMatchObject({ showInputMessage: true, promptTitle: v.prompt.title, showErrorMessage: true, errorTitle: v.errorAlert.title, error: v.errorAlert.message });
        expect(dv.errorStyle ?? 'stop').toBe(v.errorAlert.style);
      }
    }
    const figure = worksheet.getCell(sheet.names.CT_2_8_Q1!).dataValidation;
    expect(figure).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1], errorStyle: 'warning' });
  });

  it('adds each conditional format as an expression rule with its fill', () => {
    const { plan, worksheet } = r2025;
    const rules = internals(worksheet).conditionalFormattings;
    expect(rules.map((r) => r.ref)).toEqual(plan.conditionalFormats.map((f) => f.address));
    rules.forEach((r, i) => {
      const rule = r.rules[0] as ExcelJS.ExpressionRuleType;
      expect(rule.type).toBe('expression');
      expect(rule.formulae).toEqual([plan.conditionalFormats[i]!.formula.replace(/^=/, '')]);
      expect(rule.style?.fill).toMatchObject({ bgColor: { argb: 'FF' + plan.conditionalFormats[i]!.fill!.slice(1).toUpperCase() } });
    });
  });

  it('draws the styles: fonts, fills, alignment, wrap, indent and thin borders', () => {
    const { plan, worksheet } = r2025;
    const byStyle = (name: string) => worksheet.getCell(plan.cells.find((c) => c.style === name)!.address);
    const header = byStyle('header');
    expect(header.font).toMatchObject({ bold: true, size: 10 });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(header.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(header.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(byStyle('subRowName').alignment).toMatchObject({ indent: 1, wrapText: true });
    expect(byStyle('subRowName').font).toMatchObject({ italic: true });
    expect(byStyle('marker').font).toMatchObject({ bold: true, color: { argb: 'FF9C5700' } });
    expect(byStyle('inputRequired').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(byStyle('inputOptional').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
  });

  it('sets column widths, row heights, the tab colour and the number formats of input cells', () => {
    const { plan, sheet, worksheet } = r2025;
    for (const { letter, width } of plan.columns) expect([letter, worksheet.getColumn(letter).width]).toEqual([letter, width]);
    for (const { row, height } of plan.rowHeights) expect([row, worksheet.getRow(row).height]).toEqual([row, height]);
    expect(worksheet.properties.tabColor).toEqual({ argb: 'FF1E7145' });
    expect(sheet.cells[sheet.names.CT_2_8_Q1!]).toEqual({ value: null, numberFormat: '0.00%', locked: false });
  });

  it('keeps the plan’s properties in the document description, as key=value lines', () => {
    expect(readPlanProperties(r2025.workbook)).toEqual(r2025.plan.properties);
  });

  it('refuses a sheet name with a quote, which ExcelJS would not write back correctly in names', () => {
    const plan = { ...r2025.plan, sheetName: "Bộ's return" };
    expect(() => renderPlanToWorkbook(plan, new ExcelJS.Workbook())).toThrow(/quote/);
  });
});
