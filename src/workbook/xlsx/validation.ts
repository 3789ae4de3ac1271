import type ExcelJS from 'exceljs';
import type { PlanValidation, ValidationRule } from '../../layout/plan';
import { cellsOf } from './a1';

/** A list's items are written inline ("a,b,c"): Excel reads a comma inside an item as a separator. */
function listFormula(values: string[]): string {
  const bad = values.find((v) => v.includes(',') || v.includes('"'));
  if (bad !== undefined) throw new Error(`list validation item cannot hold a comma or a quote: ${bad}`);
  const formula = `"${values.join(',')}"`;
  // Excel refuses an inline list longer than 255 characters.
  if (formula.length > 257) throw new Error(`list validation is longer than Excel allows (255): ${formula}`);
  return formula;
}

function ruleOf(rule: ValidationRule): Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> {
  switch (rule.type) {
    case 'decimal':
      return { type: 'decimal', operator: 'between', formulae: [rule.min, rule.max] };
    case 'wholeNumber':
      return { type: 'whole', operator: 'between', formulae: [rule.min, rule.max] };
    case 'list':
      return { type: 'list', formulae: [listFormula(rule.values)] };
    case 'textLength':
      return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] };
  }
}

export function dataValidationOf(validation: PlanValidation): ExcelJS.DataValidation {
  return {
    ...ruleOf(validation.rule),
    // A blank cell is "not reported yet", which the validation step reports, not Excel.
    allowBlank: true,
    showInputMessage: true,
    promptTitle: validation.prompt.title,
    prompt: validation.prompt.message,
    showErrorMessage: true,
    errorStyle: validation.errorAlert.style,
    errorTitle: validation.errorAlert.title,
    error: validation.errorAlert.message,
  };
}

export function addValidations(worksheet: ExcelJS.Worksheet, validations: PlanValidation[]): void {
  for (const validation of validations) {
    const dv = dataValidationOf(validation);
    // Set per cell; ExcelJS joins equal neighbours back into one range when it writes.
    for (const address of cellsOf(validation.address)) worksheet.getCell(address).dataValidation = { ...dv };
  }
}
