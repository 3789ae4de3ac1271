import { createFakeExcel } from '../../fakes/fakeExcel';
import { observeFakeHost } from '../../../src/preview/fromFakeHost';
import { anchorOf, spanSlots } from '../../../src/preview/sheetView';
import { createExcelReturnWorkbook } from '../../../src/workbook/excel/returnWorkbook';

describe('spanSlots', () => {
  it('spans a merge from its top-left and skips the cells it covers, clipped to the drawn area', () => {
    const slots = spanSlots([{ top: 1, left: 1, bottom: 2, right: 3 }, { top: 3, left: 2, bottom: 9, right: 2 }], 4, 3);
    expect(slots[0]![0]).toEqual({ kind: 'cell', rowSpan: 2, colSpan: 3 });
    expect(slots[0]![1]).toEqual({ kind: 'covered' });
    expect(slots[1]![2]).toEqual({ kind: 'covered' });
    expect(slots[2]![1]).toEqual({ kind: 'cell', rowSpan: 2, colSpan: 1 });
    expect(slots[3]![1]).toEqual({ kind: 'covered' });
    expect(slots[2]![0]).toEqual({ kind: 'cell', rowSpan: 1, colSpan: 1 });
  });

  it('sends a click inside a merge to its top-left', () => {
    expect(anchorOf([{ top: 1, left: 1, bottom: 2, right: 3 }], 2, 3)).toEqual({ row: 1, col: 1 });
    expect(anchorOf([], 5, 5)).toEqual({ row: 5, col: 5 });
  });
});

describe('the preview view of the fake host', () => {
  async function created() {
    const fake = createFakeExcel();
    const { excelHost, previewHost } = observeFakeHost(fake);
    let notices = 0;
    previewHost.subscribe(() => notices++);
    const result = await createExcelReturnWorkbook(excelHost).createReturn({ unitId: 'bo-y-te', year: 2023, lang: 'vi', replace: false });
    if (result.status !== 'created') throw new Error('expected a new return');
    const view = previewHost.view();
    const sheet = view.sheet(result.sheetName)!;
    return { fake, previewHost, view, sheet, notices };
  }

  it('draws the created sheet: title merged across the table, protected, with unlocked inputs and their prompts', async () => {
    const { fake, view, sheet, notices } = await created();
    expect(notices).toBeGreaterThan(0);
    expect(view.activeSheet).toBe(sheet.name);
    expect(view.syncCount).toBe(fake.syncCount);
    expect(sheet.protected).toBe(true);
    expect(sheet.cells[0]![0]!.text).toBe('PHỤ LỤC 01');
    expect(spanSlots(sheet.merges, sheet.rowCount, sheet.colCount)[0]![0]).toEqual({ kind: 'cell', rowSpan: 1, colSpan: 15 });
    const q1 = fake.snapshot().names['CT_2_8_Q1']!.address!;
    const row = Number(q1.slice(1));
    const look = sheet.cells[row - 1]![4]!;
    expect(look.locked).toBe(false);
    expect(look.fill).toBe('#FFF2CC');
    expect(sheet.promptAt(row, 5)?.title).toMatch(/^2,8 /);
    expect(sheet.promptAt(1, 1)).toBeNull();
  });

  it('passes a person\u2019s typing to the host and reports a refusal in words', async () => {
    const { fake, previewHost, sheet } = await created();
    const q1 = fake.snapshot().names['CT_2_8_Q1']!.address!;
    expect(previewHost.edit(sheet.name, q1, '12.5')).toBeNull();
    expect(fake.getCell(sheet.name, q1).value).toBeCloseTo(0.125);
    expect(previewHost.edit(sheet.name, 'A1', 'x')).toMatch(/protected sheet/);
  });

  it('keeps the drawn sheet when only the selection moved, and redraws it after an edit', async () => {
    const { fake, previewHost, sheet } = await created();
    previewHost.select(sheet.name, 'B5');
    const afterSelect = previewHost.view();
    expect(afterSelect.selection).toEqual({ sheet: sheet.name, row: 5, col: 2 });
    expect(afterSelect.sheet(sheet.name)).toBe(sheet);
    previewHost.edit(sheet.name, fake.snapshot().names['CT_2_8_Q1']!.address!, '5');
    expect(previewHost.view().sheet(sheet.name)).not.toBe(sheet);
  });
});
