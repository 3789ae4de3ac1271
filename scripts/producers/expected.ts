/**
 * Last step of make-corpus.sh: tests/fixtures/producers/expected.json, what a correct reading of
 * each file gives, from what the generator wrote (scenario.json) and what each tool was asked to
 * do with it — never from reading the files back with any of our readers.
 *
 *   node bin/run-ts.js scripts/producers/expected.ts <corpus dir> <versions.json>
 *
 * Per file: unit, year, quarter; every filled figure (percent, status, provisional, approximate,
 * "no data" reason, the comparison beside it); the focal point, sections and row sources; and the
 * cells that must be flagged as errors (a formula without a calculated value). Figures not listed
 * must read as empty with no comparison.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario, specOf, type ExpectedFigure, type ExpectedFile, type FigureExpect, type Scenario } from './scenario';

interface ProducerFile {
  /** Which tool wrote it (a key of versions.json), and what it did. */
  tool: string;
  how: string;
  /** Cells written as formulas with no cached result: they read as such, and are errors. */
  uncalculated?: Record<string, string>;
  /** The file holds scenario.dateSource's date in its source cell. */
  dateSource?: boolean;
}

/** Every file make-corpus.sh writes. What each tool keeps or loses (what matters to a reader) is said in `how`. */
function producerFiles(s: Scenario): Record<string, ProducerFile> {
  const file = (tool: string, how: string[], more: Partial<ProducerFile> = {}): ProducerFile => ({ tool, how: how.join(' '), ...more });
  const { date, name, format } = s.dateSource;
  return {
    'exceljs-filled.xlsx': file('exceljs', [
      'our template (chitieu template) filled through the defined names with ExcelJS;',
      'the base of the re-saved and hand-crafted files',
    ]),
    'libreoffice-resave.xlsx': file('libreoffice', [
      'exceljs-filled opened and saved by LibreOffice headless (--convert-to xlsx):',
      'names, number formats and comments kept; date1904="false" written',
    ]),
    'libreoffice-copied-sheet.xlsx': file('libreoffice', [
      'exceljs-filled with its return sheet duplicated in LibreOffice (python-uno copyByName): a sheet-scoped',
      '(localSheetId) copy of every CT_* name points at the copy, which holds other figures (scenario "backup");',
      'the workbook-scoped names are the contract',
    ]),
    'libreoffice-recalculated.xlsx': file('libreoffice', [
      'openpyxl-formulas opened and saved by LibreOffice: it computes the formulas openpyxl left without results',
      'and stores the results',
    ]),
    'openpyxl-filled.xlsx': file('openpyxl', [
      'our template loaded, filled through the defined names and saved by openpyxl: absolute relationship targets',
      '(/xl/worksheets/sheet1.xml), inline strings, no shared strings part; a figure typed as 0 stays <v>0</v>',
    ]),
    'openpyxl-formulas.xlsx': file('openpyxl', [
      'as openpyxl-filled, with scenario "scriptFormulas" written as formulas: openpyxl stores no result (<v></v>),',
      'so those figures are formulas without a calculated value',
    ], { uncalculated: s.scriptFormulas }),
    'xlsxwriter-scratch.xlsx': file('xlsxwriter', [
      "built from scratch by xlsxwriter at the template's addresses (only the contract's cells), every name",
      'workbook-scoped, shared strings; formulas with their cached results, 0 for "zeroFormulas"',
    ]),
    'gnumeric-resave.xlsx': file('gnumeric', [
      'exceljs-filled converted by ssconvert: indented XML (whitespace inside <v>),',
      '21-digit numbers (0.159999999999999999997), some strings inline',
    ]),
    'gnumeric-recalculated.xlsx': file('gnumeric', [
      'openpyxl-formulas converted by ssconvert, which computes the formulas and stores their results',
    ]),
    'sheetjs-filled.xlsx': file('sheetjs', [
      'our template read, filled and written by SheetJS CE: strings as t="str" without a formula, no shared strings;',
      'custom formats renumbered from 60 (below 164, declared in numFmts); "zeroFormulas" with cached 0;',
      'fills, sheet protection and data validations dropped',
    ]),
    'xlsx-populate-filled.xlsx': file('xlsx-populate', [
      'our template read, filled through workbook.definedName() and written by xlsx-populate:',
      'parts it does not touch kept as they were',
    ]),
    'hand-x-prefix.xlsx': file('hand', [
      'exceljs-filled with every SpreadsheetML part (workbook, sheet, shared strings, styles) written with an x: prefix,',
      'as the Open XML SDK does',
    ]),
    'hand-no-r.xlsx': file('hand', [
      'exceljs-filled with no r attribute on any cell (each is the next column of its row, gaps filled with <c/>)',
    ]),
    'hand-sheet-part-name.xlsx': file('hand', [
      'exceljs-filled with its sheet part named xl/worksheets/data.xml (relationships and content types follow)',
    ]),
    'hand-date1904.xlsx': file('hand', [
      `exceljs-filled with date1904="true" and ${date} typed into ${name} (a 1904-system serial, format ${format})`,
    ], { dateSource: true }),
    'hand-comment-cdata.xlsx': file('hand', [
      'exceljs-filled with XML comments and CDATA sections inside <v> and <t>,',
      "and a comment holding a decoy <v>0.99</v> before a cell's real value",
    ]),
    'hand-inline-strings.xlsx': file('hand', [
      'exceljs-filled with every string an inline string (<is><t xml:space="preserve">) and no shared strings part',
    ]),
    'hand-formulas-cached.xlsx': file('hand', [
      'exceljs-filled with "scriptFormulas" and "zeroFormulas" as formulas with their cached results (0 for the zero ones)',
    ]),
    'hand-formula-uncached.xlsx': file('hand', [
      'exceljs-filled with "scriptFormulas" as <f> without any <v>',
    ], { uncalculated: s.scriptFormulas }),
  };
}

const PROVISIONAL_MARK = '(ước)';
const FIGURE = /^CT_(.+)_Q([1-4])$/;
const rowOf = (token: string) => token.replace(/_/g, '.');
const percent = (fraction: number) => Number((fraction * 100).toPrecision(12));

function text(s: Scenario, name: string): string {
  const v = s.cells[name];
  if (v === undefined) return '';
  return String(specOf(v).value);
}

function figures(s: Scenario, uncalculated: Record<string, string>): Record<string, ExpectedFigure> {
  const out: Record<string, ExpectedFigure> = {};
  for (const [name, raw] of Object.entries(s.cells)) {
    const m = FIGURE.exec(name);
    if (!m) continue;
    const [, token, q] = m;
    // Q4 has no comparison column of its own: it takes the year's (TY_INTL).
    const comparisonName = q === '4' ? `CT_${token}_TY_INTL` : `${name}_INTL`;
    const comparison = s.cells[comparisonName] === undefined ? null : text(s, comparisonName);
    const spec = specOf(raw);
    let figure: FigureExpect;
    if (uncalculated[name] !== undefined) figure = { value: null, status: 'uncalculated' };
    else if (spec.expect) {
      const { value, status, provisional = false, approximate = false, noDataReason } = spec.expect;
      figure = { value, status, provisional, approximate, ...(noDataReason !== undefined ? { noDataReason } : {}) };
    }
    else if (typeof spec.value === 'number') {
      const provisional = Boolean(spec.format?.includes(PROVISIONAL_MARK));
      figure = { value: percent(spec.value), status: 'number', provisional, approximate: false };
    } else throw new Error(`${name}: a text figure needs "expect" in scenario.json`);
    out[`${rowOf(token!)} Q${q}`] = { ...figure, comparison };
  }
  return out;
}

function expectedFile(s: Scenario, p: ProducerFile, version: string): ExpectedFile {
  const rowSources: Record<string, string> = {};
  for (const name of Object.keys(s.cells)) {
    const m = /^CT_(.+)_SOURCE$/.exec(name);
    if (m) rowSources[rowOf(m[1]!)] = text(s, name);
  }
  // A date reads as its day, ISO (the reader's text for a date, whichever date system the file uses).
  if (p.dateSource) rowSources[rowOf(/^CT_(.+)_SOURCE$/.exec(s.dateSource.name)![1]!)] = s.dateSource.date;
  const uncalculated = p.uncalculated ?? {};
  return {
    tool: p.tool,
    toolVersion: version,
    how: p.how,
    unitId: s.unit,
    year: s.year,
    quarter: s.quarter,
    focalPoint: {
      name: text(s, 'CT_CONTACT_NAME'),
      title: text(s, 'CT_CONTACT_TITLE'),
      org: text(s, 'CT_CONTACT_ORG'),
      phone: text(s, 'CT_CONTACT_PHONE'),
      email: text(s, 'CT_CONTACT_EMAIL'),
    },
    sections: {
      trend: text(s, 'CT_TREND'),
      international: text(s, 'CT_INTL'),
      difficulties: text(s, 'CT_DIFFICULTIES'),
      proposals: text(s, 'CT_PROPOSALS'),
    },
    rowSources,
    figures: figures(s, uncalculated),
    uncalculated: Object.keys(uncalculated).sort(),
  };
}

function main(): void {
  const [dir, versionsFile] = process.argv.slice(2);
  if (!dir || !versionsFile) throw new Error('usage: expected.ts <corpus dir> <versions.json>');
  const scenario = loadScenario();
  const versions = JSON.parse(readFileSync(versionsFile, 'utf8')) as Record<string, string>;
  const files = producerFiles(scenario);
  const present = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  const missing = Object.keys(files).filter((f) => !present.includes(f));
  const unknown = present.filter((f) => !(f in files));
  if (missing.length || unknown.length) {
    throw new Error(`corpus and expected disagree: missing ${missing.join(', ') || '-'}; not described ${unknown.join(', ') || '-'}`);
  }
  const out = {
    $comment: 'Generated by scripts/producers/make-corpus.sh (expected.ts) from scripts/producers/scenario.json; do not edit by hand.',
    files: Object.fromEntries(Object.entries(files).map(([file, p]) => [file, expectedFile(scenario, p, versions[p.tool] ?? 'unknown')])),
  };
  // One line per figure: a diff of a regenerated file shows which figure changed.
  const json = JSON.stringify(out, null, 2).replace(/\{\n\s+("value"[^{}\[\]]*?)\n\s+\}/g, (_, body: string) => {
    return `{ ${body.replace(/,\n\s+/g, ', ')} }`;
  });
  writeFileSync(path.join(dir, 'expected.json'), json + '\n');
}

main();
