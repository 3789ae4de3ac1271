/**
 * Fills our template with xlsx-populate (npm), as a department's node script does: read, set the
 * figures through the workbook-scoped defined names (`workbook.definedName(name)` is the cell),
 * write. xlsx-populate edits the parts it understands in place and keeps the rest, so number
 * formats, protection and comments survive. Its formulas carry no cached result, so none is
 * written here (openpyxl's file covers that case).
 *
 *   node xlsx_populate_fill.js <template.xlsx> <scenario.json> <out.xlsx>
 */
const fs = require('node:fs');
const XlsxPopulate = require('xlsx-populate');

async function main(template, scenarioFile, out) {
  const scenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
  const wb = await XlsxPopulate.fromDataAsync(fs.readFileSync(template));
  for (const [name, raw] of Object.entries(scenario.cells)) {
    const spec = typeof raw === 'object' ? raw : { value: raw };
    const cell = wb.definedName(name);
    if (!cell || typeof cell.value !== 'function') throw new Error(`no single-cell name ${name}`);
    cell.value(spec.value);
    if (spec.format) cell.style('numberFormat', spec.format);
  }
  fs.writeFileSync(out, await wb.outputAsync());
}

main(...process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
