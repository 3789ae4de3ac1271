/**
 * What hangs off a worksheet: its protection, page layout (ExcelApi 1.9) and freeze panes (1.7).
 */
import { formatRect, isEntireColumns, isEntireRows, MAX_COLUMNS, MAX_ROWS, type Rect } from './address';
import { defineScalars, FakeClientObject, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import type { Execution } from './core';
import { fail, FakeRichApiError } from './errors';
import { checkBoolean, checkEnum, checkNumber, PAPER_SIZES } from './formatValues';
import { defaultProtectionOptions, type ProtectionOptionsState, type SheetState } from './model';
import { FakeRange, FakeRangeAreas, rectsOnSheet } from './range';

const PROTECTION_KEYS = Object.keys(defaultProtectionOptions()) as (keyof ProtectionOptionsState)[];

function protectionOptions(input: unknown): ProtectionOptionsState {
  const out = defaultProtectionOptions();
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object' || Array.isArray(input)) fail('InvalidArgument', 'protection options must be an object');
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!PROTECTION_KEYS.includes(key as keyof ProtectionOptionsState)) fail('InvalidArgument', `unknown protection option "${key}"`);
    if (key === 'selectionMode') out.selectionMode = checkEnum(value, ['Normal', 'Unlocked', 'None'], 'selectionMode');
    else (out as unknown as Record<string, boolean>)[key] = checkBoolean(value, `protection option ${key}`);
  }
  return out;
}

export class FakeWorksheetProtection extends FakeClientObject<SheetState> {
  declare readonly protected: boolean;
  declare readonly options: Excel.WorksheetProtectionOptions;

  constructor(context: FakeRequestContext, locate: Locate<SheetState>) {
    super(context, 'WorksheetProtection', locate);
  }

  /** Fails on a sheet that is already protected, as Excel's documentation says. */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.action('protect', (s) => {
      if (s.protection.protected) fail('InvalidOperation', `sheet "${s.name}" is already protected`);
      s.protection = { protected: true, options: protectionOptions(options), password: password ? String(password) : null };
    });
  }

  unprotect(password?: string): void {
    this.action('unprotect', (s) => {
      if (s.protection.password !== null && password !== s.protection.password) fail('InvalidArgument', 'the password is not correct');
      s.protection = { protected: false, options: defaultProtectionOptions(), password: null };
    });
  }
}

defineScalars<SheetState>(FakeWorksheetProtection, {
  protected: { read: (s) => s.protection.protected },
  options: { read: (s) => ({ ...s.protection.options }) },
});

const MARGIN_UNITS: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

function rowsOrColumns(sheet: SheetState, value: unknown, want: 'rows' | 'columns', sameContext: <O>(o: O) => O, exec: Execution): Rect {
  let rect: Rect;
  if (typeof value === 'string') rect = rectsOnSheet(sheet, value, false)[0]!;
  else if (value instanceof FakeRange) {
    const a = sameContext(value).mustFind(exec);
    if (a.sheet !== sheet) fail('InvalidArgument', 'the range is on another sheet');
    rect = a.rects[0]!;
  } else fail('InvalidArgument', `print titles take an address or a Range`);
  if (want === 'rows' ? !isEntireRows(rect) : !isEntireColumns(rect)) fail('InvalidArgument', `print title ${want} must be whole ${want}, e.g. ${want === 'rows' ? '"$1:$2"' : '"$A:$B"'}; got ${formatRect(rect)}`);
  return rect;
}

/** Worksheet.pageLayout (ExcelApi 1.9). Margins are kept in points. */
export class FakePageLayout extends FakeClientObject<SheetState> {
  declare orientation: string;
  declare paperSize: string;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare zoom: Excel.PageLayoutZoomOptions;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare firstPageNumber: number | '';
  declare printOrder: string;
  declare printComments: string;
  declare printErrors: string;

  constructor(context: FakeRequestContext, locate: Locate<SheetState>) {
    super(context, 'PageLayout', locate);
  }

  setPrintArea(printArea: FakeRange | FakeRangeAreas | string): void {
    this.action(
      'setPrintArea',
      (s, exec) => {
        let rects: Rect[];
        if (typeof printArea === 'string') rects = rectsOnSheet(s, printArea, true);
        else if (printArea instanceof FakeRange || printArea instanceof FakeRangeAreas) {
          const a = this.sameContext(printArea).mustFind(exec);
          if (a.sheet !== s) fail('InvalidArgument', 'the print area is on another sheet');
          rects = a.rects;
        } else fail('InvalidArgument', 'setPrintArea takes an address, a Range or RangeAreas');
        s.pageLayout.printArea = rects.map((r) => ({ ...r }));
      },
      { api: '1.9' },
    );
  }

  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    this.action('setPrintTitleRows', (s, exec) => (s.pageLayout.printTitleRows = rowsOrColumns(s, printTitleRows, 'rows', (o) => this.sameContext(o), exec)), { api: '1.9' });
  }

  setPrintTitleColumns(printTitleColumns: FakeRange | string): void {
    this.action('setPrintTitleColumns', (s, exec) => (s.pageLayout.printTitleColumns = rowsOrColumns(s, printTitleColumns, 'columns', (o) => this.sameContext(o), exec)), { api: '1.9' });
  }

  setPrintMargins(unit: string, marginOptions: Excel.PageLayoutMarginOptions): void {
    this.action(
      'setPrintMargins',
      (s) => {
        const factor = MARGIN_UNITS[checkEnum(unit, Object.keys(MARGIN_UNITS), 'PageLayout.setPrintMargins unit')]!;
        const m = s.pageLayout.margins;
        for (const key of ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const) {
          const v = (marginOptions as Record<string, unknown> | undefined)?.[key];
          if (v !== undefined) m[key] = Math.round(checkNumber(v, `margin ${key}`, 0, 1000) * factor * 1000) / 1000;
        }
      },
      { api: '1.9' },
    );
  }

  private titlesRange(which: 'printTitleRows' | 'printTitleColumns', orNull: boolean): FakeRange {
    const range = new FakeRange(this.context, (exec) => {
      const s = this.locate(exec);
      if (!s) return null;
      const r = s.pageLayout[which];
      if (!r) {
        if (orNull) return null;
        throw new FakeRichApiError('ItemNotFound', { detail: `no ${which}` });
      }
      return { sheet: s, rects: [r] };
    });
    return orNull ? range.probeNull() : range;
  }

  getPrintTitleRows(): FakeRange {
    return this.titlesRange('printTitleRows', false);
  }

  getPrintTitleRowsOrNullObject(): FakeRange {
    return this.titlesRange('printTitleRows', true);
  }

  getPrintTitleColumns(): FakeRange {
    return this.titlesRange('printTitleColumns', false);
  }

  getPrintTitleColumnsOrNullObject(): FakeRange {
    return this.titlesRange('printTitleColumns', true);
  }

  getPrintArea(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, (exec) => {
      const s = this.locate(exec);
      if (!s) return null;
      if (!s.pageLayout.printArea) throw new FakeRichApiError('ItemNotFound', { detail: 'no print area' });
      return { sheet: s, rects: s.pageLayout.printArea };
    });
  }
}

const margin = (key: 'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer') => ({
  api: '1.9',
  read: (s: SheetState) => s.pageLayout.margins[key],
  write: (s: SheetState, v: unknown) => (s.pageLayout.margins[key] = checkNumber(v, `${key}Margin`, 0, 1000)),
});

function checkZoom(v: unknown): Excel.PageLayoutZoomOptions {
  if (!v || typeof v !== 'object') fail('InvalidArgument', 'PageLayout.zoom must be an object');
  const z = v as Record<string, unknown>;
  const out: Excel.PageLayoutZoomOptions = {};
  if (z.scale !== undefined && z.scale !== null) out.scale = checkNumber(z.scale, 'zoom.scale', 10, 400, true);
  if (z.horizontalFitToPages !== undefined && z.horizontalFitToPages !== null) out.horizontalFitToPages = checkNumber(z.horizontalFitToPages, 'zoom.horizontalFitToPages', 0, 32767, true);
  if (z.verticalFitToPages !== undefined && z.verticalFitToPages !== null) out.verticalFitToPages = checkNumber(z.verticalFitToPages, 'zoom.verticalFitToPages', 0, 32767, true);
  if (out.scale === undefined && out.horizontalFitToPages === undefined && out.verticalFitToPages === undefined) fail('InvalidArgument', 'zoom needs scale or fit-to-pages');
  return out;
}

const layoutFlag = (key: 'centerHorizontally' | 'centerVertically' | 'printGridlines' | 'printHeadings' | 'blackAndWhite' | 'draftMode') => ({
  api: '1.9',
  read: (s: SheetState) => s.pageLayout[key],
  write: (s: SheetState, v: unknown) => (s.pageLayout[key] = checkBoolean(v, `PageLayout.${key}`)),
});

const layoutEnum = (key: 'printOrder' | 'printComments' | 'printErrors', allowed: string[]) => ({
  api: '1.9',
  read: (s: SheetState) => s.pageLayout[key],
  write: (s: SheetState, v: unknown) => (s.pageLayout[key] = checkEnum(v, allowed, `PageLayout.${key}`)),
});

defineScalars<SheetState>(FakePageLayout, {
  orientation: { api: '1.9', read: (s) => s.pageLayout.orientation, write: (s, v) => (s.pageLayout.orientation = checkEnum(v, ['Portrait', 'Landscape'], 'PageLayout.orientation')) },
  paperSize: { api: '1.9', read: (s) => s.pageLayout.paperSize, write: (s, v) => (s.pageLayout.paperSize = checkEnum(v, PAPER_SIZES, 'PageLayout.paperSize')) },
  centerHorizontally: layoutFlag('centerHorizontally'),
  centerVertically: layoutFlag('centerVertically'),
  printGridlines: layoutFlag('printGridlines'),
  printHeadings: layoutFlag('printHeadings'),
  blackAndWhite: layoutFlag('blackAndWhite'),
  draftMode: layoutFlag('draftMode'),
  leftMargin: margin('left'),
  rightMargin: margin('right'),
  topMargin: margin('top'),
  bottomMargin: margin('bottom'),
  headerMargin: margin('header'),
  footerMargin: margin('footer'),
  zoom: { api: '1.9', read: (s) => ({ ...s.pageLayout.zoom }), write: (s, v) => (s.pageLayout.zoom = checkZoom(v)) },
  firstPageNumber: {
    api: '1.9',
    read: (s) => s.pageLayout.firstPageNumber,
    write: (s, v) => (s.pageLayout.firstPageNumber = v === '' ? '' : checkNumber(v, 'PageLayout.firstPageNumber', 0, 32767, true)),
  },
  printOrder: layoutEnum('printOrder', ['DownThenOver', 'OverThenDown']),
  printComments: layoutEnum('printComments', ['NoComments', 'EndSheet', 'InPlace']),
  printErrors: layoutEnum('printErrors', ['AsDisplayed', 'Blank', 'Dash', 'NotAvailable']),
});

/** Worksheet.freezePanes (ExcelApi 1.7). */
export class FakeWorksheetFreezePanes extends FakeClientObject<SheetState> {
  constructor(context: FakeRequestContext, locate: Locate<SheetState>) {
    super(context, 'WorksheetFreezePanes', locate);
  }

  freezeRows(count = 1): void {
    this.action('freezeRows', (s) => (s.freeze = { rows: checkNumber(count, 'freezeRows count', 0, MAX_ROWS - 1, true), columns: 0 }), { api: '1.7' });
  }

  freezeColumns(count = 1): void {
    this.action('freezeColumns', (s) => (s.freeze = { rows: 0, columns: checkNumber(count, 'freezeColumns count', 0, MAX_COLUMNS - 1, true) }), { api: '1.7' });
  }

  /** The given cells become the frozen top-left pane: rows down to its bottom, columns up to its right. */
  freezeAt(frozenRange: FakeRange | string): void {
    this.action(
      'freezeAt',
      (s, exec) => {
        let rect: Rect;
        if (typeof frozenRange === 'string') rect = rectsOnSheet(s, frozenRange, false)[0]!;
        else {
          const a = this.sameContext(frozenRange).mustFind(exec);
          if (a.sheet !== s) fail('InvalidArgument', 'the range is on another sheet');
          rect = a.rects[0]!;
        }
        s.freeze = { rows: isEntireColumns(rect) ? 0 : rect.bottom, columns: isEntireRows(rect) ? 0 : rect.right };
      },
      { api: '1.7' },
    );
  }

  unfreeze(): void {
    this.action('unfreeze', (s) => (s.freeze = { rows: 0, columns: 0 }), { api: '1.7' });
  }

  private location(orNull: boolean): FakeRange {
    const range = new FakeRange(this.context, (exec) => {
      const s = this.locate(exec);
      if (!s) return null;
      const { rows, columns } = s.freeze;
      if (!rows && !columns) {
        if (orNull) return null;
        throw new FakeRichApiError('ItemNotFound', { detail: 'no frozen panes' });
      }
      return { sheet: s, rects: [{ top: 1, left: 1, bottom: rows || MAX_ROWS, right: columns || MAX_COLUMNS }] };
    });
    return orNull ? range.probeNull() : range;
  }

  getLocation(): FakeRange {
    return this.location(false);
  }

  getLocationOrNullObject(): FakeRange {
    return this.location(true);
  }
}
