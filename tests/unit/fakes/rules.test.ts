import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';

function batch<T>(host: FakeExcelHost, work: (sheet: Excel.Worksheet) => T): Promise<T> {
  return host.run(async (context) => {
    const out = work(context.workbook.worksheets.getItem('Sheet1'));
    await context.sync();
    return out;
  });
}

describe('data validation', () => {
  it('stores rule, prompt and error alert per range and reads them back', async () => {
    const host = createFakeExcel();
    const dv = await batch(host, (sheet) => {
      const v = sheet.getRange('E30:H30').dataValidation;
      v.rule = { decimal: { operator: 'Between', formula1: 0, formula2: 1 } };
      v.ignoreBlanks = true;
      v.prompt = { showPrompt: true, title: 'Chỉ tiêu 2.8', message: 'Nhập tỷ lệ phần trăm' };
      v.errorAlert = { showAlert: true, style: 'Warning', title: 'Ngoài khoảng', message: 'Giá trị từ 0% đến 100%' };
      return sheet.getRange('F30').dataValidation.load('rule,type,prompt,errorAlert,valid');
    });
    expect(dv.toJSON()).toEqual({
      rule: { decimal: { operator: 'Between', formula1: 0, formula2: 1 } },
      type: 'Decimal',
      prompt: { showPrompt: true, title: 'Chỉ tiêu 2.8', message: 'Nhập tỷ lệ phần trăm' },
      errorAlert: { showAlert: true, style: 'Warning', title: 'Ngoài khoảng', message: 'Giá trị từ 0% đến 100%' },
      valid: true,
    });
    expect(host.snapshot().sheets[0]!.validations).toEqual([
      expect.objectContaining({ ranges: ['E30:H30'], type: 'Decimal', prompt: expect.objectContaining({ title: 'Chỉ tiêu 2.8' }) }),
    ]);
    expect(host.getValidation('Sheet1', 'H30')?.errorAlert.style).toBe('Warning');
    expect(host.getValidation('Sheet1', 'I30')).toBeNull();
  });

  it('reports valid=false once a cell breaks the rule', async () => {
    const host = createFakeExcel();
    await batch(host, (sheet) => (sheet.getRange('A1:A2').dataValidation.rule = { wholeNumber: { operator: 'LessThanOrEqualTo', formula1: 10 } }));
    host.setCellValue('Sheet1', 'A2', 11);
    const dv = await batch(host, (sheet) => sheet.getRange('A1:A2').dataValidation.load('valid'));
    expect(dv.valid).toBe(false);
  });

  it.each([
    ['no criterion', {}],
    ['two criteria', { decimal: { operator: 'GreaterThan', formula1: 0 }, wholeNumber: { operator: 'GreaterThan', formula1: 0 } }],
    ['Between without formula2', { decimal: { operator: 'Between', formula1: 0 } }],
    ['an unknown operator', { decimal: { operator: 'Around', formula1: 0 } }],
    ['a list source over 255 characters', { list: { inCellDropDown: true, source: 'x,'.repeat(130) } }],
  ])('rejects a rule with %s', async (_label, rule) => {
    const host = createFakeExcel();
    await expect(batch(host, (sheet) => (sheet.getRange('A1').dataValidation.rule = rule as Excel.DataValidationRule))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('rejects a prompt title over 32 characters and a message over 255', async () => {
    const host = createFakeExcel();
    await expect(batch(host, (sheet) => (sheet.getRange('A1').dataValidation.prompt = { showPrompt: true, title: 'x'.repeat(33), message: '' }))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(batch(host, (sheet) => (sheet.getRange('A1').dataValidation.prompt = { showPrompt: true, title: '', message: 'x'.repeat(256) }))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('splits a rule when part of its range gets another, and clears', async () => {
    const host = createFakeExcel();
    await batch(host, (sheet) => {
      sheet.getRange('A1:A4').dataValidation.rule = { textLength: { operator: 'LessThanOrEqualTo', formula1: 100 } };
      sheet.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: 'Có,Không' } };
    });
    const s = host.snapshot().sheets[0]!;
    expect(s.validations.map((v) => [v.type, v.ranges])).toEqual([
      ['TextLength', ['A1', 'A3:A4']],
      ['List', ['A2']],
    ]);
    const mixed = await batch(host, (sheet) => [sheet.getRange('A1:A2').dataValidation.load('type'), sheet.getRange('A4:A5').dataValidation.load('type')]);
    expect(mixed.map((d) => d.type)).toEqual(['Inconsistent', 'MixedCriteria']);
    await batch(host, (sheet) => sheet.getRange('A1:A4').dataValidation.clear());
    expect(host.snapshot().sheets[0]!.validations).toEqual([]);
  });
});

describe('conditional formats', () => {
  it('stores a custom formula with its fill and font colour', async () => {
    const host = createFakeExcel();
    const id = await batch(host, (sheet) => {
      const cf = sheet.getRange('E23:H23').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=ISBLANK(E23)';
      cf.custom.format.fill.color = '#FFF2CC';
      cf.custom.format.font.color = '#9C0006';
      return cf.load('id');
    });
    expect(host.snapshot().sheets[0]!.conditionalFormats).toEqual([
      expect.objectContaining({ id: id.id, type: 'Custom', ranges: ['E23:H23'], formula: '=ISBLANK(E23)', format: expect.objectContaining({ fill: '#FFF2CC', fontColor: '#9C0006' }) }),
    ]);
  });

  it('judges relative custom formulas per cell for the preview', async () => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'F23', 5);
    await batch(host, (sheet) => {
      const cf = sheet.getRange('E23:F23').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=ISBLANK(E23)';
      cf.custom.format.fill.color = '#FFF2CC';
    });
    expect(host.conditionalFormatsAt('Sheet1', 'E23')).toHaveLength(1);
    expect(host.conditionalFormatsAt('Sheet1', 'F23')).toHaveLength(0);
  });

  it('stores cell-value rules, data bars and icon sets, and counts and clears them', async () => {
    const host = createFakeExcel();
    const count = await batch(host, (sheet) => {
      const range = sheet.getRange('A1:A10');
      const cv = range.conditionalFormats.add('CellValue');
      cv.cellValue.rule = { formula1: '0', formula2: '1', operator: 'NotBetween' };
      cv.cellValue.format.font.color = '#FF0000';
      range.conditionalFormats.add('DataBar').dataBar.barDirection = 'LeftToRight';
      range.conditionalFormats.add('IconSet').iconSet.style = 'ThreeArrows';
      return range.conditionalFormats.getCount();
    });
    expect(count.value).toBe(3);
    const cfs = host.snapshot().sheets[0]!.conditionalFormats;
    expect(cfs.map((c) => c.type)).toEqual(['IconSet', 'DataBar', 'CellValue']);
    expect(cfs[2]).toMatchObject({ operator: 'NotBetween', formula: '0', formula2: '1', format: { fontColor: '#FF0000' } });
    expect(cfs[1]!.settings).toEqual({ barDirection: 'LeftToRight' });
    host.setCellValue('Sheet1', 'A1', 2);
    expect(host.conditionalFormatsAt('Sheet1', 'A1').map((c) => c.type)).toEqual(['CellValue']);
    await batch(host, (sheet) => sheet.getRange('A1:A10').conditionalFormats.clearAll());
    expect(host.snapshot().sheets[0]!.conditionalFormats).toEqual([]);
  });

  it('keeps icon sets as Office.js shapes them: a style resets the criteria, one criterion per icon, the first ignored', async () => {
    const host = createFakeExcel();
    await batch(host, (sheet) => {
      const a = sheet.getRange('A1:A10').conditionalFormats.add('IconSet').iconSet;
      a.style = 'FourArrows';
      a.showIconOnly = true;
      // The first criterion's type, operator and formula are ignored, as Office.js documents.
      a.criteria = [
        { type: 'Number', operator: 'GreaterThan', formula: '=99' },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=2' },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=3' },
        { type: 'Percentile', operator: 'GreaterThan', formula: '=90' },
      ];
      // Criteria set before the style are lost when the style is chosen.
      const b = sheet.getRange('B1:B10').conditionalFormats.add('IconSet').iconSet;
      b.criteria = [{} as Excel.ConditionalIconCriterion, { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=5' }, { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=7' }];
      b.style = 'ThreeSymbols';
    });
    const [b, a] = host.snapshot().sheets[0]!.conditionalFormats;
    expect(a!.settings).toEqual({
      style: 'FourArrows',
      showIconOnly: true,
      criteria: [
        { type: 'Percent', operator: 'GreaterThanOrEqual', formula: '=0' },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=2' },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=3' },
        { type: 'Percentile', operator: 'GreaterThan', formula: '=90' },
      ],
    });
    expect(b!.settings.criteria).toEqual([
      { type: 'Percent', operator: 'GreaterThanOrEqual', formula: '=0' },
      { type: 'Percent', operator: 'GreaterThanOrEqual', formula: '=33' },
      { type: 'Percent', operator: 'GreaterThanOrEqual', formula: '=67' },
    ]);
  });

  it.each<[string, (f: Excel.IconSetConditionalFormat) => void]>([
    ['an unknown style', (f) => (f.style = 'SixSmileys' as Excel.IconSet)],
    ['two criteria for three icons', (f) => (f.criteria = [{} as Excel.ConditionalIconCriterion, { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=1' }])],
    ['an unknown operator', (f) => (f.criteria = [{} as Excel.ConditionalIconCriterion, { type: 'Number', operator: 'LessThan' as 'GreaterThan', formula: '=1' }, { type: 'Number', operator: 'GreaterThan', formula: '=2' }])],
    ['an empty formula', (f) => (f.criteria = [{} as Excel.ConditionalIconCriterion, { type: 'Number', operator: 'GreaterThan', formula: '' }, { type: 'Number', operator: 'GreaterThan', formula: '=2' }])],
    ['showIconOnly not a boolean', (f) => (f.showIconOnly = 'yes' as unknown as boolean)],
  ])('rejects an icon set with %s', async (_, change) => {
    const host = createFakeExcel();
    await expect(batch(host, (sheet) => change(sheet.getRange('A1:A3').conditionalFormats.add('IconSet').iconSet as unknown as Excel.IconSetConditionalFormat))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('rejects using the wrong part of a conditional format', async () => {
    const host = createFakeExcel();
    await expect(
      batch(host, (sheet) => {
        sheet.getRange('A1').conditionalFormats.add('DataBar').custom.rule.formula = '=TRUE';
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
