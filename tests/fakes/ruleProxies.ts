/**
 * Range.dataValidation and Range.conditionalFormats. Rules are checked as Excel checks them
 * (see rules.ts) and refused on a protected sheet, which is why product code adds them before
 * protecting.
 */
import { assertUnprotected, type Areas } from './cellOps';
import { defineScalars, FakeClientObject, FakeCollection, fixed, type Locate } from './clientObject';
import type { FakeRequestContext } from './context';
import { fail, FakeRichApiError } from './errors';
import { checkBoolean, checkEnum, checkString, normalizeColor, UNDERLINES } from './formatValues';
import type { ConditionalFormatEntry, ConditionalFormatStyle, SheetState } from './model';
import { FakeRange } from './range';
import {
  addConditionalFormat,
  clearConditionalFormats,
  clearValidation,
  conditionalFormatsTouching,
  deleteConditionalFormat,
  isLiveConditionalFormat,
  readValidation,
  setConditionalFormatPriority,
  updateValidation,
  validationValid,
} from './ruleOps';
import { CELL_VALUE_OPERATORS, checkErrorAlert, checkPrompt, normalizeValidationRule } from './rules';

function plainObject(v: unknown, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('InvalidArgument', `${what} must be an object`);
  return v as Record<string, unknown>;
}

export class FakeDataValidation extends FakeClientObject<Areas> {
  declare rule: Excel.DataValidationRule;
  declare prompt: Excel.DataValidationPrompt;
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare ignoreBlanks: boolean;
  declare readonly type: string;
  declare readonly valid: boolean;

  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'DataValidation', locate);
  }

  clear(): void {
    this.action('clear', (a) => clearValidation(a), { api: '1.8' });
  }
}

defineScalars<Areas>(FakeDataValidation, {
  rule: { api: '1.8', read: (a) => readValidation(a).rule, write: (a, v) => updateValidation(a, { rule: normalizeValidationRule(v) }) },
  prompt: {
    api: '1.8',
    read: (a) => readValidation(a).prompt,
    write: (a, v) => {
      const p = plainObject(v, 'DataValidation.prompt');
      checkPrompt(p);
      updateValidation(a, { prompt: { showPrompt: p.showPrompt === undefined ? true : checkBoolean(p.showPrompt, 'prompt.showPrompt'), title: String(p.title ?? ''), message: String(p.message ?? '') } });
    },
  },
  errorAlert: {
    api: '1.8',
    read: (a) => readValidation(a).errorAlert,
    write: (a, v) => {
      const e = plainObject(v, 'DataValidation.errorAlert');
      checkErrorAlert(e);
      updateValidation(a, {
        errorAlert: {
          showAlert: e.showAlert === undefined ? true : checkBoolean(e.showAlert, 'errorAlert.showAlert'),
          style: String(e.style ?? 'Stop'),
          title: String(e.title ?? ''),
          message: String(e.message ?? ''),
        },
      });
    },
  },
  ignoreBlanks: { api: '1.8', read: (a) => readValidation(a).ignoreBlanks, write: (a, v) => updateValidation(a, { ignoreBlanks: checkBoolean(v, 'DataValidation.ignoreBlanks') }) },
  type: { api: '1.8', read: (a) => readValidation(a).type },
  valid: { api: '1.8', read: (a, exec) => validationValid(exec.wb, a) },
});

export interface ConditionalFormatTarget {
  sheet: SheetState;
  entry: ConditionalFormatEntry;
}

function live(t: ConditionalFormatTarget): boolean {
  return isLiveConditionalFormat(t.sheet, t.entry);
}

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat, Areas> {
  constructor(context: FakeRequestContext, locate: Locate<Areas>) {
    super(context, 'ConditionalFormatCollection', locate);
  }

  add(type: string): FakeConditionalFormat {
    let made: ConditionalFormatTarget | undefined;
    const format = new FakeConditionalFormat(this.context, () => {
      if (!made || !live(made)) throw new FakeRichApiError('ItemNotFound', { detail: 'the conditional format was not added' });
      return made;
    });
    this.action(
      'add',
      (a, exec) => {
        made = { sheet: a.sheet, entry: addConditionalFormat(exec.wb, a, type) };
      },
      { api: '1.6' },
    );
    return format;
  }

  clearAll(): void {
    this.action('clearAll', (a) => clearConditionalFormats(a), { api: '1.6' });
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, (exec) => {
      const a = this.locate(exec);
      if (!a) return null;
      const entry = conditionalFormatsTouching(a).find((e) => e.id === id);
      if (!entry) throw new FakeRichApiError('ItemNotFound', { detail: `no conditional format "${id}" on this range` });
      return { sheet: a.sheet, entry };
    });
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, (exec) => {
      const a = this.locate(exec);
      if (!a) return null;
      const entry = conditionalFormatsTouching(a)[index];
      if (!entry) throw new FakeRichApiError('ItemNotFound', { detail: `no conditional format at ${index}` });
      return { sheet: a.sheet, entry };
    });
  }

  protected itemsOf(a: Areas): FakeConditionalFormat[] {
    return conditionalFormatsTouching(a).map((entry) => new FakeConditionalFormat(this.context, fixed({ sheet: a.sheet, entry }, live, 'the conditional format')));
  }
}

export class FakeConditionalFormat extends FakeClientObject<ConditionalFormatTarget> {
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'ConditionalFormat', locate);
  }

  /** The type-specific part; using the wrong one fails at sync, as in Excel. */
  private ofType(type: string): Locate<ConditionalFormatTarget> {
    return (exec) => {
      const t = this.locate(exec);
      if (t && t.entry.type !== type) throw new FakeRichApiError('InvalidOperation', { detail: `this conditional format is ${t.entry.type}, not ${type}` });
      return t;
    };
  }

  get custom(): FakeCustomConditionalFormat {
    return this.child('custom', () => new FakeCustomConditionalFormat(this.context, this.ofType('Custom')));
  }

  get cellValue(): FakeCellValueConditionalFormat {
    return this.child('cellValue', () => new FakeCellValueConditionalFormat(this.context, this.ofType('CellValue')));
  }

  get dataBar(): FakeSettingsConditionalFormat {
    return this.child('dataBar', () => new FakeSettingsConditionalFormat(this.context, 'DataBarConditionalFormat', this.ofType('DataBar')));
  }

  get iconSet(): FakeIconSetConditionalFormat {
    return this.child('iconSet', () => new FakeIconSetConditionalFormat(this.context, this.ofType('IconSet')));
  }

  delete(): void {
    this.action('delete', (t) => deleteConditionalFormat(t.sheet, t.entry));
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, (exec) => {
      const t = this.locate(exec);
      if (!t) return null;
      if (t.entry.rects.length !== 1) throw new FakeRichApiError('InvalidOperation', { detail: 'the conditional format covers several areas; use getRanges' });
      return { sheet: t.sheet, rects: [t.entry.rects[0]!] };
    });
  }
}

defineScalars<ConditionalFormatTarget>(FakeConditionalFormat, {
  id: { read: (t) => t.entry.id },
  type: { read: (t) => t.entry.type },
  priority: { read: (t) => t.sheet.conditionalFormats.indexOf(t.entry), write: (t, v) => setConditionalFormatPriority(t.sheet, t.entry, v) },
  stopIfTrue: {
    read: (t) => t.entry.stopIfTrue,
    write: (t, v) => {
      assertUnprotected(t.sheet, 'changing a conditional format');
      t.entry.stopIfTrue = checkBoolean(v, 'ConditionalFormat.stopIfTrue');
    },
  },
});

function editEntry(t: ConditionalFormatTarget, change: (e: ConditionalFormatEntry) => void): void {
  assertUnprotected(t.sheet, 'changing a conditional format');
  change(t.entry);
}

export class FakeCustomConditionalFormat extends FakeClientObject<ConditionalFormatTarget> {
  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'CustomConditionalFormat', locate);
  }

  get rule(): FakeConditionalFormatRule {
    return this.child('rule', () => new FakeConditionalFormatRule(this.context, this.locate));
  }

  get format(): FakeConditionalRangeFormat {
    return this.child('format', () => new FakeConditionalRangeFormat(this.context, this.locate));
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<ConditionalFormatTarget> {
  declare formula: string;
  declare formulaLocal: string;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'ConditionalFormatRule', locate);
  }
}

const writeFormula = (t: ConditionalFormatTarget, v: unknown) => editEntry(t, (e) => (e.formula = checkString(v, 'ConditionalFormatRule.formula', 255)));
defineScalars<ConditionalFormatTarget>(FakeConditionalFormatRule, {
  formula: { read: (t) => t.entry.formula ?? '', write: writeFormula },
  formulaLocal: { read: (t) => t.entry.formula ?? '', write: writeFormula },
});

export class FakeCellValueConditionalFormat extends FakeClientObject<ConditionalFormatTarget> {
  declare rule: Excel.ConditionalCellValueRule;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'CellValueConditionalFormat', locate);
  }

  get format(): FakeConditionalRangeFormat {
    return this.child('format', () => new FakeConditionalRangeFormat(this.context, this.locate));
  }
}

defineScalars<ConditionalFormatTarget>(FakeCellValueConditionalFormat, {
  rule: {
    read: (t) => ({ formula1: t.entry.formula, ...(t.entry.formula2 !== undefined ? { formula2: t.entry.formula2 } : {}), operator: t.entry.operator }),
    write: (t, v) => {
      const r = plainObject(v, 'CellValueConditionalFormat.rule');
      const operator = checkEnum(r.operator, CELL_VALUE_OPERATORS, 'ConditionalCellValueRule.operator');
      if (typeof r.formula1 !== 'string' && typeof r.formula1 !== 'number') fail('InvalidArgument', 'ConditionalCellValueRule.formula1 is required');
      const two = operator === 'Between' || operator === 'NotBetween';
      if (two && typeof r.formula2 !== 'string' && typeof r.formula2 !== 'number') fail('InvalidArgument', `${operator} needs formula2`);
      editEntry(t, (e) => {
        e.operator = operator;
        e.formula = String(r.formula1);
        e.formula2 = two ? String(r.formula2) : undefined;
      });
    },
  },
});

export class FakeConditionalRangeFormat extends FakeClientObject<ConditionalFormatTarget> {
  declare numberFormat: string;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'ConditionalRangeFormat', locate);
  }

  get fill(): FakeConditionalRangeFill {
    return this.child('fill', () => new FakeConditionalRangeFill(this.context, this.locate));
  }

  get font(): FakeConditionalRangeFont {
    return this.child('font', () => new FakeConditionalRangeFont(this.context, this.locate));
  }
}

defineScalars<ConditionalFormatTarget>(FakeConditionalRangeFormat, {
  numberFormat: { read: (t) => t.entry.style.numberFormat ?? null, write: (t, v) => editEntry(t, (e) => (e.style.numberFormat = checkString(v, 'ConditionalRangeFormat.numberFormat'))) },
});

const style = (t: ConditionalFormatTarget, change: ConditionalFormatStyle) => editEntry(t, (e) => Object.assign(e.style, change));

export class FakeConditionalRangeFill extends FakeClientObject<ConditionalFormatTarget> {
  declare color: string;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'ConditionalRangeFill', locate);
  }

  clear(): void {
    this.action('clear', (t) => style(t, { fill: null }));
  }
}

defineScalars<ConditionalFormatTarget>(FakeConditionalRangeFill, {
  color: { read: (t) => t.entry.style.fill ?? null, write: (t, v) => style(t, { fill: normalizeColor(v, 'ConditionalRangeFill.color') }) },
});

export class FakeConditionalRangeFont extends FakeClientObject<ConditionalFormatTarget> {
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  declare underline: string;
  declare strikethrough: boolean;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'ConditionalRangeFont', locate);
  }

  clear(): void {
    this.action('clear', (t) => style(t, { fontColor: null, bold: null, italic: null, underline: null, strikethrough: null }));
  }
}

defineScalars<ConditionalFormatTarget>(FakeConditionalRangeFont, {
  color: { read: (t) => t.entry.style.fontColor ?? null, write: (t, v) => style(t, { fontColor: normalizeColor(v, 'ConditionalRangeFont.color') }) },
  bold: { read: (t) => t.entry.style.bold ?? null, write: (t, v) => style(t, { bold: checkBoolean(v, 'ConditionalRangeFont.bold') }) },
  italic: { read: (t) => t.entry.style.italic ?? null, write: (t, v) => style(t, { italic: checkBoolean(v, 'ConditionalRangeFont.italic') }) },
  underline: { read: (t) => t.entry.style.underline ?? null, write: (t, v) => style(t, { underline: checkEnum(v, UNDERLINES, 'ConditionalRangeFont.underline') }) },
  strikethrough: { read: (t) => t.entry.style.strikethrough ?? null, write: (t, v) => style(t, { strikethrough: checkBoolean(v, 'ConditionalRangeFont.strikethrough') }) },
});

/**
 * DataBar and IconSet: their settings are kept by name as given (barDirection, showDataBarOnly,
 * axisFormat, lowerBoundRule, upperBoundRule, style, reverseIconOrder, showIconOnly, criteria),
 * enough for a renderer to be checked; Excel's drawing of them is not modelled.
 */
export class FakeSettingsConditionalFormat extends FakeClientObject<ConditionalFormatTarget> {
  constructor(context: FakeRequestContext, entity: string, locate: Locate<ConditionalFormatTarget>) {
    super(context, entity, locate);
  }

  /** DataBar's positive bar: fillColor and gradientFill, kept as settings "positiveFormat.fillColor" etc. */
  get positiveFormat(): FakeDataBarPositiveFormat {
    return this.child('positiveFormat', () => new FakeDataBarPositiveFormat(this.context, this.locate));
  }
}

export class FakeDataBarPositiveFormat extends FakeClientObject<ConditionalFormatTarget> {
  declare fillColor: string;
  declare gradientFill: boolean;
  declare borderColor: string;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'ConditionalDataBarPositiveFormat', locate);
  }
}

defineScalars<ConditionalFormatTarget>(FakeDataBarPositiveFormat, {
  fillColor: {
    read: (t) => t.entry.settings['positiveFormat.fillColor'] ?? null,
    write: (t, v) => editEntry(t, (e) => (e.settings['positiveFormat.fillColor'] = normalizeColor(v, 'ConditionalDataBarPositiveFormat.fillColor'))),
  },
  borderColor: {
    read: (t) => t.entry.settings['positiveFormat.borderColor'] ?? null,
    write: (t, v) => editEntry(t, (e) => (e.settings['positiveFormat.borderColor'] = normalizeColor(v, 'ConditionalDataBarPositiveFormat.borderColor'))),
  },
  gradientFill: {
    read: (t) => t.entry.settings['positiveFormat.gradientFill'] ?? null,
    write: (t, v) => editEntry(t, (e) => (e.settings['positiveFormat.gradientFill'] = checkBoolean(v, 'ConditionalDataBarPositiveFormat.gradientFill'))),
  },
});

const SETTING_NAMES = ['barDirection', 'showDataBarOnly', 'axisFormat', 'axisColor', 'lowerBoundRule', 'upperBoundRule', 'style', 'reverseIconOrder', 'showIconOnly', 'criteria'];
defineScalars<ConditionalFormatTarget>(
  FakeSettingsConditionalFormat,
  Object.fromEntries(
    SETTING_NAMES.map((name) => [
      name,
      {
        read: (t: ConditionalFormatTarget) => t.entry.settings[name] ?? null,
        write: (t: ConditionalFormatTarget, v: unknown) => editEntry(t, (e) => (e.settings[name] = v)),
      },
    ]),
  ),
);

/** Excel.IconSet names the fake knows, with how many icons each has. */
const ICON_SETS: Record<string, number> = {
  ThreeArrows: 3, ThreeArrowsGray: 3, ThreeFlags: 3, ThreeTrafficLights1: 3, ThreeTrafficLights2: 3, ThreeSigns: 3, ThreeSymbols: 3, ThreeSymbols2: 3,
  ThreeStars: 3, ThreeTriangles: 3, FourArrows: 4, FourArrowsGray: 4, FourRedToBlack: 4, FourRating: 4, FourTrafficLights: 4,
  FiveArrows: 5, FiveArrowsGray: 5, FiveRating: 5, FiveQuarters: 5, FiveBoxes: 5,
};
/** A new icon-set format is three traffic lights, as in Excel. */
const DEFAULT_ICON_SET = 'ThreeTrafficLights1';
const ICON_RULE_TYPES = ['Number', 'Percent', 'Formula', 'Percentile'] as const;
const ICON_OPERATORS = ['GreaterThan', 'GreaterThanOrEqual'] as const;

/** Excel's own criteria for a style: percents splitting 0–100 evenly, lowest icon first. */
function defaultIconCriteria(icons: number): Excel.ConditionalIconCriterion[] {
  return Array.from({ length: icons }, (_, i) => ({ type: 'Percent', operator: 'GreaterThanOrEqual', formula: `=${Math.round((100 * i) / icons)}` }));
}

function currentCriteria(e: ConditionalFormatEntry): Excel.ConditionalIconCriterion[] {
  const style = (e.settings.style as string | undefined) ?? DEFAULT_ICON_SET;
  return (e.settings.criteria as Excel.ConditionalIconCriterion[] | undefined) ?? defaultIconCriteria(ICON_SETS[style]!);
}

/**
 * criteria as Office.js takes them: one per icon of the current style, lowest icon first. The
 * first one's type, operator and formula are ignored (only a custom icon would be kept), so what
 * is recorded there is the criterion it already had; each other one is checked.
 */
function normalizeIconCriteria(value: unknown, e: ConditionalFormatEntry): Excel.ConditionalIconCriterion[] {
  const style = (e.settings.style as string | undefined) ?? DEFAULT_ICON_SET;
  const icons = ICON_SETS[style]!;
  if (!Array.isArray(value)) fail('InvalidArgument', 'IconSetConditionalFormat.criteria must be an array');
  if (value.length !== icons) fail('InvalidArgument', `IconSetConditionalFormat.criteria: ${style} has ${icons} icons, ${value.length} criteria given`);
  const before = currentCriteria(e)[0]!;
  return value.map((c, i): Excel.ConditionalIconCriterion => {
    const o = plainObject(c, `IconSetConditionalFormat.criteria[${i}]`);
    if (i === 0) return { type: before.type, operator: before.operator, formula: before.formula };
    const formula = checkString(o.formula, `IconSetConditionalFormat.criteria[${i}].formula`);
    if (formula.trim() === '') fail('InvalidArgument', `IconSetConditionalFormat.criteria[${i}].formula is empty`);
    return {
      type: checkEnum(o.type, ICON_RULE_TYPES, `IconSetConditionalFormat.criteria[${i}].type`),
      operator: checkEnum(o.operator, ICON_OPERATORS, `IconSetConditionalFormat.criteria[${i}].operator`),
      formula,
    };
  });
}

/**
 * IconSet (ExcelApi 1.6), kept as Office.js shapes it: `style` an Excel.IconSet name, choosing it
 * resets `criteria` to that style's defaults (so criteria set before the style are lost, as in
 * Excel); `criteria` one per icon; `showIconOnly` and `reverseIconOrder` booleans. Recorded in the
 * entry's settings under those names; drawing is not modelled.
 */
export class FakeIconSetConditionalFormat extends FakeClientObject<ConditionalFormatTarget> {
  declare style: Excel.IconSet;
  declare criteria: Excel.ConditionalIconCriterion[];
  declare showIconOnly: boolean;
  declare reverseIconOrder: boolean;

  constructor(context: FakeRequestContext, locate: Locate<ConditionalFormatTarget>) {
    super(context, 'IconSetConditionalFormat', locate);
  }
}

defineScalars<ConditionalFormatTarget>(FakeIconSetConditionalFormat, {
  style: {
    read: (t) => t.entry.settings.style ?? DEFAULT_ICON_SET,
    write: (t, v) =>
      editEntry(t, (e) => {
        const style = checkEnum(v, Object.keys(ICON_SETS), 'IconSetConditionalFormat.style');
        e.settings.style = style;
        e.settings.criteria = defaultIconCriteria(ICON_SETS[style]!);
      }),
  },
  criteria: {
    read: (t) => currentCriteria(t.entry),
    write: (t, v) => editEntry(t, (e) => (e.settings.criteria = normalizeIconCriteria(v, e))),
  },
  showIconOnly: {
    read: (t) => t.entry.settings.showIconOnly ?? false,
    write: (t, v) => editEntry(t, (e) => (e.settings.showIconOnly = checkBoolean(v, 'IconSetConditionalFormat.showIconOnly'))),
  },
  reverseIconOrder: {
    read: (t) => t.entry.settings.reverseIconOrder ?? false,
    write: (t, v) => editEntry(t, (e) => (e.settings.reverseIconOrder = checkBoolean(v, 'IconSetConditionalFormat.reverseIconOrder'))),
  },
});
