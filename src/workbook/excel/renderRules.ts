import type { PlanIconSet, PlanIconStyle, PlanValidation, SheetPlan, ValidationRule } from '../../layout/plan';
import { cellsOf, type Cell } from './a1';
import { areasFor, groupCells } from './areas';

function excelRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'decimal':
      return { decimal: { operator: 'Between', formula1: rule.min, formula2: rule.max } };
    case 'wholeNumber':
      return { wholeNumber: { operator: 'Between', formula1: rule.min, formula2: rule.max } };
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'textLength':
      return { textLength: { operator: 'LessThanOrEqualTo', formula1: rule.max } };
  }
}

const ALERT_STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

/**
 * Cells with the same rule, prompt and alert (a row's four quarter figures, say) share one
 * validation object, so the request carries each prompt text once.
 */
export function renderValidations(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const byRule = new Map<string, PlanValidation>();
  const entries: [string, Cell][] = [];
  for (const v of plan.validations) {
    const key = JSON.stringify([v.rule, v.prompt, v.errorAlert]);
    byRule.set(key, v);
    for (const cell of cellsOf(v.address)) entries.push([key, cell]);
  }
  for (const [key, cells] of groupCells(entries)) {
    const v = byRule.get(key)!;
    for (const areas of areasFor(sheet, cells)) {
      const dv = areas.dataValidation;
      dv.rule = excelRule(v.rule);
      dv.ignoreBlanks = true;
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      dv.errorAlert = { showAlert: true, style: ALERT_STYLE[v.errorAlert.style], title: v.errorAlert.title, message: v.errorAlert.message };
    }
  }
}

/** One custom-formula format per plan entry: each formula is relative to its own range. */
export function renderConditionalFormats(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const cf of plan.conditionalFormats) {
    const format = sheet.getRange(cf.address).conditionalFormats.add('Custom');
    format.custom.rule.formula = cf.formula;
    if (cf.fill) format.custom.format.fill.color = cf.fill;
    if (cf.fontColor) format.custom.format.font.color = cf.fontColor;
  }
}

/**
 * Data bars on a fixed scale (ExcelApi 1.6): bounds as numbers, not the range's own lowest and
 * highest, so a bar means the same share of the target on every sheet.
 */
export function renderDataBars(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const bar of plan.dataBars ?? []) {
    const format = sheet.getRange(bar.address).conditionalFormats.add('DataBar');
    format.dataBar.lowerBoundRule = { type: 'Number', formula: String(bar.min) };
    format.dataBar.upperBoundRule = { type: 'Number', formula: String(bar.max) };
    format.dataBar.positiveFormat.fillColor = bar.color;
  }
}

const ICON_COUNT_WORD: Record<string, string> = { '3': 'Three', '4': 'Four' };

/** The file's icon-set name as Office.js spells it: "3TrafficLights1" → "ThreeTrafficLights1". */
export function officeIconStyle(style: PlanIconStyle): Excel.IconSet {
  return style.replace(/^[34]/, (d) => ICON_COUNT_WORD[d]!) as Excel.IconSet;
}

/**
 * Criteria lowest icon first, as Office.js orders them. The first criterion's type, operator and
 * formula are ignored (every value below the others gets the lowest icon), so it is left empty as
 * in Microsoft's sample; each other one is "≥ threshold", a number so icons mean the same level
 * on every sheet (a percentile would shift with the rows).
 */
export function iconCriteria(set: PlanIconSet): Excel.ConditionalIconCriterion[] {
  return [
    {} as Excel.ConditionalIconCriterion,
    ...set.thresholds.map((t): Excel.ConditionalIconCriterion => ({ type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${t}` })),
  ];
}

/**
 * Icon sets (ExcelApi 1.6), queued like the data bars: no load, no sync. The style goes first,
 * because choosing a style resets the criteria to that style's defaults.
 */
export function renderIconSets(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const set of plan.iconSets ?? []) {
    const format = sheet.getRange(set.address).conditionalFormats.add('IconSet');
    format.iconSet.style = officeIconStyle(set.style);
    format.iconSet.criteria = iconCriteria(set);
    format.iconSet.showIconOnly = !set.showValue;
  }
}
