import { createFakeExcel } from '../../fakes/fakeExcel';

describe('queued batches', () => {
  it('throws PropertyNotLoaded, shaped like OfficeExtension.Error, for a property never loaded', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 5);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      let thrown: unknown;
      try {
        void range.values;
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        message: expect.stringContaining("The property 'values' is not available. Before reading the property's value, call the load method"),
        debugInfo: { errorLocation: 'Range.values' },
      });
      range.load('values');
      expect(() => range.values).toThrow(/not available/); // loaded only after the sync
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(() => range.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('does not apply a write before the sync, and a written property reads as not loaded until loaded', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2');
      range.values = [['1.5']];
      expect(host.getCell('Sheet1', 'B2').value).toBe('');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(host.getCell('Sheet1', 'B2').value).toBe(1.5);
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      await context.sync();
      // What Excel made of the string, not what was written.
      expect(range.values).toEqual([[1.5]]);
    });
  });

  it('reflects a written value in the proxy when asked to behave exactly like Office.js', async () => {
    const host = createFakeExcel({ reflectWritesInProxy: true });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2');
      range.values = [['1.5']];
      expect(range.values).toEqual([['1.5']]);
      expect(host.getCell('Sheet1', 'B2').value).toBe('');
      await context.sync();
    });
  });

  it('reads what the workbook held when the load ran, not what later operations in the batch did', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 'before');
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      range.values = [['after']];
      await context.sync();
      expect(range.values).toEqual([['before']]);
    });
    expect(host.getCell('Sheet1', 'A1').value).toBe('after');
  });

  it.each([
    ['a comma-separated string', 'values, numberFormat'],
    ['an array', ['values', 'numberFormat']],
    ['select', { select: 'values,numberFormat' }],
    ['a property object', { values: true, numberFormat: true }],
  ])('accepts load(%s)', async (_label, spec) => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 0.5, '0%');
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load(spec as string);
      await context.sync();
      expect(range.values).toEqual([[0.5]]);
      expect(range.numberFormat).toEqual([['0%']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('loads navigation paths such as format/font/bold, and load() loads every scalar', async () => {
    const host = createFakeExcel();
    host.setFormat('Sheet1', 'A1', { font: { bold: true } });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('format/font/bold');
      const whole = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').load();
      await context.sync();
      expect(range.format.font.bold).toBe(true);
      expect(() => range.format.font.italic).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(whole.address).toBe('Sheet1!A1:B1');
      expect(whole.columnCount).toBe(2);
    });
  });

  it('counts syncs and queued operations exactly: 3 sets + 1 load + 1 sync', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      range.values = [[1, 2], [3, 4]];
      range.numberFormat = [['0.0', '0.0'], ['0.0', '0.0']];
      range.format.font.bold = true;
      range.load('text');
      await context.sync();
    });
    expect(host.syncCount).toBe(1);
    expect(host.queuedOperationCount).toBe(4);
    host.resetCounters();
    expect([host.syncCount, host.queuedOperationCount]).toEqual([0, 0]);
  });

  it("counts Excel.run's closing sync only when operations were left queued", async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
    });
    expect(host.syncCount).toBe(1);
    expect(host.getCell('Sheet1', 'A1').value).toBe(1);
    await host.run(async () => undefined);
    expect(host.syncCount).toBe(1);
  });

  it('stops a failing batch at the failing operation: earlier ones stay done, later ones are dropped', async () => {
    const host = createFakeExcel();
    const error = await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1').values = [['first']];
        sheet.getRange('A2:B2').values = [['only one']];
        sheet.getRange('A3').values = [['never']];
        const loaded = sheet.getRange('A1').load('values');
        await context.sync().catch((e) => {
          expect(() => loaded.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
          throw e;
        });
      })
      .catch((e) => e);
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'InvalidArgument', debugInfo: { errorLocation: 'Range.values' } });
    expect(host.getCell('Sheet1', 'A1').value).toBe('first');
    expect(host.getCell('Sheet1', 'A3').value).toBe('');
  });

  it('refuses a batch function that does not return a promise', async () => {
    const host = createFakeExcel();
    await expect(host.run((() => 1) as never)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  it('refuses objects used after their Excel.run finished', async () => {
    const host = createFakeExcel();
    const range = await host.run(async (context) => context.workbook.worksheets.getItem('Sheet1').getRange('A1'));
    expect(() => {
      range.values = [[1]];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  it('refuses objects from another request context', async () => {
    const host = createFakeExcel();
    await host.run(async (outer) => {
      const range = outer.workbook.worksheets.getItem('Sheet1').getRange('A1');
      await host.run(async (inner) => {
        expect(() => inner.workbook.names.add('X', range)).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
      });
    });
  });

  it('fails loudly on an Office.js member the fake does not implement', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.getSpillingToRange()).toThrow(/does not implement Range\.getSpillingToRange/);
    });
  });

  it('gives a ClientResult its value only after the sync', async () => {
    const host = createFakeExcel({ sheets: ['A', 'B'] });
    await host.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  it('tells subscribers after a sync that changed the workbook, not after one that only read', async () => {
    const host = createFakeExcel();
    const calls: number[] = [];
    const stop = host.subscribe(() => calls.push(host.syncCount));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await context.sync();
      expect(calls).toEqual([]);
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
      expect(calls).toEqual([2]);
    });
    stop();
    host.setCellValue('Sheet1', 'A2', 1);
    expect(calls).toEqual([2]);
  });

  it('applies set({...}) as one assignment per property', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.format.set({ wrapText: true, font: { italic: true, color: '#FF0000' } });
      await context.sync();
    });
    expect(host.queuedOperationCount).toBe(3);
    const cell = host.getCell('Sheet1', 'A1');
    expect([cell.format.wrapText, cell.format.font.italic, cell.format.font.color]).toEqual([true, true, '#FF0000']);
  });

  it('counts suspendApiCalculationUntilNextSync as a queued operation and otherwise ignores it', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
    });
    expect([host.syncCount, host.queuedOperationCount]).toEqual([1, 1]);
  });
});
