/**
 * The reader of returns (fflate + a small XML scan) against ExcelJS as an oracle: it gives what
 * ExcelJS gives for every cell shape a return meets — numbers, percent and provisional formats,
 * text figures, rich text, formulas, errors, dates, booleans, empty cells — for damaged names, and
 * for the check sheet's justifications and the receipt; except where the cell contract reads
 * differently on purpose (asContract below, and the cells named in each test); and it never
 * throws on bytes that are not a workbook.
 */
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { tableCellName } from '../../../src/domain/cellContract';
import { flagKey } from '../../../src/domain/flags';
import { validateReturn } from '../../../src/domain/validate/validateReturn';
import { receiptPlan } from '../../../src/layout/receiptPlan';
import { CHECK_SHEET_NAME } from '../../../src/workbook/excel/check/checkSheet';
import { readReturnData } from '../../support/exceljsOracle/readReturnData';
import { readReturnDataFast, readReturnFast } from '../../../src/workbook/xlsx/fastReturn';
import { decodeXml } from '../../../src/workbook/xlsx/xlsxXml';
import { withReceiptSheet } from '../../../src/workbook/xlsx/receipt';
import type { RawCell, ReadResult } from '../../../src/domain/returnData';
import { fileInput } from '../../../src/summary/fromFiles';
import { buildPayload } from '../../../src/domain/payload/buildPayload';
import { createHash } from 'node:crypto';
import { uuidFromDigest } from '../../../src/submit/contentId';
import { CLEAN, FILLED, MINISTRY, editWorkbook, filledReturnFile, stored } from '../check/fixtures';
import { filledReturn } from '../../../scripts/lib/filledReturns';

const catalogue = loadCatalogue();
const units = loadUnits();

/** A cell as the contract reads it where ExcelJS differs in its text only: TRUE/FALSE, a date's ISO day (not Date#toString), an error's code. */
function contractText(cell: RawCell): RawCell {
  if (cell.value instanceof Date) return { ...cell, text: cell.value.toISOString().slice(0, 10) };
  if (typeof cell.value === 'boolean') return { ...cell, text: cell.value ? 'TRUE' : 'FALSE' };
  // A formula's error result: ExcelJS's text is the error object's toString.
  if (cell.text === '[object Object]') return { ...cell, text: String(cell.value) };
  return cell;
}

/** The oracle's reading with contractText applied to every cell, and the cells `differ` names left out (they are checked apart). */
function asContract(read: ReadResult, differ: readonly string[] = []): ReadResult {
  if (!read.ok) return read;
  // A copy that keeps Dates as they are (structuredClone makes them in another realm than jest's).
  const copy = <T>(v: T): T =>
    v && typeof v === 'object' && !(v instanceof Date) ? (Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) as T) : v;
  const d = copy(read.data);
  const fix = (cell: RawCell | undefined) => (cell ? contractText(cell) : cell);
  for (const key of ['unitId', 'unitName', 'year', 'quarter', 'templateVersion', 'catalogueVersion'] as const) d[key] = fix(d[key])!;
  for (const key of Object.keys(d.contact) as (keyof typeof d.contact)[]) d.contact[key] = fix(d.contact[key])!;
  for (const key of Object.keys(d.narrative) as (keyof typeof d.narrative)[]) d.narrative[key] = fix(d.narrative[key])!;
  for (const row of Object.values(d.sources)) Object.assign(row, fix(row));
  for (const [rowId, row] of Object.entries(d.table)) {
    for (const column of Object.keys(row) as (keyof typeof row)[]) {
      if (differ.includes(tableCellName(rowId, column))) delete row[column];
      else row[column] = fix(row[column]);
    }
  }
  if (differ.includes('CT_CONTACT_PHONE')) d.contact.phone = { value: 'differs' };
  return { ok: true, data: d };
}

async function expectSameRead(bytes: Buffer, differ: readonly string[] = []): Promise<void> {
  const slow = await readReturnData(bytes, catalogue);
  const fast = readReturnDataFast(bytes, catalogue);
  expect(asContract(fast, differ)).toStrictEqual(asContract(slow, differ));
  // The stronger check: the same flags and assessment, whichever reader read it.
  if (slow.ok && fast.ok && !differ.length) {
    expect(validateReturn(fast.data, { catalogue, units })).toStrictEqual(validateReturn(slow.data, { catalogue, units }));
  }
}

const Q1 = (row: string) => tableCellName(row, 'Q1');
const Q2 = (row: string) => tableCellName(row, 'Q2');

describe('fastReturn: the same ReadResult as the ExcelJS reader', () => {
  it('reads the test fixtures (filled with errors, and clean)', async () => {
    await expectSameRead(await filledReturnFile());
    await expectSameRead(await filledReturnFile(MINISTRY, 2025, stored(CLEAN)));
    await expectSameRead(await filledReturnFile(MINISTRY, 2025, stored(FILLED)));
  });

  it('reads generated returns of several units (numbers, comparisons, sections)', async () => {
    for (const [i, unit] of ['bo-tai-chinh', 'tinh-an-giang', 'bo-y-te', 'bo-cong-thuong'].entries()) {
      if (!units.units.some((u) => u.id === unit)) continue;
      await expectSameRead(await filledReturn(unit, { year: 2025, quarter: 2, seed: i }));
    }
  });

  it('a provisional format given to one figure of a generated return marks that figure only (cells share loaded styles)', async () => {
    const bytes = await filledReturn('bo-tai-chinh', { year: 2025, quarter: 2, seed: 1, formats: { [Q2('2.8')]: '0.00%" (ước)"' } });
    const read = readReturnDataFast(bytes, catalogue);
    if (!read.ok) throw new Error('not readable');
    const provisional = Object.entries(read.data.table).flatMap(([row, cells]) =>
      Object.entries(cells).filter(([, cell]) => String(cell?.numberFormat).includes('ước')).map(([column]) => tableCellName(row, column as 'Q2')),
    );
    expect(provisional).toEqual([Q2('2.8')]);
  });

  it('reads every cell shape: formulas, rich text, errors, dates, booleans, text figures, provisional formats, entities', async () => {
    const date = new Date(Date.UTC(2025, 4, 1));
    const bytes = await filledReturnFile(MINISTRY, 2025, {
      ...stored(CLEAN),
      [Q2('1.1')]: { formula: '0.1+0.05', result: 0.15 },
      [Q1('1.1')]: { richText: [{ text: '14,' }, { font: { bold: true }, text: '96%' }] },
      [Q2('1.2.OTHER')]: { error: '#N/A' },
      [tableCellName('1.1', 'Q3')]: date,
      [tableCellName('1.1', 'Q4')]: { formula: 'A1' },
      [tableCellName('1.1', 'Q1_INTL')]: { text: 'ITU 2023', hyperlink: 'https://itu.int' },
      [tableCellName('1.1', 'Q2_INTL')]: 'Thái Lan <20%> & "OECD" 35%',
      [tableCellName('1.1', 'Q3_INTL')]: true,
      [tableCellName('1.1', 'TY_INTL')]: { formula: 'IF(1,"ước ~6%","")', result: 'ước ~6%' },
      [Q2('2.8')]: '15,50% (ước)',
      [Q2('2.9')]: '- (chưa điều tra)',
      CT_CONTACT_NAME: '',
      CT_CONTACT_TITLE: { formula: '1=1', result: true },
      CT_CONTACT_ORG: { formula: 'NA()', result: { error: '#N/A' } },
      CT_CONTACT_PHONE: { formula: '0', result: 0 },
      [tableCellName('2.9', 'Q1_INTL')]: { formula: '1=2', result: false },
      CT_TREND: 'Dòng 1\r\nDòng 2 _x000D_ giữ nguyên\rhết',
    });
    const provisional = await editWorkbook(bytes, (wb) => {
      const sheet = wb.worksheets[0]!;
      const names = wb.definedNames.model as { name: string; ranges: string[] }[];
      const at = (name: string) => names.find((n) => n.name === name)!.ranges[0]!.split('!')[1]!.replace(/\$/g, '');
      // A style of its own for each cell: ExcelJS shares a loaded style between cells.
      const format = (name: string, numFmt: string, value?: ExcelJS.CellValue) => {
        const cell = sheet.getCell(at(name));
        cell.style = { ...cell.style, numFmt };
        if (value !== undefined) cell.value = value;
      };
      format(Q1('2.8'), '0.00%" (ước)"');
      format(Q1('2.9'), '0.0%" (tạm ước tính)"');
      format(tableCellName('2.9', 'Q3'), 'dd/mm/yyyy', 45778);
      format(tableCellName('2.8', 'Q3'), '0', 0.5);
    });
    // ExcelJS loses a cached 0 or FALSE (the formula reads as having no result) and reads a formula
    // without a result as empty; the contract reads 0, FALSE, and "uncalculated".
    const differ = [tableCellName('1.1', 'Q4'), tableCellName('2.9', 'Q1_INTL'), 'CT_CONTACT_PHONE'];
    await expectSameRead(bytes, differ);
    await expectSameRead(provisional, differ);
    const fast = readReturnDataFast(provisional, catalogue);
    if (!fast.ok) throw new Error('not readable');
    expect(fast.data.contact.phone).toStrictEqual({ value: 0, text: '0', numberFormat: 'General' });
    expect(fast.data.table['2.9']!.Q1_INTL).toStrictEqual({ value: false, text: 'FALSE', numberFormat: 'General' });
    expect(fast.data.table['1.1']!.Q4).toMatchObject({ value: null, uncalculated: true });
    expect(fast.data.table['2.9']!.Q3!.text).toBe('2025-05-01');
    expect(fast.data.table['2.8']!.Q1!.numberFormat).toBe('0.00%" (ước)"');
    expect(fast.data.table['2.9']!.Q3!.value).toEqual(new Date(Date.UTC(2025, 4, 1)));
    expect(fast.data.table['1.1']!.Q1!.value).toBe('14,96%');
    expect(fast.data.table['1.1']!.Q2_INTL!.value).toBe('Thái Lan <20%> & "OECD" 35%');
  });

  it('reads damaged names as the ExcelJS reader does (missing, #REF!, another sheet, a range, a constant)', async () => {
    const base = await filledReturnFile(MINISTRY, 2025, stored(CLEAN));
    const edits: ((wb: ExcelJS.Workbook) => void)[] = [
      (wb) => wb.definedNames.remove(`'${wb.worksheets[0]!.name}'!$A$1`, 'CT_UNIT_ID'),
      (wb) => {
        const names = wb.definedNames.model as { name: string; ranges: string[] }[];
        wb.definedNames.model = names.map((n) => (n.name === Q1('2.8') ? { name: n.name, ranges: [`Khác!$A$1`] } : n));
        wb.addWorksheet('Khác');
      },
      (wb) => {
        const names = wb.definedNames.model as { name: string; ranges: string[] }[];
        wb.definedNames.model = names.map((n) => (n.name === Q1('2.8') ? { name: n.name, ranges: [n.ranges[0]!.replace(/\$(\d+)$/, '$$$1:$$H$$$1')] } : n));
      },
      (wb) => {
        const names = wb.definedNames.model as { name: string; ranges: string[] }[];
        wb.definedNames.model = names.filter((n) => !n.name.startsWith('CT_2_8'));
      },
    ];
    for (const edit of edits) await expectSameRead(await editWorkbook(base, edit));
    // Names Excel writes that ExcelJS cannot write: #REF!, a constant, a formula, two areas.
    const { unzipSync, strFromU8 } = await import('fflate');
    for (const replacement of ['#REF!', "'Phụ lục 01'!#REF!", '"hằng số"', "SUM('Phụ lục 01'!$E$30:$E$31)", "'Phụ lục 01'!$E$30,'Phụ lục 01'!$E$32", '#REF!$E$30']) {
      const files = unzipSync(base);
      const xml = strFromU8(files['xl/workbook.xml']!);
      files['xl/workbook.xml'] = strToU8(xml.replace(/(<definedName name="CT_2_8_Q1"[^>]*>)[^<]*(<\/definedName>)/, (_, a: string, b: string) => `${a}${replacement.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}${b}`));
      const bytes = Buffer.from(zipSync(files));
      // ExcelJS drops a name that is only "#REF!" or "'Sheet'!#REF!"; Excel keeps it, broken, as the add-in then reads it.
      if (replacement.endsWith('#REF!')) expect(readReturnDataFast(bytes, catalogue)).toStrictEqual({ ok: false, problems: [{ kind: 'sheetMissing', name: 'CT_2_8_Q1' }] });
      // A constant or a formula: ExcelJS drops the name; Excel keeps it, pointing at no cell.
      else if (replacement.startsWith('"') || replacement.startsWith('SUM(')) {
        expect(readReturnDataFast(bytes, catalogue)).toStrictEqual({ ok: false, problems: [{ kind: 'brokenName', name: 'CT_2_8_Q1', detail: replacement }] });
      } else await expectSameRead(bytes);
    }
  });

  it('files of one template share the workbook part’s reading, and a file whose part differs by one name is read as itself', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const base = Buffer.from(zipSync(unzipSync(await filledReturnFile(MINISTRY, 2025, stored(CLEAN)))));
    const files = unzipSync(base);
    const xml = strFromU8(files['xl/workbook.xml']!);
    // CT_2_8_Q1 moved onto CT_2_8_Q2's cell: the same size of part, another reading.
    const q2 = /<definedName name="CT_2_8_Q2"[^>]*>([^<]*)<\/definedName>/.exec(xml)![1]!;
    files['xl/workbook.xml'] = strToU8(xml.replace(/(<definedName name="CT_2_8_Q1"[^>]*>)[^<]*(<\/definedName>)/, (_, a: string, b: string) => `${a}${q2}${b}`));
    const moved = Buffer.from(zipSync(files));

    const first = readReturnDataFast(base, catalogue);
    const other = readReturnDataFast(moved, catalogue);
    const again = readReturnDataFast(base, catalogue);
    expect(again).toStrictEqual(first);
    expect(asContract(other)).toStrictEqual(asContract(await readReturnData(moved, catalogue)));
    expect(other).not.toStrictEqual(first);
    // Reading one file never changes what the next file of the template reads (the shared part is not written to).
    expect(readReturnDataFast(moved, catalogue)).toStrictEqual(other);
  });

  it('finds the check sheet’s justifications and the receipt time', async () => {
    const key = flagKey('target.behindPath', Q1('2.8'));
    const withCheck = await editWorkbook(await filledReturnFile(MINISTRY, 2025, stored(CLEAN)), (wb) => {
      const sheet = wb.addWorksheet(CHECK_SHEET_NAME);
      sheet.getCell('A1').value = 'Kết quả kiểm tra';
      sheet.getCell('F6').value = 'Đang triển khai & sẽ bổ sung';
      sheet.getCell('G6').value = key;
      sheet.getCell('F7').value = { richText: [{ text: 'giải ' }, { text: 'trình' }] };
      sheet.getCell('G7').value = 'old.rule:CT_1_1_Q1';
      sheet.getCell('G8').value = 'not a key';
    });
    await expectSameRead(withCheck);
    const fast = readReturnDataFast(withCheck, catalogue);
    expect(fast.ok && fast.data.justifications).toEqual({ [key]: 'Đang triển khai & sẽ bổ sung', 'old.rule:CT_1_1_Q1': 'giải trình' });

    const receivedAt = '2025-07-05T08:30:00.000Z';
    const receipt = { receiptNumber: 'CT-2025-Q1-bo-y-te-v1', returnId: 'bo-y-te.2025.q1', submissionId: '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f', unitId: MINISTRY, year: 2025, quarter: 1, version: 1, receivedAt, created: true };
    const withReceipt = await withReceiptSheet(withCheck, receiptPlan({ status: 'accepted', receipt, unitName: 'Bộ Y tế' }, 'vi'));
    await expectSameRead(withReceipt);
    expect(readReturnFast(withReceipt, catalogue).receivedAt).toBe(receivedAt);
    expect(readReturnFast(withCheck, catalogue).receivedAt).toBeNull();
  });

  it('builds the same payload as `chitieu submit` would from the ExcelJS reading', async () => {
    const bytes = await filledReturn('bo-tai-chinh', { year: 2025, quarter: 2, seed: 3 });
    const slow = await readReturnData(bytes, catalogue);
    if (!slow.ok) throw new Error('not readable');
    const check = validateReturn(slow.data, { catalogue, units });
    const built = buildPayload(slow.data, check, { submissionId: '00000000-0000-4000-8000-000000000000', submittedAt: '2025-07-01T00:00:00.000Z', quarter: check.quarter! });
    const fromFile = fileInput(bytes, 'a.xlsx', { catalogue, units, fallbackSubmittedAt: '2025-07-01T00:00:00.000Z' });
    // The id only orders inputs in a summary: the file's own hash, shaped as a UUID v4.
    const { submissionId, ...payload } = fromFile.input!.payload;
    const { submissionId: _placeholder, ...expected } = built;
    expect(payload).toStrictEqual(expected);
    expect(submissionId).toBe(uuidFromDigest(createHash('sha256').update(bytes).digest()));
    expect(submissionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fromFile.input?.source).toEqual({ kind: 'file', file: 'a.xlsx', receivedAt: null });
  });

  it('never throws: a truncated zip, a text file, random bytes, an empty file, a zip that is no workbook, a workbook that is no return', async () => {
    const good = await filledReturnFile(MINISTRY, 2025, stored(CLEAN));
    const otherZip = Buffer.from(zipSync({ 'a.txt': strToU8('hello') }));
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 42;
    const notReturn = Buffer.from(await plain.xlsx.writeBuffer());
    const cases: [string, Uint8Array, boolean][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2)), true],
      ['cut at the end', good.subarray(0, good.length - 10), true],
      ['text', Buffer.from('this is not a workbook\n'), true],
      ['random', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251), true],
      ['empty', new Uint8Array(0), true],
      ['zip without workbook', otherZip, true],
      ['workbook, no return', notReturn, false],
    ];
    for (const [label, bytes, damaged] of cases) {
      const read = readReturnFast(bytes, catalogue);
      expect({ label, ok: read.result.ok, damaged: Boolean(read.damaged) }).toEqual({ label, ok: false, damaged });
    }
    const notReturnRead = readReturnFast(notReturn, catalogue).result;
    expect(notReturnRead).toStrictEqual(await readReturnData(notReturn, catalogue));
  });
});

describe('fastReturn: text as a browser decodes it', () => {
  // WHATWG's windows-1252 index for 0x80–0x9F (what a browser's TextDecoder("latin1") gives there;
  // Node's gives the bytes' own code points). 0 = undefined there: the byte's own code point.
  const CP1252 = [0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178];
  const asBrowserLatin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b >= 0x80 && b < 0xa0 && CP1252[b - 0x80] ? CP1252[b - 0x80]! : b)).join('');

  it('decodes UTF-8 fragments whose bytes fall in 0x80–0x9F (windows-1252 there) as Node’s latin1 does', () => {
    const text = 'Đồng bộ hệ thống dữ liệu — “Bộ Y tế” € ờ ị';
    const bytes = new TextEncoder().encode(text);
    expect(bytes.some((b) => b >= 0x80 && b < 0xa0 && CP1252[b - 0x80] !== 0)).toBe(true);
    expect(decodeXml(asBrowserLatin1(bytes))).toBe(text);
    expect(decodeXml(Buffer.from(bytes).toString('latin1'))).toBe(text);
  });
});
