import { contractNames, interpretReads, problemsMessage, type NameRead } from '../../../src/domain/readContract';
import { flagKey } from '../../../src/domain/flags';
import { hyperlinkFormula, cellInput, readCheckRows, layoutCheckSheet, checkTime } from '../../../src/workbook/excel/check/checkSheet';
import { planMarks, parseStoredMarks, MARK_FILL } from '../../../src/workbook/excel/check/marks';
import { rowIds } from './fixtures';

/** Every name read fine, on one sheet, each on its own cell. */
function allOk(sheet = 'Phụ lục 01'): Map<string, NameRead> {
  const { all } = contractNames(rowIds);
  return new Map(all.map((name, i): [string, NameRead] => [name, { name, state: 'ok', sheet, address: `B${i + 1}`, cell: { value: null } }]));
}

describe('interpreting the contract names', () => {
  it('gives a ReturnData with every location, sources included', () => {
    const result = interpretReads(allOk(), rowIds, { 'r:CT_1_1_Q1': 'x' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.data.table)).toEqual(rowIds);
    expect(Object.keys(result.data.sources)).toEqual(rowIds);
    expect(result.data.locations['CT_UNIT_ID']).toEqual({ sheet: 'Phụ lục 01', address: 'B1' });
    expect(result.data.justifications).toEqual({ 'r:CT_1_1_Q1': 'x' });
  });

  it('takes the sheet most names are on when CT_UNIT_ID itself is gone', () => {
    const reads = allOk();
    reads.set('CT_UNIT_ID', { name: 'CT_UNIT_ID', state: 'missing' });
    reads.set('CT_YEAR', { name: 'CT_YEAR', state: 'ok', sheet: 'Other', address: 'A1', cell: { value: 2025 } });
    const result = interpretReads(reads, rowIds);
    expect(result).toEqual({ ok: false, problems: [{ kind: 'missingName', name: 'CT_UNIT_ID' }, { kind: 'wrongPlace', name: 'CT_YEAR', detail: 'sheet:Other!A1' }] });
  });

  it('compares sheet names as Excel does, without regard to case', () => {
    const reads = allOk();
    reads.set('CT_YEAR', { name: 'CT_YEAR', state: 'ok', sheet: 'PHỤ LỤC 01', address: 'A1', cell: { value: 2025 } });
    expect(interpretReads(reads, rowIds).ok).toBe(true);
  });
});

describe('the one message for a damaged workbook', () => {
  it('names one name in the singular, three and a count for many', () => {
    expect(problemsMessage([{ kind: 'sheetMissing', name: 'CT_2_8_Q1' }]).vi).toBe(
      'Tên CT_2_8_Q1 trỏ tới #REF! — trang chứa biểu đã bị xóa hoặc đổi; hãy tạo lại biểu (nút Tạo biểu mẫu trong phần bổ trợ, hoặc lệnh chitieu template; bản cũ được giữ để chép số liệu sang), hoặc khôi phục trang.',
    );
    expect(problemsMessage([{ kind: 'sheetMissing', name: 'CT_2_8_Q1' }]).en).toMatch(/^The name CT_2_8_Q1 points to #REF! — the sheet holding the return was deleted or replaced; create the return again/);
    const many = problemsMessage(['A', 'B', 'C', 'D', 'E'].map((n) => ({ kind: 'missingName' as const, name: `CT_${n}` })));
    expect(many.vi).toContain('CT_A, CT_B, CT_C… (5 tên)');
    expect(many.en).toContain('CT_A, CT_B, CT_C… (5 names)');
  });

  it('an empty list says nothing', () => {
    expect(problemsMessage([])).toEqual({ vi: '', en: '' });
  });
});

describe('the Kiểm tra sheet layout', () => {
  it('links to cells on sheets whose names need quoting', () => {
    expect(hyperlinkFormula({ sheet: "Bộ Y tế's", address: 'E30' })).toBe(`=HYPERLINK("#'Bộ Y tế''s'!E30","E30")`);
    expect(hyperlinkFormula({ sheet: 'Data', address: 'B2' })).toBe('=HYPERLINK("#Data!B2","B2")');
  });

  it('keeps text as text when Excel would read it as a number, a date or a formula', () => {
    expect(cellInput(['Lỗi', '2.10', '=HYPERLINK("#A!B1","B1")', '- chưa có', '', '1/2', 'r:CT_X'])).toEqual(['Lỗi', "'2.10", '=HYPERLINK("#A!B1","B1")', "'- chưa có", '', "'1/2", 'r:CT_X']);
  });

  it('reads back the rows carrying a key; a justified duplicate wins', () => {
    const rows = [
      ['Title'],
      ['Mức độ', 'Chỉ tiêu', 'Ô', 'Nội dung', 'Gợi ý', 'Giải trình', 'Mã (không sửa)'],
      ['Lỗi', '2.8', '=HYPERLINK("#A!B1","B1")', 'm', 's', '', 'r:CT_2_8_Q1'],
      ['Lỗi', '2.8', '', 'm', 's', 'đã giải trình', 'r:CT_2_8_Q1'],
      ['', '', '', '', '', 'ghi chú lạc', 'not a key'],
    ];
    const entries = readCheckRows(rows);
    expect([...entries.keys()]).toEqual(['r:CT_2_8_Q1']);
    expect(entries.get('r:CT_2_8_Q1')!.justification).toBe('đã giải trình');
  });

  it('puts errors first and drops earlier rows without a justification', () => {
    const flag = (rule: string, severity: 'error' | 'warning' | 'info') => ({ rule, severity, indicator: '1.1', column: 'Q1', cellName: 'CT_1_1_Q1', cell: null, message: { vi: rule, en: rule }, suggestion: { vi: '', en: '' }, key: flagKey(rule, 'CT_1_1_Q1') });
    const layout = layoutCheckSheet({
      flags: [flag('a', 'info'), flag('b', 'error'), flag('c', 'warning')],
      counts: { error: 1, warning: 1, info: 1 },
      checkedAt: checkTime(new Date(2025, 0, 5, 7, 3)),
      lang: 'en',
      justifications: {},
      earlier: new Map([
        ['gone:-', { key: 'gone:-', severity: 'Error', indicator: '', cell: '', message: 'old', suggestion: '', justification: '' }],
        ['kept:-', { key: 'kept:-', severity: 'Error', indicator: '', cell: '', message: 'old', suggestion: '', justification: 'because' }],
      ]),
      locations: {},
    });
    expect(layout.rows.slice(5, 8).map((r) => r[3])).toEqual(['b', 'c', 'a']);
    expect(layout.rows[1]![0]).toBe('Checked at: 2025-01-05 07:03');
    expect(layout.priorRows).toEqual({ first: 12, last: 12 });
    expect(layout.headingRows).toEqual([1, 10]);
    expect(layout.headerRows).toEqual([5, 11]);
    expect(layout.rows[11]![6]).toBe('kept:-');
  });
});

describe('marks', () => {
  const flag = (cellName: string, severity: 'error' | 'warning' | 'info') => ({ rule: severity, severity, indicator: null, column: null, cellName, cell: null, message: { vi: '', en: '' }, suggestion: { vi: '', en: '' }, key: flagKey(severity, cellName) });
  const locations = { CT_A: { sheet: 'S', address: 'E30' }, CT_B: { sheet: 'S', address: 'F30' }, CT_C: { sheet: 'S', address: 'G30' } };

  it('marks a cell by its worst flag and records the fill it had before any check', () => {
    const plan = planMarks([flag('CT_A', 'info'), flag('CT_A', 'error'), flag('CT_B', 'warning')], locations, 'id1', new Map([['E30', '#FFF2CC'], ['F30', '#FFFFFF']]), { sheetId: 'id1', cells: { E30: '#DDEBF7', G30: null } });
    expect(plan.mark).toEqual(new Map([[MARK_FILL.error, ['E30']], [MARK_FILL.warning, ['F30']]]));
    expect(plan.restore).toEqual(new Map([[null, ['G30']]]));
    expect(plan.next).toEqual({ sheetId: 'id1', cells: { E30: '#DDEBF7', F30: null } });
  });

  it('ignores a damaged record rather than failing the check', () => {
    expect(parseStoredMarks('nonsense')).toBeNull();
    expect(parseStoredMarks({ sheetId: 'x', cells: { E30: '#FFF2CC', 'bad key': '#000000', F1: 'red' } })).toEqual({ sheetId: 'x', cells: { E30: '#FFF2CC' } });
  });

});
