import { HEADER_NAMES, META_NAMES } from '../../../src/domain/cellContract';
import { POINTS_PER_WIDTH_UNIT } from '../../../src/workbook/excel/renderStyles';
import { createExcelReturnWorkbook } from '../../../src/workbook/excel/returnWorkbook';
import { UserFacingError, type CreateReturnRequest } from '../../../src/workbook/port';
import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';
import { snapshotFakeSheet } from '../../support/snapshotFake';
import { bundled, catalogue, enlargedCatalogue, MINISTRY, planFor, PROVINCE, rowCount, units } from './fixtures';

const SHEET = 'Phụ lục 01';
const request = (over: Partial<CreateReturnRequest> = {}): CreateReturnRequest => ({ unitId: MINISTRY, year: 2023, lang: 'vi', replace: false, ...over });

function setup(apiVersion = '1.9') {
  const host = createFakeExcel({ apiVersion });
  return { host, workbook: createExcelReturnWorkbook(host, bundled) };
}

/** A person typing into named cells of the return, through the fake's editing (protection and validation apply). */
function type(host: FakeExcelHost, entries: Record<string, string>) {
  const names = host.snapshot().names;
  for (const [name, input] of Object.entries(entries)) {
    const target = names[name]!;
    const result = host.editCell(target.sheet!, target.address!, input);
    if (!result.ok) throw new Error(`typing into ${name}: ${result.code} ${result.message}`);
  }
}

async function expectUserFacing(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).code).toBe(code);
  expect((error as UserFacingError).messages.vi.length).toBeGreaterThan(10);
  expect((error as UserFacingError).messages.en.length).toBeGreaterThan(10);
  return error as UserFacingError;
}

describe('laying out a new return', () => {
  it('takes exactly two syncs, and the count does not grow with the catalogue', async () => {
    const { host, workbook } = setup();
    const result = await workbook.createReturn(request());
    expect(result).toEqual({ status: 'created', sheetName: SHEET, syncs: 2 });
    expect(host.syncCount).toBe(2);
    const ops = host.queuedOperationCount;

    const big = enlargedCatalogue(3);
    expect(rowCount(big)).toBe(3 * rowCount(catalogue));
    const bigHost = createFakeExcel();
    const bigResult = await createExcelReturnWorkbook(bigHost, () => ({ catalogue: big, units })).createReturn(request());
    expect(bigResult).toMatchObject({ status: 'created', syncs: 2 });
    expect(bigHost.syncCount).toBe(2);
    // Operations grow with the names and the rows' own prompts, never with a sync per row.
    expect(bigHost.queuedOperationCount).toBeLessThan(ops * 3.5);
    console.info(`queued operations for one return: ${ops} (${rowCount(catalogue)} rows); with 3× the indicators: ${bigHost.queuedOperationCount}; syncs 2 and 2`);
  });

  it('defines every name of the cell contract, on the plan’s address of the new sheet', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    const plan = planFor(MINISTRY);
    const sheet = snapshotFakeSheet(host, SHEET);
    expect(sheet.names).toEqual(Object.fromEntries(plan.names.map((n) => [n.name, n.address])));
  });

  it('writes targets with their formats, inputs unlocked and percent-formatted, merges, protection and prompts', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    const plan = planFor(MINISTRY);
    const sheet = snapshotFakeSheet(host, SHEET);
    const at = (name: string) => sheet.cells[sheet.names[name]!];

    expect(at('CT_1_1_TY')).toEqual({ value: 0.155, numberFormat: '0.0%', locked: true });
    expect(at('CT_2_3_T2025')).toEqual({ value: 0.5, numberFormat: '"> "0%', locked: true });
    expect(at('CT_1_2_OTHER_TY')!.value).toBe('Theo Kế hoạch của ngành, lĩnh vực');
    expect(at('CT_2_8_Q1')).toEqual({ value: null, numberFormat: '0.00%', locked: false });
    expect(at(HEADER_NAMES.unitId)).toEqual({ value: MINISTRY, numberFormat: 'General', locked: true });
    expect(at(HEADER_NAMES.year)!.value).toBe(2023);
    expect(at(META_NAMES.catalogueVersion)!.value).toBe(catalogue.catalogueVersion);
    // Text Excel would have read as a number or a formula stays text.
    expect(sheet.cells['A1']!.value).toBe('PHỤ LỤC 01');
    expect(Object.values(sheet.cells).some((c) => typeof c.value === 'string' && c.value.startsWith('- Trước ngày'))).toBe(true);

    expect(sheet.merges).toEqual([...plan.merges].sort());
    expect(sheet.protected).toBe(true);
    for (const v of plan.validations) expect([v.address, sheet.validationPrompts[v.address]]).toEqual([v.address, v.prompt.message]);
    const unlocked = Object.entries(sheet.cells).filter(([, c]) => !c.locked).map(([a]) => a).sort();
    expect(unlocked).toEqual(plan.cells.filter((c) => c.input).map((c) => c.address).sort());
  });

  it('sets the look, the print setup and the workbook properties, and activates the sheet', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    const plan = planFor(MINISTRY);
    const snap = host.snapshot();
    const sheet = snap.sheets.find((s) => s.name === SHEET)!;

    expect(snap.activeSheet).toBe(SHEET);
    expect(sheet.tabColor).toBe(plan.tabColor);
    expect(sheet.protection.options).toMatchObject({ allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' });
    expect(sheet.protection.hasPassword).toBe(false);
    expect(sheet.columnWidths['B']).toBeCloseTo(44 * POINTS_PER_WIDTH_UNIT, 2);
    expect(sheet.columnWidths['E']).toBeCloseTo(12 * POINTS_PER_WIDTH_UNIT, 2);
    for (const { row, height } of plan.rowHeights) expect(sheet.rowHeights[String(row)]).toBe(height);
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: plan.print.printArea,
      printTitleRows: `$${plan.print.titleRows.replace(':', ':$')}`,
    });
    expect(sheet.pageLayout.margins.left).toBeCloseTo(0.4 * 72, 5);
    expect(snap.customProperties).toMatchObject(plan.properties);
    expect(sheet.conditionalFormats).toHaveLength(plan.conditionalFormats.length);

    const header = host.getCell(SHEET, 'E' + plan.print.titleRows.split(':')[0]);
    expect(header.format).toMatchObject({ fill: '#D9E1F2', horizontalAlignment: 'Center', wrapText: true });
    expect(header.format.font.bold).toBe(true);
    // The header's merged cells carry their borders all round.
    const mergedRight = host.getCell(SHEET, 'M' + plan.print.titleRows.split(':')[0]);
    expect(mergedRight.format.borders.right).toMatchObject({ style: 'Continuous', weight: 'Thin' });
  });

  it('adds the notes as comments where ExcelApi 1.10 is there, and does not try below it', async () => {
    const plan = planFor(MINISTRY);
    expect(plan.notes.length).toBeGreaterThan(0);

    const modern = setup('1.10');
    await modern.workbook.createReturn(request());
    expect(modern.host.snapshot().sheets.find((s) => s.name === SHEET)!.comments).toEqual(Object.fromEntries(plan.notes.map((n) => [n.address, n.text])));

    // At 1.9 the fake rejects any comment call with ApiNotFound, so success means none was tried.
    const older = setup('1.9');
    await expect(older.workbook.createReturn(request())).resolves.toMatchObject({ status: 'created' });
    expect(older.host.snapshot().sheets.find((s) => s.name === SHEET)!.comments).toEqual({});
  });

  it('gives an unknown unit or a year without targets back as a message, before touching Excel', async () => {
    const { host, workbook } = setup();
    await expectUserFacing(workbook.createReturn(request({ unitId: 'bo-khong-co' })), 'unknown-unit');
    await expectUserFacing(workbook.createReturn(request({ year: 2031 })), 'year-without-targets');
    const later = units.units.find((u) => u.validFrom > '2023-12-31')!;
    const error = await expectUserFacing(workbook.createReturn(request({ unitId: later.id, year: 2023 })), 'unit-not-in-year');
    expect(error.messages.vi).toContain(later.name.vi);
    expect(host.syncCount).toBe(0);
    expect(host.queuedOperationCount).toBe(0);
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  it('leaves an unrelated sheet of the same name alone and takes the next free name', async () => {
    const { host, workbook } = setup();
    host.addSheet(SHEET);
    host.setCellValue(SHEET, 'A1', 'của người dùng');
    const result = await workbook.createReturn(request());
    expect(result).toMatchObject({ status: 'created', sheetName: `${SHEET} (2)` });
    expect(host.getCell(SHEET, 'A1').value).toBe('của người dùng');
  });

  it('lays out a province’s return as well', async () => {
    const { host, workbook } = setup();
    await expect(workbook.createReturn(request({ unitId: PROVINCE, lang: 'en' }))).resolves.toMatchObject({ status: 'created', sheetName: 'Appendix 01', syncs: 2 });
    expect(host.getCell('Appendix 01', snapshotFakeSheet(host, 'Appendix 01').names[HEADER_NAMES.unitId]!).value).toBe(PROVINCE);
  });
});

describe('a workbook that already holds a return', () => {
  it('is found in one sync, with how many inputs are filled', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    type(host, { CT_2_8_Q1: '12.5%', CT_2_9_Q1: '-', CT_CONTACT_NAME: 'Nguyễn Văn A', CT_TREND: '1. Tăng đều' });
    host.resetCounters();
    const existing = await workbook.findExistingReturn();
    expect(host.syncCount).toBe(1);
    expect(existing).toEqual({
      sheetName: SHEET,
      unitId: MINISTRY,
      unitName: 'Bộ Y tế',
      year: 2023,
      templateVersion: 'phuluc01-1',
      catalogueVersion: catalogue.catalogueVersion,
      filledInputs: 4,
    });
  });

  it('answers null in an empty workbook', async () => {
    const { host, workbook } = setup();
    await expect(workbook.findExistingReturn()).resolves.toBeNull();
    expect(host.syncCount).toBe(1);
  });

  it('is not replaced unless the person confirmed: nothing changes', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    type(host, { CT_2_8_Q1: '12.5%' });
    const before = JSON.stringify(host.snapshot());
    host.resetCounters();
    const result = await workbook.createReturn(request({ unitId: PROVINCE }));
    expect(result).toMatchObject({ status: 'exists', existing: { sheetName: SHEET, unitId: MINISTRY, filledInputs: 1 } });
    expect(host.syncCount).toBe(1);
    expect(JSON.stringify(host.snapshot())).toBe(before);
  });

  it('is kept whole on a backup sheet when replaced, and the names move to the new sheet, in two syncs', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    type(host, { CT_2_8_Q1: '12.5%', CT_CONTACT_EMAIL: 'a@moh.gov.vn' });
    const old = snapshotFakeSheet(host, SHEET);
    host.resetCounters();

    const result = await workbook.createReturn(request({ replace: true }));
    expect(result).toEqual({ status: 'created', sheetName: SHEET, syncs: 2, backupSheetName: `${SHEET} (cũ)` });
    expect(host.syncCount).toBe(2);

    const backup = snapshotFakeSheet(host, `${SHEET} (cũ)`);
    expect(backup.cells).toEqual(old.cells);
    expect(backup.cells[old.names['CT_2_8_Q1']!]!.value).toBe(0.125);
    expect(backup.protected).toBe(true);
    expect(backup.names).toEqual({});

    const fresh = snapshotFakeSheet(host, SHEET);
    expect(fresh.names).toEqual(Object.fromEntries(planFor(MINISTRY).names.map((n) => [n.name, n.address])));
    expect(fresh.cells[fresh.names['CT_2_8_Q1']!]!.value).toBeNull();
    expect(host.snapshot().activeSheet).toBe(SHEET);
    await expect(workbook.findExistingReturn()).resolves.toMatchObject({ sheetName: SHEET, filledInputs: 0 });

    const again = await workbook.createReturn(request({ replace: true, lang: 'en' }));
    expect(again).toMatchObject({ status: 'created', sheetName: 'Appendix 01', backupSheetName: `${SHEET} (old)` });
    expect(host.sheetNames()).toEqual(['Sheet1', `${SHEET} (cũ)`, `${SHEET} (old)`, 'Appendix 01']);
  });

  it('with one contract name deleted is still found, with what can be read', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    await host.run(async (context) => context.workbook.names.getItem(HEADER_NAMES.unitId).delete());
    await expect(workbook.findExistingReturn()).resolves.toMatchObject({ sheetName: SHEET, unitId: null, unitName: 'Bộ Y tế', year: 2023 });
  });

  it('whose sheet was deleted (names at #REF!) gets a message, not a stack trace, and can be laid out again', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    await host.run(async (context) => context.workbook.worksheets.getItem(SHEET).delete());
    expect(host.snapshot().names[HEADER_NAMES.unitId]!.formula).toContain('#REF!');

    const error = await expectUserFacing(workbook.findExistingReturn(), 'return-sheet-deleted');
    expect(error.messages.vi).toContain('#REF!');

    host.resetCounters();
    await expect(workbook.createReturn(request())).resolves.toMatchObject({ status: 'created', sheetName: SHEET, syncs: 2 });
    expect(host.syncCount).toBe(2);
    expect(snapshotFakeSheet(host, SHEET).names[HEADER_NAMES.unitId]).toBeDefined();
    expect(Object.values(host.snapshot().names).filter((n) => n.formula.includes('#REF!'))).toEqual([]);
  });

  it('with a contract name pointing at a constant is read as far as it goes', async () => {
    const { host, workbook } = setup();
    await workbook.createReturn(request());
    await host.run(async (context) => {
      context.workbook.names.getItem(HEADER_NAMES.year).delete();
      context.workbook.names.add(HEADER_NAMES.year, '=2023');
    });
    await expect(workbook.findExistingReturn()).resolves.toMatchObject({ sheetName: SHEET, unitId: MINISTRY, year: null });
    await expect(workbook.createReturn(request({ replace: true }))).resolves.toMatchObject({ status: 'created', syncs: 2 });
    expect(snapshotFakeSheet(host, SHEET).names[HEADER_NAMES.year]).toBeDefined();
  });
});

describe('Excel refusing a request', () => {
  it('reaches the person as a message in both languages', async () => {
    const host = createFakeExcel();
    const failing = { ...host, run: () => Promise.reject(Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' })) };
    const error = await expectUserFacing(createExcelReturnWorkbook(failing, bundled).findExistingReturn(), 'excel-failed');
    expect(error.messages.en).toContain('InvalidArgument');
  });
});
