/**
 * The server's check of a payload agrees with the client's check of the workbook it came from:
 * same flags (rule, severity, cell name, key, justification; not the address, which the payload
 * does not carry) in the same order, same assessment, same counts.
 */
import fc from 'fast-check';
import { fillsForYear, findUnit } from '../../../../src/catalogue/load';
import { tableCellName, type TableColumn } from '../../../../src/domain/cellContract';
import type { CheckResult } from '../../../../src/domain/flags';
import { parseFigureCell } from '../../../../src/domain/parse';
import { acceptance, buildPayload, checkPayload, payloadToReturnData, unitMayReport } from '../../../../src/domain/payload';
import type { RawCell, ReturnData } from '../../../../src/domain/returnData';
import { A_COMPARISON, aReturn, catalogue, check, steady, units, type ReturnBuilder } from '../validate/builders';

const ID = '3f1c2b9e-8d4a-4c6b-9e2f-0a1b2c3d4e5f';
const AT = '2025-07-05T08:30:00.000Z';

const project = (r: CheckResult) => ({
  flags: r.flags.map((f) => ({ rule: f.rule, severity: f.severity, cellName: f.cellName, key: f.key, justification: f.justification })),
  assessment: r.assessment,
  quarter: r.quarter,
  counts: r.counts,
});

function both(data: ReturnData, quarter: number) {
  const client = check(data, { quarter });
  const payload = buildPayload(data, client, { submissionId: ID, submittedAt: AT, quarter });
  const server = checkPayload(payload, { catalogue, units });
  return { client, server, payload };
}

function expectParity(data: ReturnData, quarter: number): CheckResult {
  const { client, server } = both(data, quarter);
  expect(project(server)).toEqual(project(client));
  return client;
}

const cell = (value: unknown, extra: Partial<RawCell> = {}): RawCell => ({ value, ...extra });

/** Every row the unit answers for, filled steadily up to the quarter. */
function filled(unitId: string, year: number, quarter: number, percent = 50): ReturnBuilder {
  const b = aReturn(unitId, year, quarter);
  for (const row of fillsForYear(findUnit(units, unitId)!, year)) steady(b, row, percent, quarter);
  return b;
}

describe('checkPayload agrees with validateReturn', () => {
  it.each([1, 2, 3, 4])('a complete return, Q%i', (q) => {
    const r = expectParity(filled('bo-y-te', 2025, q).build(), q);
    expect(r.flags.length).toBeGreaterThan(0);
  });

  it('a return with warnings (behind the path, a jump, comparisons without a source) and their justifications', () => {
    const b = filled('bo-cong-thuong', 2024, 3, 5)
      .cell('1.3', 'Q2', 40)
      .cell('1.3', 'Q1_INTL', 'Thái Lan 20%')
      .cell('1.4', 'TY_INTL', 'Malaysia')
      .cell('1.4', 'T2025_INTL', 'ITU 2022');
    const first = check(b.build(), { quarter: 3 });
    const warnings = first.flags.filter((f) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(2);
    for (const f of warnings) b.justify(f.key, `Giải trình cho ${f.rule}: "trích dẫn", dấu phẩy`);
    b.justify('intl.missing:CT_9_9_Q1', 'a justification whose flag has gone');
    const r = expectParity(b.build(), 3);
    expect(r.flags.filter((f) => f.justification).length).toBe(warnings.length);
  });

  it('provisional figures: by format, in words, still provisional in an earlier quarter', () => {
    const data = filled('bo-cong-thuong', 2025, 3)
      .cell('1.3', 'Q1', cell(0.1496, { numberFormat: '0.00%" (ước)"', text: '14.96% (ước)' }))
      .cell('1.3', 'Q2', cell(0.14956, { numberFormat: '0.00%" (ước)"', text: '14.96% (ước)' }))
      .cell('1.3', 'Q3', 'ước 16,2%')
      .cell('1.4', 'Q3', cell(0.2, { numberFormat: '0%" (ước)"', text: '0.2' }))
      .build();
    const r = expectParity(data, 3);
    expect(r.flags.some((f) => f.rule === 'figure.stillProvisional')).toBe(true);
  });

  it('approximate figures and bounds, typed and by format', () => {
    const data = filled('bo-cong-thuong', 2025, 2)
      .cell('1.3', 'Q1', 'khoảng 6%')
      .cell('1.3', 'Q2', 'trên 50%')
      .cell('1.4', 'Q1', cell(0.5, { numberFormat: '"> "0%', text: '> 50%' }))
      .cell('1.4', 'Q2', '~ 0,5')
      .build();
    expectParity(data, 2);
  });

  it('no data with and without a reason, deferred figures, Excel #N/A', () => {
    const data = filled('bo-y-te', 2024, 2)
      .cell('2.8', 'Q2', '- (chưa điều tra)')
      .cell('2.9', 'Q2', '-')
      .cell('2.10', 'Q2', 'Chưa có số liệu')
      .cell('2.11', 'Q2', cell('#N/A'))
      .cell('2.8', 'Q1', 'Theo Kế hoạch của Bộ Y tế')
      .build();
    const r = expectParity(data, 2);
    expect(r.flags.map((f) => f.rule)).toEqual(expect.arrayContaining(['figure.noData', 'figure.noDataReason', 'figure.deferred']));
  });

  it('ambiguous numbers: a bare 0.85 and "0,85" warn on both sides; a percent-formatted 0.155 read by ExcelJS ("0.155") does not', () => {
    const data = filled('bo-cong-thuong', 2025, 2)
      .cell('1.3', 'Q1', cell(0.85, { numberFormat: 'General', text: '0.85' }))
      .cell('1.3', 'Q2', '0,85')
      .cell('1.4', 'Q1', cell(0.155, { numberFormat: '0.00%', text: '0.155' }))
      .cell('1.4', 'Q2', cell(0.123456789, { numberFormat: 'General', text: '0.123457' }))
      .build();
    const r = expectParity(data, 2);
    expect(r.flags.filter((f) => f.rule === 'figure.ambiguousUnit').map((f) => f.cellName).sort()).toEqual(['CT_1_3_Q1', 'CT_1_3_Q2', 'CT_1_4_Q2']);
  });

  it('a figure whose display rounds keeps its full value (Office shows "14.96%" for 0.14956)', () => {
    const data = filled('bo-cong-thuong', 2025, 4).cell('1.3', 'Q4', cell(0.14956, { numberFormat: '0.00%', text: '14.96%' })).build();
    const { client, server, payload } = both(data, 4);
    expect(project(server)).toEqual(project(client));
    expect(payload.figures.find((f) => f.row === '1.3' && f.quarter === 4)!.value).toBe(14.956);
    expect(server.assessment.find((a) => a.indicator === '1.3')!.value).toBe(14.956);
  });

  it('an empty return: header and focal point problems, every required figure missing', () => {
    const data = aReturn('bo-y-te', 2025, 2).contact({ name: null, email: 'khong-phai-email', phone: 'abc' }).section('trend', null).build();
    const r = expectParity(data, 2);
    expect(acceptance(r).accept).toBe(false);
  });

  it('an unknown unit, a unit that no longer reports, a year without targets', () => {
    expectParity(aReturn('khong-co', 2025, 1).build(), 1);
    expectParity(filled('bo-ke-hoach-va-dau-tu', 2024, 1).build(), 1);
    expectParity(aReturn('bo-ke-hoach-va-dau-tu', 2026, 1).build(), 1);
    expectParity(aReturn('bo-y-te', 2022, 1).build(), 1);
  });

  it('the quarter written as "Quý II" is the quarter the payload carries', () => {
    expectParity(filled('bo-y-te', 2025, 2).quarter('Quý II').build(), 2);
  });
});

describe('where the server cannot see what the client saw (buildPayload leaves it out)', () => {
  it('figures and comparisons in quarters after the reported one', () => {
    const data = filled('bo-y-te', 2025, 1).cell('2.8', 'Q3', 40).cell('2.8', 'Q2_INTL', 'Thái Lan').build();
    const { client, server } = both(data, 1);
    const only = project(client).flags.filter((f) => !project(server).flags.some((s) => s.key === f.key));
    expect(only.map((f) => f.key).sort()).toEqual(['figure.laterQuarter:CT_2_8_Q3', 'intl.noSource:CT_2_8_Q2_INTL', 'intl.noYear:CT_2_8_Q2_INTL']);
    expect(server.flags.every((s) => client.flags.some((c) => c.key === s.key))).toBe(true);
  });

  it('an empty or wrong CT_QUARTER: the payload carries the quarter the client chose', () => {
    const data = filled('bo-y-te', 2025, 2).quarter(null).build();
    const { client, server } = both(data, 2);
    expect(client.flags.map((f) => f.rule)).toContain('header.quarterMissing');
    expect(server.flags.map((f) => f.rule)).not.toContain('header.quarterMissing');
  });
});

describe('acceptance and unitMayReport', () => {
  it('accepts a return without errors, with warnings', () => {
    const r = checkPayload(both(filled('bo-y-te', 2025, 2).build(), 2).payload, { catalogue, units });
    expect(r.counts.error).toBe(0);
    expect(acceptance(r)).toEqual({ accept: true, errors: [] });
  });

  it('refuses with the errors listed', () => {
    const r = checkPayload(both(aReturn('bo-y-te', 2025, 2).contact({ email: 'x' }).build(), 2).payload, { catalogue, units });
    const a = acceptance(r);
    expect(a.accept).toBe(false);
    expect(a.errors.length).toBe(r.counts.error);
    expect(a.errors.every((f) => f.severity === 'error')).toBe(true);
  });

  it('says whether the unit reports in the year', () => {
    expect(unitMayReport({ unitId: 'bo-y-te', year: 2025 }, units)).toEqual({ ok: true });
    expect(unitMayReport({ unitId: 'bo-ke-hoach-va-dau-tu', year: 2024 }, units)).toEqual({ ok: true });
    // Merged into bo-tai-chinh on 2025-02-28: it still reports for 2025 (its validity overlaps the year).
    expect(unitMayReport({ unitId: 'bo-ke-hoach-va-dau-tu', year: 2025 }, units, catalogue)).toEqual({ ok: true });
    const unknown = unitMayReport({ unitId: 'khong-co', year: 2025 }, units);
    expect(unknown).toMatchObject({ ok: false, message: { en: expect.stringMatching(/not in the list/) } });
    const noTargets = unitMayReport({ unitId: 'bo-y-te', year: 2026 }, units);
    expect(noTargets).toMatchObject({ ok: false, message: { vi: expect.stringMatching(/2023, 2024, 2025/) } });
  });

  it('refuses a unit outside its validity', () => {
    const later = { ...units, units: units.units.map((u) => (u.id === 'bo-y-te' ? { ...u, validFrom: '2025-01-01' } : u)) };
    const r = unitMayReport({ unitId: 'bo-y-te', year: 2024 }, later, catalogue);
    expect(r).toMatchObject({ ok: false, message: { en: expect.stringMatching(/does not report for 2024 \(valid 2025-01-01\)/) } });
  });
});

describe('payloadToReturnData', () => {
  it('rebuilds cells the parser reads as the client read them, without target columns or locations', () => {
    const data = filled('bo-cong-thuong', 2025, 3)
      .cell('1.3', 'Q1', 'khoảng 6%')
      .cell('1.3', 'Q2', cell(0.14956, { numberFormat: '0.00%" (ước)"', text: '14.96% (ước)' }))
      .cell('1.3', 'Q3', '- (chưa điều tra)')
      .build();
    const { payload } = both(data, 3);
    const back = payloadToReturnData(payload, catalogue, units);
    expect(back.table['1.3']!.Q1).toEqual({ value: 'khoảng 6%', numberFormat: 'General' });
    expect(parseFigureCell(back.table['1.3']!.Q2!)).toMatchObject({ kind: 'number', percent: 14.956, provisional: true });
    expect(back.table['1.3']!.Q3).toEqual({ value: '- (chưa điều tra)' });
    expect(back.table['1.3']!.Q4).toBeUndefined();
    expect(back.table['1.3']!.TY).toBeUndefined();
    expect(back.locations).toEqual({});
    expect(back.unitName).toEqual({ value: findUnit(units, 'bo-cong-thuong')!.name.vi });
    expect(back.year).toEqual({ value: 2025 });
  });

  it('trusts the claimed value over a typed text that says otherwise', () => {
    const { payload } = both(filled('bo-y-te', 2025, 1).build(), 1);
    const f = payload.figures.find((x) => x.status === 'number')!;
    f.typed = '99%';
    f.value = 12.5;
    const back = payloadToReturnData(payload, catalogue);
    const parsed = parseFigureCell(back.table[f.row]![`Q${f.quarter}` as TableColumn]!);
    expect(parsed).toMatchObject({ kind: 'number', percent: 12.5 });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any readable return, without later-quarter content, is checked alike on both sides.

const FORMATS = ['0.00%', '0%', '0.0%', '#,##0.00%', 'General', '0.00', '0.00%" (ước)"', '0%" (tạm ước tính)"', '"> "0%', '"≥ "0.0%'];
const TEXTS = [
  '15,5%', '14.96 %', '0,85', '0.5', '85', '0', '100%', 'khoảng 6%', '~6%', 'trên 50%', '≥ 10%', 'ước 16,2%', '15,5% (p)', '14,26%1',
  '15% (năm 2022)', '-', '- (chưa điều tra)', 'Chưa có số liệu', 'N/A', 'x', '#N/A', 'Theo Kế hoạch của Bộ Y tế', '', '  ',
];
const PARTS = ['1', '5', '0', ',', '.', '%', ' ', '-', '(', ')', 'khoảng', 'trên', 'ước', 'tạm tính', 'chưa có số liệu', 'Theo', 'kế hoạch', '≥', '~'];

const numberCell: fc.Arbitrary<RawCell> = fc
  .record({
    value: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }).map((n) => n / 100), fc.integer({ min: 0, max: 100 }), fc.double({ min: 1, max: 100, noNaN: true })),
    numberFormat: fc.constantFrom(...FORMATS),
    textKind: fc.constantFrom('none', 'exceljs', 'office', 'hashes'),
  })
  .map(({ value, numberFormat, textKind }) => {
    const text = textKind === 'exceljs' ? String(value) : textKind === 'office' ? `${(value * 100).toFixed(2)}%` : textKind === 'hashes' ? '####' : undefined;
    return { value, numberFormat, ...(text !== undefined ? { text } : {}) };
  });
const textCell: fc.Arbitrary<RawCell> = fc
  .oneof(fc.constantFrom(...TEXTS), fc.array(fc.constantFrom(...PARTS), { maxLength: 6 }).map((p) => p.join('')))
  .map((value) => ({ value, numberFormat: 'General' }));
const anyFigure: fc.Arbitrary<RawCell> = fc.oneof(numberCell, textCell, fc.constant({ value: null }));
/** Unreadable figures cannot be submitted (buildPayload refuses them): they are left empty here. */
const readable = (c: RawCell): RawCell => (['error', 'invalid'].includes(parseFigureCell(c).kind) ? { value: null } : c);

const COMPARISONS = [A_COMPARISON, 'Thái Lan 20%', 'ITU 2022', 'Malaysia 22% (World Bank, 2023)', '-', '', 'chưa có'];
const ROWS = ['1.1', '1.3', '1.4', '2.1', '2.8', '2.11'];

const anyReturn = fc.record({
  unit: fc.constantFrom('bo-y-te', 'bo-cong-thuong', 'tinh-cao-bang', 'bo-ke-hoach-va-dau-tu', 'bo-thong-tin-va-truyen-thong'),
  year: fc.constantFrom(2023, 2024, 2025),
  quarter: fc.integer({ min: 1, max: 4 }),
  steadyPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  figures: fc.array(fc.tuple(fc.constantFrom(...ROWS), fc.integer({ min: 1, max: 4 }), anyFigure), { maxLength: 16 }),
  comparisons: fc.array(fc.tuple(fc.constantFrom(...ROWS), fc.constantFrom<TableColumn>('Q1_INTL', 'Q2_INTL', 'Q3_INTL', 'TY_INTL', 'T2025_INTL'), fc.constantFrom(...COMPARISONS)), { maxLength: 8 }),
  sections: fc.boolean(),
  justify: fc.array(fc.boolean(), { maxLength: 40 }),
});

describe('checkPayload agrees with validateReturn: property', () => {
  it('for any readable return, flags and assessment agree', () => {
    fc.assert(
      fc.property(anyReturn, (r) => {
        const b = r.steadyPercent !== undefined ? filled(r.unit, r.year, r.quarter, r.steadyPercent) : aReturn(r.unit, r.year, r.quarter);
        if (!r.sections) b.section('proposals', null).section('trend', null);
        for (const [row, q, c] of r.figures) if (q <= r.quarter) b.cell(row, `Q${q}` as TableColumn, readable(c));
        for (const [row, column, text] of r.comparisons) {
          const q = /^Q(\d)_INTL$/.exec(column);
          if (!q || Number(q[1]) <= r.quarter) b.cell(row, column, text);
        }
        const first = check(b.build(), { quarter: r.quarter });
        first.flags.forEach((f, i) => {
          if (r.justify[i]) b.justify(f.key, `lý do ${i}, "có" dấu`);
        });
        expectParity(b.build(), r.quarter);
      }),
      { numRuns: 300 },
    );
  });

  it('every flag the server raises about a figure names a cell the payload carries', () => {
    fc.assert(
      fc.property(anyReturn, (r) => {
        const b = aReturn(r.unit, r.year, r.quarter);
        for (const [row, q, c] of r.figures) if (q <= r.quarter) b.cell(row, `Q${q}` as TableColumn, readable(c));
        const { server, payload } = both(b.build(), r.quarter);
        const carried = new Set(payload.figures.map((f) => tableCellName(f.row, `Q${f.quarter}` as TableColumn)));
        for (const f of server.flags) if (f.column && /^Q[1-4]$/.test(f.column)) expect(carried.has(f.cellName!)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
