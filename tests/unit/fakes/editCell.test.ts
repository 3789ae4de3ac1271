import { createFakeExcel } from '../../fakes/fakeExcel';

describe('a person typing into a cell (en-US)', () => {
  it.each([
    ['0.85', 'General', 0.85, 'General', '0.85'],
    ['15.5%', 'General', 0.155, '0.00%', '15.50%'],
    ['15,5%', 'General', '15,5%', 'General', '15,5%'],
    ['15.5', '0.0%', 0.155, '0.0%', '15.5%'],
    ['0.85', '0.0%', 0.85, '0.0%', '85.0%'],
    ['15.5%', '0.0%', 0.155, '0.0%', '15.5%'],
    ["'15.5", 'General', '15.5', 'General', '15.5'],
    ['true', 'General', true, 'General', 'TRUE'],
    ['1,234.5', 'General', 1234.5, '#,##0.00', '1,234.50'],
    ['(5)', 'General', -5, 'General', '-5'],
    ['12/31/2024', 'General', 45657, 'm/d/yyyy', '12/31/2024'],
    ['khoảng 6%', '0.00%', 'khoảng 6%', '0.00%', 'khoảng 6%'],
    ['42', '@', '42', '@', '42'],
  ])('%p into a %s cell → %p shown as %p', (typed, format, value, numberFormat, text) => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'B3', null, format);
    const result = host.editCell('Sheet1', 'B3', typed);
    expect(result).toMatchObject({ ok: true, cell: { value, numberFormat, text } });
  });

  it('enters formulas and shows their result', () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'A1', 4);
    expect(host.editCell('Sheet1', 'A2', '=A1/8')).toMatchObject({ ok: true, cell: { formula: '=A1/8', value: 0.5, text: '0.5' } });
  });

  it('refuses a locked cell on a protected sheet with Excel’s message, and takes an unlocked one', () => {
    const host = createFakeExcel();
    host.setFormat('Sheet1', 'C3', { locked: false });
    host.protectSheet('Sheet1');
    expect(host.editCell('Sheet1', 'B3', '1')).toEqual({
      ok: false,
      code: 'AccessDenied',
      message: "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
    });
    expect(host.getCell('Sheet1', 'B3').value).toBe('');
    expect(host.editCell('Sheet1', 'C3', '1')).toMatchObject({ ok: true, cell: { value: 1 } });
  });

  it('applies data validation: a Stop alert refuses, a Warning lets the entry through with the alert', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const stop = sheet.getRange('A1').dataValidation;
      stop.rule = { wholeNumber: { operator: 'Between', formula1: 1, formula2: 4 } };
      stop.errorAlert = { showAlert: true, style: 'Stop', title: 'Quý', message: 'Quý từ 1 đến 4' };
      const warn = sheet.getRange('A2').dataValidation;
      warn.rule = { decimal: { operator: 'Between', formula1: 0, formula2: 1 } };
      warn.errorAlert = { showAlert: true, style: 'Warning', title: 'Tỷ lệ', message: 'Từ 0% đến 100%' };
      await context.sync();
    });
    expect(host.editCell('Sheet1', 'A1', '5')).toMatchObject({ ok: false, code: 'ValidationStop', message: 'Quý từ 1 đến 4' });
    expect(host.getCell('Sheet1', 'A1').value).toBe('');
    expect(host.editCell('Sheet1', 'A1', '3')).toMatchObject({ ok: true });
    expect(host.editCell('Sheet1', 'A2', 'khoảng 6%')).toMatchObject({ ok: true, validationAlert: { style: 'Warning', message: 'Từ 0% đến 100%' } });
    expect(host.getCell('Sheet1', 'A2').value).toBe('khoảng 6%');
  });

  it('types into the top-left of a merged area and tells subscribers', async () => {
    const host = createFakeExcel();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B2:D2').merge();
      await context.sync();
    });
    let told = 0;
    host.subscribe(() => told++);
    expect(host.editCell('Sheet1', 'C2', 'tiêu đề')).toMatchObject({ ok: true, cell: { address: 'B2' } });
    expect(host.getCell('Sheet1', 'B2').value).toBe('tiêu đề');
    expect(told).toBe(1);
  });
});
