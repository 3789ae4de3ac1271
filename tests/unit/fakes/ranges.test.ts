import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';

function onSheet<T>(host: FakeExcelHost, work: (sheet: Excel.Worksheet, context: Excel.RequestContext) => T | Promise<T>): Promise<T> {
  return host.run(async (context) => {
    const result = await work(context.workbook.worksheets.getItem('Sheet1'), context);
    await context.sync();
    return result;
  });
}

describe('2-D shapes', () => {
  it.each([
    ['values', [[1, 2, 3]]],
    ['values', [[1], [2]]],
    ['numberFormat', [['0%', '0%']]],
    ['formulas', [['=1', '=2'], ['=3']]],
  ] as const)('rejects %s of the wrong shape at sync with InvalidArgument', async (property, input) => {
    const host = createFakeExcel();
    const sync = onSheet(host, (sheet) => {
      (sheet.getRange('A1:B2') as unknown as Record<string, unknown>)[property] = input;
    });
    await expect(sync).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringContaining("doesn't match the size or dimensions of the range") });
    expect(host.usedRange('Sheet1')).toBeNull();
  });

  it('fills the whole range from a scalar, and takes [[x]] for one cell', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      sheet.getRange('A1:C2').numberFormat = '0.00' as never;
      sheet.getRange('A1:C2').values = 7 as never;
      sheet.getRange('D4').values = [['one']];
    });
    expect(host.getCell('Sheet1', 'C2')).toMatchObject({ value: 7, numberFormat: '0.00', text: '7.00' });
    expect(host.getCell('Sheet1', 'D4').value).toBe('one');
  });

  it('leaves a cell unchanged where the array holds null', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'B1', 'kept');
    await onSheet(host, (sheet) => {
      sheet.getRange('A1:B1').values = [['new', null]];
    });
    expect([host.getCell('Sheet1', 'A1').value, host.getCell('Sheet1', 'B1').value]).toEqual(['new', 'kept']);
  });

  it('treats format.protection.locked as a scalar over the range', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      sheet.getRange('A1:B2').format.protection.locked = false;
    });
    expect(host.getCell('Sheet1', 'B2').format.locked).toBe(false);
    expect(host.getCell('Sheet1', 'C3').format.locked).toBe(true);
  });
});

describe('strings written to values are read as if typed (en-US)', () => {
  it.each([
    ['1.1', 1.1, 'General'],
    ["'1.1", '1.1', 'General'],
    ['15.5%', 0.155, '0.00%'],
    ['15%', 0.15, '0%'],
    ['1,234', 1234, '#,##0'],
    ['15,5%', '15,5%', 'General'],
    ['TRUE', true, 'General'],
    ['05/4/2025', 45781, 'm/d/yyyy'],
    ['khoảng 6%', 'khoảng 6%', 'General'],
  ])('%s → %p (%s)', async (input, value, format) => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      sheet.getRange('A1').values = [[input]];
    });
    expect(host.getCell('Sheet1', 'A1')).toMatchObject({ value, numberFormat: format });
  });

  it('turns "- text" into a formula, the trap an apostrophe avoids', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      sheet.getRange('A1:A2').values = [['- Trước ngày 15'], ["'- Trước ngày 15"]];
    });
    expect(host.getCell('Sheet1', 'A1')).toMatchObject({ formula: '=- Trước ngày 15', valueType: 'Error' });
    expect(host.getCell('Sheet1', 'A2')).toMatchObject({ formula: null, value: '- Trước ngày 15' });
  });

  it('keeps strings as text in a Text (@) cell', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      const r = sheet.getRange('A1');
      r.numberFormat = [['@']];
      r.values = [['0012']];
    });
    expect(host.getCell('Sheet1', 'A1').value).toBe('0012');
  });
});

describe('reading ranges', () => {
  it('reports a sheet-qualified address, quoting names that need it', async () => {
    const host = createFakeExcel({ sheets: ['Phụ lục 01', 'Data'] });
    const [a, b] = await host.run(async (context) => {
      const x = context.workbook.worksheets.getItem('Phụ lục 01').getRange('$B$5:C6').load('address,rowCount,columnCount,rowIndex,columnIndex');
      const y = context.workbook.worksheets.getItem('Data').getRange('A:A').load('address');
      await context.sync();
      return [x.toJSON(), y.address];
    });
    expect(a).toEqual({ address: "'Phụ lục 01'!B5:C6", rowCount: 2, columnCount: 2, rowIndex: 4, columnIndex: 1 });
    expect(b).toBe('Data!A:A');
  });

  it('applies number formats to text: 0.155 under 0.0% displays 15.5%', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 0.155, '0.0%');
    host.setCellValue('Sheet1', 'B1', 0.155, '"> "0%');
    host.setCellValue('Sheet1', 'C1', 0.155);
    host.setCellValue('Sheet1', 'D1', 2.5, '0');
    const text = await onSheet(host, (sheet) => sheet.getRange('A1:D1').load('text'));
    expect(text.text).toEqual([['15.5%', '> 16%', '0.155', '3']]);
  });

  it('reads formula results in values and formula text in formulas', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 2);
    const r = await onSheet(host, (sheet) => {
      sheet.getRange('B1').formulas = [['=A1*3']];
      return sheet.getRange('A1:B1').load('values,formulas,valueTypes');
    });
    expect(r.values).toEqual([[2, 6]]);
    expect(r.formulas).toEqual([[2, '=A1*3']]);
    expect(r.valueTypes).toEqual([['Double', 'Double']]);
  });

  it('navigates without queuing: getCell, getOffsetRange, getResizedRange, getBoundingRect, getRow, getColumn', async () => {
    const host = createFakeExcel();
    const addresses = await onSheet(host, (sheet) => {
      const base = sheet.getRange('B2:D4');
      return [
        base.getCell(1, 1),
        base.getOffsetRange(1, -1),
        base.getResizedRange(1, 0),
        base.getBoundingRect('F1'),
        base.getRow(2),
        base.getColumn(0),
        base.getEntireColumn(),
        base.getLastCell(),
      ].map((r) => r.load('address'));
    });
    expect(host.queuedOperationCount).toBe(8);
    expect(addresses.map((r) => r.address)).toEqual([
      'Sheet1!C3',
      'Sheet1!A3:C5',
      'Sheet1!B2:D5',
      'Sheet1!B1:F4',
      'Sheet1!B4:D4',
      'Sheet1!B2:B4',
      'Sheet1!B:D',
      'Sheet1!D4',
    ]);
  });

  it('rejects a range off the sheet at sync', async () => {
    const host = createFakeExcel();
    await expect(onSheet(host, (sheet) => sheet.getRange('A1').getOffsetRange(-1, 0).load('address'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(onSheet(host, (sheet) => sheet.getRange('not an address').load('address'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('gives a null used range for an empty sheet and the bounding box otherwise', async () => {
    const host = createFakeExcel();
    const empty = await onSheet(host, (sheet) => sheet.getUsedRangeOrNullObject(true).load('address'));
    expect(empty.isNullObject).toBe(true);
    host.setCellValue('Sheet1', 'C3', 1);
    host.setCellValue('Sheet1', 'E7', 'x');
    const used = await onSheet(host, (sheet) => sheet.getUsedRangeOrNullObject(true).load('address'));
    expect([used.isNullObject, used.address]).toEqual([false, 'Sheet1!C3:E7']);
  });
});

describe('merges', () => {
  it('records merges and keeps only the upper-left value', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      sheet.getRange('A1:C1').values = [['title', 'lost', 'lost']];
      sheet.getRange('A1:C1').merge(false);
      sheet.getRange('A3:B4').merge(true);
    });
    const s = host.snapshot().sheets[0]!;
    expect(s.merges).toEqual(['A1:C1', 'A3:B3', 'A4:B4']);
    expect([host.getCell('Sheet1', 'A1').value, host.getCell('Sheet1', 'B1').value]).toEqual(['title', '']);
    expect(host.getCell('Sheet1', 'B1').mergedArea).toBe('A1:C1');
  });

  it('refuses a merge that cuts through another, and unmerges', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => sheet.getRange('A1:B2').merge());
    await expect(onSheet(host, (sheet) => sheet.getRange('B2:C3').merge())).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    await onSheet(host, (sheet) => sheet.getRange('A1:D4').merge());
    expect(host.snapshot().sheets[0]!.merges).toEqual(['A1:D4']);
    await onSheet(host, (sheet) => sheet.getRange('B2').unmerge());
    expect(host.snapshot().sheets[0]!.merges).toEqual([]);
  });
});

describe('formats', () => {
  it('stores fill, font, alignment, wrap, indent and borders per cell', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      const f = sheet.getRange('A1:B2').format;
      f.fill.color = 'yellow';
      f.font.bold = true;
      f.font.size = 13;
      f.font.name = 'Times New Roman';
      f.font.color = '#1f4e79';
      f.horizontalAlignment = 'Center';
      f.verticalAlignment = 'Top';
      f.wrapText = true;
      f.indentLevel = 2;
      for (const edge of ['EdgeTop', 'InsideHorizontal'] as const) {
        f.borders.getItem(edge).style = 'Continuous';
        f.borders.getItem(edge).weight = 'Medium';
      }
    });
    const a1 = host.getCell('Sheet1', 'A1').format;
    expect(a1).toMatchObject({ fill: '#FFFF00', horizontalAlignment: 'Center', verticalAlignment: 'Top', wrapText: true, indentLevel: 2 });
    expect(a1.font).toMatchObject({ bold: true, size: 13, name: 'Times New Roman', color: '#1F4E79' });
    expect(a1.borders.top).toEqual({ style: 'Continuous', weight: 'Medium', color: '#000000' });
    expect(a1.borders.bottom).toEqual({ style: 'Continuous', weight: 'Medium', color: '#000000' });
    expect(host.getCell('Sheet1', 'A2').format.borders.bottom).toBeNull();
  });

  it('reads the common value, or null where cells differ', async () => {
    const host = createFakeExcel();
    host.setFormat('Sheet1', 'A1', { font: { bold: true }, fill: '#FF0000' });
    const [mixed, same, nofill] = await onSheet(host, (sheet) => [
      sheet.getRange('A1:A2').format.font.load('bold'),
      sheet.getRange('A1').format.font.load('bold'),
      sheet.getRange('C3').format.fill.load('color'),
    ]);
    expect([mixed.bold, same.bold, nofill.color]).toEqual([null, true, '#FFFFFF']);
  });

  it('rejects values Excel rejects: unknown colours and alignments, out-of-range sizes', async () => {
    const host = createFakeExcel();
    await expect(onSheet(host, (sheet) => (sheet.getRange('A1').format.fill.color = 'not-a-colour'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(onSheet(host, (sheet) => (sheet.getRange('A1').format.horizontalAlignment = 'Middle' as never))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(onSheet(host, (sheet) => (sheet.getRange('A1').format.rowHeight = 500))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('keeps column widths and row heights in points, and a whole-sheet format without touching every cell', async () => {
    const host = createFakeExcel();
    await onSheet(host, (sheet) => {
      sheet.getRange('B1:C1').format.columnWidth = 120;
      sheet.getRange('A3').format.rowHeight = 30;
      sheet.getRange().format.font.name = 'Times New Roman';
      sheet.getRange('A:A').format.fill.color = '#DDEBF7';
      sheet.getRange('E:E').numberFormat = '@' as never;
    });
    const s = host.snapshot().sheets[0]!;
    expect(s.columnWidths).toEqual({ B: 120, C: 120 });
    expect(s.rowHeights).toEqual({ 3: 30 });
    expect(host.getCell('Sheet1', 'Z900').format.font.name).toBe('Times New Roman');
    expect(host.getCell('Sheet1', 'A900').format.fill).toBe('#DDEBF7');
    expect(host.getCell('Sheet1', 'E500').numberFormat).toBe('@');
    expect(host.editCell('Sheet1', 'E500', '0012')).toMatchObject({ ok: true, cell: { value: '0012' } });
    host.setCellValue('Sheet1', 'E500', null);
    expect(host.model.sheets[0]!.cells.size).toBe(1);
    const widths = await onSheet(host, (sheet) => [sheet.getRange('B:C').format.load('columnWidth'), sheet.getRange('A:B').format.load('columnWidth')]);
    expect(widths.map((w) => w.columnWidth)).toEqual([120, null]);
  });

  it('clears contents and formats separately', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 5, '0%');
    host.setFormat('Sheet1', 'A1', { font: { bold: true } });
    await onSheet(host, (sheet) => sheet.getRange('A1').clear('Contents'));
    expect(host.getCell('Sheet1', 'A1')).toMatchObject({ value: '', numberFormat: '0%' });
    await onSheet(host, (sheet) => sheet.getRange('A1').clear('Formats'));
    expect(host.getCell('Sheet1', 'A1')).toMatchObject({ numberFormat: 'General', format: { font: { bold: false } } });
  });
});

describe('RangeAreas and selection', () => {
  it('formats several areas at once through getRanges', async () => {
    const host = createFakeExcel();
    const areas = await onSheet(host, (sheet) => {
      const a = sheet.getRanges('A1:A2, C3');
      a.format.fill.color = '#FFFF00';
      return a.load('address,areaCount');
    });
    expect([areas.address, areas.areaCount]).toEqual(['Sheet1!A1:A2,Sheet1!C3', 2]);
    expect(['A2', 'C3', 'B1'].map((a) => host.getCell('Sheet1', a).format.fill)).toEqual(['#FFFF00', '#FFFF00', null]);
  });

  it('rejects getRanges on a host below ExcelApi 1.9', async () => {
    const host = createFakeExcel({ apiVersion: '1.8' });
    await expect(onSheet(host, (sheet) => (sheet.getRanges('A1,B2').format.fill.color = '#FFFF00'))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('tracks range.select() in getSelectedRange and the snapshot', async () => {
    const host = createFakeExcel({ sheets: ['A', 'B'] });
    const selected = await host.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('C4').select();
      await context.sync();
      const r = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return r.address;
    });
    expect(selected).toBe('B!C4');
    expect(host.snapshot()).toMatchObject({ activeSheet: 'B', selection: { sheet: 'B', address: 'C4' } });
  });
});
