import type { ReturnChecker } from '../../workbook/port';

/**
 * A checker whose code (validation, assessment, the "Kiểm tra" sheet) is fetched on first use,
 * so it does not weigh on the pane's first load. A failed fetch (offline) is retried next time.
 */
export function lazyChecker(load: () => Promise<ReturnChecker>): ReturnChecker {
  let loading: Promise<ReturnChecker> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return {
    checkReturn: async (options) => (await get()).checkReturn(options),
    selectCell: async (cellName) => (await get()).selectCell(cellName),
    saveJustification: async (key, text) => (await get()).saveJustification(key, text),
    setProvisional: async (cellName, on) => (await get()).setProvisional(cellName, on),
    saveAcknowledged: async (keys) => (await get()).saveAcknowledged(keys),
  };
}
