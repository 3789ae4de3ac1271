/**
 * "No figure yet", typed as the product says to type it. Excel makes a formula of an entry that
 * starts with "-" or "+" (the fake host does too), so every place that tells a person how to write
 * it — the input prompt, the legend, the check's suggestions — must give a spelling Excel keeps as
 * typed, and a cell that shows #NAME? from such an entry is explained as exactly that.
 */
import { allRows } from '../../../src/catalogue/load';
import { tableCellName } from '../../../src/domain/cellContract';
import type { Flag } from '../../../src/domain/flags';
import { parseFigureCell } from '../../../src/domain/parse';
import { label } from '../../../src/layout/labels';
import { createExcelReturnChecker } from '../../../src/workbook/excel/check/returnChecker';
import type { CheckOutcome } from '../../../src/workbook/port';
import { createFakeExcel, type FakeExcelHost } from '../../fakes/fakeExcel';
import { bundled, catalogue, CLEAN, fakeReturn, FIXED_NOW, nameAt, SHEET, typeInto } from './fixtures';

const CELL = tableCellName('2.8', 'Q1');

async function check(host: FakeExcelHost, lang: 'vi' | 'en' = 'vi'): Promise<Flag[]> {
  const outcome: CheckOutcome = await createExcelReturnChecker(host, { source: bundled, now: () => FIXED_NOW }).checkReturn({ lang });
  if (outcome.status !== 'checked') throw new Error('expected a check');
  return outcome.result.flags;
}

async function cleanReturn(): Promise<FakeExcelHost> {
  const host = await fakeReturn();
  typeInto(host, Object.fromEntries(Object.entries(CLEAN).map(([k, v]) => [k, v.typed])));
  return host;
}

/** The first “…” (vi) or "…" (en) example a text gives. */
const quotedExample = (text: string) => /ví dụ “([^”]+)”|e\.g\. "([^"]+)"/.exec(text)?.slice(1).find(Boolean) ?? null;

describe('Excel makes formulas of entries starting with a sign (the fake host as Excel)', () => {
  it.each(['- (chưa có kết quả điều tra)', '- chưa điều tra', '+ chưa có'])('%p typed → a formula showing #NAME?', (typed) => {
    const host = createFakeExcel();
    host.setCellValue('Sheet1', 'B3', null, '0.00%');
    expect(host.editCell('Sheet1', 'B3', typed)).toMatchObject({ ok: true, cell: { formula: `=${typed}`, value: '#NAME?', text: '#NAME?' } });
  });
});

describe('the spelling the check suggests can be typed', () => {
  it.each(['vi', 'en'] as const)('a bare “-” (%s): typing the suggested example gives a figure with a reason, not an error', async (lang) => {
    const host = await cleanReturn();
    typeInto(host, { [CELL]: '-' });
    const flag = (await check(host, lang)).find((f) => f.cellName === CELL && f.severity === 'error')!;
    expect(flag.rule).toBe('figure.noDataReason');
    const example = quotedExample(flag.suggestion[lang]);
    expect(example).not.toBeNull();

    typeInto(host, { [CELL]: example! });
    const { sheet, address } = nameAt(host, CELL);
    expect(host.getCell(sheet, address)).toMatchObject({ formula: null, value: example });
    const after = (await check(host, lang)).filter((f) => f.cellName === CELL);
    expect(after.filter((f) => f.severity === 'error')).toEqual([]);
    expect(after.map((f) => f.rule)).toContain('figure.noData');
  });

  it('every suggestion that tells how to write “no data” gives words first, never a leading sign', async () => {
    const host = await cleanReturn();
    typeInto(host, { CT_QUARTER: '2', [tableCellName('2.9', 'Q2')]: '46%', [tableCellName('1.2.OTHER', 'Q2')]: '46%', [CELL]: "'abc" });
    const flags = await check(host);
    const telling = flags.filter((f) => /chưa có số liệu|no data/.test(f.suggestion.vi + f.suggestion.en));
    expect(telling.length).toBeGreaterThan(0);
    for (const f of telling) {
      for (const lang of ['vi', 'en'] as const) {
        for (const [, quoted] of f.suggestion[lang].matchAll(/[“"]([^”"]+)[”"]/g)) expect(quoted).not.toMatch(/^\s*[-+]/);
      }
    }
  });
});

describe('a cell showing #NAME? from a typed “-” or “+” says so', () => {
  it.each([
    ['- chưa điều tra', '-'],
    ['+ chưa có', '+'],
  ])('%p: the flag names the sign and how to type it, in both languages', async (typed, sign) => {
    const host = await cleanReturn();
    typeInto(host, { [CELL]: typed });
    const flag = (await check(host)).find((f) => f.cellName === CELL)!;
    expect(flag).toMatchObject({ rule: 'figure.excelError', severity: 'error' });
    expect(flag.message.vi).toContain('#NAME?');
    expect(flag.message.vi).toContain(`dấu “${sign}”`);
    expect(flag.message.en).toContain(`starts with "${sign}"`);
    expect(flag.suggestion.vi).not.toMatch(/sửa công thức/i);
    expect(flag.suggestion.vi).toContain('chưa có số liệu (chưa điều tra)');
    expect(flag.suggestion.en).toContain('no data (not surveyed yet)');
    // The message still says where, as the rule's own does.
    expect(flag.message.vi.startsWith('2.8, ')).toBe(true);
  });

  it('a real formula keeps the rule’s own advice', async () => {
    const host = await cleanReturn();
    typeInto(host, { [CELL]: '=1/0' });
    const flag = (await check(host)).find((f) => f.cellName === CELL)!;
    expect(flag.suggestion.vi).toMatch(/Sửa công thức/);
  });
});

describe('the sheet tells the same spelling', () => {
  it.each(['vi', 'en'] as const)('every figure cell’s input prompt (%s) gives it whole, and it reads as no data with a reason', async (lang) => {
    const host = await fakeReturn('bo-y-te', 2025, lang);
    const sheet = label('sheetName', lang);
    const spelling = lang === 'vi' ? 'chưa có số liệu (lý do)' : 'no data (reason)';
    const figures = allRows(catalogue).flatMap((r) => (['Q1', 'Q2', 'Q3', 'Q4'] as const).map((q) => tableCellName(r.id, q)));
    for (const name of figures) {
      const { address } = nameAt(host, name);
      expect(host.getValidation(sheet, address)?.prompt?.message ?? '').toContain(`"${spelling}"`);
    }
    expect(label('legendFigures', lang)).toContain(spelling);
    expect(parseFigureCell({ value: lang === 'vi' ? 'chưa có số liệu (chưa điều tra)' : 'no data (not surveyed yet)', numberFormat: '0.00%' })).toMatchObject({
      kind: 'noData',
      reason: lang === 'vi' ? 'chưa điều tra' : 'not surveyed yet',
    });
  });

  it('older spellings in returns already filled are still read', () => {
    for (const typed of ["- (chưa điều tra)", '- chưa điều tra', '-']) {
      expect(parseFigureCell({ value: typed, numberFormat: '0.00%' }).kind).toBe('noData');
    }
    expect(SHEET).toBe('Phụ lục 01');
  });
});
