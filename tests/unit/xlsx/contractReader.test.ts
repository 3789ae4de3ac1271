/**
 * The reader of returns reads what the cell contract says, whatever wrote the file: each case
 * below is a shape another producer writes (or a hostile hand), made from our own return by
 * rewriting its parts, and read to the same figures — or refused with a reason a person can act on.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { tableCellName } from '../../../src/domain/cellContract';
import type { ReturnData } from '../../../src/domain/returnData';
import { validateReturn } from '../../../src/domain/validate/validateReturn';
import { readReturnFast } from '../../../src/workbook/xlsx/fastReturn';
import { DEFAULT_ZIP_LIMITS } from '../../../src/workbook/xlsx/zip';
import { CLEAN, MINISTRY, catalogue, filledReturnFile, stored, units } from '../check/fixtures';

const Q1 = (row: string) => tableCellName(row, 'Q1');
type Parts = Record<string, string | Uint8Array>;

let clean: Buffer;
let parts: Parts;
beforeAll(async () => {
  clean = await filledReturnFile(MINISTRY, 2025, stored(CLEAN));
  parts = Object.fromEntries(Object.entries(unzipSync(clean)).map(([k, v]) => [k, /\.(xml|rels)$/.test(k) ? strFromU8(v) : v]));
});

const zip = (p: Parts, options: { level?: 0 | 6 } = {}): Buffer =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [typeof v === 'string' ? strToU8(v) : v, { level: options.level ?? 6 }]])) as Zippable));

const edit = (name: string, change: (xml: string) => string): Parts => ({ ...parts, [name]: change(parts[name] as string) });

function data(bytes: Uint8Array): ReturnData {
  const read = readReturnFast(bytes, catalogue);
  if (!read.result.ok) throw new Error(`not read: ${JSON.stringify(read.damaged ?? read.result.problems).slice(0, 300)}`);
  return read.result.data;
}

/** Where CT_2_8_Q1 lives on the sheet (e.g. "E40"). */
const cellOf = (name: string) => new RegExp(`<definedName name="${name}">[^<]*!\\$([A-Z]+)\\$(\\d+)<`).exec(parts['xl/workbook.xml'] as string)!.slice(1).join('');

/** The figures and texts of the clean return as read: what every rewritten file must give again. */
const figures = (d: ReturnData) => ({
  unit: d.unitId.value,
  quarter: d.quarter.value,
  q1: ['1.2.OTHER', '2.8', '2.9'].map((row) => [d.table[row]!.Q1!.value, d.table[row]!.Q1_INTL!.value]),
  contact: d.contact.email.value,
});

describe('the reader of returns: what other producers write', () => {
  it('absolute relationship targets (openpyxl) and a sheet part not named sheetN.xml', () => {
    const renamed: Parts = { ...parts, 'xl/worksheets/data.xml': parts['xl/worksheets/sheet1.xml']! };
    delete renamed['xl/worksheets/sheet1.xml'];
    renamed['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string)
      .replace(/Target="worksheets\/sheet1\.xml"/, 'Target="/xl/worksheets/data.xml"')
      .replace(/Target="(?!\/)([^"]+)"/g, 'Target="/xl/$1"');
    expect(figures(data(zip(renamed)))).toEqual(figures(data(clean)));
  });

  it('x:-prefixed SpreadsheetML (Open XML SDK) and cells without r attributes', () => {
    const prefix = (xml: string) =>
      xml
        .replace(/<(\/?)(?!\?|!)([A-Za-z]+)([\s>/])/g, '<$1x:$2$3')
        .replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    const prefixed = { ...parts };
    for (const name of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']) {
      if (typeof prefixed[name] === 'string') prefixed[name] = prefix(prefixed[name] as string);
    }
    expect(prefixed['xl/worksheets/sheet1.xml']).toContain('<x:c r=');
    expect(figures(data(zip(prefixed)))).toEqual(figures(data(clean)));

    // Without r, a cell is the next column of its row: drop r from every cell of a row that starts at column A.
    const noR = edit('xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (row, n: string, attrs: string, body: string) => {
        const cols = [...body.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]!);
        const contiguous = cols.every((c, i) => c === String.fromCharCode(65 + i));
        return contiguous && cols.length ? `<row r="${n}"${attrs}>${body.replace(/ r="[A-Z]+\d+"/g, '')}</row>` : row;
      }),
    );
    expect(noR['xl/worksheets/sheet1.xml']).not.toEqual(parts['xl/worksheets/sheet1.xml']);
    expect(figures(data(zip(noR)))).toEqual(figures(data(clean)));
  });

  it('a comment, a CDATA section and entity references inside cells read as their text', () => {
    const address = cellOf(Q1('2.8'));
    const intl = cellOf(tableCellName('2.8', 'Q1_INTL'));
    const changed = edit('xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(new RegExp(`(<c r="${address}"[^>]*>)[\\s\\S]*?</c>`), '$1<!-- <v>0.99</v> --><v><![CDATA[0.3]]></v></c>')
        .replace(new RegExp(`(<c r="${intl}")[^>]*>[\\s\\S]*?</c>`), '$1 t="inlineStr"><is><t><![CDATA[OECD <2023> & "EU"]]></t></is></c>'),
    );
    const d = data(zip(changed));
    expect(d.table['2.8']!.Q1!.value).toBe(0.3);
    expect(d.table['2.8']!.Q1_INTL!.value).toBe('OECD <2023> & "EU"');
  });

  it('date1904="true" (not only "1") moves dates by 1,462 days, and a date reads as its ISO day', () => {
    const address = cellOf(Q1('2.8'));
    const withDate = (flag: string) =>
      zip({
        ...edit('xl/workbook.xml', (xml) => xml.replace(/<workbookPr\b([^>]*?)\/>/, `<workbookPr$1 date1904="${flag}"/>`)),
        'xl/styles.xml': (parts['xl/styles.xml'] as string).replace(/<cellXfs count="(\d+)">/, (_, n: string) => `<cellXfs count="${Number(n) + 1}"><xf numFmtId="14" applyNumberFormat="1"/>`),
        'xl/worksheets/sheet1.xml': (parts['xl/worksheets/sheet1.xml'] as string)
          // Every style index shifts by one (the date style is inserted first): fine for this test, only the dated cell is checked.
          .replace(new RegExp(`<c r="${address}"[^>]*>[\\s\\S]*?</c>`), `<c r="${address}" s="0"><v>44000</v></c>`),
      });
    expect((parts['xl/workbook.xml'] as string)).toMatch(/<workbookPr\b/);
    const d1904 = data(withDate('true')).table['2.8']!.Q1!;
    const d1900 = data(withDate('false')).table['2.8']!.Q1!;
    expect(d1900.value).toEqual(new Date(Date.UTC(2020, 5, 18)));
    expect(d1904.value).toEqual(new Date(Date.UTC(2024, 5, 19)));
    expect(d1904.text).toBe('2024-06-19');
  });

  it('sheet-scoped copies of the names (LibreOffice copying the sheet) are never read instead of the workbook’s', () => {
    const backup = cellOf(Q1('2.8'));
    const withCopy: Parts = edit('xl/workbook.xml', (xml) => {
      const copies = [...xml.matchAll(/<definedName name="(CT_[^"]+)">([^<]*)<\/definedName>/g)]
        .map((m) => `<definedName name="${m[1]}" localSheetId="1">'Bản sao'!${m[2]!.split('!')[1]}</definedName>`)
        .join('');
      return xml
        .replace(/(<sheets>[\s\S]*?)(<\/sheets>)/, `$1<sheet name="Bản sao" sheetId="99" r:id="rIdCopy"/>$2`)
        .replace(/<\/definedNames>/, `${copies}</definedNames>`);
    });
    withCopy['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      '<Relationship Id="rIdCopy" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/copy.xml"/></Relationships>',
    );
    // The backup sheet holds other figures at the same addresses; the copies come last (both readers once took the last).
    withCopy['xl/worksheets/copy.xml'] = (parts['xl/worksheets/sheet1.xml'] as string).replace(
      new RegExp(`(<c r="${backup}"[^>]*>)[\\s\\S]*?</c>`),
      '$1<v>0.01</v></c>',
    );
    withCopy['[Content_Types].xml'] = (parts['[Content_Types].xml'] as string).replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/copy.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    const d = data(zip(withCopy));
    expect(d.table['2.8']!.Q1!.value).toBe(0.45);
    expect(d.locations[Q1('2.8')]!.sheet).toBe('Phụ lục 01');
  });

  it('a formula whose cached result is 0 reads as 0%; one without a cached result says so', () => {
    const address = cellOf(Q1('2.8'));
    const withFormula = (body: string) => zip(edit('xl/worksheets/sheet1.xml', (xml) => xml.replace(new RegExp(`(<c r="${address}"[^>]*>)[\\s\\S]*?</c>`), `$1${body}</c>`)));
    const zero = data(withFormula('<f>0*1</f><v>0</v>'));
    expect(zero.table['2.8']!.Q1).toMatchObject({ value: 0, text: '0' });
    const check = validateReturn(zero, { catalogue, units });
    expect(check.flags.filter((f) => f.cellName === Q1('2.8') && f.severity === 'error')).toEqual([]);

    const none = data(withFormula('<f>0.155</f>'));
    expect(none.table['2.8']!.Q1).toMatchObject({ value: null, uncalculated: true });
    const flags = validateReturn(none, { catalogue, units }).flags.filter((f) => f.cellName === Q1('2.8'));
    const said = flags.map((f) => `${f.message.vi} ${f.message.en}`).join(' ');
    expect(flags.some((f) => f.severity === 'error')).toBe(true);
    expect(said).toContain('formula without a calculated value');
    expect(said).toContain('lưu lại');
  });
});

describe('the reader of returns: files refused, with what they are', () => {
  it('a DTD anywhere it reads (entity expansion) is refused before anything is expanded', () => {
    const laughs = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const bombed = edit('xl/workbook.xml', (xml) => xml.replace(/^(<\?xml[^>]*\?>)/, `$1${laughs}`));
    const read = readReturnFast(zip(bombed), catalogue);
    expect(read.damaged?.en).toMatch(/has a DTD \(<!DOCTYPE>\), which Excel never writes: refused/);
    expect(read.damaged?.vi).toMatch(/có khai báo DTD/);
  });

  it('a zip bomb is refused once it inflates past the ratio real files never reach, after a few megabytes', () => {
    const bomb = { ...parts, 'xl/sharedStrings.xml': new Uint8Array(DEFAULT_ZIP_LIMITS.partBytes + 1024 * 1024).fill(0x20) };
    const read = readReturnFast(zip(bomb), catalogue);
    expect(read.damaged?.en).toMatch(/inflates more than 250 times its compressed size/);
    expect(read.inflatedBytes).toBeLessThanOrEqual(DEFAULT_ZIP_LIMITS.ratioFrom + 17 * 1024 * 1024);
  });

  it('a part that inflates past the cap at an ordinary ratio is refused at the cap, whatever its header declares', () => {
    let seed = 7;
    const digits = new Uint8Array(DEFAULT_ZIP_LIMITS.partBytes + 1024 * 1024);
    for (let i = 0; i < digits.length; i++) digits[i] = 0x30 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 10);
    const read = readReturnFast(zip({ ...parts, 'xl/sharedStrings.xml': digits }, { level: 6 }), catalogue);
    expect(read.damaged?.en).toMatch(new RegExp(`inflates beyond ${DEFAULT_ZIP_LIMITS.partBytes / 1024 / 1024} MB`));
    expect(read.inflatedBytes).toBeLessThanOrEqual(DEFAULT_ZIP_LIMITS.partBytes + 17 * 1024 * 1024);
  });

  it('more bytes than a return could have are refused before anything is read', () => {
    const read = readReturnFast(Buffer.concat([clean, Buffer.alloc(DEFAULT_ZIP_LIMITS.fileBytes)]), catalogue);
    expect(read.damaged?.en).toMatch(/^The file is too large \(20\.\d MB; a return is about 0\.1 MB, the limit is 20 MB\)$/);
    expect(read.inflatedBytes).toBe(0);
  });

  it('names what a file is when it is not an .xlsx: empty, password-protected, old .xls, .ods, Word, text', () => {
    const ole = (streamName: string) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(Array.from(streamName).flatMap((c) => [c.charCodeAt(0), 0]), 1024);
      return bytes;
    };
    const reason = (bytes: Uint8Array) => readReturnFast(bytes, catalogue).damaged?.en ?? '';
    expect(reason(new Uint8Array(0))).toMatch(/^The file is empty \(0 bytes\)/);
    expect(reason(ole('EncryptionInfo'))).toMatch(/password-protected: save it without a password/);
    expect(reason(ole('Workbook'))).toMatch(/old Excel file \(\.xls, Excel 97–2003\): open it in Excel and save it as \.xlsx/);
    const ods = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }, { level: 0 });
    expect(reason(ods)).toMatch(/OpenDocument spreadsheet \(\.ods\): save it as \.xlsx/);
    expect(reason(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toMatch(/Word document/);
    expect(reason(Buffer.from('<html><table><tr><td>1</td></tr></table></html>'))).toMatch(/XML\/HTML text file renamed to \.xlsx/);
    for (const bytes of [new Uint8Array(0), ole('Workbook'), ods]) {
      const text = JSON.stringify(readReturnFast(bytes, catalogue).damaged);
      expect(text).not.toMatch(/jszip|Corrupted zip|Cannot read properties|central directory/);
    }
  });

  it('reads a zip64 archive (sizes in the zip64 extra field and end records) as the same return', () => {
    const z64 = toZip64(clean);
    expect(z64.length).toBeGreaterThan(clean.length);
    expect(figures(data(z64))).toEqual(figures(data(clean)));
  });
});

/** The same entries rewritten as zip64: every central entry's sizes and offset in a zip64 extra field, zip64 end records. */
function toZip64(bytes: Buffer): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = view.getUint16(end + 10, true);
  const cdStart = view.getUint32(end + 16, true);
  const central: Buffer[] = [];
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const header = Buffer.from(bytes.subarray(at, at + 46));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(view.getUint32(at + 24, true)), 4);
    extra.writeBigUInt64LE(BigInt(view.getUint32(at + 20, true)), 12);
    extra.writeBigUInt64LE(BigInt(view.getUint32(at + 42, true)), 20);
    header.writeUInt32LE(0xffffffff, 20);
    header.writeUInt32LE(0xffffffff, 24);
    header.writeUInt32LE(0xffffffff, 42);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt16LE(0, 32);
    central.push(header, Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)), extra);
    at += 46 + nameLength + extraLength + commentLength;
  }
  const directory = Buffer.concat(central);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(cdStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdStart + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const classic = Buffer.alloc(22);
  classic.writeUInt32LE(0x06054b50, 0);
  classic.writeUInt16LE(0xffff, 8);
  classic.writeUInt16LE(0xffff, 10);
  classic.writeUInt32LE(0xffffffff, 12);
  classic.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([bytes.subarray(0, cdStart), directory, record, locator, classic]);
}
