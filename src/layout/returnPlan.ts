import { fillsForYear } from '../catalogue/load';
import type { Catalogue, Indicator, ReportingRow, ReportingUnit } from '../catalogue/schema';
import {
  HEADER_NAMES,
  META_NAMES,
  NARRATIVE_NAMES,
  TABLE_COLUMNS,
  TEMPLATE_VERSION,
  rowSourceName,
  tableCellName,
  type TableColumn,
} from '../domain/cellContract';
import { TEXT_LIMITS } from '../domain/payload/limits';
import { UserFacingError, type Lang } from '../workbook/port';
import { label } from './labels';
import type { PlanCell, PlanConditionalFormat, PlanName, PlanNote, PlanValidation, SheetPlan } from './plan';
import { RETURN_STYLES } from './returnStyles';
import { rowLabel, sttOf } from './rowLabel';
import { percentFormat, targetCell, targetDifferenceNote, targetText } from './targetDisplay';

export interface ReturnPlanRequest {
  catalogue: Catalogue;
  unit: ReportingUnit;
  year: number;
  lang: Lang;
}

/** The 15 columns of the form, then one marker column outside the print area. */
const COLUMN_OF: Record<TableColumn, string> = {
  Q1: 'E', Q1_INTL: 'F', Q2: 'G', Q2_INTL: 'H', Q3: 'I', Q3_INTL: 'J', Q4: 'K',
  TY: 'L', TY_INTL: 'M', T2025: 'N', T2025_INTL: 'O',
};
const FIRST = 'A';
const LAST = 'O';
const MARKER = 'P';
/** Where a figure comes from; beside the form's 15 columns, like the marker, outside the print area. */
const SOURCE = 'Q';
const INPUT_FORMAT = percentFormat(2);
/** Excel's limits on data-validation prompts. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

/** Enough height for the longest wrapped text of a row: [text, column width in characters]. */
function rowHeight(texts: [string, number][]): number {
  const lines = Math.max(...texts.map(([text, width]) => Math.ceil((text.length * 1.1) / width)));
  return Math.max(30, Math.min(120, lines * 15));
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

export function returnPlan({ catalogue, unit, year, lang }: ReturnPlanRequest): SheetPlan {
  if (!catalogue.years.includes(year)) {
    throw new UserFacingError('year-without-targets', {
      vi: `Danh mục chưa có mục tiêu cho năm ${year}. Các năm có mục tiêu: ${catalogue.years.join(', ')}.`,
      en: `The catalogue has no targets for ${year}. Years with targets: ${catalogue.years.join(', ')}.`,
    });
  }
  const cells: PlanCell[] = [];
  const merges: string[] = [];
  const names: PlanName[] = [];
  const validations: PlanValidation[] = [];
  const conditionalFormats: PlanConditionalFormat[] = [];
  const notes: PlanNote[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const put = (address: string, value: PlanCell['value'], style?: string, extra: Partial<PlanCell> = {}) =>
    cells.push({ address, value, ...(style ? { style } : {}), ...extra });
  const wide = (row: number, value: string, style: string, height?: number) => {
    put(`${FIRST}${row}`, value, style);
    merges.push(`${FIRST}${row}:${LAST}${row}`);
    if (height) rowHeights.push({ row, height });
  };
  const L = (key: Parameters<typeof label>[0], vars?: Record<string, string | number>) => label(key, lang, vars);
  const horizon = catalogue.horizonYear;
  let r = 1;

  // Title block, as the form prints it.
  wide(r++, L('appendix'), 'appendixTitle');
  wide(r++, catalogue.title[lang], 'title', 36);
  wide(r++, catalogue.legalBasis[lang], 'subtitle', 30);
  r++;
  wide(r++, L('receivingPrefix') + catalogue.receivingUnit[lang] + '.', 'text');
  for (const q of catalogue.calendar) {
    const [month, day] = q.dueBefore.split('-');
    const due = `${day}/${Number(month)}`;
    const key = q.requiredSections.length > 0 ? 'dueLineQ2' : 'dueLine';
    wide(r++, L(key, { due, quarter: q.label[lang], covers: q.covers[lang] }), 'text');
  }
  r++;

  // Reporting unit and focal point.
  wide(r++, L('reporterHeading'), 'sectionTitle');
  const field = (key: Parameters<typeof label>[0], name: string, value: PlanCell['value'], input: boolean) => {
    put(`A${r}`, L(key), 'fieldLabel');
    merges.push(`A${r}:B${r}`);
    put(`C${r}`, value, input ? 'inputRequired' : 'fieldValue', input ? { input: true } : {});
    merges.push(`C${r}:F${r}`);
    names.push({ name, address: `C${r}` });
    r++;
  };
  field('unitName', HEADER_NAMES.unitName, unit.name[lang], false);
  field('unitId', HEADER_NAMES.unitId, unit.id, false);
  field('year', HEADER_NAMES.year, year, false);
  const quarterRow = r;
  field('quarter', HEADER_NAMES.quarter, null, true);
  validations.push({
    address: `C${quarterRow}`,
    rule: { type: 'wholeNumber', min: 1, max: 4 },
    prompt: { title: clip(L('quarter'), PROMPT_TITLE_MAX), message: clip(catalogue.calendar.map((q) => `${q.quarter}: ${q.covers[lang]}`).join('; '), PROMPT_MESSAGE_MAX) },
    errorAlert: { style: 'stop', title: clip(L('quarter'), PROMPT_TITLE_MAX), message: L('errorQuarter') },
  });
  wide(r++, L('contactHeading'), 'sectionTitle');
  const contactFields = [
    ['contactName', HEADER_NAMES.contactName, 120],
    ['contactTitle', HEADER_NAMES.contactTitle, 120],
    ['contactOrg', HEADER_NAMES.contactOrg, 200],
    ['contactPhone', HEADER_NAMES.contactPhone, 40],
    // RFC 5321 allows 254; the payload carries at most TEXT_LIMITS.contact.email, and Excel must not accept more.
    ['contactEmail', HEADER_NAMES.contactEmail, Math.min(254, TEXT_LIMITS.contact.email)],
  ] as const;
  for (const [key, name, max] of contactFields) {
    const row = r;
    field(key, name, null, true);
    validations.push({
      address: `C${row}`,
      rule: { type: 'textLength', max },
      prompt: { title: clip(L(key), PROMPT_TITLE_MAX), message: clip(L('contactHeading') + ': ' + L(key), PROMPT_MESSAGE_MAX) },
      errorAlert: { style: 'stop', title: L('errorTextTitle'), message: L('errorText') },
    });
  }
  for (let row = quarterRow; row < r; row++) {
    if (row === quarterRow + 1) continue; // the "focal point" heading row
    conditionalFormats.push({ address: `C${row}`, formula: `=LEN(TRIM(C${row}))=0`, fill: RETURN_STYLES.missing.fill });
  }
  r++;
  wide(r++, L('legendRequired'), 'legend', 30);
  wide(r++, L('legendFigures'), 'legend', 30);
  r++;

  // The table: two header rows as the form prints them.
  wide(r++, L('tableHeading'), 'sectionTitle');
  const h1 = r;
  const h2 = r + 1;
  const header = (address: string, text: string | null) => put(address, text, 'header');
  header(`A${h1}`, L('colStt'));
  header(`B${h1}`, L('colIndicator'));
  header(`C${h1}`, L('colAgency'));
  header(`D${h1}`, L('colCompiler'));
  for (const c of ['A', 'B', 'C', 'D', 'N', 'O', MARKER, SOURCE]) merges.push(`${c}${h1}:${c}${h2}`);
  header(`E${h1}`, L('colYear', { year }));
  merges.push(`E${h1}:M${h1}`);
  header(`N${h1}`, L('colTarget', { year: horizon }));
  header(`O${h1}`, L('colIntl'));
  header(`${MARKER}${h1}`, L('colRequired'));
  header(`${SOURCE}${h1}`, L('colSource'));
  const intl = L('colIntl');
  const subHeaders: [string, string][] = [
    ['E', catalogue.calendar[0]!.label[lang]], ['F', intl],
    ['G', catalogue.calendar[1]!.label[lang]], ['H', intl],
    ['I', catalogue.calendar[2]!.label[lang]], ['J', intl],
    ['K', catalogue.calendar[3]!.label[lang]],
    ['L', L('colTarget', { year })], ['M', intl],
  ];
  for (const [c, text] of subHeaders) header(`${c}${h2}`, text);
  for (const c of 'ABCDEFGHIJKLMNOPQ') {
    // Merged header cells still need their borders and fill on every cell of the merge.
    if (!cells.some((cell) => cell.address === `${c}${h1}`)) header(`${c}${h1}`, null);
    if (!cells.some((cell) => cell.address === `${c}${h2}`)) header(`${c}${h2}`, null);
  }
  rowHeights.push({ row: h1, height: 30 }, { row: h2, height: 58 });
  r = h2 + 1;
  const tableTop = h1;

  const requiredRows = new Set(fillsForYear(unit, year));
  const noteLines: string[] = [];
  const blankRow = (row: number, style: string, from = 'C') => {
    for (const c of 'ABCDEFGHIJKLMNO'.slice('ABCDEFGHIJKLMNO'.indexOf(from))) put(`${c}${row}`, null, style);
  };

  const targetCellAt = (address: string, row: ReportingRow, y: number, colLabel: string, withNote: boolean) => {
    const targets = row.targets[String(y)]!;
    const applied = targets.variants[targets.applied]!;
    const cell = targetCell(applied);
    put(address, cell.value, applied.kind === 'text' ? 'targetText' : 'target', cell.numberFormat ? { numberFormat: cell.numberFormat } : {});
    const note = withNote ? targetDifferenceNote(targets, lang, `${rowLabel(catalogue, row.id, lang)} – ${colLabel}`) : null;
    if (note) {
      notes.push({ address, text: note });
      noteLines.push(`(${noteLines.length + 1}) ${note}`);
    }
  };

  const reportingRow = (row: ReportingRow, stt: string | null, name: string, indentStyle: string) => {
    const required = requiredRows.has(row.id);
    put(`A${r}`, stt, 'stt');
    put(`B${r}`, name, indentStyle);
    put(`C${r}`, row.measuringAgency[lang], 'cellText');
    put(`D${r}`, row.compilingUnit[lang], 'cellText');
    const inputStyle = required ? 'inputRequired' : 'inputOptional';
    const yearTarget = row.targets[String(year)]!;
    const horizonTarget = row.targets[String(horizon)]!;
    // The sheet's numbering ("2,8"), never the contract id ("1.2.OTHER").
    const shortName = clip(`${sttOf(row.id.split('.').slice(0, 2).join('.'), lang)} ${row.name[lang].replace(/^- /, '')}`, PROMPT_TITLE_MAX);
    const targetLine = [
      L('promptTarget', { year, target: targetText(yearTarget.variants[yearTarget.applied]!, lang) }),
      year === horizon ? null : L('promptTarget', { year: horizon, target: targetText(horizonTarget.variants[horizonTarget.applied]!, lang) }),
    ].filter(Boolean).join('; ');
    const series = row.international.series.map((s) => `${s.name[lang]} (${s.organisation}${s.code ? ', ' + s.code : ''})`).join('; ');
    for (const col of TABLE_COLUMNS) {
      const address = `${COLUMN_OF[col]}${r}`;
      names.push({ name: tableCellName(row.id, col), address });
      // In the horizon year both target columns hold the same target: one note is enough.
      if (col === 'TY') targetCellAt(address, row, year, L('colTarget', { year }), year !== horizon);
      else if (col === 'T2025') targetCellAt(address, row, horizon, L('colTarget', { year: horizon }), true);
      else if (col.endsWith('_INTL')) {
        put(address, null, inputStyle, { input: true });
        validations.push({
          address,
          rule: { type: 'textLength', max: 500 },
          prompt: { title: shortName, message: clip(series ? L('promptIntl', { series }) : L('promptIntlNone'), PROMPT_MESSAGE_MAX) },
          errorAlert: { style: 'stop', title: L('errorTextTitle'), message: L('errorText') },
        });
      } else {
        put(address, null, inputStyle, { input: true, numberFormat: INPUT_FORMAT });
        validations.push({
          address,
          rule: { type: 'decimal', min: 0, max: 1 },
          // How to write "no figure" first: a clip at Excel's 255 characters may cut the targets, never that.
          prompt: { title: shortName, message: clip(`${L('promptFigure')} ${targetLine}.`, PROMPT_MESSAGE_MAX) },
          errorAlert: { style: 'warning', title: L('errorFigureTitle'), message: clip(L('errorFigure'), PROMPT_MESSAGE_MAX) },
        });
      }
    }
    put(`${MARKER}${r}`, required ? L('requiredMark') : null, required ? 'marker' : 'cellText');
    const sourceAddress = `${SOURCE}${r}`;
    put(sourceAddress, null, inputStyle, { input: true });
    names.push({ name: rowSourceName(row.id), address: sourceAddress });
    validations.push({
      address: sourceAddress,
      rule: { type: 'textLength', max: 1000 },
      // One prompt for every source cell, so the renderer can set it on all of them at once.
      prompt: { title: clip(L('colSourceShort'), PROMPT_TITLE_MAX), message: clip(L('promptSource'), PROMPT_MESSAGE_MAX) },
      errorAlert: { style: 'stop', title: L('errorTextTitle'), message: L('errorText') },
    });
    rowHeights.push({ row: r, height: rowHeight([[name, 44], [row.measuringAgency[lang], 22], [row.compilingUnit[lang], 16]]) });
    r++;
  };

  const indicatorRows = (ind: Indicator) => {
    const stt = sttOf(ind.id, lang);
    if (ind.rows.length === 1 && ind.rows[0]!.id === ind.id) {
      reportingRow(ind.rows[0]!, stt, ind.name[lang], 'indicatorName');
      return;
    }
    // An indicator broken into sub-rows (1.2): its own line carries the targets as printed.
    put(`A${r}`, stt, 'stt');
    put(`B${r}`, ind.name[lang], 'indicatorName');
    put(`C${r}`, ind.measuringAgency[lang], 'cellText');
    put(`D${r}`, ind.compilingUnit[lang], 'cellText');
    for (const c of 'EFGHIJKMO') put(`${c}${r}`, null, 'cellText');
    put(`L${r}`, ind.printedTargets?.[String(year)] ?? null, 'targetText');
    put(`N${r}`, ind.printedTargets?.[String(horizon)] ?? null, 'targetText');
    put(`${MARKER}${r}`, null, 'cellText');
    put(`${SOURCE}${r}`, null, 'cellText');
    rowHeights.push({ row: r, height: 30 });
    r++;
    for (const row of ind.rows) reportingRow(row, null, row.name[lang], 'subRowName');
  };

  for (const group of catalogue.groups) {
    put(`A${r}`, group.id, 'groupRow');
    put(`B${r}`, group.name[lang], 'groupRow');
    blankRow(r, 'groupRow');
    put(`${MARKER}${r}`, null, 'groupRow');
    put(`${SOURCE}${r}`, null, 'groupRow');
    r++;
    for (const ind of group.indicators) indicatorRows(ind);
  }


  if (noteLines.length) {
    r++;
    wide(r++, L('notesHeading'), 'sectionTitle');
    for (const line of noteLines) wide(r++, line, 'footnote', 45);
  }

  // Sections III–VI: free text, numbered 1, 2, 3… by the unit.
  r++;
  for (const section of catalogue.sections) {
    wide(r++, `${section.numeral}. ${section.title[lang]}:`, 'sectionTitle');
    const address = `A${r}`;
    put(address, null, 'narrative', { input: true });
    merges.push(`A${r}:${LAST}${r}`);
    rowHeights.push({ row: r, height: 96 });
    names.push({ name: NARRATIVE_NAMES[section.key], address });
    validations.push({
      address,
      rule: { type: 'textLength', max: 32767 },
      prompt: { title: clip(`${section.numeral}. ${section.title[lang]}`, PROMPT_TITLE_MAX), message: L('sectionHint') },
      errorAlert: { style: 'stop', title: L('errorTextTitle'), message: L('errorText') },
    });
    r++;
  }

  r++;
  wide(r++, L('principlesHeading'), 'sectionTitle');
  catalogue.principles.forEach((p, i) => wide(r++, `${i + 1}. ${p.title[lang]}: ${p.text[lang]}`, 'principle', p.text[lang].length > 200 ? 60 : 30));
  const printBottom = r - 1;

  r++;
  put(`A${r}`, L('metaTemplate'), 'meta');
  merges.push(`A${r}:B${r}`);
  put(`C${r}`, TEMPLATE_VERSION, 'meta');
  names.push({ name: META_NAMES.templateVersion, address: `C${r}` });
  r++;
  put(`A${r}`, L('metaCatalogue'), 'meta');
  merges.push(`A${r}:B${r}`);
  put(`C${r}`, catalogue.catalogueVersion, 'meta');
  names.push({ name: META_NAMES.catalogueVersion, address: `C${r}` });

  return {
    sheetName: L('sheetName'),
    styles: RETURN_STYLES,
    columns: [
      { letter: 'A', width: 6 }, { letter: 'B', width: 44 }, { letter: 'C', width: 22 }, { letter: 'D', width: 16 },
      ...'EFGHIJKLMNO'.split('').map((letter) => ({ letter, width: letter === 'B' ? 44 : 12 })),
      { letter: MARKER, width: 14 },
      { letter: SOURCE, width: 30 },
    ],
    rowHeights,
    cells,
    merges,
    names,
    validations,
    conditionalFormats,
    notes,
    freezeRows: 0,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToPagesWide: 1,
      titleRows: `${tableTop}:${tableTop + 1}`,
      printArea: `A1:${LAST}${printBottom}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    },
    protect: true,
    properties: {
      chitieuTemplateVersion: TEMPLATE_VERSION,
      chitieuCatalogueVersion: catalogue.catalogueVersion,
      chitieuUnitId: unit.id,
      chitieuYear: String(year),
    },
    tabColor: '#1E7145',
  };

}
