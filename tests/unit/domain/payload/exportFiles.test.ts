import fc from 'fast-check';
import { loadCatalogue } from '../../../../src/catalogue/load';
import { PAYLOAD_ROW_IDS, SubmissionPayload, exportCsv, exportFileNames, exportJson } from '../../../../src/domain/payload';
import { anyPayload, samplePayload } from './arbitraries';

const catalogue = loadCatalogue();

/**
 * A strict RFC 4180 reader: records end with CRLF; a field is quoted (quotes doubled inside,
 * anything else allowed) or has no quote, comma, CR or LF. Throws on anything else.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else value += text[i++];
        }
      } else {
        while (i < text.length && !/[,\r\n]/.test(text[i]!)) {
          if (text[i] === '"') throw new Error(`bare quote at ${i}`);
          value += text[i++];
        }
      }
      record.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 5))}`);
    }
    records.push(record);
  }
  return records;
}

/** What the CSV shows for a text: a formula-like start gets an apostrophe. */
const shown = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('exportJson', () => {
  it('is pretty, ends with a newline and parses back to the same payload', () => {
    const p = samplePayload();
    const json = exportJson(p);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "payloadVersion": 1,\n  "submissionId"');
    const back = SubmissionPayload.parse(JSON.parse(json));
    const inTableOrder = (x: SubmissionPayload) => [...x.figures].sort((a, b) => PAYLOAD_ROW_IDS.indexOf(a.row) - PAYLOAD_ROW_IDS.indexOf(b.row) || a.quarter - b.quarter);
    expect({ ...back, figures: inTableOrder(back) }).toEqual({ ...p, figures: inTableOrder(p) });
  });

  it('is the same text whatever order the payload was built in', () => {
    const p = samplePayload();
    const shuffled: SubmissionPayload = {
      ...Object.fromEntries(Object.entries(p).reverse()),
      figures: [...p.figures].reverse().map((f) => Object.fromEntries(Object.entries(f).reverse())),
      rowSources: Object.fromEntries(Object.entries(p.rowSources).reverse()),
      justifications: { b: '2', a: '1' },
    } as unknown as SubmissionPayload;
    const sorted = { ...p, justifications: { a: '1', b: '2' } };
    expect(exportJson(shuffled)).toBe(exportJson(sorted));
    const figures = (JSON.parse(exportJson(shuffled)) as SubmissionPayload).figures.map((f) => `${f.row} Q${f.quarter}`);
    expect(figures).toEqual(['1.2.ICT Q1', '1.2.ICT Q2', '2.8 Q1', '2.8 Q2', '2.9 Q1', '2.9 Q2']);
  });

  it('round-trips any payload', () => {
    fc.assert(
      fc.property(anyPayload, (p) => {
        const back = SubmissionPayload.parse(JSON.parse(exportJson(p)));
        expect(exportJson(back)).toBe(exportJson(p));
        expect(back.figures.length).toBe(p.figures.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('exportCsv', () => {
  it('starts with a BOM, uses CRLF, and has one record per figure after the header', () => {
    const csv = exportCsv(samplePayload(), catalogue, 'vi');
    expect(csv.startsWith('\uFEFFMã đơn vị,Năm,Quý báo cáo,Mã chỉ tiêu,Tên chỉ tiêu,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(1 + samplePayload().figures.length);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([14]));
  });

  it('writes each figure’s fields, with tricky text quoted and formula-like text defused', () => {
    const [header, ...rows] = parseCsv(exportCsv(samplePayload(), catalogue, 'en').slice(1));
    expect(header).toEqual(['Unit id', 'Year', 'Quarter reported', 'Row id', 'Indicator', 'Quarter of the figure', 'Value (%)', 'Typed', 'Status', 'Provisional', 'Approximate', 'No-data reason', 'International comparison', 'Source']);
    const at = (row: string, q: string) => rows.find((r) => r[3] === row && r[5] === q)!;
    expect(at('2.8', '2')).toEqual(['bo-y-te', '2025', '2', '2.8', expect.any(String), '2', '15.5', '15,50% (ước)', 'number', 'TRUE', 'FALSE', '', '', 'Cục Thống kê\nsố liệu tạm ước tính']);
    expect(at('1.2.ICT', '1')).toEqual(['bo-y-te', '2025', '2', '1.2.ICT', expect.stringMatching(/ — ICT sector$/), '1', '', "'- (chưa điều tra)", 'noData', 'FALSE', 'FALSE', 'chưa điều tra', '', 'Bộ TT&TT']);
    expect(at('1.2.ICT', '2')![12]).toBe('Malaysia, "ước", 2023');
    expect(at('2.9', '1')!.slice(6, 9)).toEqual(['', '', 'empty']);
    expect(rows.map((r) => `${r[3]} Q${r[5]}`)).toEqual(['1.2.ICT Q1', '1.2.ICT Q2', '2.8 Q1', '2.8 Q2', '2.9 Q1', '2.9 Q2']);
  });

  it('names indicators in the language asked for', () => {
    const vi = parseCsv(exportCsv(samplePayload(), catalogue, 'vi').slice(1));
    expect(vi.find((r) => r[3] === '1.2.ICT')![4]).toBe('Tỷ trọng kinh tế số trong từng ngành, lĩnh vực — Ngành TTTT');
    // No English codes under Vietnamese headers (issue 12, item 13).
    expect(vi.find((r) => r[3] === '1.2.ICT')!.slice(8, 11)).toEqual(['không có số liệu', 'không', 'không']);
    expect(vi.flatMap((r) => r.slice(8, 11))).not.toEqual(expect.arrayContaining(['empty', 'number', 'noData', 'TRUE', 'FALSE']));
  });

  it('parses back, field for field, for any payload', () => {
    fc.assert(
      fc.property(anyPayload, fc.constantFrom('vi' as const, 'en' as const), (p, lang) => {
        const csv = exportCsv(p, catalogue, lang);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        // Every line break outside a quoted field is CRLF: no bare LF or CR between records.
        const records = parseCsv(csv.slice(1));
        expect(records).toHaveLength(p.figures.length + 1);
        const sorted = [...p.figures].sort((a, b) => PAYLOAD_ROW_IDS.indexOf(a.row) - PAYLOAD_ROW_IDS.indexOf(b.row) || a.quarter - b.quarter);
        sorted.forEach((f, i) => {
          const r = records[i + 1]!;
          expect(r[0]).toBe(shown(p.unitId));
          expect([r[1], r[2], r[3], r[5]]).toEqual([String(p.year), String(p.quarter), f.row, String(f.quarter)]);
          expect(r[6] === '' ? null : Number(r[6])).toBe(f.value);
          expect(r[6]).not.toMatch(/[e%,]/);
          expect(r[7]).toBe(shown(f.typed));
          // Under Vietnamese headers, Vietnamese words; the English file keeps the codes.
          const yes = lang === 'vi' ? 'có' : 'TRUE';
          const no = lang === 'vi' ? 'không' : 'FALSE';
          const status = lang === 'vi' ? { number: 'có số liệu', noData: 'không có số liệu', deferred: 'dẫn chiếu kế hoạch', empty: 'để trống' }[f.status] : f.status;
          expect([r[8], r[9], r[10]]).toEqual([status, f.provisional ? yes : no, f.approximate ? yes : no]);
          expect(r[11]).toBe(shown(f.noDataReason ?? ''));
          expect(r[12]).toBe(shown(f.comparison ?? ''));
          expect(r[13]).toBe(shown(p.rowSources[f.row] ?? ''));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('exportFileNames', () => {
  it('names both files after the unit, year and quarter', () => {
    expect(exportFileNames(samplePayload())).toEqual({ json: 'phuluc01_bo-y-te_2025_Q2.json', csv: 'phuluc01_bo-y-te_2025_Q2.csv' });
  });

  it('keeps a hostile unit id out of the path', () => {
    const names = exportFileNames({ unitId: '../../etc/passwd', year: 2025, quarter: 1 });
    expect(names.json).toBe('phuluc01_etc-passwd_2025_Q1.json');
    expect(exportFileNames({ unitId: 'Bộ Y tế', year: 2024, quarter: 4 }).csv).toBe('phuluc01_B-Y-t-_2024_Q4.csv');
  });
});
