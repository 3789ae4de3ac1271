import type ExcelJS from 'exceljs';
import type { PlanCell, PlanIconSet, SheetPlan } from '../../layout/plan';
import { addConditionalFormats, addDataBars } from './conditionalFormats';
import { addDefinedNames } from './definedNames';
import { applyPrintSetup } from './printSetup';
import { writePlanProperties } from './properties';
import { protectWithoutPassword } from './protection';
import { applyCellStyle, argb } from './styles';
import { addValidations } from './validation';

function renderCell(worksheet: ExcelJS.Worksheet, plan: SheetPlan, planCell: PlanCell): void {
  const cell = worksheet.getCell(planCell.address);
  // An empty string is no value: Excel cannot hold one (Office.js writing "" empties the cell).
  if (planCell.value !== null && planCell.value !== '') cell.value = planCell.value;
  if (planCell.numberFormat) cell.numFmt = planCell.numberFormat;
  if (planCell.style) {
    const style = plan.styles[planCell.style];
    if (!style) throw new Error(`plan cell ${planCell.address} names an unknown style "${planCell.style}"`);
    applyCellStyle(cell, style);
  }
  // Every cell starts locked; only inputs are opened, so protection guards the rest.
  if (planCell.input) cell.protection = { locked: false };
}

/**
 * Icon sets, the Office.js renderer's twin (renderIconSets): one cfvo per icon, lowest first. The
 * first is the floor ("percent 0", the form Excel itself writes: it catches every value below the
 * next); each other is "num threshold", met at ≥ (cfvo's gte defaults to true). Priorities
 * continue after the formula formats and data bars so none hides another.
 */
export function addIconSets(worksheet: ExcelJS.Worksheet, sets: readonly PlanIconSet[], firstPriority: number): void {
  sets.forEach((set, i) => {
    worksheet.addConditionalFormatting({
      ref: set.address,
      rules: [
        {
          type: 'iconSet',
          priority: firstPriority + i,
          iconSet: set.style,
          showValue: set.showValue,
          // ExcelJS's typings give cfvo the wrong shape (Cvfo has only aboveAverage).
          cfvo: [{ type: 'percent', value: 0 }, ...set.thresholds.map((t) => ({ type: 'num', value: t }))] as unknown as ExcelJS.IconSetRuleType['cfvo'],
        },
      ],
    });
  });
}

/**
 * Renders a sheet plan into a new worksheet of `workbook`, with ExcelJS: everything the plan
 * holds, the Office.js renderer's twin. Cells come before merges because ExcelJS gives a merge's
 * cells the style of its top-left cell, so the borders and fill run round the whole merge.
 */
export function renderPlanToWorkbook(plan: SheetPlan, workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(plan.sheetName, {
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: plan.freezeRows > 0 ? [{ state: 'frozen', ySplit: plan.freezeRows }] : [{}],
  });
  for (const { letter, width } of plan.columns) worksheet.getColumn(letter).width = width;
  for (const { row, height } of plan.rowHeights) worksheet.getRow(row).height = height;
  for (const cell of plan.cells) renderCell(worksheet, plan, cell);
  for (const range of plan.merges) worksheet.mergeCells(range);
  for (const { address, text } of plan.notes) worksheet.getCell(address).note = text;
  addDefinedNames(workbook, plan.sheetName, plan.names);
  addValidations(worksheet, plan.validations);
  addConditionalFormats(worksheet, plan.conditionalFormats);
  addDataBars(worksheet, plan.dataBars ?? [], plan.conditionalFormats.length + 1);
  addIconSets(worksheet, plan.iconSets ?? [], plan.conditionalFormats.length + (plan.dataBars?.length ?? 0) + 1);
  applyPrintSetup(worksheet, plan.print);
  if (plan.protect) protectWithoutPassword(worksheet);
  writePlanProperties(workbook, plan.properties);
  return worksheet;
}
