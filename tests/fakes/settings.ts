/**
 * Workbook settings (ExcelApi 1.4): JSON values under case-sensitive keys.
 */
import { bindOnFirstUse, defineScalars, FakeClientObject, FakeCollection, fixed, snapshotValue, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import { fail, FakeRichApiError } from './errors';
import { checkString } from './formatValues';
import type { SettingState, WorkbookState } from './model';
import { settingValue } from './workbookOps';

function liveSettings(wb: WorkbookState): SettingState[] {
  return wb.settings.filter((s) => !s.deleted);
}

const settingAlive = (s: SettingState) => !s.deleted;

export class FakeSettingCollection extends FakeCollection<FakeSetting, WorkbookState> {
  constructor(context: FakeRequestContext, locate: Locate<WorkbookState>) {
    super(context, 'SettingCollection', locate);
  }

  /** Sets or adds the setting (Excel's documented behaviour). */
  add(key: string, value: unknown): FakeSetting {
    let made: SettingState | undefined;
    const item = new FakeSetting(this.context, () => {
      if (!made || made.deleted) throw new FakeRichApiError('ItemNotFound', { detail: `the setting "${key}" was not added` });
      return made;
    });
    const stored = snapshotValue(value);
    this.action(
      'add',
      (wb) => {
        const k = checkString(key, 'setting key');
        if (k === '') fail('InvalidArgument', 'a setting needs a key');
        const v = settingValue(stored);
        made = liveSettings(wb).find((s) => s.key === k);
        if (made) made.value = v;
        else wb.settings.push((made = { key: k, value: v, deleted: false }));
      },
      { api: '1.4' },
    );
    return item;
  }

  private byKey(key: string, orNull: boolean): Locate<SettingState> {
    return bindOnFirstUse((exec) => {
      const found = liveSettings(this.mustFind(exec)).find((s) => s.key === key);
      if (found) return found;
      if (orNull) return null;
      throw new FakeRichApiError('ItemNotFound', { detail: `no setting "${key}"` });
    }, settingAlive);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this.byKey(key, false));
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this.byKey(key, true)).probeNull();
  }

  protected itemsOf(wb: WorkbookState): FakeSetting[] {
    return liveSettings(wb).map((s) => new FakeSetting(this.context, fixed(s, settingAlive, `the setting "${s.key}"`)));
  }
}

export class FakeSetting extends FakeClientObject<SettingState> {
  declare readonly key: string;
  declare value: unknown;

  constructor(context: FakeRequestContext, locate: Locate<SettingState>) {
    super(context, 'Setting', locate);
  }

  probeNull(): this {
    return this.probeExistence();
  }

  delete(): void {
    this.action('delete', (s, exec) => {
      s.deleted = true;
      exec.wb.settings = exec.wb.settings.filter((x) => x !== s);
    });
  }
}

defineScalars<SettingState>(FakeSetting, {
  key: { read: (s) => s.key },
  value: { read: (s) => JSON.parse(JSON.stringify(s.value)), write: (s, v) => (s.value = settingValue(v)) },
});
