/**
 * Data validation and conditional formats kept as rectangles per rule, split when a later change
 * covers part of them (as Excel splits them), so whole-column rules stay one record.
 */
import { boundingRect, intersect, subtractAll, type Rect } from './address';
import { assertUnprotected, type Areas } from './cellOps';
import { fail } from './errors';
import { cellResult } from './formula';
import { existingCellsIn, nextId, type ConditionalFormatEntry, type SheetState, type ValidationEntry, type WorkbookState } from './model';
import { validationPasses } from './rules';

export type ValidationChange = Partial<Pick<ValidationEntry, 'rule' | 'ignoreBlanks' | 'prompt' | 'errorAlert'>>;

function blankValidation(rects: Rect[]): ValidationEntry {
  const top = boundingRect(rects);
  return {
    rects,
    anchor: { row: top.top, col: top.left },
    rule: null,
    ignoreBlanks: true,
    prompt: { showPrompt: true, title: '', message: '' },
    errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
  };
}

function copyEntry(e: ValidationEntry, rects: Rect[]): ValidationEntry {
  return JSON.parse(JSON.stringify({ ...e, rects })) as ValidationEntry;
}

/** Rules, prompts or alerts changed on some cells: the parts of existing entries there are split off and changed. */
export function updateValidation(areas: Areas, change: ValidationChange): void {
  const { sheet, rects } = areas;
  assertUnprotected(sheet, 'changing data validation');
  const changed: ValidationEntry[] = [];
  const covered: Rect[] = [];
  for (const entry of sheet.validations) {
    const inside = entry.rects.flatMap((r) => rects.map((c) => intersect(r, c)).filter((x): x is Rect => x !== null));
    if (!inside.length) continue;
    covered.push(...inside);
    entry.rects = subtractAll(entry.rects, rects);
    changed.push(copyEntry(entry, inside));
  }
  const uncovered = subtractAll(rects, covered);
  if (uncovered.length) changed.push(blankValidation(uncovered));
  for (const entry of changed) {
    Object.assign(entry, JSON.parse(JSON.stringify(change)));
    // A new rule's relative references count from the range it was set on.
    if (change.rule !== undefined) {
      const top = boundingRect(rects);
      entry.anchor = { row: top.top, col: top.left };
    }
  }
  sheet.validations = coalesce([...sheet.validations.filter((e) => e.rects.length), ...changed]);
}

function coalesce(entries: ValidationEntry[]): ValidationEntry[] {
  const byKey = new Map<string, ValidationEntry>();
  for (const e of entries) {
    const key = JSON.stringify({ ...e, rects: undefined });
    const same = byKey.get(key);
    if (same) same.rects.push(...e.rects);
    else byKey.set(key, e);
  }
  return [...byKey.values()];
}

export function clearValidation(areas: Areas): void {
  assertUnprotected(areas.sheet, 'clearing data validation');
  for (const entry of areas.sheet.validations) entry.rects = subtractAll(entry.rects, areas.rects);
  areas.sheet.validations = areas.sheet.validations.filter((e) => e.rects.length);
}

export interface ValidationView {
  type: string;
  rule: Record<string, unknown> | null;
  prompt: ValidationEntry['prompt'] | null;
  errorAlert: ValidationEntry['errorAlert'] | null;
  ignoreBlanks: boolean | null;
}

/** What DataValidation reports for a range: one rule, none, or Inconsistent / MixedCriteria. */
export function readValidation(areas: Areas): ValidationView {
  const touching = areas.sheet.validations.filter((e) => e.rects.some((r) => areas.rects.some((c) => intersect(r, c))));
  const uncovered = subtractAll(areas.rects, touching.flatMap((e) => e.rects));
  if (touching.length === 0) return { type: 'None', rule: {}, prompt: { showPrompt: true, title: '', message: '' }, errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' }, ignoreBlanks: true };
  if (touching.length > 1 || uncovered.length) {
    return { type: uncovered.length ? 'MixedCriteria' : 'Inconsistent', rule: null, prompt: null, errorAlert: null, ignoreBlanks: null };
  }
  const e = touching[0]!;
  return { type: e.rule?.type ?? 'None', rule: e.rule ? JSON.parse(JSON.stringify(e.rule.rule)) : {}, prompt: { ...e.prompt }, errorAlert: { ...e.errorAlert }, ignoreBlanks: e.ignoreBlanks };
}

export function validationAt(sheet: SheetState, row: number, col: number): ValidationEntry | undefined {
  return sheet.validations.find((e) => e.rects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right));
}

/** DataValidation.valid: every cell under a rule satisfies it (blanks only when blanks are ignored). */
export function validationValid(wb: WorkbookState, areas: Areas): boolean {
  for (const entry of areas.sheet.validations) {
    if (!entry.rule) continue;
    for (const r of entry.rects) {
      for (const c of areas.rects) {
        const part = intersect(r, c);
        if (!part) continue;
        let records = 0;
        for (const cell of existingCellsIn(areas.sheet, part)) {
          records++;
          if (!validationPasses(entry, cellResult(wb, areas.sheet, cell.row, cell.col), { wb, sheet: areas.sheet, row: cell.row, col: cell.col })) return false;
        }
        const size = (part.bottom - part.top + 1) * (part.right - part.left + 1);
        if (records < size && !entry.ignoreBlanks) return false;
      }
    }
  }
  return true;
}

const CONDITIONAL_FORMAT_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

/** A new conditional format goes to the top of the sheet's priority list, as in Excel. */
export function addConditionalFormat(wb: WorkbookState, areas: Areas, type: unknown): ConditionalFormatEntry {
  if (typeof type !== 'string' || !CONDITIONAL_FORMAT_TYPES.includes(type)) fail('InvalidArgument', `unknown conditional format type ${String(type)}`);
  assertUnprotected(areas.sheet, 'adding a conditional format');
  const top = boundingRect(areas.rects);
  const entry: ConditionalFormatEntry = {
    id: nextId(wb, 'cf'),
    rects: areas.rects.map((r) => ({ ...r })),
    anchor: { row: top.top, col: top.left },
    type,
    stopIfTrue: false,
    style: {},
    settings: {},
  };
  areas.sheet.conditionalFormats.unshift(entry);
  return entry;
}

export function conditionalFormatsTouching(areas: Areas): ConditionalFormatEntry[] {
  return areas.sheet.conditionalFormats.filter((e) => e.rects.some((r) => areas.rects.some((c) => intersect(r, c))));
}

export function clearConditionalFormats(areas: Areas): void {
  assertUnprotected(areas.sheet, 'clearing conditional formats');
  for (const e of areas.sheet.conditionalFormats) e.rects = subtractAll(e.rects, areas.rects);
  areas.sheet.conditionalFormats = areas.sheet.conditionalFormats.filter((e) => e.rects.length);
}

export function deleteConditionalFormat(sheet: SheetState, entry: ConditionalFormatEntry): void {
  assertUnprotected(sheet, 'deleting a conditional format');
  sheet.conditionalFormats = sheet.conditionalFormats.filter((e) => e !== entry);
}

export function setConditionalFormatPriority(sheet: SheetState, entry: ConditionalFormatEntry, priority: unknown): void {
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0) fail('InvalidArgument', `priority ${String(priority)} must be a whole number ≥ 0`);
  const list = sheet.conditionalFormats.filter((e) => e !== entry);
  list.splice(Math.min(priority, list.length), 0, entry);
  sheet.conditionalFormats = list;
}

export function isLiveConditionalFormat(sheet: SheetState, entry: ConditionalFormatEntry): boolean {
  return !sheet.deleted && sheet.conditionalFormats.includes(entry);
}
