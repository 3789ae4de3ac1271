/**
 * A fake Excel host that behaves like Excel where product code can go wrong: queued batches
 * applied at sync, PropertyNotLoaded on unloaded reads, 2-D shape checks, null objects, sheet
 * protection, name rules, requirement sets. It counts syncs and queued operations, lets tests and
 * the preview page read the workbook directly, and takes a person's typing into a cell.
 * Plain TypeScript with no Node APIs: it also runs in the browser on the preview page.
 */
import { cellKey, formatRect, parseRect, parseReference, rectCellCount, type Rect } from './address';
import { assertContentsEditable, setContent, usedRect } from './cellOps';
import { FakeRequestContext } from './context';
import { compareVersions, type FakeHostOptions, type HostCore } from './core';
import { FakeRichApiError, isRichApiError, PROTECTED_SHEET_MESSAGE } from './errors';
import { evaluateFormula, type Evaluated } from './formula';
import { applyPatch, defaultProtectionOptions, ensureCell, findSheet, mergeAt, newWorkbook, type FormatPatch, type ProtectionOptionsState, type SheetState, type WorkbookState } from './model';
import { validationAt } from './ruleOps';
import { validationPasses } from './rules';
import {
  cellSnapshot,
  conditionalFormatsAt,
  nameSnapshot,
  sheetSnapshot,
  validationSnapshot,
  type CellSnapshot,
  type ConditionalFormatSnapshot,
  type ValidationSnapshot,
  type WorkbookSnapshot,
} from './snapshot';
import { parseInput } from './typedInput';
import { addName, addSheet, nameTargetFromText } from './workbookOps';

export type { FakeHostOptions } from './core';
export type { FakeErrorCode } from './errors';
export { FakeRichApiError } from './errors';
export type { FormatPatch, WorkbookState } from './model';
export type * from './snapshot';

/** What a person typing into a cell gets back (the preview grid shows it). */
export type EditResult =
  | {
      ok: true;
      cell: CellSnapshot;
      /** A Warning or Information validation alert the person was shown and went past. */
      validationAlert?: { style: string; title: string; message: string };
    }
  | {
      ok: false;
      /** AccessDenied: locked cell on a protected sheet. ValidationStop: a Stop alert refused the entry. */
      code: 'AccessDenied' | 'ValidationStop' | 'ItemNotFound' | 'InvalidArgument';
      message: string;
      alert?: { style: string; title: string; message: string };
    };

export interface FakeExcelHost {
  /** Like Excel.run: a fresh request context; what is still queued when the batch resolves is synced. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Like Office.context.requirements.isSetSupported; only the ExcelApi set is claimed. */
  isSetSupported(name: string, version: string): boolean;
  readonly apiVersion: string;

  /** context.sync() calls, plus Excel.run's closing sync when it had operations to send. */
  readonly syncCount: number;
  /** Property assignments, method calls and loads queued (navigation such as getRange is not counted). */
  readonly queuedOperationCount: number;
  resetCounters(): void;

  /** Called after each sync (and each direct change) that changed the workbook. Returns unsubscribe. */
  subscribe(listener: () => void): () => void;

  /** The live state, for inspection only (use the helpers below to change it). */
  readonly model: Readonly<WorkbookState>;
  snapshot(): WorkbookSnapshot;
  sheetNames(): string[];
  /** Any cell, with or without contents, with the format it shows. Throws for an unknown sheet. */
  getCell(sheet: string, address: string): CellSnapshot;
  /** "A1:P92", or null for an empty sheet. */
  usedRange(sheet: string, valuesOnly?: boolean): string | null;
  getValidation(sheet: string, address: string): ValidationSnapshot | null;
  /** Conditional formats whose condition holds at the cell (Custom and CellValue are evaluated). */
  conditionalFormatsAt(sheet: string, address: string): ConditionalFormatSnapshot[];
  /** Evaluates a formula as if it were in a cell of `sheet`. */
  evaluate(sheet: string, formula: string): Evaluated;

  /** Set-up helpers: applied at once, bypassing protection. */
  addSheet(name: string): void;
  /** The exact value (strings stay text; "=…" is a formula); optionally a number format. Address may be a range. */
  setCellValue(sheet: string, address: string, value: string | number | boolean | null, numberFormat?: string): void;
  setFormat(sheet: string, address: string, patch: FormatPatch): void;
  protectSheet(sheet: string, options?: Partial<ProtectionOptionsState>, password?: string): void;
  unprotectSheet(sheet: string): void;
  /** A workbook-scoped name, e.g. addName('CT_YEAR', "'Phụ lục 01'!$C$5"). */
  addName(name: string, reference: string, comment?: string): void;
  selectRange(sheet: string, address: string): void;

  /**
   * A person typing into a cell (en-US): numbers, "15.5%", dates, TRUE, "=…" formulas, a leading
   * apostrophe for text; automatic percent entry in percent cells; protection and data validation
   * as Excel applies them. Typing into a merged area goes to its top-left cell.
   */
  editCell(sheet: string, address: string, rawInput: string): EditResult;
}

export function createFakeExcel(options: FakeHostOptions = {}): FakeExcelHost {
  const listeners = new Set<() => void>();
  const core: HostCore = {
    wb: options.workbook ?? newWorkbook(),
    apiVersion: options.apiVersion ?? '1.9',
    reflectWritesInProxy: options.reflectWritesInProxy ?? false,
    counters: { syncs: 0, queued: 0 },
    notify: () => {
      for (const l of [...listeners]) l();
    },
    worksheetChanged: new Set(),
  };
  if (!options.workbook) for (const name of options.sheets ?? ['Sheet1']) addSheet(core.wb, name);

  const sheetNamed = (name: string): SheetState => {
    const s = findSheet(core.wb, name);
    if (!s) throw new Error(`fake Excel: no sheet named "${name}"`);
    return s;
  };
  const rectOf = (address: string): Rect => {
    const r = parseRect(address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address);
    if (!r) throw new Error(`fake Excel: "${address}" is not an A1 address`);
    return r;
  };
  const cellOf = (address: string): { row: number; col: number } => {
    const r = rectOf(address);
    if (rectCellCount(r) !== 1) throw new Error(`fake Excel: "${address}" is not one cell`);
    return { row: r.top, col: r.left };
  };
  const direct = (change: () => void) => {
    try {
      change();
    } catch (e) {
      if (isRichApiError(e)) throw new Error(`fake Excel: ${e.code}: ${e.debugInfo.fakeDetail ?? e.message}`);
      throw e;
    }
    core.notify();
  };

  const host: FakeExcelHost = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(core);
      let result: T;
      try {
        const pending = batch(context as unknown as Excel.RequestContext);
        if (!pending || typeof (pending as Promise<T>).then !== 'function') throw new FakeRichApiError('RunMustReturnPromise', { location: 'Excel.run' });
        result = await pending;
      } catch (e) {
        context.abandon();
        throw e;
      }
      await context.finish();
      return result;
    },

    isSetSupported(name, version) {
      return name.toLowerCase() === 'excelapi' && compareVersions(core.apiVersion, version) >= 0;
    },

    get apiVersion() {
      return core.apiVersion;
    },
    get syncCount() {
      return core.counters.syncs;
    },
    get queuedOperationCount() {
      return core.counters.queued;
    },
    resetCounters() {
      core.counters.syncs = 0;
      core.counters.queued = 0;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    get model() {
      return core.wb;
    },

    snapshot() {
      const wb = core.wb;
      return {
        sheets: wb.sheets.map((s) => sheetSnapshot(wb, s, usedRect(s, false))),
        activeSheet: wb.activeSheet?.name ?? null,
        selection: wb.selection ? { sheet: wb.selection.sheet.name, address: wb.selection.rects.map((r) => formatRect(r)).join(',') } : null,
        names: Object.fromEntries(wb.names.filter((n) => n.scope === null).map((n) => [n.name, nameSnapshot(n)])),
        customProperties: Object.fromEntries(wb.customProperties.map((p) => [p.key, p.value])),
        settings: Object.fromEntries(wb.settings.map((s) => [s.key, JSON.parse(JSON.stringify(s.value))])),
        documentProperties: {
          title: wb.properties.title,
          subject: wb.properties.subject,
          author: wb.properties.author,
          keywords: wb.properties.keywords,
          comments: wb.properties.comments,
          category: wb.properties.category,
          company: wb.properties.company,
          manager: wb.properties.manager,
        },
      };
    },

    sheetNames() {
      return core.wb.sheets.map((s) => s.name);
    },

    getCell(sheet, address) {
      const { row, col } = cellOf(address);
      return cellSnapshot(core.wb, sheetNamed(sheet), row, col);
    },

    usedRange(sheet, valuesOnly = false) {
      const r = usedRect(sheetNamed(sheet), valuesOnly);
      return r ? formatRect(r) : null;
    },

    getValidation(sheet, address) {
      const { row, col } = cellOf(address);
      const v = validationAt(sheetNamed(sheet), row, col);
      return v ? validationSnapshot(v) : null;
    },

    conditionalFormatsAt(sheet, address) {
      const { row, col } = cellOf(address);
      return conditionalFormatsAt(core.wb, sheetNamed(sheet), row, col);
    },

    evaluate(sheet, formula) {
      return evaluateFormula(formula, { wb: core.wb, sheet: sheetNamed(sheet) });
    },

    addSheet(name) {
      direct(() => addSheet(core.wb, name));
    },

    setCellValue(sheet, address, value, numberFormat) {
      const s = sheetNamed(sheet);
      const r = rectOf(address);
      direct(() => {
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const cell = ensureCell(s, row, col);
            if (numberFormat !== undefined) cell.format.numberFormat = numberFormat;
            if (typeof value === 'string' && value.startsWith('=') && value.length > 1) setContent(cell, { kind: 'formula', formula: value });
            else setContent(cell, { kind: 'value', value: value ?? '', isError: false });
          }
        }
      });
    },

    setFormat(sheet, address, patch) {
      const s = sheetNamed(sheet);
      const r = rectOf(address);
      direct(() => {
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) applyPatch(ensureCell(s, row, col).format, patch);
      });
    },

    protectSheet(sheet, options = {}, password) {
      const s = sheetNamed(sheet);
      direct(() => (s.protection = { protected: true, options: { ...defaultProtectionOptions(), ...options }, password: password ?? null }));
    },

    unprotectSheet(sheet) {
      const s = sheetNamed(sheet);
      direct(() => (s.protection = { protected: false, options: defaultProtectionOptions(), password: null }));
    },

    addName(name, reference, comment) {
      direct(() => addName(core.wb, null, name, nameTargetFromText(core.wb, reference, core.wb.activeSheet), comment));
    },

    selectRange(sheet, address) {
      const s = sheetNamed(sheet);
      const ref = parseReference(address);
      if (!ref) throw new Error(`fake Excel: "${address}" is not an A1 address`);
      direct(() => {
        core.wb.activeSheet = s;
        core.wb.selection = { sheet: s, rects: ref.rects };
      });
    },

    editCell(sheet, address, rawInput) {
      const s = findSheet(core.wb, sheet);
      if (!s) return { ok: false, code: 'ItemNotFound', message: `There is no sheet named "${sheet}".` };
      const r = parseRect(address);
      if (!r || rectCellCount(r) !== 1) return { ok: false, code: 'InvalidArgument', message: `"${address}" is not one cell.` };
      const merge = mergeAt(s, r.top, r.left);
      const row = merge ? merge.top : r.top;
      const col = merge ? merge.left : r.left;
      try {
        assertContentsEditable(s, [{ top: row, bottom: row, left: col, right: col }]);
      } catch {
        return { ok: false, code: 'AccessDenied', message: PROTECTED_SHEET_MESSAGE };
      }
      const before = ensureCell(s, row, col);
      const content = parseInput(rawInput, before.format.numberFormat, { percentEntry: true });
      const candidate: Evaluated =
        content.kind === 'formula' ? evaluateFormula(content.formula, { wb: core.wb, sheet: s }) : { value: content.value, isError: content.isError };
      const rule = validationAt(s, row, col);
      let passedAlert: { style: string; title: string; message: string } | undefined;
      if (rule && rule.errorAlert.showAlert && !validationPasses(rule, candidate, { wb: core.wb, sheet: s, row, col })) {
        const alert = { style: rule.errorAlert.style, title: rule.errorAlert.title, message: rule.errorAlert.message || 'This value doesn\'t match the data validation restrictions defined for this cell.' };
        if (rule.errorAlert.style === 'Stop') return { ok: false, code: 'ValidationStop', message: alert.message, alert };
        passedAlert = alert;
      }
      setContent(before, content);
      core.notify();
      const changed = { type: 'WorksheetChanged' as const, changeType: 'RangeEdited', source: 'Local' as const, worksheetId: s.id, address: cellKey(row, col) };
      // Excel raises the event after the edit, on its own turn, outside any batch.
      for (const handler of [...core.worksheetChanged]) void Promise.resolve().then(() => handler(changed));
      return { ok: true, cell: cellSnapshot(core.wb, s, row, col), ...(passedAlert ? { validationAlert: passedAlert } : {}) };
    },
  };
  return host;
}
