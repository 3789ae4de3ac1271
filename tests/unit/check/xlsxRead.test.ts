import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { tableCellName } from '../../../src/domain/cellContract';
import { flagKey } from '../../../src/domain/flags';
import type { ReadResult, ReturnData } from '../../../src/domain/returnData';
import { queueReadReturn } from '../../../src/workbook/excel/check/readReturn';
import { CHECK_SHEET_NAME, layoutCheckSheet } from '../../../src/workbook/excel/check/checkSheet';
import { readReturnDataFast, readReturnFast } from '../../../src/workbook/xlsx/fastReturn';
import { editWorkbook, fakeReturn, filledReturnFile, MINISTRY, SHEET, typeFilled } from './fixtures';
import { writeReturnFile } from '../../../src/workbook/xlsx/returnFile';
import { rawValue } from '../../support/exceljsOracle/rawCell';

const ok = (r: ReadResult): ReturnData => {
  if (!r.ok) throw new Error(`not readable: ${JSON.stringify(r.problems)}`);
  return r.data;
};

/** The displayed text differs by design: ExcelJS does not apply number formats. */
const withoutText = (d: ReturnData) => JSON.parse(JSON.stringify(d, (k, v) => (k === 'text' ? undefined : v)));

describe('reading a return file (ExcelJS)', () => {
  it('reads what the Office.js reader reads from the same return', async () => {
    const host = await fakeReturn();
    typeFilled(host);
    const fromExcel = ok(await host.run(async (context) => {
      const read = queueReadReturn(context);
      await context.sync();
      return read();
    }));
    expect(host.syncCount).toBe(1);
    const fromFile = ok(await readReturnDataFast(await filledReturnFile()));
    expect(withoutText(fromFile)).toEqual(withoutText(fromExcel));
    expect(fromFile.table['2.8']!.Q1).toEqual({ value: 0.125, text: '0.125', numberFormat: '0.00%' });
    expect(fromFile.locations['CT_2_8_Q1']).toEqual({ sheet: SHEET, address: fromExcel.locations['CT_2_8_Q1']!.address });
  });

  it('maps every cell shape ExcelJS gives to what Excel would show', async () => {
    const date = new Date(Date.UTC(2025, 4, 1));
    const data = ok(
      await readReturnDataFast(
        await filledReturnFile(MINISTRY, 2025, {
          [tableCellName('1.1', 'Q1')]: { formula: '0.1+0.05', result: 0.15 },
          [tableCellName('1.1', 'Q2')]: { richText: [{ text: '14,' }, { text: '96%' }] },
          [tableCellName('1.1', 'Q3')]: { error: '#N/A' },
          [tableCellName('1.1', 'Q4')]: date,
          [tableCellName('1.1', 'Q1_INTL')]: { text: 'ITU 2023', hyperlink: 'https://itu.int' },
          [tableCellName('1.1', 'Q2_INTL')]: { formula: 'A1' },
          CT_CONTACT_NAME: '',
        }),
      ),
    );
    const row = data.table['1.1']!;
    expect(row.Q1!.value).toBe(0.15);
    expect(row.Q2!.value).toBe('14,96%');
    expect(row.Q3!.value).toBe('#N/A');
    // In a percent cell a date is stored as its serial number, as Excel stores it (and Office.js reads it).
    expect(row.Q4!.value).toBe(45778);
    expect(row.Q1_INTL!.value).toBe('ITU 2023');
    expect(row.Q2_INTL!.value).toBeNull();
    expect(data.contact.name.value).toBeNull();
  });

  it('keeps a Date where the cell is date-formatted', () => {
    const date = new Date(Date.UTC(2025, 4, 1));
    expect(rawValue(date)).toBe(date);
    expect(rawValue({ formula: 'TODAY()', result: date } as ExcelJS.CellValue)).toBe(date);
    expect(rawValue({ richText: [] } as ExcelJS.CellValue)).toBeNull();
  });

  it('finds the justifications on the file’s Kiểm tra sheet, laid out as the add-in writes it', async () => {
    const key = flagKey('figure.outOfRange', 'CT_2_8_Q2');
    const layout = layoutCheckSheet({
      flags: [{ rule: 'figure.outOfRange', severity: 'warning', indicator: '2.8', column: 'Q2', cellName: 'CT_2_8_Q2', cell: `'${SHEET}'!G40`, message: { vi: 'm', en: 'm' }, suggestion: { vi: 's', en: 's' }, key }],
      counts: { error: 0, warning: 1, info: 0 },
      checkedAt: '2025-04-02 09:05',
      lang: 'vi',
      justifications: { [key]: '- theo báo cáo của Sở' },
      earlier: new Map([['old.rule:CT_1_1_Q1', { key: 'old.rule:CT_1_1_Q1', severity: 'Lỗi', indicator: '1.1', cell: 'E30', message: 'x', suggestion: '', justification: 'giải trình cũ' }]]),
      locations: { CT_2_8_Q2: { sheet: SHEET, address: 'G40' } },
    });
    const bytes = await editWorkbook(await writeReturnFile({ unitId: MINISTRY, year: 2025, lang: 'vi' }), (wb) => {
      const sheet = wb.addWorksheet(CHECK_SHEET_NAME);
      layout.rows.forEach((row, i) => row.forEach((v, j) => (sheet.getCell(i + 1, j + 1).value = v.startsWith('=') ? { formula: v.slice(1) } : v || null)));
    });
    const data = ok(await readReturnDataFast(bytes));
    expect(data.justifications).toEqual({ [key]: '- theo báo cáo của Sở', 'old.rule:CT_1_1_Q1': 'giải trình cũ' });
  });
});

async function withWorkbookXml(bytes: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('xl/workbook.xml', edit(await zip.file('xl/workbook.xml')!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer' });
}

const setName = (xml: string, name: string, target: string) => xml.replace(new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*`), `$1${target}`);

describe('a damaged or foreign file gives the problems the add-in would report', () => {
  let blank: Buffer;
  beforeAll(async () => {
    blank = await writeReturnFile({ unitId: MINISTRY, year: 2025, lang: 'vi' });
  });

  it('an .xlsx that holds no return', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    expect(await readReturnDataFast(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual({ ok: false, problems: [{ kind: 'notAReturn' }] });
  });

  it('bytes that are no .xlsx at all: a sentence to show, in both languages', () => {
    const read = readReturnFast(Buffer.from('not a spreadsheet'));
    expect(read.result.ok).toBe(false);
    expect(read.damaged?.vi).toMatch(/^Không phải tệp Excel \.xlsx/);
    expect(read.damaged?.en).toMatch(/^Not an Excel \.xlsx file/);
  });

  it('the return sheet deleted', async () => {
    const bytes = await editWorkbook(blank, (wb) => {
      wb.addWorksheet('Sheet2');
      wb.removeWorksheet(wb.getWorksheet(SHEET)!.id);
    });
    const result = await readReturnDataFast(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(new Set(result.problems.map((p) => p.kind))).toEqual(new Set(['sheetMissing']));
  });

  it('a name pointing to #REF!, a name over a range, a name deleted', async () => {
    const bytes = await withWorkbookXml(blank, (xml) => {
      let out = setName(xml, 'CT_2_8_Q1', '#REF!$E$30');
      out = setName(out, 'CT_2_8_Q2', `&apos;${SHEET}&apos;!$E$30:$F$31`);
      return out.replace(/<definedName name="CT_2_9_Q1"[^>]*>[^<]*<\/definedName>/, '');
    });
    const result = await readReturnDataFast(bytes);
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { kind: 'sheetMissing', name: 'CT_2_8_Q1' },
        { kind: 'wrongPlace', name: 'CT_2_8_Q2', detail: 'range:E30:F31' },
        { kind: 'missingName', name: 'CT_2_9_Q1' },
      ]),
    });
    if (!result.ok) expect(result.problems).toHaveLength(3);
  });

  it('a name moved to another sheet', async () => {
    const bytes = await editWorkbook(blank, (wb) => {
      wb.addWorksheet('Sheet2');
      const model = wb.definedNames.model as { name: string; ranges: string[] }[];
      wb.definedNames.model = model.map((d) => (d.name === 'CT_YEAR' ? { ...d, ranges: ['Sheet2!$B$3'] } : d)) as never;
    });
    expect(await readReturnDataFast(bytes)).toEqual({ ok: false, problems: [{ kind: 'wrongPlace', name: 'CT_YEAR', detail: 'sheet:Sheet2!B3' }] });
  });

  it('a return made before the source column still reads (its sources are simply absent)', async () => {
    const bytes = await editWorkbook(blank, (wb) => {
      const model = wb.definedNames.model as { name: string; ranges: string[] }[];
      wb.definedNames.model = model.filter((d) => !d.name.endsWith('_SOURCE')) as never;
    });
    const data = ok(await readReturnDataFast(bytes));
    expect(data.sources).toEqual({});
  });
});
