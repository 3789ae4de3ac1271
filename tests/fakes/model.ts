/**
 * The fake workbook's state: plain data that queued Office.js operations change at sync, that the
 * host's helpers change directly (pre-population, a person typing), and that snapshots read.
 *
 * Formats are layered the way Excel stores them, so formatting a whole column or sheet ("A:A",
 * `getRange()`) costs one record, not a million cells: a cell with no record of its own shows
 * sheet ⊕ column ⊕ row formats; a cell record carries its full format.
 */
import { cellKey, intersect, rectCellCount, type Rect } from './address';

export type CellScalar = string | number | boolean;

export type Edge = 'top' | 'bottom' | 'left' | 'right' | 'diagonalDown' | 'diagonalUp';
export const EDGES: readonly Edge[] = ['top', 'bottom', 'left', 'right', 'diagonalDown', 'diagonalUp'];

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export interface FontState {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  color: string;
}

export interface FormatState {
  numberFormat: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  font: FontState;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  textOrientation: number;
  shrinkToFit: boolean;
  borders: Record<Edge, BorderState | null>;
  locked: boolean;
  formulaHidden: boolean;
}

/** A border change: null removes the line; a partial change draws one (thin, black, continuous unless said). */
export type BorderPatch = Partial<BorderState> | null;

export type FormatPatch = Partial<Omit<FormatState, 'font' | 'borders'>> & {
  font?: Partial<FontState>;
  borders?: Partial<Record<Edge, BorderPatch>>;
};

const DEFAULT_BORDER: BorderState = { style: 'Continuous', weight: 'Thin', color: '#000000' };

export interface CellState {
  readonly row: number;
  readonly col: number;
  /** The constant held ('' when empty); ignored while `formula` is set. */
  value: CellScalar;
  /** The constant is an error such as "#N/A". */
  isError: boolean;
  /** "=…" when the cell holds a formula. */
  formula: string | null;
  format: FormatState;
}

export interface ValidationRuleState {
  /** Excel.DataValidationType of the rule: 'Decimal', 'WholeNumber', 'List', 'TextLength', 'Date', 'Time', 'Custom'. */
  type: string;
  /** The rule exactly as Excel.DataValidationRule would return it, e.g. { decimal: { operator, formula1, formula2 } }. */
  rule: Record<string, Record<string, unknown>>;
}

export interface ValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface ValidationErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface ValidationEntry {
  rects: Rect[];
  /** Where relative references in the rule's formulas point from: the top-left when it was set. */
  anchor: { row: number; col: number };
  rule: ValidationRuleState | null;
  ignoreBlanks: boolean;
  prompt: ValidationPrompt;
  errorAlert: ValidationErrorAlert;
}

export interface ConditionalFormatStyle {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  underline?: string | null;
  strikethrough?: boolean | null;
  numberFormat?: string | null;
}

export interface ConditionalFormatEntry {
  readonly id: string;
  rects: Rect[];
  /** Where relative references in the formula point from: the top-left when it was added. */
  anchor: { row: number; col: number };
  /** Excel.ConditionalFormatType: 'Custom', 'CellValue', 'DataBar', 'IconSet', … */
  readonly type: string;
  stopIfTrue: boolean;
  /** Custom: the formula; CellValue: formula1. */
  formula?: string;
  formula2?: string;
  /** CellValue's operator, e.g. 'Between', 'GreaterThan'. */
  operator?: string;
  style: ConditionalFormatStyle;
  /** DataBar / IconSet / other settings, by Office.js property name. */
  settings: Record<string, unknown>;
}

export interface ProtectionOptionsState {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export interface ProtectionState {
  protected: boolean;
  options: ProtectionOptionsState;
  password: string | null;
}

export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PageZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  /** Points. */
  margins: PageMargins;
  zoom: PageZoom;
  printArea: Rect[] | null;
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | '';
  printOrder: string;
  printComments: string;
  printErrors: string;
}

export interface SheetState {
  readonly id: string;
  name: string;
  visibility: string;
  /** "#RRGGBB" or "" for none. */
  tabColor: string;
  showGridlines: boolean;
  showHeadings: boolean;
  cells: Map<string, CellState>;
  layers: { sheet: FormatPatch; columns: Map<number, FormatPatch>; rows: Map<number, FormatPatch> };
  /** Points. */
  standardWidth: number;
  standardHeight: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  merges: Rect[];
  validations: ValidationEntry[];
  /** Highest priority first, as Excel orders them. */
  conditionalFormats: ConditionalFormatEntry[];
  protection: ProtectionState;
  pageLayout: PageLayoutState;
  freeze: { rows: number; columns: number };
  /** Charts (charts.ts): what was asked for, not a drawing. */
  charts: ChartState[];
  deleted: boolean;
}

/**
 * A chart as the fake keeps it (ExcelApi 1.1's ChartCollection.add): its type, the source range
 * it was given and how series run, title and position. The fake does not work out series from
 * the data or draw anything; tests read what the product asked for.
 */
export interface ChartState {
  readonly id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: 'Auto' | 'Columns' | 'Rows';
  title: string;
  /** Top-left and bottom-right cells given to setPosition, or null. */
  position: { start: string; end: string | null } | null;
  deleted: boolean;
}

export type NameTarget = { kind: 'range'; sheet: SheetState; rects: Rect[] } | { kind: 'formula'; formula: string };

export interface NameState {
  name: string;
  /** The sheet of a sheet-scoped name; null for workbook scope. */
  scope: SheetState | null;
  target: NameTarget;
  comment: string;
  visible: boolean;
  deleted: boolean;
}

export interface CommentState {
  readonly id: string;
  sheet: SheetState;
  row: number;
  col: number;
  content: string;
  authorName: string;
  authorEmail: string;
  creationDate: Date;
  resolved: boolean;
  deleted: boolean;
}

export interface CustomPropertyState {
  key: string;
  value: string | number | boolean | Date;
  deleted: boolean;
}

export interface SettingState {
  key: string;
  value: unknown;
  deleted: boolean;
}

export interface DocumentPropertiesState {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  comments: string;
  category: string;
  company: string;
  manager: string;
  lastAuthor: string;
  revisionNumber: number;
  creationDate: Date;
}

export interface WorkbookState {
  name: string;
  sheets: SheetState[];
  names: NameState[];
  customProperties: CustomPropertyState[];
  settings: SettingState[];
  comments: CommentState[];
  properties: DocumentPropertiesState;
  activeSheet: SheetState | null;
  selection: { sheet: SheetState; rects: Rect[] } | null;
  nextId: number;
}

/** Excel's default for a new workbook: Calibri 11, column 8.43 characters (64 px = 48 pt), row 15 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function defaultFormat(): FormatState {
  return {
    numberFormat: 'General',
    fill: null,
    font: { name: 'Calibri', size: 11, bold: false, italic: false, underline: 'None', strikethrough: false, color: '#000000' },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    indentLevel: 0,
    textOrientation: 0,
    shrinkToFit: false,
    borders: { top: null, bottom: null, left: null, right: null, diagonalDown: null, diagonalUp: null },
    locked: true,
    formulaHidden: false,
  };
}

export function defaultProtectionOptions(): ProtectionOptionsState {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: 'Normal',
  };
}

/** Excel's en-US defaults: Letter, portrait, "Normal" margins (0.7/0.75/0.3 inches). */
export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    centerVertically: false,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: '',
    printOrder: 'DownThenOver',
    printComments: 'NoComments',
    printErrors: 'AsDisplayed',
  };
}

export function newWorkbook(): WorkbookState {
  return {
    name: 'Book1.xlsx',
    sheets: [],
    names: [],
    customProperties: [],
    settings: [],
    comments: [],
    properties: {
      title: '',
      subject: '',
      author: '',
      keywords: '',
      comments: '',
      category: '',
      company: '',
      manager: '',
      lastAuthor: '',
      revisionNumber: 0,
      creationDate: new Date(0),
    },
    activeSheet: null,
    selection: null,
    nextId: 1,
  };
}

export function nextId(wb: WorkbookState, prefix: string): string {
  return `${prefix}${wb.nextId++}`;
}

export function newSheet(wb: WorkbookState, name: string): SheetState {
  const n = wb.nextId++;
  return {
    id: `{00000000-0001-0000-0000-${String(n).padStart(12, '0')}}`,
    name,
    visibility: 'Visible',
    tabColor: '',
    showGridlines: true,
    showHeadings: true,
    cells: new Map(),
    layers: { sheet: {}, columns: new Map(), rows: new Map() },
    standardWidth: DEFAULT_COLUMN_WIDTH,
    standardHeight: DEFAULT_ROW_HEIGHT,
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: { protected: false, options: defaultProtectionOptions(), password: null },
    pageLayout: defaultPageLayout(),
    freeze: { rows: 0, columns: 0 },
    charts: [],
    deleted: false,
  };
}

export function findSheet(wb: WorkbookState, name: string): SheetState | undefined {
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function cloneFormat(f: FormatState): FormatState {
  return {
    ...f,
    font: { ...f.font },
    borders: {
      top: f.borders.top && { ...f.borders.top },
      bottom: f.borders.bottom && { ...f.borders.bottom },
      left: f.borders.left && { ...f.borders.left },
      right: f.borders.right && { ...f.borders.right },
      diagonalDown: f.borders.diagonalDown && { ...f.borders.diagonalDown },
      diagonalUp: f.borders.diagonalUp && { ...f.borders.diagonalUp },
    },
  };
}

export function applyPatch(target: FormatState, patch: FormatPatch): void {
  const { font, borders, ...flat } = patch;
  Object.assign(target, flat);
  if (font) Object.assign(target.font, font);
  if (!borders) return;
  for (const edge of Object.keys(borders) as Edge[]) {
    const change = borders[edge];
    if (change === undefined) continue;
    const next = change === null ? null : { ...(target.borders[edge] ?? DEFAULT_BORDER), ...change };
    target.borders[edge] = next && next.style !== 'None' ? next : null;
  }
}

/** Later patches win; used to fold a new patch into a layer. */
export function mergePatches(a: FormatPatch, b: FormatPatch): FormatPatch {
  const borders: Partial<Record<Edge, BorderPatch>> = { ...a.borders };
  for (const edge of Object.keys(b.borders ?? {}) as Edge[]) {
    const change = b.borders![edge];
    if (change === undefined) continue;
    const before = borders[edge];
    // After a removal the next change starts from the default line, as applyPatch does.
    borders[edge] = change === null || change.style === 'None' ? null : before ? { ...before, ...change } : change;
  }
  return { ...a, ...b, font: { ...a.font, ...b.font }, borders };
}

/** What a cell with no record of its own shows. */
export function layeredFormat(sheet: SheetState, row: number, col: number): FormatState {
  const f = defaultFormat();
  applyPatch(f, sheet.layers.sheet);
  const c = sheet.layers.columns.get(col);
  if (c) applyPatch(f, c);
  const r = sheet.layers.rows.get(row);
  if (r) applyPatch(f, r);
  return f;
}

export function getCell(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function ensureCell(sheet: SheetState, row: number, col: number): CellState {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { row, col, value: '', isError: false, formula: null, format: layeredFormat(sheet, row, col) };
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function formatAt(sheet: SheetState, row: number, col: number): FormatState {
  return getCell(sheet, row, col)?.format ?? layeredFormat(sheet, row, col);
}

/** Existing cell records inside `rect`, without walking a million empty coordinates. */
export function* existingCellsIn(sheet: SheetState, rect: Rect): Generator<CellState> {
  if (rectCellCount(rect) <= sheet.cells.size) {
    for (let row = rect.top; row <= rect.bottom; row++) {
      for (let col = rect.left; col <= rect.right; col++) {
        const cell = sheet.cells.get(cellKey(row, col));
        if (cell) yield cell;
      }
    }
  } else {
    for (const cell of sheet.cells.values()) {
      if (cell.row >= rect.top && cell.row <= rect.bottom && cell.col >= rect.left && cell.col <= rect.right) yield cell;
    }
  }
}

/**
 * The distinct formats found in `rect`: every record, plus the layered formats of the cells
 * without one (one per distinct row/column layer combination, not one per cell).
 */
export function formatsIn(sheet: SheetState, rect: Rect): FormatState[] {
  const out: FormatState[] = [];
  let records = 0;
  for (const cell of existingCellsIn(sheet, rect)) {
    out.push(cell.format);
    records++;
  }
  if (records === rectCellCount(rect)) return out;
  const cols = [...sheet.layers.columns.keys()].filter((c) => c >= rect.left && c <= rect.right);
  const rows = [...sheet.layers.rows.keys()].filter((r) => r >= rect.top && r <= rect.bottom);
  const someCol = rect.right - rect.left + 1 > cols.length ? firstNotIn(rect.left, rect.right, cols) : null;
  const someRow = rect.bottom - rect.top + 1 > rows.length ? firstNotIn(rect.top, rect.bottom, rows) : null;
  const colChoices = someCol === null ? cols : [...cols, someCol];
  const rowChoices = someRow === null ? rows : [...rows, someRow];
  for (const r of rowChoices) {
    for (const c of colChoices) {
      if (!getCell(sheet, r, c)) out.push(layeredFormat(sheet, r, c));
    }
  }
  // Every sampled coordinate had a record although the rectangle has gaps: sample one gap.
  if (out.length === records) {
    for (let r = rect.top; r <= rect.bottom && out.length === records; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (!getCell(sheet, r, c)) {
          out.push(layeredFormat(sheet, r, c));
          break;
        }
      }
    }
  }
  return out;
}

function firstNotIn(from: number, to: number, taken: number[]): number | null {
  const set = new Set(taken);
  for (let i = from; i <= to; i++) if (!set.has(i)) return i;
  return null;
}

export function hasContent(cell: CellState): boolean {
  return cell.formula !== null || cell.value !== '';
}

export function mergeAt(sheet: SheetState, row: number, col: number): Rect | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export function mergesTouching(sheet: SheetState, rect: Rect): Rect[] {
  return sheet.merges.filter((m) => intersect(m, rect) !== null);
}
