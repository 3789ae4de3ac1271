/**
 * Document properties (ExcelApi 1.7): the standard ones and custom properties, whose keys
 * compare case-insensitively and whose text values Excel cuts at 255 characters.
 */
import { bindOnFirstUse, defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import { fail, FakeRichApiError } from './errors';
import { checkString } from './formatValues';
import type { CustomPropertyState, WorkbookState } from './model';
import { customPropertyType, customPropertyValue } from './workbookOps';

const DOCUMENT_TEXT = ['title', 'subject', 'author', 'keywords', 'comments', 'category', 'company', 'manager'] as const;

export class FakeDocumentProperties extends FakeClientObject<WorkbookState> {
  declare title: string;
  declare subject: string;
  declare author: string;
  declare keywords: string;
  declare comments: string;
  declare category: string;
  declare company: string;
  declare manager: string;
  declare readonly lastAuthor: string;
  declare revisionNumber: number;
  declare readonly creationDate: Date;

  constructor(context: FakeRequestContext, locate: Locate<WorkbookState>) {
    super(context, 'DocumentProperties', locate);
  }

  get custom(): FakeCustomPropertyCollection {
    return this.child('custom', () => new FakeCustomPropertyCollection(this.context, this.locate));
  }
}

defineScalars<WorkbookState>(FakeDocumentProperties, {
  ...Object.fromEntries(
    DOCUMENT_TEXT.map((key) => [
      key,
      {
        api: '1.7',
        read: (wb: WorkbookState) => wb.properties[key],
        write: (wb: WorkbookState, v: unknown) => (wb.properties[key] = checkString(v, `DocumentProperties.${key}`, 255)),
      },
    ]),
  ),
  lastAuthor: { api: '1.7', read: (wb) => wb.properties.lastAuthor },
  revisionNumber: { api: '1.7', read: (wb) => wb.properties.revisionNumber, write: (wb, v) => (wb.properties.revisionNumber = Number(v)) },
  creationDate: { api: '1.7', read: (wb) => wb.properties.creationDate },
});

function liveProperties(wb: WorkbookState): CustomPropertyState[] {
  return wb.customProperties.filter((p) => !p.deleted);
}

function findProperty(wb: WorkbookState, key: string): CustomPropertyState | undefined {
  const lower = key.toLowerCase();
  return liveProperties(wb).find((p) => p.key.toLowerCase() === lower);
}

const propertyAlive = (p: CustomPropertyState) => !p.deleted;

/** Custom document properties (ExcelApi 1.7); keys compare case-insensitively. */
export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty, WorkbookState> {
  constructor(context: FakeRequestContext, locate: Locate<WorkbookState>) {
    super(context, 'CustomPropertyCollection', locate);
  }

  /** Creates the property, or sets it when the key exists (Excel's documented behaviour). */
  add(key: string, value: unknown): FakeCustomProperty {
    let made: CustomPropertyState | undefined;
    const item = new FakeCustomProperty(this.context, () => {
      if (!made || made.deleted) throw new FakeRichApiError('ItemNotFound', { detail: `the property "${key}" was not added` });
      return made;
    });
    this.action(
      'add',
      (wb) => {
        const k = checkString(key, 'custom property key', 255);
        if (k === '') fail('InvalidArgument', 'a custom property needs a key');
        const v = customPropertyValue(value);
        made = findProperty(wb, k);
        if (made) made.value = v;
        else wb.customProperties.push((made = { key: k, value: v, deleted: false }));
      },
      { api: '1.7' },
    );
    return item;
  }

  deleteAll(): void {
    this.action(
      'deleteAll',
      (wb) => {
        for (const p of wb.customProperties) p.deleted = true;
        wb.customProperties = [];
      },
      { api: '1.7' },
    );
  }

  private byKey(key: string, orNull: boolean): Locate<CustomPropertyState> {
    return bindOnFirstUse((exec) => {
      const found = findProperty(this.mustFind(exec), key);
      if (found) return found;
      if (orNull) return null;
      throw new FakeRichApiError('ItemNotFound', { detail: `no custom property "${key}"` });
    }, propertyAlive);
  }

  getItem(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, this.byKey(key, false));
  }

  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, this.byKey(key, true)).probeNull();
  }

  protected itemsOf(wb: WorkbookState): FakeCustomProperty[] {
    return liveProperties(wb).map((p) => new FakeCustomProperty(this.context, fixed(p, propertyAlive, `the property "${p.key}"`)));
  }
}

export class FakeCustomProperty extends FakeClientObject<CustomPropertyState> {
  declare readonly key: string;
  declare readonly type: string;
  declare value: unknown;

  constructor(context: FakeRequestContext, locate: Locate<CustomPropertyState>) {
    super(context, 'CustomProperty', locate);
  }

  probeNull(): this {
    return this.probeExistence();
  }

  delete(): void {
    this.action('delete', (p, exec) => {
      p.deleted = true;
      exec.wb.customProperties = exec.wb.customProperties.filter((x) => x !== p);
    });
  }
}

defineScalars<CustomPropertyState>(FakeCustomProperty, {
  key: { read: (p) => p.key },
  type: { read: (p) => customPropertyType(p.value) },
  value: { read: (p) => p.value, write: (p, v) => (p.value = customPropertyValue(v)) },
});
