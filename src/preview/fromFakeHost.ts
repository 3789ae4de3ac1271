import { parseRect } from '../../tests/fakes/address';
import type { CellSnapshot, FakeExcelHost } from '../../tests/fakes/fakeExcel';
import type { SheetState } from '../../tests/fakes/model';
import type { ExcelHost } from '../workbook/excel/runner';
import type { PreviewHost } from './PreviewPage';
import { addressOf, columnLetters, type CellLook, type HAlign, type InputPrompt, type Rect, type SheetView, type VAlign, type WorkbookView } from './sheetView';

/** Drawn beyond the used range, so a sheet looks like a sheet and not a cut-out. */
const MARGIN_ROWS = 6;
const MARGIN_COLS = 2;
const MIN_ROWS = 30;
const MIN_COLS = 10;
/** A guard for a sheet someone filled far away: the grid draws at most this much. */
const MAX_ROWS = 400;
const MAX_COLS = 40;

const H_ALIGN: Record<string, HAlign> = { Left: 'left', Center: 'center', Right: 'right', CenterAcrossSelection: 'center', Distributed: 'center', Justify: 'left', Fill: 'left' };
const V_ALIGN: Record<string, VAlign> = { Top: 'top', Center: 'center', Bottom: 'bottom', Justify: 'top', Distributed: 'center' };

export interface ObservedHost {
  /** For the product: the fake host, with the view refreshed after every batch (reads change the sync count too). */
  excelHost: ExcelHost;
  /** For the page. */
  previewHost: PreviewHost;
}

/** Connects the preview page to the fake Excel host from tests/fakes. */
export function observeFakeHost(fake: FakeExcelHost): ObservedHost {
  const listeners = new Set<() => void>();
  const sheetCache = new Map<SheetState, SheetView>();
  let cached: WorkbookView | null = null;
  let selecting = false;

  const changed = (sheetsToo: boolean) => {
    if (sheetsToo) sheetCache.clear();
    cached = null;
    for (const l of [...listeners]) l();
  };
  fake.subscribe(() => changed(!selecting));

  const sheetView = (sheet: SheetState): SheetView => {
    let view = sheetCache.get(sheet);
    if (!view) sheetCache.set(sheet, (view = buildSheetView(fake, sheet)));
    return view;
  };

  const previewHost: PreviewHost = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view() {
      if (cached) return cached;
      const wb = fake.model;
      const selection = wb.selection;
      const first = selection?.rects[0];
      const visible = wb.sheets.filter((s) => !s.deleted && s.visibility === 'Visible');
      cached = {
        sheets: visible.map((s) => ({ name: s.name, tabColor: s.tabColor })),
        sheet: (name) => {
          const found = visible.find((s) => s.name === name);
          return found ? sheetView(found) : null;
        },
        activeSheet: wb.activeSheet?.name ?? null,
        selection: selection && first ? { sheet: selection.sheet.name, row: first.top, col: first.left } : null,
        syncCount: fake.syncCount,
      };
      return cached;
    },
    edit(sheet, address, text) {
      const result = fake.editCell(sheet, address, text);
      if (!result.ok) return result.alert ? `${result.alert.title}: ${result.alert.message}` : result.message;
      return result.validationAlert ? `${result.validationAlert.title}: ${result.validationAlert.message}` : null;
    },
    select(sheet, address) {
      selecting = true;
      try {
        fake.selectRange(sheet, address);
      } finally {
        selecting = false;
      }
    },
  };

  const excelHost: ExcelHost = {
    async run(batch) {
      try {
        return await fake.run(batch);
      } finally {
        changed(false);
      }
    },
    isSetSupported: (name, version) => fake.isSetSupported(name, version),
  };

  return { excelHost, previewHost };
}

function buildSheetView(fake: FakeExcelHost, sheet: SheetState): SheetView {
  const used = fake.usedRange(sheet.name);
  const usedRect = used ? parseRect(used) : null;
  const rowCount = Math.min(MAX_ROWS, Math.max(MIN_ROWS, (usedRect?.bottom ?? 0) + MARGIN_ROWS));
  const colCount = Math.min(MAX_COLS, Math.max(MIN_COLS, (usedRect?.right ?? 0) + MARGIN_COLS));
  const merges: Rect[] = sheet.merges.map((m) => ({ ...m }));

  const snapshots: CellSnapshot[][] = [];
  for (let row = 1; row <= rowCount; row++) {
    const line: CellSnapshot[] = [];
    for (let col = 1; col <= colCount; col++) line.push(fake.getCell(sheet.name, addressOf(row, col)));
    snapshots.push(line);
  }
  const cells = snapshots.map((line) => line.map(lookOf));

  moveBordersDownRight(cells);
  // A merged area shows its outline: the bottom and right edges live on its last row and column.
  for (const m of merges) {
    const anchor = cells[m.top - 1]?.[m.left - 1];
    if (!anchor) continue;
    const bottom = cells[Math.min(m.bottom, rowCount) - 1]?.[m.left - 1];
    const right = cells[m.top - 1]?.[Math.min(m.right, colCount) - 1];
    anchor.borders = { ...anchor.borders, bottom: !!bottom?.borders.bottom, right: !!right?.borders.right };
  }

  applyConditionalFormats(fake, sheet, cells, rowCount, colCount);

  const prompts = sheet.validations
    .filter((v) => v.prompt.showPrompt && (v.prompt.title || v.prompt.message))
    .map((v) => ({ rects: v.rects, prompt: { title: v.prompt.title, message: v.prompt.message } as InputPrompt }));

  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    protected: sheet.protection.protected,
    rowCount,
    colCount,
    columnWidths: Array.from({ length: colCount }, (_, i) => sheet.columnWidths.get(i + 1) ?? sheet.standardWidth),
    rowHeights: Array.from({ length: rowCount }, (_, i) => sheet.rowHeights.get(i + 1) ?? sheet.standardHeight),
    cells,
    merges,
    promptAt: (row, col) =>
      prompts.find((p) => p.rects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right))?.prompt ?? null,
  };
}

/**
 * Each line drawn once, as the bottom or right edge of the cell before it: the grid is a table
 * with separate borders (collapsed borders would paint over its sticky headers in Chromium).
 */
function moveBordersDownRight(cells: CellLook[][]): void {
  cells.forEach((line, r) =>
    line.forEach((look, c) => {
      if (look.borders.top && r > 0) {
        cells[r - 1]![c]!.borders.bottom = true;
        look.borders.top = false;
      }
      if (look.borders.left && c > 0) {
        line[c - 1]!.borders.right = true;
        look.borders.left = false;
      }
    }),
  );
}

function lookOf(cell: CellSnapshot): CellLook {
  const f = cell.format;
  return {
    text: cell.text,
    isNumber: cell.valueType === 'Double',
    bold: f.font.bold,
    italic: f.font.italic,
    fontSize: f.font.size,
    fontColor: f.font.color,
    fill: f.fill,
    hAlign: H_ALIGN[f.horizontalAlignment] ?? 'general',
    vAlign: V_ALIGN[f.verticalAlignment] ?? 'bottom',
    wrap: f.wrapText,
    indent: f.indentLevel,
    locked: f.locked,
    borders: { top: !!f.borders.top, bottom: !!f.borders.bottom, left: !!f.borders.left, right: !!f.borders.right },
  };
}

/** Conditional formats change only the look; the host judges which hold (first match wins per property). */
function applyConditionalFormats(fake: FakeExcelHost, sheet: SheetState, cells: CellLook[][], rowCount: number, colCount: number): void {
  const seen = new Set<string>();
  for (const entry of sheet.conditionalFormats) {
    for (const r of entry.rects) {
      for (let row = r.top; row <= Math.min(r.bottom, rowCount); row++) {
        for (let col = r.left; col <= Math.min(r.right, colCount); col++) {
          const address = `${columnLetters(col)}${row}`;
          if (seen.has(address)) continue;
          seen.add(address);
          const look = cells[row - 1]![col - 1]!;
          let fill = false;
          let color = false;
          for (const cf of fake.conditionalFormatsAt(sheet.name, address)) {
            if (!fill && cf.format.fill) {
              look.fill = cf.format.fill;
              fill = true;
            }
            if (!color && cf.format.fontColor) {
              look.fontColor = cf.format.fontColor;
              color = true;
            }
            if (cf.format.bold !== null) look.bold = cf.format.bold;
          }
        }
      }
    }
  }
}
