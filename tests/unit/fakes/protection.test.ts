import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';

function batch(host: FakeExcelHost, work: (sheet: Excel.Worksheet) => void): Promise<void> {
  return host.run(async (context) => {
    work(context.workbook.worksheets.getItem('Sheet1'));
    await context.sync();
  });
}

async function protectedSheet(options?: Excel.WorksheetProtectionOptions): Promise<FakeExcelHost> {
  const host = createFakeExcel();
  await batch(host, (sheet) => {
    sheet.getRange('B2:C3').format.protection.locked = false;
    sheet.protection.protect(options);
  });
  return host;
}

describe('sheet protection', () => {
  it.each([
    ['values', (s: Excel.Worksheet) => (s.getRange('A1').values = [[1]])],
    ['formulas', (s: Excel.Worksheet) => (s.getRange('A1').formulas = [['=1']])],
    ['a range that is only partly unlocked', (s: Excel.Worksheet) => (s.getRange('B2:D2').values = [[1, 2, 3]])],
    ['clearing contents', (s: Excel.Worksheet) => s.getRange('A1').clear('Contents')],
    ['a fill', (s: Excel.Worksheet) => (s.getRange('B2').format.fill.color = '#FF0000')],
    ['a number format', (s: Excel.Worksheet) => (s.getRange('B2').numberFormat = [['0%']])],
    ['unlocking', (s: Excel.Worksheet) => (s.getRange('A1').format.protection.locked = false)],
    ['a merge', (s: Excel.Worksheet) => s.getRange('B2:C2').merge()],
    ['a data validation', (s: Excel.Worksheet) => (s.getRange('B2').dataValidation.rule = { wholeNumber: { operator: 'GreaterThan', formula1: 0 } })],
    ['a conditional format', (s: Excel.Worksheet) => void s.getRange('B2').conditionalFormats.add('Custom')],
    ['a column width without allowFormatColumns', (s: Excel.Worksheet) => (s.getRange('A1').format.columnWidth = 50)],
  ])('rejects %s with AccessDenied', async (_label, write) => {
    const host = await protectedSheet();
    await expect(batch(host, write)).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('protected sheet') });
  });

  it('lets values into unlocked cells', async () => {
    const host = await protectedSheet();
    await batch(host, (sheet) => {
      sheet.getRange('B2:C3').values = [[1, 2], [3, 4]];
    });
    expect(host.getCell('Sheet1', 'C3').value).toBe(4);
  });

  it('allows what the protection options allow', async () => {
    const host = await protectedSheet({ allowFormatColumns: true, allowFormatRows: true, allowFormatCells: true });
    await batch(host, (sheet) => {
      sheet.getRange('A1').format.columnWidth = 50;
      sheet.getRange('A1').format.rowHeight = 20;
      sheet.getRange('A1').format.font.bold = true;
    });
    expect(host.snapshot().sheets[0]!.columnWidths).toEqual({ A: 50 });
  });

  it('reports protected and options after a load, refuses protecting twice, and unprotects with the password', async () => {
    const host = createFakeExcel();
    const state = await host.run(async (context) => {
      const p = context.workbook.worksheets.getItem('Sheet1').protection;
      p.protect({ allowFormatColumns: true, selectionMode: 'Unlocked' }, 'secret');
      p.load('protected,options');
      await context.sync();
      return { protected: p.protected, options: p.options };
    });
    expect(state.protected).toBe(true);
    expect(state.options).toMatchObject({ allowFormatColumns: true, allowFormatCells: false, selectionMode: 'Unlocked' });
    await expect(batch(host, (sheet) => sheet.protection.protect())).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(batch(host, (sheet) => sheet.protection.unprotect('wrong'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await batch(host, (sheet) => sheet.protection.unprotect('secret'));
    expect(host.snapshot().sheets[0]!.protection.protected).toBe(false);
    await batch(host, (sheet) => (sheet.getRange('A1').values = [['free again']]));
  });

  it('still allows names, page layout and renaming on a protected sheet', async () => {
    const host = await protectedSheet();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      context.workbook.names.add('CT_X', sheet.getRange('A1'));
      sheet.pageLayout.orientation = 'Landscape';
      sheet.name = 'Renamed';
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(['Renamed']);
  });
});
