/**
 * Worksheets and their collection. Sheets are found by name when the sync reaches them and
 * followed by identity afterwards (a rename does not lose them).
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './address';
import { usedRect, type Areas } from './cellOps';
import { bindOnFirstUse, defineScalars, FakeClientObject, FakeClientResult, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import { supportsApi, type Execution } from './core';
import { fail, FakeRichApiError } from './errors';
import { checkBoolean, checkNumber, normalizeColor } from './formatValues';
import { findSheet, type SheetState, type WorkbookState } from './model';
import { FakeChartCollection } from './charts';
import { FakeCommentCollection } from './comments';
import { FakeNamedItemCollection } from './names';
import { checkInSheet, FakeRange, FakeRangeAreas, rectsOnSheet } from './range';
import { activateSheet, addSheet, deleteSheet, moveSheet, renameSheet, setVisibility, visibleSheets } from './workbookOps';
import { FakePageLayout, FakeWorksheetFreezePanes, FakeWorksheetProtection } from './worksheetParts';

const alive = (s: SheetState) => !s.deleted;

/** Excel's standard width is in characters of the default font (7 px each plus 5 px), stored here in points. */
const charsToPoints = (chars: number) => ((chars * 7 + 5) * 3) / 4;
const pointsToChars = (points: number) => Math.round(((points * 4) / 3 - 5) / 7 * 100) / 100;

export class FakeWorksheet extends FakeClientObject<SheetState> {
  declare name: string;
  declare position: number;
  declare visibility: string;
  declare readonly id: string;
  declare tabColor: string;
  declare showGridlines: boolean;
  declare showHeadings: boolean;
  declare standardWidth: number;
  declare readonly standardHeight: number;

  constructor(context: FakeRequestContext, locate: Locate<SheetState>) {
    super(context, 'Worksheet', locate);
  }

  get protection(): FakeWorksheetProtection {
    return this.child('protection', () => new FakeWorksheetProtection(this.context, this.locate));
  }

  get pageLayout(): FakePageLayout {
    return this.child('pageLayout', () => new FakePageLayout(this.context, this.locate));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return this.child('freezePanes', () => new FakeWorksheetFreezePanes(this.context, this.locate));
  }

  get names(): FakeNamedItemCollection {
    return this.child('names', () => new FakeNamedItemCollection(this.context, (exec) => {
      const sheet = this.locate(exec);
      return sheet && { wb: exec.wb, scope: sheet };
    }));
  }

  /** Charts (ExcelApi 1.1; charts.ts): recorded, not drawn. */
  get charts(): FakeChartCollection {
    return this.child('charts', () => new FakeChartCollection(this.context, this.locate));
  }

  get comments(): FakeCommentCollection {
    return this.child('comments', () => new FakeCommentCollection(this.context, (exec) => {
      const sheet = this.locate(exec);
      return sheet && { wb: exec.wb, sheet };
    }));
  }

  /** Exposed for the collection's *OrNullObject lookups. */
  probeNull(): this {
    return this.probeExistence();
  }

  private rangeOn(rectsFor: (sheet: SheetState, exec: Execution) => Rect[] | null, orNull = false): FakeRange {
    const range = new FakeRange(this.context, (exec) => {
      const sheet = this.locate(exec);
      if (!sheet) return null;
      const rects = rectsFor(sheet, exec);
      return rects && { sheet, rects };
    });
    return orNull ? range.probeNull() : range;
  }

  getRange(address?: string): FakeRange {
    if (address === undefined || address === '') return this.rangeOn(() => [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }]);
    return this.rangeOn((sheet) => rectsOnSheet(sheet, address, false));
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, (exec): Areas | null => {
      // RangeAreas arrived in ExcelApi 1.9: on older hosts any use of one fails at sync.
      if (!supportsApi(exec.core, '1.9')) throw new FakeRichApiError('ApiNotFound', { location: 'Worksheet.getRanges', detail: 'needs ExcelApi 1.9' });
      const sheet = this.locate(exec);
      return sheet && { sheet, rects: rectsOnSheet(sheet, address, true) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.rangeOn(() => [checkInSheet({ top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount })]);
  }

  getCell(row: number, column: number): FakeRange {
    return this.rangeOn(() => [checkInSheet({ top: row + 1, left: column + 1, bottom: row + 1, right: column + 1 })]);
  }

  /** An empty sheet's used range is A1 (Excel's answer); the OrNullObject form gives a null object. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.rangeOn((sheet) => [usedRect(sheet, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 }]);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.rangeOn((sheet) => {
      const r = usedRect(sheet, valuesOnly);
      return r && [r];
    }, true);
  }

  activate(): void {
    this.action('activate', (s, exec) => activateSheet(exec.wb, s));
  }

  delete(): void {
    this.action('delete', (s, exec) => deleteSheet(exec.wb, s));
  }

  calculate(): void {
    this.action('calculate', () => undefined, { mutates: false });
  }
}

defineScalars<SheetState>(FakeWorksheet, {
  name: { read: (s) => s.name, write: (s, v, exec) => renameSheet(exec.wb, s, v) },
  position: { read: (s, exec) => exec.wb.sheets.indexOf(s), write: (s, v, exec) => moveSheet(exec.wb, s, v) },
  visibility: { read: (s) => s.visibility, write: (s, v, exec) => setVisibility(exec.wb, s, v) },
  id: { read: (s) => s.id },
  tabColor: { api: '1.7', read: (s) => s.tabColor, write: (s, v) => (s.tabColor = v === '' ? '' : normalizeColor(v, 'Worksheet.tabColor')) },
  showGridlines: { api: '1.8', read: (s) => s.showGridlines, write: (s, v) => (s.showGridlines = checkBoolean(v, 'Worksheet.showGridlines')) },
  showHeadings: { api: '1.8', read: (s) => s.showHeadings, write: (s, v) => (s.showHeadings = checkBoolean(v, 'Worksheet.showHeadings')) },
  standardWidth: { api: '1.7', read: (s) => pointsToChars(s.standardWidth), write: (s, v) => (s.standardWidth = charsToPoints(checkNumber(v, 'Worksheet.standardWidth', 0, 255))) },
  standardHeight: { api: '1.7', read: (s) => s.standardHeight },
});

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, WorkbookState> {
  constructor(context: FakeRequestContext, locate: Locate<WorkbookState>) {
    super(context, 'WorksheetCollection', locate);
  }

  add(name?: string): FakeWorksheet {
    let made: SheetState | undefined;
    const sheet = new FakeWorksheet(this.context, () => {
      if (!made || made.deleted) throw new FakeRichApiError('ItemNotFound', { detail: `the sheet "${name ?? ''}" was not added` });
      return made;
    });
    this.action('add', (wb) => {
      made = addSheet(wb, name);
    });
    return sheet;
  }

  private byKey(key: string, orNull: boolean): Locate<SheetState> {
    return bindOnFirstUse((exec) => {
      const wb = this.mustFind(exec);
      const found = findSheet(wb, key) ?? wb.sheets.find((s) => s.id === key);
      if (found) return found;
      if (orNull) return null;
      throw new FakeRichApiError('ItemNotFound', { detail: `no sheet named "${key}"` });
    }, alive);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byKey(key, false));
  }

  /** ExcelApi 1.9: `add(handler)` takes effect at the sync; `remove()` on its result likewise. */
  get onChanged(): { add(handler: (args: unknown) => unknown): { remove(): void } } {
    return {
      add: (handler) => {
        this.action('onChanged.add', (_, exec) => void exec.core.worksheetChanged.add(handler), { api: '1.9', mutates: false });
        return { remove: () => this.action('onChanged.remove', (_, exec) => void exec.core.worksheetChanged.delete(handler), { mutates: false }) };
      },
    };
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byKey(key, true)).probeNull();
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, bindOnFirstUse((exec) => {
      const active = this.mustFind(exec).activeSheet;
      if (!active) throw new FakeRichApiError('ItemNotFound', { detail: 'no active sheet' });
      return active;
    }, alive));
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(this.context, bindOnFirstUse((exec) => this.ends(exec, visibleOnly)[0] ?? fail('ItemNotFound', 'no sheets'), alive));
  }

  getLast(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(this.context, bindOnFirstUse((exec) => this.ends(exec, visibleOnly).slice(-1)[0] ?? fail('ItemNotFound', 'no sheets'), alive));
  }

  private ends(exec: Execution, visibleOnly: boolean): SheetState[] {
    const wb = this.mustFind(exec);
    return visibleOnly ? visibleSheets(wb) : wb.sheets;
  }

  override getCount(visibleOnly = false): FakeClientResult<number> {
    return this.result('getCount', (wb) => (visibleOnly ? visibleSheets(wb) : wb.sheets).length);
  }

  protected itemsOf(wb: WorkbookState): FakeWorksheet[] {
    return wb.sheets.map((s) => new FakeWorksheet(this.context, fixed(s, alive, `the sheet "${s.name}"`)));
  }
}
