import { createFakeExcel } from '../../fakes/fakeExcel';

describe('worksheets', () => {
  it('starts with Sheet1 unless told otherwise, and lists sheets after load("items/name")', async () => {
    const host = createFakeExcel();
    const names = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('Phụ lục 01');
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(['Sheet1', 'Phụ lục 01']);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Phụ lục 01']);
  });

  it('gives isNullObject after a sync for getItemOrNullObject, without a load', async () => {
    const host = createFakeExcel({ sheets: ['Data'] });
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    expect(host.queuedOperationCount).toBe(0);
  });

  it('reads a null object’s properties as undefined and rejects acting on it with ItemNotFound', async () => {
    const host = createFakeExcel();
    const loaded = await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope').load('name,isNullObject');
      await context.sync();
      return [missing.isNullObject, missing.name];
    });
    expect(loaded).toEqual([true, undefined]);
    const acting = host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      missing.getRange('A1').values = [[1]];
      await context.sync();
    });
    await expect(acting).rejects.toMatchObject({ code: 'ItemNotFound', debugInfo: { errorLocation: 'Range.values' } });
  });

  it('lets a name lookup through a null object answer "null" rather than fail', async () => {
    const host = createFakeExcel();
    const range = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItemOrNullObject('Nope').getUsedRangeOrNullObject().load('address');
      await context.sync();
      return r;
    });
    expect(range.isNullObject).toBe(true);
  });

  it('fails getItem of a missing sheet at sync, and only when it is used', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Nope');
      await context.sync();
    });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it.each(['Sheet1', 'SHEET1', 'sheet1'])('rejects adding %s beside Sheet1 with ItemAlreadyExists', async (name) => {
    const host = createFakeExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it.each(['a'.repeat(32), 'a:b', 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b', '', "'quoted'", 'History'])('rejects the sheet name %p with InvalidArgument', async (name) => {
    const host = createFakeExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.add('ok').name = name;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('accepts a 31-character name with Vietnamese letters and spaces', async () => {
    const host = createFakeExcel();
    const name = 'Phụ lục 01 (bản cũ) – Bộ Y tế 1';
    expect(name.length).toBe(31);
    await host.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    expect(host.sheetNames()).toContain(name);
  });

  it('follows a sheet through a rename within the batch that renamed it', async () => {
    const host = createFakeExcel({ sheets: ['Old'] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Old');
      sheet.name = 'New';
      sheet.getRange('A1').values = [['still here']];
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(['New']);
    expect(host.getCell('New', 'A1').value).toBe('still here');
  });

  it('deletes, moves, hides and activates sheets, keeping one visible sheet', async () => {
    const host = createFakeExcel({ sheets: ['A', 'B', 'C'] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('C').position = 0;
      sheets.getItem('B').delete();
      sheets.getItem('A').visibility = 'Hidden';
      sheets.getItem('C').activate();
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(['C', 'A']);
    expect(host.snapshot()).toMatchObject({ activeSheet: 'C', sheets: [{ name: 'C', visibility: 'Visible' }, { name: 'A', visibility: 'Hidden' }] });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('C').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('reports the active worksheet and counts sheets', async () => {
    const host = createFakeExcel({ sheets: ['A', 'B'] });
    const [active, count] = await host.run(async (context) => {
      const a = context.workbook.worksheets.getActiveWorksheet().load('name');
      const c = context.workbook.worksheets.getCount();
      await context.sync();
      return [a.name, c.value];
    });
    expect([active, count]).toEqual(['A', 2]);
  });

  it('freezes panes and sets the tab colour', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.freezePanes.freezeRows(3);
      sheet.tabColor = '#C00000';
      await context.sync();
    });
    expect(host.snapshot().sheets[0]).toMatchObject({ freezePanes: { rows: 3, columns: 0 }, tabColor: '#C00000' });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').freezePanes.freezeAt('B2');
      await context.sync();
    });
    expect(host.snapshot().sheets[0]!.freezePanes).toEqual({ rows: 2, columns: 2 });
  });

  it('keeps the page layout: orientation, paper, zoom, margins, print area and title rows', async () => {
    const host = createFakeExcel();
    const layout = await host.run(async (context) => {
      const pl = context.workbook.worksheets.getItem('Sheet1').pageLayout;
      pl.orientation = 'Landscape';
      pl.paperSize = 'A4';
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.centerHorizontally = true;
      pl.setPrintMargins('Inches', { left: 0.5, right: 0.5 });
      pl.setPrintArea('A1:O92');
      pl.setPrintTitleRows('$20:$21');
      pl.load('orientation,zoom,leftMargin');
      await context.sync();
      return pl.toJSON();
    });
    expect(layout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, leftMargin: 36 });
    expect(host.snapshot().sheets[0]!.pageLayout).toMatchObject({ paperSize: 'A4', centerHorizontally: true, printArea: 'A1:O92', printTitleRows: '$20:$21', margins: { left: 36, right: 36 } });
  });

  it('rejects print title rows that are not whole rows', async () => {
    const host = createFakeExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.setPrintTitleRows('A20:O21');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('rejects page layout on a host below ExcelApi 1.9', async () => {
    const host = createFakeExcel({ apiVersion: '1.8' });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
