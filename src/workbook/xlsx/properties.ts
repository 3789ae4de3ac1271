import type ExcelJS from 'exceljs';

/**
 * ExcelJS writes no custom document properties (docProps/custom.xml), so the plan's properties
 * go into the core "description" (Comments in Excel's File → Info), one "key=value" per line.
 * The same values are in named cells (CT_TEMPLATE_VERSION, …), which is what readers trust.
 */
export function writePlanProperties(workbook: ExcelJS.Workbook, properties: Record<string, string>): void {
  const lines = Object.entries(properties).map(([key, value]) => {
    if (!/^\w+$/.test(key) || /[\r\n]/.test(value)) throw new Error(`property cannot be written as a key=value line: ${key}`);
    return `${key}=${value}`;
  });
  workbook.description = lines.join('\n');
  workbook.keywords = Object.keys(properties).length ? 'chitieu' : workbook.keywords;
}

export function readPlanProperties(workbook: ExcelJS.Workbook): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const line of (workbook.description ?? '').split(/\r?\n/)) {
    const match = /^(\w+)=(.*)$/.exec(line);
    if (match) properties[match[1]!] = match[2]!;
  }
  return properties;
}
