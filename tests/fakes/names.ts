/**
 * Defined names (NamedItemCollection, NamedItem): workbook- or sheet-scoped, checked against
 * Excel's name syntax, unique case-insensitively, following their sheet through a rename and
 * turning to #REF! when it is deleted.
 */
import type { Areas } from './cellOps';
import { bindOnFirstUse, defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import type { Execution } from './core';
import { fail, FakeRichApiError } from './errors';
import { checkBoolean, checkString } from './formatValues';
import type { NameState, NameTarget, SheetState, WorkbookState } from './model';
import { FakeRange } from './range';
import { addName, deleteName, findName, liveNames, nameFormula, nameTargetFromText, nameType, nameValue } from './workbookOps';
import { FakeWorksheet } from './worksheet';

export interface NameScope {
  wb: WorkbookState;
  /** null: the workbook's names. */
  scope: SheetState | null;
}

const alive = (n: NameState) => !n.deleted;

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem, NameScope> {
  constructor(context: FakeRequestContext, locate: Locate<NameScope>) {
    super(context, 'NamedItemCollection', locate);
  }

  /** A Range or a reference/formula string ("='Phụ lục 01'!$E$12", "=0.5"). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let made: NameState | undefined;
    const item = new FakeNamedItem(this.context, () => {
      if (!made || made.deleted) throw new FakeRichApiError('ItemNotFound', { detail: `the name "${name}" was not added` });
      return made;
    });
    if (reference instanceof FakeClientObject) this.sameContext(reference);
    this.action(
      'add',
      (scope, exec) => {
        made = addName(exec.wb, scope.scope, name, this.target(reference, scope, exec), comment);
      },
      { api: '1.4' },
    );
    return item;
  }

  addFormulaLocal(name: string, formula: string, comment?: string): FakeNamedItem {
    return this.add(name, formula, comment);
  }

  private target(reference: FakeRange | string, scope: NameScope, exec: Execution): NameTarget {
    if (typeof reference === 'string') return nameTargetFromText(exec.wb, reference, scope.scope ?? exec.wb.activeSheet);
    if (reference instanceof FakeRange) {
      const a: Areas = reference.mustFind(exec);
      return { kind: 'range', sheet: a.sheet, rects: a.rects.map((r) => ({ ...r })) };
    }
    fail('InvalidArgument', 'a name refers to a Range or a formula string');
  }

  private byName(name: string, orNull: boolean): Locate<NameState> {
    return bindOnFirstUse((exec) => {
      const scope = this.mustFind(exec);
      const found = findName(scope.wb, scope.scope, name);
      if (found) return found;
      if (orNull) return null;
      throw new FakeRichApiError('ItemNotFound', { detail: `no name "${name}"` });
    }, alive);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.byName(name, false));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.byName(name, true)).probeNull();
  }

  protected itemsOf(scope: NameScope): FakeNamedItem[] {
    return liveNames(scope.wb, scope.scope).map((n) => new FakeNamedItem(this.context, fixed(n, alive, `the name "${n.name}"`)));
  }
}

export class FakeNamedItem extends FakeClientObject<NameState> {
  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: unknown;
  declare formula: string;
  declare visible: boolean;
  declare comment: string;
  declare readonly scope: string;

  constructor(context: FakeRequestContext, locate: Locate<NameState>) {
    super(context, 'NamedItem', locate);
  }

  probeNull(): this {
    return this.probeExistence();
  }

  delete(): void {
    this.action('delete', (n, exec) => deleteName(exec.wb, n), { api: '1.4' });
  }

  private range(orNull: boolean): FakeRange {
    const range = new FakeRange(this.context, (exec) => {
      const n = this.locate(exec);
      if (!n) return null;
      if (n.target.kind === 'range' && n.target.rects.length === 1 && !n.target.sheet.deleted) return { sheet: n.target.sheet, rects: [{ ...n.target.rects[0]! }] };
      if (orNull) return null;
      throw new FakeRichApiError('InvalidReference', { detail: `the name "${n.name}" does not refer to one range (${nameFormula(n)})` });
    });
    return orNull ? range.probeNull() : range;
  }

  getRange(): FakeRange {
    return this.range(false);
  }

  getRangeOrNullObject(): FakeRange {
    return this.range(true);
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, (exec) => {
      const n = this.locate(exec);
      if (!n) return null;
      if (n.target.kind !== 'range') throw new FakeRichApiError('ItemNotFound', { detail: `the name "${n.name}" is not on a sheet` });
      return n.target.sheet;
    }));
  }

  get worksheetOrNullObject(): FakeWorksheet {
    return this.child('worksheetOrNullObject', () => new FakeWorksheet(this.context, (exec) => {
      const n = this.locate(exec);
      return n && n.target.kind === 'range' ? n.target.sheet : null;
    }).probeNull());
  }
}

defineScalars<NameState>(FakeNamedItem, {
  name: { read: (n) => n.name },
  type: { read: (n, exec) => nameType(exec.wb, n) },
  value: { read: (n, exec) => nameValue(exec.wb, n) },
  formula: {
    api: '1.7',
    read: (n) => nameFormula(n),
    write: (n, v, exec) => (n.target = nameTargetFromText(exec.wb, checkString(v, 'NamedItem.formula'), n.scope ?? exec.wb.activeSheet)),
  },
  visible: { read: (n) => n.visible, write: (n, v) => (n.visible = checkBoolean(v, 'NamedItem.visible')) },
  comment: { api: '1.4', read: (n) => n.comment, write: (n, v) => (n.comment = checkString(v, 'NamedItem.comment', 255)) },
  scope: { api: '1.4', read: (n) => (n.scope ? 'Worksheet' : 'Workbook') },
});
