/**
 * Data-validation rules and conditional-format conditions: checking what Office.js is given the
 * way Excel does (one criterion, a known operator, both bounds for Between, Excel's length limits)
 * and judging a cell against them (for `DataValidation.valid`, a person typing, the preview).
 */
import { fail } from './errors';
import { cellResult, evaluateFormula, type Evaluated } from './formula';
import type { ConditionalFormatEntry, SheetState, ValidationEntry, ValidationRuleState, WorkbookState } from './model';

const RULE_KEYS: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  list: 'List',
  custom: 'Custom',
};

const VALIDATION_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
export const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

/** Excel's limits on an input message and an error alert. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
export const ALERT_MESSAGE_MAX = 225;
/** A typed list source ("a,b,c") may not exceed 255 characters. */
export const LIST_SOURCE_MAX = 255;

function isFormulaValue(v: unknown): v is string | number {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/** An Excel.DataValidationRule as the fake stores it; throws InvalidArgument as Excel would. */
export function normalizeValidationRule(input: unknown): ValidationRuleState {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) fail('InvalidArgument', 'DataValidation.rule must be an object');
  const present = Object.entries(input as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (present.length !== 1) fail('InvalidArgument', `DataValidation.rule needs exactly one criterion, got ${present.map(([k]) => k).join(', ') || 'none'}`);
  const [key, raw] = present[0]!;
  const type = RULE_KEYS[key];
  if (!type) fail('InvalidArgument', `unknown data validation criterion "${key}"`);
  if (typeof raw !== 'object' || raw === null) fail('InvalidArgument', `DataValidation.rule.${key} must be an object`);
  const body = { ...(raw as Record<string, unknown>) };
  if (key === 'list') {
    const source = body.source;
    if (typeof source !== 'string' || source.trim() === '') fail('InvalidArgument', 'a list rule needs a source');
    if (!source.startsWith('=') && source.length > LIST_SOURCE_MAX) fail('InvalidArgument', `list source is ${source.length} characters; Excel allows ${LIST_SOURCE_MAX}`);
    if (body.inCellDropDown === undefined) body.inCellDropDown = true;
  } else if (key === 'custom') {
    if (typeof body.formula !== 'string' || body.formula.trim() === '') fail('InvalidArgument', 'a custom rule needs a formula');
  } else {
    const op = body.operator;
    if (typeof op !== 'string' || !VALIDATION_OPERATORS.includes(op)) fail('InvalidArgument', `unknown data validation operator "${String(op)}"`);
    if (!isFormulaValue(body.formula1)) fail('InvalidArgument', `${key}.formula1 must be a number or a formula string (the fake does not take Range objects)`);
    const needsTwo = op === 'Between' || op === 'NotBetween';
    if (needsTwo && !isFormulaValue(body.formula2)) fail('InvalidArgument', `${key} with ${op} needs formula2`);
    if (!needsTwo) delete body.formula2;
  }
  return { type, rule: { [key]: body } };
}

export function checkPrompt(p: { title?: unknown; message?: unknown }): void {
  if (typeof p.title === 'string' && p.title.length > PROMPT_TITLE_MAX) fail('InvalidArgument', `prompt title is ${p.title.length} characters; Excel allows ${PROMPT_TITLE_MAX}`);
  if (typeof p.message === 'string' && p.message.length > PROMPT_MESSAGE_MAX) fail('InvalidArgument', `prompt message is ${p.message.length} characters; Excel allows ${PROMPT_MESSAGE_MAX}`);
}

export function checkErrorAlert(a: { title?: unknown; message?: unknown; style?: unknown }): void {
  if (a.style !== undefined && !['Stop', 'Warning', 'Information'].includes(String(a.style))) fail('InvalidArgument', `unknown error alert style "${String(a.style)}"`);
  if (typeof a.title === 'string' && a.title.length > PROMPT_TITLE_MAX) fail('InvalidArgument', `error alert title is ${a.title.length} characters; Excel allows ${PROMPT_TITLE_MAX}`);
  if (typeof a.message === 'string' && a.message.length > ALERT_MESSAGE_MAX) fail('InvalidArgument', `error alert message is ${a.message.length} characters; Excel allows ${ALERT_MESSAGE_MAX}`);
}

interface Site {
  wb: WorkbookState;
  sheet: SheetState;
  row: number;
  col: number;
  anchor: { row: number; col: number };
}

function operand(v: unknown, site: Site): Evaluated {
  if (typeof v === 'number') return { value: v, isError: false };
  const s = String(v ?? '');
  if (s.startsWith('=')) return evaluateFormula(s, { wb: site.wb, sheet: site.sheet, offset: { rows: site.row - site.anchor.row, cols: site.col - site.anchor.col } });
  const n = Number(s);
  return { value: s.trim() !== '' && Number.isFinite(n) ? n : s, isError: false };
}

function compareBy(op: string, x: number, a: number, b: number | undefined): boolean {
  switch (op) {
    case 'Between':
      return x >= Math.min(a, b!) && x <= Math.max(a, b!);
    case 'NotBetween':
      return x < Math.min(a, b!) || x > Math.max(a, b!);
    case 'EqualTo':
      return x === a;
    case 'NotEqualTo':
      return x !== a;
    case 'GreaterThan':
      return x > a;
    case 'LessThan':
      return x < a;
    case 'GreaterThanOrEqualTo':
    case 'GreaterThanOrEqual':
      return x >= a;
    case 'LessThanOrEqualTo':
    case 'LessThanOrEqual':
      return x <= a;
    default:
      return false;
  }
}

function numericBounds(body: Record<string, unknown>, site: Site): [number, number | undefined] | null {
  const a = operand(body.formula1, site);
  const b = body.formula2 === undefined ? undefined : operand(body.formula2, site);
  if (a.isError || typeof a.value !== 'number') return null;
  if (b && (b.isError || typeof b.value !== 'number')) return null;
  return [a.value, b?.value as number | undefined];
}

function listItems(source: string, site: Site): string[] {
  if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
  const m = /^=(.+)$/.exec(source)!;
  const out: string[] = [];
  const ev = evaluateFormula(`=${m[1]}`, { wb: site.wb, sheet: site.sheet });
  if (!ev.isError && ev.value !== '') out.push(String(ev.value));
  return out;
}

/** Whether a value satisfies the validation covering a cell (blank passes when blanks are ignored). */
export function validationPasses(entry: ValidationEntry, value: Evaluated, site: Omit<Site, 'anchor'>): boolean {
  if (!entry.rule) return true;
  const blank = !value.isError && value.value === '';
  if (blank) return entry.ignoreBlanks;
  if (value.isError) return false;
  const full: Site = { ...site, anchor: entry.anchor };
  const [key, body] = Object.entries(entry.rule.rule)[0]!;
  switch (key) {
    case 'wholeNumber':
    case 'decimal':
    case 'date':
    case 'time': {
      if (typeof value.value !== 'number') return false;
      if (key === 'wholeNumber' && !Number.isInteger(value.value)) return false;
      const bounds = numericBounds(body, full);
      return bounds !== null && compareBy(String(body.operator), value.value, bounds[0], bounds[1]);
    }
    case 'textLength': {
      const bounds = numericBounds(body, full);
      const len = typeof value.value === 'boolean' ? (value.value ? 4 : 5) : String(value.value).length;
      return bounds !== null && compareBy(String(body.operator), len, bounds[0], bounds[1]);
    }
    case 'list': {
      const text = typeof value.value === 'boolean' ? (value.value ? 'TRUE' : 'FALSE') : String(value.value);
      return listItems(String(body.source), full).some((item) => item.toLowerCase() === text.toLowerCase());
    }
    case 'custom': {
      const r = operand(body.formula, full);
      return !r.isError && (r.value === true || (typeof r.value === 'number' && r.value !== 0));
    }
    default:
      return true;
  }
}

/** Whether a Custom or CellValue conditional format applies at a cell; other types are not judged. */
export function conditionalFormatApplies(entry: ConditionalFormatEntry, wb: WorkbookState, sheet: SheetState, row: number, col: number): boolean {
  const site: Site = { wb, sheet, row, col, anchor: entry.anchor };
  if (entry.type === 'Custom') {
    if (!entry.formula) return false;
    const r = operand(entry.formula.startsWith('=') ? entry.formula : `=${entry.formula}`, site);
    return !r.isError && (r.value === true || (typeof r.value === 'number' && r.value !== 0));
  }
  if (entry.type === 'CellValue') {
    const v = cellResult(wb, sheet, row, col);
    if (v.isError || typeof v.value !== 'number' || entry.formula === undefined || !entry.operator) return false;
    const bounds = numericBounds({ formula1: entry.formula, formula2: entry.formula2 }, site);
    return bounds !== null && compareBy(entry.operator, v.value, bounds[0], bounds[1]);
  }
  return false;
}
