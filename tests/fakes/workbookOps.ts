/**
 * Sheets, defined names, comments and document-level settings, with Excel's rules: sheet and
 * name syntax, case-insensitive uniqueness, at least one visible sheet, names turning to #REF!
 * when their sheet goes and following it when it is renamed.
 */
import { formatRect, MAX_COLUMNS, MAX_ROWS, parseReference, quoteSheetName, type Rect } from './address';
import { assertUnprotected } from './cellOps';
import { FakeRichApiError, fail } from './errors';
import { evaluateFormula } from './formula';
import { findSheet, newSheet, type NameState, type NameTarget, type SheetState, type WorkbookState } from './model';

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

export function checkSheetName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) fail('InvalidArgument', 'a sheet name cannot be empty');
  if (name.length > 31) fail('InvalidArgument', `sheet name "${name}" is ${name.length} characters; Excel allows 31`);
  if (SHEET_NAME_FORBIDDEN.test(name)) fail('InvalidArgument', `sheet name "${name}" contains one of : \\ / ? * [ ]`);
  if (name.startsWith("'") || name.endsWith("'")) fail('InvalidArgument', `sheet name "${name}" begins or ends with an apostrophe`);
  if (name.toLowerCase() === 'history') fail('InvalidArgument', '"History" is reserved by Excel');
}

export function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => s.visibility === 'Visible');
}

/** Excel's next free "SheetN". */
function nextSheetName(wb: WorkbookState): string {
  for (let n = wb.sheets.length + 1; ; n++) if (!findSheet(wb, `Sheet${n}`)) return `Sheet${n}`;
}

export function addSheet(wb: WorkbookState, name?: unknown): SheetState {
  const chosen = name === undefined || name === null || name === '' ? nextSheetName(wb) : name;
  checkSheetName(chosen);
  if (findSheet(wb, chosen)) throw new FakeRichApiError('ItemAlreadyExists', { detail: `a sheet named "${chosen}" exists (names compare case-insensitively)` });
  const sheet = newSheet(wb, chosen);
  wb.sheets.push(sheet);
  if (!wb.activeSheet) wb.activeSheet = sheet;
  return sheet;
}

export function renameSheet(wb: WorkbookState, sheet: SheetState, name: unknown): void {
  checkSheetName(name);
  const other = findSheet(wb, name);
  if (other && other !== sheet) throw new FakeRichApiError('ItemAlreadyExists', { detail: `a sheet named "${name}" exists` });
  sheet.name = name;
}

export function moveSheet(wb: WorkbookState, sheet: SheetState, position: unknown): void {
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= wb.sheets.length) fail('InvalidArgument', `position ${String(position)} is outside 0–${wb.sheets.length - 1}`);
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  wb.sheets.splice(position, 0, sheet);
}

export function setVisibility(wb: WorkbookState, sheet: SheetState, visibility: unknown): void {
  if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') fail('InvalidArgument', `unknown visibility ${String(visibility)}`);
  if (visibility !== 'Visible' && sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) fail('InvalidOperation', 'a workbook must keep at least one visible sheet');
  sheet.visibility = visibility;
  if (visibility !== 'Visible' && wb.activeSheet === sheet) wb.activeSheet = visibleSheets(wb)[0] ?? null;
}

export function activateSheet(wb: WorkbookState, sheet: SheetState): void {
  if (sheet.visibility !== 'Visible') fail('InvalidOperation', `sheet "${sheet.name}" is hidden`);
  wb.activeSheet = sheet;
}

/** A deleted sheet's names turn to "=#REF!$E$12"; its sheet-scoped names, comments and selection go. */
export function deleteSheet(wb: WorkbookState, sheet: SheetState): void {
  if (sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) fail('InvalidOperation', 'a workbook must keep at least one visible sheet');
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  sheet.deleted = true;
  for (const n of wb.names) {
    if (n.deleted) continue;
    if (n.scope === sheet) n.deleted = true;
    else if (n.target.kind === 'range' && n.target.sheet === sheet) {
      n.target = { kind: 'formula', formula: `=${n.target.rects.map((r) => `#REF!${formatRect(r, true)}`).join(',')}` };
    }
  }
  wb.names = wb.names.filter((n) => !n.deleted);
  for (const c of wb.comments) if (c.sheet === sheet) c.deleted = true;
  wb.comments = wb.comments.filter((c) => !c.deleted);
  if (wb.selection?.sheet === sheet) wb.selection = null;
  if (wb.activeSheet === sheet) wb.activeSheet = visibleSheets(wb)[0] ?? null;
}

/**
 * Excel's defined-name syntax: a letter, underscore or backslash first; then letters, digits,
 * underscores and dots; no spaces; at most 255 characters; not readable as a cell ("A1", "CT1")
 * or an R1C1 reference ("R", "C", "R1C1", "R2").
 */
export function checkDefinedName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '') fail('InvalidArgument', 'a name cannot be empty');
  if (name.length > 255) fail('InvalidArgument', `name "${name.slice(0, 20)}…" is longer than 255 characters`);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) fail('InvalidArgument', `"${name}" is not a valid name: start with a letter or underscore; use letters, digits, underscores and dots; no spaces`);
  const cell = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (cell) {
    const col = cell[1]!.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(cell[2]);
    if (col <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS) fail('InvalidArgument', `"${name}" is not a valid name: it reads as a cell reference`);
  }
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]\d+$/.test(name)) fail('InvalidArgument', `"${name}" is not a valid name: it reads as an R1C1 reference`);
}

export function liveNames(wb: WorkbookState, scope: SheetState | null): NameState[] {
  return wb.names.filter((n) => !n.deleted && n.scope === scope);
}

export function findName(wb: WorkbookState, scope: SheetState | null, name: string): NameState | undefined {
  const lower = name.toLowerCase();
  return liveNames(wb, scope).find((n) => n.name.toLowerCase() === lower);
}

/** A reference given as text: "='Phụ lục 01'!$E$12" names a range; anything else is a formula. */
export function nameTargetFromText(wb: WorkbookState, reference: string, defaultSheet: SheetState | null): NameTarget {
  const text = reference.trim();
  const parsed = parseReference(text);
  if (parsed) {
    const sheet = parsed.sheet === null ? defaultSheet : findSheet(wb, parsed.sheet);
    if (!sheet) {
      if (parsed.sheet !== null) fail('InvalidReference', `no sheet named "${parsed.sheet}"`);
      fail('InvalidReference', 'a reference without a sheet needs an active sheet');
    }
    return { kind: 'range', sheet, rects: parsed.rects };
  }
  return { kind: 'formula', formula: text.startsWith('=') ? text : `=${text}` };
}

export function addName(wb: WorkbookState, scope: SheetState | null, name: unknown, target: NameTarget, comment: unknown): NameState {
  checkDefinedName(name);
  if (comment !== undefined && comment !== null && typeof comment !== 'string') fail('InvalidArgument', 'a name comment must be a string');
  if (typeof comment === 'string' && comment.length > 255) fail('InvalidArgument', `name comment is ${comment.length} characters; Excel allows 255`);
  if (findName(wb, scope, name)) throw new FakeRichApiError('ItemAlreadyExists', { detail: `the name "${name}" exists (names compare case-insensitively)` });
  const state: NameState = { name, scope, target, comment: typeof comment === 'string' ? comment : '', visible: true, deleted: false };
  wb.names.push(state);
  return state;
}

export function deleteName(wb: WorkbookState, n: NameState): void {
  n.deleted = true;
  wb.names = wb.names.filter((x) => x !== n);
}

export function referenceText(sheet: SheetState, rects: readonly Rect[], absolute: boolean): string {
  return rects.map((r) => `${quoteSheetName(sheet.name)}!${formatRect(r, absolute)}`).join(',');
}

/** NamedItem.formula: always starts with "=". */
export function nameFormula(n: NameState): string {
  return n.target.kind === 'range' ? `=${referenceText(n.target.sheet, n.target.rects, true)}` : n.target.formula;
}

/** NamedItem.value: the address for a range ("'Phụ lục 01'!$E$12"), otherwise the formula's result. */
export function nameValue(wb: WorkbookState, n: NameState): string | number | boolean {
  if (n.target.kind === 'range') return referenceText(n.target.sheet, n.target.rects, true);
  const sheet = n.scope ?? wb.activeSheet ?? wb.sheets[0];
  if (!sheet) return '#REF!';
  return evaluateFormula(n.target.formula, { wb, sheet }).value;
}

export function nameType(wb: WorkbookState, n: NameState): string {
  if (n.target.kind === 'range') return 'Range';
  const sheet = n.scope ?? wb.activeSheet ?? wb.sheets[0];
  if (!sheet) return 'Error';
  const r = evaluateFormula(n.target.formula, { wb, sheet });
  if (r.isError) return 'Error';
  if (typeof r.value === 'number') return Number.isInteger(r.value) ? 'Integer' : 'Double';
  if (typeof r.value === 'boolean') return 'Boolean';
  return 'String';
}

export function addComment(wb: WorkbookState, sheet: SheetState, row: number, col: number, content: unknown, id: string): void {
  if (typeof content !== 'string') fail('InvalidArgument', 'comment content must be a string');
  assertUnprotected(sheet, 'adding a comment');
  if (wb.comments.some((c) => c.sheet === sheet && c.row === row && c.col === col)) fail('InvalidOperation', `the cell already has a comment`);
  wb.comments.push({ id, sheet, row, col, content, authorName: 'Fake User', authorEmail: 'fake.user@example.invalid', creationDate: new Date(0), resolved: false, deleted: false });
}

/** Custom property values as Excel keeps them: strings over 255 characters are cut (desktop behaviour). */
export function customPropertyValue(value: unknown): string | number | boolean | Date {
  if (typeof value === 'string') return value.slice(0, 255);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  fail('InvalidArgument', `a custom property cannot hold ${Object.prototype.toString.call(value)}`);
}

export function customPropertyType(value: string | number | boolean | Date): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'Number' : 'Float';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Date) return 'Date';
  return 'String';
}

/** Settings are stored as JSON, so what comes back is what JSON keeps. */
export function settingValue(value: unknown): unknown {
  if (value === undefined) fail('InvalidArgument', 'a setting needs a value');
  return JSON.parse(JSON.stringify(value));
}
