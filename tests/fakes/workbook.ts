/**
 * The workbook root (worksheets, names, properties, settings, comments, selection) and the
 * application object.
 */
import { bindOnFirstUse, defineScalars, FakeClientObject, type Locate } from './clientObject';
import { FakeCommentCollection } from './comments';
import type { FakeRequestContext } from './context';
import { FakeDocumentProperties } from './documentProperties';
import { fail, FakeRichApiError } from './errors';
import type { WorkbookState } from './model';
import { FakeNamedItemCollection } from './names';
import { FakeRange } from './range';
import { FakeSettingCollection } from './settings';
import { FakeWorksheetCollection } from './worksheet';

const root: Locate<WorkbookState> = (exec) => exec.wb;

export class FakeWorkbook extends FakeClientObject<WorkbookState> {
  declare readonly name: string;

  constructor(context: FakeRequestContext) {
    super(context, 'Workbook', root);
  }

  get worksheets(): FakeWorksheetCollection {
    return this.child('worksheets', () => new FakeWorksheetCollection(this.context, root));
  }

  get names(): FakeNamedItemCollection {
    return this.child('names', () => new FakeNamedItemCollection(this.context, (exec) => ({ wb: exec.wb, scope: null })));
  }

  get properties(): FakeDocumentProperties {
    return this.child('properties', () => new FakeDocumentProperties(this.context, root));
  }

  get settings(): FakeSettingCollection {
    return this.child('settings', () => new FakeSettingCollection(this.context, root));
  }

  get comments(): FakeCommentCollection {
    return this.child('comments', () => new FakeCommentCollection(this.context, (exec) => ({ wb: exec.wb, sheet: null })));
  }

  get application(): FakeApplication {
    return this.context.application;
  }

  /** Excel always has a selection; before any, it is A1 of the active sheet. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, bindOnFirstUse((exec) => {
      const wb = exec.wb;
      if (wb.selection && !wb.selection.sheet.deleted) {
        if (wb.selection.rects.length !== 1) fail('InvalidSelection', 'the selection has several areas; use getSelectedRanges');
        return { sheet: wb.selection.sheet, rects: [{ ...wb.selection.rects[0]! }] };
      }
      if (!wb.activeSheet) throw new FakeRichApiError('ItemNotFound', { detail: 'no active sheet' });
      return { sheet: wb.activeSheet, rects: [{ top: 1, left: 1, bottom: 1, right: 1 }] };
    }, (a) => !a.sheet.deleted));
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, bindOnFirstUse((exec) => {
      const wb = exec.wb;
      const sel = wb.selection && !wb.selection.sheet.deleted ? wb.selection : null;
      const sheet = sel?.sheet ?? wb.activeSheet;
      if (!sheet) throw new FakeRichApiError('ItemNotFound', { detail: 'no active sheet' });
      const r = sel?.rects[0];
      return { sheet, rects: [{ top: r?.top ?? 1, left: r?.left ?? 1, bottom: r?.top ?? 1, right: r?.left ?? 1 }] };
    }, (a) => !a.sheet.deleted));
  }
}

defineScalars<WorkbookState>(FakeWorkbook, {
  name: { read: (wb) => wb.name },
});

export class FakeApplication extends FakeClientObject<WorkbookState> {
  declare readonly calculationMode: string;

  constructor(context: FakeRequestContext) {
    super(context, 'Application', root);
  }

  /** Nothing to suspend here; queued and counted like any call. */
  suspendApiCalculationUntilNextSync(): void {
    this.action('suspendApiCalculationUntilNextSync', () => undefined, { api: '1.6', mutates: false });
  }

  calculate(calculationType?: string): void {
    void calculationType;
    this.action('calculate', () => undefined, { mutates: false });
  }
}

defineScalars<WorkbookState>(FakeApplication, {
  calculationMode: { read: () => 'Automatic' },
});
