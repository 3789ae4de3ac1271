/**
 * Range and RangeAreas. A range is an address on a sheet, found when the sync reaches it; its
 * navigation methods (getCell, getOffsetRange, …) queue nothing, its assignments and actions do.
 */
import {
  boundingRect,
  intersect,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  MAX_ROWS,
  parseReference,
  rectCellCount,
  rectColumns,
  rectRows,
  type Rect,
} from './address';
import { clearRects, mergeRects, readMatrix, unmergeRects, usedRect, writeMatrix, type Areas, type ClearApplyTo } from './cellOps';
import { defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import type { Execution } from './core';
import { fail, FakeRichApiError } from './errors';
import { checkEnum } from './formatValues';
import { FakeRangeFormat } from './rangeFormat';
import { FakeConditionalFormatCollection, FakeDataValidation } from './ruleProxies';
import { activateSheet, referenceText } from './workbookOps';
import { FakeWorksheet } from './worksheet';
import type { SheetState } from './model';

const CLEAR_TARGETS: readonly ClearApplyTo[] = ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'];

export function checkInSheet(r: Rect): Rect {
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLUMNS || r.top > r.bottom || r.left > r.right) {
    fail('InvalidArgument', `the range R${r.top}C${r.left}:R${r.bottom}C${r.right} falls outside the sheet`);
  }
  return r;
}

/**
 * An address on `sheet` as Worksheet.getRange / getRanges take it: A1 forms, comma-separated
 * areas, optionally qualified with this sheet's own name.
 */
export function rectsOnSheet(sheet: SheetState, address: string, allowMany: boolean): Rect[] {
  const ref = parseReference(address);
  if (!ref) fail('InvalidArgument', `"${address}" is not an A1 address`);
  if (ref.sheet !== null && ref.sheet.toLowerCase() !== sheet.name.toLowerCase()) fail('InvalidArgument', `"${address}" is on another sheet than ${sheet.name}`);
  if (!allowMany && ref.rects.length > 1) fail('InvalidArgument', `"${address}" has several areas; use getRanges`);
  return ref.rects;
}

/** What Range and RangeAreas share: the sheet, formats and rules over all their cells. */
abstract class FakeRangeLike extends FakeClientObject<Areas> {
  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, this.locate));
  }

  get dataValidation(): FakeDataValidation {
    return this.child('dataValidation', () => new FakeDataValidation(this.context, this.locate));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this.locate));
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, (exec) => this.locate(exec)?.sheet ?? null));
  }

  clear(applyTo: ClearApplyTo = 'All'): void {
    this.action('clear', (a) => clearRects(a.sheet, a.rects, checkEnum(applyTo, CLEAR_TARGETS, 'Range.clear applyTo')));
  }

  /** A range in the same sheet from a Range or an address given as an argument. */
  protected otherRect(other: FakeRange | string, exec: Execution, sheet: SheetState): Rect {
    if (typeof other === 'string') return rectsOnSheet(sheet, other, false)[0]!;
    const o = this.sameContext(other).mustFind(exec);
    if (o.sheet !== sheet) fail('InvalidArgument', 'the ranges are on different sheets');
    return o.rects[0]!;
  }
}

export class FakeRange extends FakeRangeLike {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly cellCount: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare values: unknown[][];
  declare readonly text: string[][];
  declare formulas: unknown[][];
  declare formulasLocal: unknown[][];
  declare numberFormat: unknown[][];
  declare numberFormatLocal: unknown[][];
  declare readonly valueTypes: string[][];
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare readonly hidden: boolean;
  declare rowHidden: boolean;
  declare columnHidden: boolean;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'Range', locate);
  }

  private derive(map: (r: Rect, a: Areas, exec: Execution) => Rect | null, orNull = false): FakeRange {
    const range = new FakeRange(this.context, (exec) => {
      const a = this.locate(exec);
      if (!a) return null;
      const r = map(a.rects[0]!, a, exec);
      return r && { sheet: a.sheet, rects: [checkInSheet(r)] };
    });
    return orNull ? range.probeNull() : range;
  }

  /** For *OrNullObject navigation. */
  probeNull(): this {
    return this.probeExistence();
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive((r) => ({ top: r.top + row, bottom: r.top + row, left: r.left + column, right: r.left + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((r) => ({ top: r.top + rowOffset, bottom: r.bottom + rowOffset, left: r.left + columnOffset, right: r.right + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((r) => ({ ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derive((r) => ({ ...r, bottom: r.top + numRows - 1, right: r.left + numColumns - 1 }));
  }

  getBoundingRect(anotherRange: FakeRange | string): FakeRange {
    return this.derive((r, a, exec) => boundingRect([r, this.otherRect(anotherRange, exec, a.sheet)]));
  }

  getIntersection(anotherRange: FakeRange | string): FakeRange {
    return this.derive((r, a, exec) => {
      const i = intersect(r, this.otherRect(anotherRange, exec, a.sheet));
      if (!i) throw new FakeRichApiError('ItemNotFound', { detail: 'the ranges do not intersect' });
      return i;
    });
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    return this.derive((r, a, exec) => intersect(r, this.otherRect(anotherRange, exec, a.sheet)), true);
  }

  getRow(row: number): FakeRange {
    return this.derive((r) => {
      if (row < 0 || row >= rectRows(r)) fail('InvalidArgument', `row ${row} is outside the range`);
      return { ...r, top: r.top + row, bottom: r.top + row };
    });
  }

  getColumn(column: number): FakeRange {
    return this.derive((r) => {
      if (column < 0 || column >= rectColumns(r)) fail('InvalidArgument', `column ${column} is outside the range`);
      return { ...r, left: r.left + column, right: r.left + column };
    });
  }

  getEntireRow(): FakeRange {
    return this.derive((r) => ({ ...r, left: 1, right: MAX_COLUMNS }));
  }

  getEntireColumn(): FakeRange {
    return this.derive((r) => ({ ...r, top: 1, bottom: MAX_ROWS }));
  }

  getLastCell(): FakeRange {
    return this.derive((r) => ({ top: r.bottom, bottom: r.bottom, left: r.right, right: r.right }));
  }

  getLastRow(): FakeRange {
    return this.derive((r) => ({ ...r, top: r.bottom }));
  }

  getLastColumn(): FakeRange {
    return this.derive((r) => ({ ...r, left: r.right }));
  }

  getRowsAbove(count = 1): FakeRange {
    return this.derive((r) => ({ ...r, top: r.top - count, bottom: r.top - 1 }));
  }

  getRowsBelow(count = 1): FakeRange {
    return this.derive((r) => ({ ...r, top: r.bottom + 1, bottom: r.bottom + count }));
  }

  getColumnsBefore(count = 1): FakeRange {
    return this.derive((r) => ({ ...r, left: r.left - count, right: r.left - 1 }));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this.derive((r) => ({ ...r, left: r.right + 1, right: r.right + count }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.derive((r, a) => {
      const used = usedRect(a.sheet, valuesOnly);
      const i = used && intersect(used, r);
      if (!i) throw new FakeRichApiError('ItemNotFound', { detail: 'no used cells in the range' });
      return i;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derive((r, a) => {
      const used = usedRect(a.sheet, valuesOnly);
      return used && intersect(used, r);
    }, true);
  }

  merge(across = false): void {
    this.action('merge', (a) => mergeRects(a.sheet, a.rects, across));
  }

  unmerge(): void {
    this.action('unmerge', (a) => unmergeRects(a.sheet, a.rects));
  }

  select(): void {
    this.action('select', (a, exec) => {
      activateSheet(exec.wb, a.sheet);
      exec.wb.selection = { sheet: a.sheet, rects: a.rects.map((r) => ({ ...r })) };
    });
  }

  calculate(): void {
    this.action('calculate', () => undefined, { mutates: false });
  }
}

const one = (a: Areas): Rect => a.rects[0]!;

defineScalars<Areas>(FakeRange, {
  address: { read: (a) => referenceText(a.sheet, a.rects, false) },
  addressLocal: { read: (a) => referenceText(a.sheet, a.rects, false) },
  cellCount: { read: (a) => rectCellCount(one(a)) },
  rowCount: { read: (a) => rectRows(one(a)) },
  columnCount: { read: (a) => rectColumns(one(a)) },
  rowIndex: { read: (a) => one(a).top - 1 },
  columnIndex: { read: (a) => one(a).left - 1 },
  values: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'values'), write: (a, v) => writeMatrix(a.sheet, one(a), 'values', v) },
  text: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'text') },
  formulas: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'formulas'), write: (a, v) => writeMatrix(a.sheet, one(a), 'formulas', v) },
  formulasLocal: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'formulas'), write: (a, v) => writeMatrix(a.sheet, one(a), 'formulas', v), notInLoadAll: true },
  numberFormat: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'numberFormat'), write: (a, v) => writeMatrix(a.sheet, one(a), 'numberFormat', v) },
  numberFormatLocal: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'numberFormat'), write: (a, v) => writeMatrix(a.sheet, one(a), 'numberFormat', v), notInLoadAll: true },
  valueTypes: { read: (a, exec) => readMatrix(exec.wb, a.sheet, one(a), 'valueTypes') },
  isEntireColumn: { read: (a) => isEntireColumns(one(a)) },
  isEntireRow: { read: (a) => isEntireRows(one(a)) },
  hidden: {
    read: (a) => {
      const r = one(a);
      const every = (from: number, to: number, set: Set<number>) => Array.from({ length: to - from + 1 }, (_, i) => from + i).every((i) => set.has(i));
      return every(r.top, r.bottom, a.sheet.hiddenRows) || every(r.left, r.right, a.sheet.hiddenColumns);
    },
  },
  rowHidden: {
    read: (a) => [...Array(rectRows(one(a))).keys()].every((i) => a.sheet.hiddenRows.has(one(a).top + i)),
    write: (a, v) => {
      const r = one(a);
      for (let i = r.top; i <= r.bottom; i++) (v ? a.sheet.hiddenRows.add(i) : a.sheet.hiddenRows.delete(i));
    },
  },
  columnHidden: {
    read: (a) => [...Array(rectColumns(one(a))).keys()].every((j) => a.sheet.hiddenColumns.has(one(a).left + j)),
    write: (a, v) => {
      const r = one(a);
      for (let j = r.left; j <= r.right; j++) (v ? a.sheet.hiddenColumns.add(j) : a.sheet.hiddenColumns.delete(j));
    },
  },
});

/** RangeAreas (ExcelApi 1.9): several rectangles of one sheet acted on together. */
export class FakeRangeAreas extends FakeRangeLike {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'RangeAreas', locate);
  }

  get areas(): FakeRangeCollection {
    return this.child('areas', () => new FakeRangeCollection(this.context, this.locate));
  }
}

defineScalars<Areas>(FakeRangeAreas, {
  address: { read: (a) => referenceText(a.sheet, a.rects, false) },
  addressLocal: { read: (a) => referenceText(a.sheet, a.rects, false) },
  areaCount: { read: (a) => a.rects.length },
  cellCount: { read: (a) => a.rects.reduce((n, r) => n + rectCellCount(r), 0) },
  isEntireColumn: { read: (a) => a.rects.every(isEntireColumns) },
  isEntireRow: { read: (a) => a.rects.every(isEntireRows) },
});

export class FakeRangeCollection extends FakeCollection<FakeRange, Areas> {
  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'RangeCollection', locate);
  }

  getItemAt(index: number): FakeRange {
    return new FakeRange(this.context, (exec) => {
      const a = this.locate(exec);
      if (!a) return null;
      const r = a.rects[index];
      if (!r) throw new FakeRichApiError('ItemNotFound', { detail: `no area ${index}` });
      return { sheet: a.sheet, rects: [r] };
    });
  }

  protected itemsOf(a: Areas): FakeRange[] {
    return a.rects.map((r) => new FakeRange(this.context, fixed({ sheet: a.sheet, rects: [r] }, (t) => !t.sheet.deleted, 'the range')));
  }
}
