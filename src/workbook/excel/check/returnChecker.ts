/**
 * The Office.js side of the Check panel. A whole check is two syncs whatever the number of
 * flags: the first reads the return, the old marks, the old justifications and the acknowledged
 * warnings; validation runs in memory; the second writes marks and the "Kiểm tra" sheet.
 */
import { loadCatalogue, loadUnits } from '../../../catalogue/load';
import { problemsMessage } from '../../../domain/readContract';
import { validateReturn } from '../../../domain/validate/validateReturn';
import type { CheckOutcome, ReturnChecker } from '../../port';
import type { ReturnSource } from '../returnWorkbook';
import type { ExcelHost } from '../runner';
import { failed } from '../failure';
import { ACKNOWLEDGED_SETTING, parseAcknowledged } from '../submit/settings';
import { saveJustification } from './justification';
import { setProvisional } from './provisional';
import { queueReturnSnapshot } from './readReturn';
import { selectCell } from './selectCell';
import { explainTypedFormulas } from './typedFormulas';
import { queueWriteMarks } from './writeMarks';

export interface CheckerOptions {
  /** The bundled catalogue and units unless a test passes its own. */
  source?: () => ReturnSource;
  /** The clock the "Kiểm tra" sheet's time comes from. */
  now?: () => Date;
  /** The domain's validation unless a test needs a given set of flags. */
  validate?: typeof validateReturn;
}

const bundled = (): ReturnSource => ({ catalogue: loadCatalogue(), units: loadUnits() });

export function createExcelReturnChecker(host: ExcelHost, { source = bundled, now = () => new Date(), validate = validateReturn }: CheckerOptions = {}): ReturnChecker {
  return {
    checkReturn: (options = {}) => failed(() => checkReturn(host, source(), validate, options.quarter, options.lang ?? 'vi', now)),
    selectCell: (cellName) => failed(() => selectCell(host, cellName)),
    saveJustification: (key, text) => failed(() => saveJustification(host, key, text)),
    setProvisional: (cellName, on) => failed(() => setProvisional(host, cellName, on)),
    saveAcknowledged: (keys) => failed(() => saveAcknowledged(host, keys)),
  };
}

/**
 * One sync. The setting is the one record of acknowledgements, read by the next check and by the
 * Gửi panel, and saved in the file. Keys of flags gone since are kept: harmless, and they come
 * back into force if the flag does.
 */
async function saveAcknowledged(host: ExcelHost, keys: string[]): Promise<void> {
  await host.run(async (context) => {
    // Parsed as a read would be, so only unique, non-empty string keys are ever stored.
    context.workbook.settings.add(ACKNOWLEDGED_SETTING, parseAcknowledged(keys));
    await context.sync();
  });
}

async function checkReturn(host: ExcelHost, { catalogue, units }: ReturnSource, validate: typeof validateReturn, quarter: number | undefined, lang: 'vi' | 'en', now: () => Date): Promise<CheckOutcome> {
  return host.run(async (context) => {
    const read = queueReturnSnapshot(context, catalogue);
    await context.sync();
    const snapshot = read();
    if (!snapshot.result.ok) {
      return { status: 'unreadable', problems: snapshot.result.problems, message: problemsMessage(snapshot.result.problems) };
    }
    const data = snapshot.result.data;
    // Validation joins the justifications to warnings and infos; errors must be corrected instead.
    const result = explainTypedFormulas(validate(data, { catalogue, units, ...(quarter !== undefined ? { quarter } : {}) }), snapshot.typedFormulas);
    queueWriteMarks(context, snapshot, data, result, { lang, now: now(), catalogue });
    await context.sync();
    return { status: 'checked', result, acknowledged: snapshot.acknowledged, syncs: 2 };
  });
}
