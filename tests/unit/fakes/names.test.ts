import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';

const SHEET = 'Phụ lục 01';

async function withName(host: FakeExcelHost, name: string): Promise<Excel.Interfaces.NamedItemData> {
  return host.run(async (context) => {
    const item = context.workbook.names.getItem(name).load('name,type,value,formula,visible,comment');
    await context.sync();
    return item.toJSON();
  });
}

describe('defined names', () => {
  it('adds a workbook name for a Range and reports value, formula and type as Excel does', async () => {
    const host = createFakeExcel({ sheets: [SHEET] });
    await host.run(async (context) => {
      context.workbook.names.add('CT_2_8_Q1', context.workbook.worksheets.getItem(SHEET).getRange('E12'), 'Chỉ tiêu 2.8, quý I');
      await context.sync();
    });
    expect(await withName(host, 'ct_2_8_q1')).toEqual({
      name: 'CT_2_8_Q1',
      type: 'Range',
      value: "'Phụ lục 01'!$E$12",
      formula: "='Phụ lục 01'!$E$12",
      visible: true,
      comment: 'Chỉ tiêu 2.8, quý I',
    });
    expect(host.snapshot().names.CT_2_8_Q1).toMatchObject({ sheet: SHEET, address: 'E12' });
  });

  it('adds a name from a reference string and reads the cell through getRange', async () => {
    const host = createFakeExcel({ sheets: [SHEET] });
    host.setCellValue(SHEET, 'C5', 2023);
    const values = await host.run(async (context) => {
      context.workbook.names.add('CT_YEAR', "='Phụ lục 01'!$C$5");
      const range = context.workbook.names.getItem('CT_YEAR').getRange().load('values,address');
      await context.sync();
      return [range.values, range.address];
    });
    expect(values).toEqual([[[2023]], "'Phụ lục 01'!C5"]);
  });

  it('follows its sheet through a rename', async () => {
    const host = createFakeExcel({ sheets: [SHEET] });
    host.addName('CT_YEAR', "'Phụ lục 01'!$C$5");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).name = 'Backup';
      await context.sync();
    });
    expect(await withName(host, 'CT_YEAR')).toMatchObject({ value: 'Backup!$C$5', formula: '=Backup!$C$5' });
  });

  it('turns to #REF! when its sheet is deleted, and getRangeOrNullObject gives a null object', async () => {
    const host = createFakeExcel({ sheets: ['Sheet1', SHEET] });
    host.addName('CT_YEAR', "'Phụ lục 01'!$C$5");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).delete();
      await context.sync();
    });
    expect(await withName(host, 'CT_YEAR')).toMatchObject({ type: 'Error', value: '#REF!', formula: '=#REF!$C$5' });
    const [itemNull, rangeNull] = await host.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject('CT_YEAR');
      const range = item.getRangeOrNullObject();
      await context.sync();
      return [item.isNullObject, range.isNullObject];
    });
    expect([itemNull, rangeNull]).toEqual([false, true]);
    await expect(
      host.run(async (context) => {
        context.workbook.names.getItem('CT_YEAR').getRange().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidReference' });
  });

  it('answers a missing name with a null object, and its range with one too, in one sync', async () => {
    const host = createFakeExcel();
    const states = await host.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject('CT_NONE').load('name');
      const range = item.getRangeOrNullObject().load('values');
      await context.sync();
      return [item.isNullObject, range.isNullObject];
    });
    expect(states).toEqual([true, true]);
  });

  it.each(['A1', 'ct1', 'XFD1048576', 'R1C1', 'R', 'c', 'R2', '1ABC', 'has space', 'a-b', ''])('rejects the name %p with InvalidArgument', async (name) => {
    const host = createFakeExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.names.add(name, context.workbook.worksheets.getItem('Sheet1').getRange('A1'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it.each(['_x', 'CT_2_8_Q1', 'Tên_ô', 'ABCD1', 'a.b'])('accepts the name %p', async (name) => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      context.workbook.names.add(name, context.workbook.worksheets.getItem('Sheet1').getRange('A1'));
      await context.sync();
    });
    expect(Object.keys(host.snapshot().names)).toEqual([name]);
  });

  it('rejects a duplicate, compared case-insensitively, with ItemAlreadyExists', async () => {
    const host = createFakeExcel();
    host.addName('CT_YEAR', 'Sheet1!A1');
    await expect(
      host.run(async (context) => {
        context.workbook.names.add('ct_year', 'Sheet1!B1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('lists names with their values, and deletes them', async () => {
    const host = createFakeExcel();
    host.addName('CT_A', 'Sheet1!A1');
    host.addName('CT_B', '=0.5');
    const listed = await host.run(async (context) => {
      const names = context.workbook.names.load('items/name,items/type,items/value');
      await context.sync();
      const out = names.items.map((n) => [n.name, n.type, n.value]);
      names.items[0]!.delete();
      await context.sync();
      return out;
    });
    expect(listed).toEqual([
      ['CT_A', 'Range', 'Sheet1!$A$1'],
      ['CT_B', 'Double', 0.5],
    ]);
    expect(Object.keys(host.snapshot().names)).toEqual(['CT_B']);
  });

  it('keeps sheet-scoped names apart from workbook names', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.names.add('Local', sheet.getRange('B2'));
      context.workbook.names.add('Local', sheet.getRange('C3'));
      await context.sync();
    });
    const snap = host.snapshot();
    expect(snap.names.Local!.address).toBe('C3');
    expect(snap.sheets[0]!.names.Local!.address).toBe('B2');
  });
});
