import type ExcelJS from 'exceljs';
import type { PlanConditionalFormat, PlanDataBar } from '../../layout/plan';
import { argb } from './styles';

export function addConditionalFormats(worksheet: ExcelJS.Worksheet, formats: PlanConditionalFormat[]): void {
  formats.forEach((format, i) => {
    const style: Partial<ExcelJS.Style> = {};
    // A differential (conditional) fill takes its colour from bgColor, unlike a cell's own fill.
    if (format.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(format.fill) } };
    if (format.fontColor) style.font = { color: { argb: argb(format.fontColor) } };
    worksheet.addConditionalFormatting({
      ref: format.address,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          // The file stores formulas without the leading "=" that Excel's dialog shows.
          formulae: [format.formula.replace(/^=/, '')],
          style,
        },
      ],
    });
  });
}

/**
 * Data bars on a fixed scale (cfvo numbers), the Office.js renderer's twin. Priorities continue
 * after the plan's formula formats so neither hides the other.
 */
export function addDataBars(worksheet: ExcelJS.Worksheet, bars: readonly PlanDataBar[], firstPriority: number): void {
  bars.forEach((bar, i) => {
    worksheet.addConditionalFormatting({
      ref: bar.address,
      rules: [
        {
          type: 'dataBar',
          priority: firstPriority + i,
          cfvo: [
            { type: 'num', value: bar.min },
            { type: 'num', value: bar.max },
          ],
          color: { argb: argb(bar.color) },
          gradient: false,
        } as ExcelJS.DataBarRuleType,
      ],
    });
  });
}
