/**
 * Fills our template with SheetJS (the npm registry's `xlsx`, 0.18.5, the community edition), as
 * a department's node script does: read, set the figures through the workbook-scoped defined
 * names, write.
 *
 *   node sheetjs_fill.js <template.xlsx> <scenario.json> <out.xlsx>
 *
 * cellNF keeps each cell's number format (`z`), which SheetJS writes back, so a provisional mark
 * survives; the community edition drops fills, borders, comments, protection and data validation.
 * The "zeroFormulas" are written as formulas with their cached result 0 (SheetJS writes `v`).
 */
const fs = require('node:fs');
const XLSX = require('xlsx');

const REF = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/;

function main(template, scenarioFile, out) {
  const scenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
  const wb = XLSX.read(fs.readFileSync(template), { cellNF: true, cellStyles: true });
  const at = new Map();
  for (const n of wb.Workbook.Names) {
    const m = n.Sheet === undefined ? REF.exec(n.Ref) : null;
    if (m) at.set(n.Name, { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: `${m[3]}${m[4]}` });
  }
  for (const [name, raw] of Object.entries(scenario.cells)) {
    const spec = typeof raw === 'object' ? raw : { value: raw };
    const where = at.get(name);
    if (!where) throw new Error(`no name ${name}`);
    const ws = wb.Sheets[where.sheet];
    const before = ws[where.address] || {};
    const z = spec.format ?? before.z;
    const cell = typeof spec.value === 'number' ? { t: 'n', v: spec.value } : { t: 's', v: spec.value };
    if (z && z !== 'General') cell.z = z;
    if (before.s) cell.s = before.s;
    if (scenario.zeroFormulas[name] !== undefined) cell.f = scenario.zeroFormulas[name];
    ws[where.address] = cell;
  }
  XLSX.writeFile(wb, out, { bookType: 'xlsx', cellStyles: true });
}

main(...process.argv.slice(2));
