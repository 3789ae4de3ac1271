import { loadCatalogue, loadUnits } from '../../catalogue/load';
import { assertUnitReportsIn, requireUnit } from '../../catalogue/unitLookup';
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { label } from '../../layout/labels';
import { returnPlan } from '../../layout/returnPlan';
import { UserFacingError, type CreateReturnRequest, type CreateReturnResult, type ExistingReturn, type ReturnWorkbook } from '../port';
import { splitReference } from './a1';
import { orphanedError, queueExistingReturn } from './existingReturn';
import { failed } from './failure';
import { renderPlan } from './renderPlan';
import type { ExcelHost } from './runner';
import { backupSheetName, freeSheetName, sheetKey } from './sheetNames';

/** Where the catalogue and units come from; the bundled files unless a test passes its own. */
export interface ReturnSource {
  catalogue: Catalogue;
  units: UnitList;
}

const bundled = (): ReturnSource => ({ catalogue: loadCatalogue(), units: loadUnits() });

/** The Office.js side of the workbook port: the functions the task pane receives. */
export function createExcelReturnWorkbook(host: ExcelHost, source: () => ReturnSource = bundled): ReturnWorkbook {
  return {
    findExistingReturn: () => failed(() => findExistingReturn(host, source().catalogue)),
    createReturn: (request) => failed(() => createReturn(host, source(), request)),
    watchChanges: (listener) => watchChanges(host, listener),
  };
}

/**
 * One handler for every sheet's changes, registered in one sync. Office.js removes a handler only
 * from the context that added it, which ends with this run: stopping mutes it instead.
 */
async function watchChanges(host: ExcelHost, listener: () => void): Promise<(() => void) | null> {
  if (!host.isSetSupported('ExcelApi', '1.9')) return null;
  let live = true;
  try {
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => {
        if (live) listener();
      });
      await context.sync();
    });
  } catch {
    // A host that claims the API but refuses the event: the pane reads again on focus instead.
    return null;
  }
  return () => {
    live = false;
  };
}

async function findExistingReturn(host: ExcelHost, catalogue: Catalogue): Promise<ExistingReturn | null> {
  return host.run(async (context) => {
    const scan = queueExistingReturn(context, catalogue);
    await context.sync();
    const found = scan();
    if (found.kind === 'orphaned') throw orphanedError(found.brokenNames);
    return found.kind === 'found' ? found.existing : null;
  });
}

/**
 * Two syncs whatever the size of the catalogue: the first reads what the workbook holds, the
 * second does everything else. Nothing is deleted but defined names that would clash or dangle;
 * a replaced return is kept whole on its renamed sheet, still protected.
 */
async function createReturn(host: ExcelHost, { catalogue, units }: ReturnSource, request: CreateReturnRequest): Promise<CreateReturnResult> {
  const unit = requireUnit(units, request.unitId);
  // As the command line does: a year without targets is named before the unit's validity.
  const plan = returnPlan({ catalogue, unit, year: request.year, lang: request.lang });
  assertUnitReportsIn(units, unit, request.year);
  const comments = host.isSetSupported('ExcelApi', '1.10');
  return host.run(async (context) => {
    let syncs = 0;
    const scan = queueExistingReturn(context, catalogue);
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name,items/type,items/value');
    await context.sync();
    syncs++;

    const found = scan();
    if (found.kind === 'found' && !request.replace) return { status: 'exists', existing: found.existing };
    const oldSheet = found.kind === 'found' && found.existing.sheetName ? found.existing.sheetName : null;

    const taken = new Set(sheets.items.map((s) => sheetKey(s.name)));
    let backup: string | undefined;
    if (oldSheet && taken.has(sheetKey(oldSheet))) {
      backup = backupSheetName(oldSheet, label('backupSuffix', request.lang), taken);
      sheets.getItem(oldSheet).name = backup;
      taken.delete(sheetKey(oldSheet));
      taken.add(sheetKey(backup));
    }
    const planned = new Set(plan.names.map((n) => n.name));
    for (const item of names.items) if (isStale(item, planned, oldSheet)) item.delete();

    const sheetName = freeSheetName(plan.sheetName, taken);
    const sheet = sheets.add(sheetName);
    renderPlan(context, sheet, plan, { comments });
    sheet.activate();
    await context.sync();
    syncs++;
    return { status: 'created', sheetName, syncs, ...(backup ? { backupSheetName: backup } : {}) };
  });
}

/**
 * A workbook-scoped contract name that must go before the new sheet's are added: one the plan
 * defines again (adding it would fail), one left pointing at nothing (#REF!), or one on the
 * replaced sheet, which an older catalogue may have named differently.
 */
function isStale(item: Excel.NamedItem, planned: ReadonlySet<string>, oldSheet: string | null): boolean {
  if (!item.name.startsWith('CT_')) return false;
  if (planned.has(item.name)) return true;
  const value = String(item.value ?? '');
  if (item.type === 'Error' || value.includes('#REF!')) return true;
  const sheet = splitReference(value).sheet;
  return oldSheet !== null && sheet !== null && sheetKey(sheet) === sheetKey(oldSheet);
}
