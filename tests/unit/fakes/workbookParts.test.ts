import { createFakeExcel } from '../../fakes/fakeExcel';

describe('custom document properties', () => {
  it('round-trip: add, replace by key (case-insensitive), look up, list', async () => {
    const host = createFakeExcel();
    const read = await host.run(async (context) => {
      const custom = context.workbook.properties.custom;
      custom.add('chitieuYear', '2023');
      custom.add('chitieuVersion', 3);
      custom.add('CHITIEUYEAR', '2024');
      const year = custom.getItemOrNullObject('chitieuyear').load('key,value,type');
      const none = custom.getItemOrNullObject('missing');
      custom.load('items/key,items/value');
      await context.sync();
      return { year: year.toJSON(), none: none.isNullObject, all: custom.items.map((p) => [p.key, p.value]) };
    });
    expect(read).toEqual({
      year: { key: 'chitieuYear', value: '2024', type: 'String' },
      none: true,
      all: [
        ['chitieuYear', '2024'],
        ['chitieuVersion', 3],
      ],
    });
    expect(host.snapshot().customProperties).toEqual({ chitieuYear: '2024', chitieuVersion: 3 });
  });

  it('rejects a key over 255 characters', async () => {
    const host = createFakeExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.properties.custom.add('k'.repeat(256), 'v');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('settings', () => {
  it('round-trip JSON values, report missing ones as null objects, and delete', async () => {
    const host = createFakeExcel();
    const value = { unit: 'bo-y-te', years: [2023, 2025] };
    await host.run(async (context) => {
      context.workbook.settings.add('chitieu.lastUnit', value);
      value.years.push(1999); // not sent: values are captured when queued
      await context.sync();
    });
    const [got, missing] = await host.run(async (context) => {
      const s = context.workbook.settings.getItemOrNullObject('chitieu.lastUnit').load('value');
      const m = context.workbook.settings.getItemOrNullObject('chitieu.other');
      await context.sync();
      return [s.value, m.isNullObject];
    });
    expect(got).toEqual({ unit: 'bo-y-te', years: [2023, 2025] });
    expect(missing).toBe(true);
    await host.run(async (context) => {
      context.workbook.settings.getItem('chitieu.lastUnit').delete();
      await context.sync();
    });
    expect(host.snapshot().settings).toEqual({});
  });
});

describe('comments (ExcelApi 1.10)', () => {
  it('are refused at sync with ApiNotFound on the default 1.9 host, which also says so up front', async () => {
    const host = createFakeExcel();
    expect(host.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.10')).toBe(false);
    await expect(
      host.run(async (context) => {
        context.workbook.comments.add('Sheet1!A1', 'note');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound', debugInfo: { errorLocation: 'CommentCollection.add' } });
  });

  it('are stored on a 1.10 host, on a Range or a sheet-qualified address', async () => {
    const host = createFakeExcel({ apiVersion: '1.10', sheets: ['Phụ lục 01'] });
    expect(host.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.11')).toBe(false);
    const count = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Phụ lục 01');
      context.workbook.comments.add(sheet.getRange('E12'), 'Chiến lược: 20%');
      context.workbook.comments.add("'Phụ lục 01'!F12", 'Kế hoạch: 15%');
      const c = context.workbook.comments.getCount();
      await context.sync();
      return c.value;
    });
    expect(count).toBe(2);
    expect(host.snapshot().sheets[0]!.comments).toEqual({ E12: 'Chiến lược: 20%', F12: 'Kế hoạch: 15%' });
  });

  it('refuse an address without its sheet, a multi-cell range, and a protected sheet', async () => {
    const host = createFakeExcel({ apiVersion: '1.10' });
    const add = (target: (ctx: Excel.RequestContext) => Excel.Range | string) =>
      host.run(async (context) => {
        context.workbook.comments.add(target(context), 'x');
        await context.sync();
      });
    await expect(add(() => 'A1')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add((c) => c.workbook.worksheets.getItem('Sheet1').getRange('A1:B1'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    host.protectSheet('Sheet1');
    await expect(add(() => 'Sheet1!A1')).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('document properties', () => {
  it('keep title, subject and author', async () => {
    const host = createFakeExcel();
    const title = await host.run(async (context) => {
      const p = context.workbook.properties;
      p.title = 'Phụ lục 01';
      p.author = 'Bộ Y tế';
      p.load('title');
      await context.sync();
      return p.title;
    });
    expect(title).toBe('Phụ lục 01');
    expect(host.snapshot().documentProperties).toMatchObject({ title: 'Phụ lục 01', author: 'Bộ Y tế' });
  });
});
