import type { SummaryWriter } from '../../workbook/excel/summary/writeSummary';

/**
 * A summary writer whose code (the summary plan, the renderer's summary parts) is fetched on
 * first use, as lazyChecker does for the checker. A failed fetch (offline) is retried next time.
 */
export function lazySummaryWriter(load: () => Promise<SummaryWriter>): SummaryWriter {
  let loading: Promise<SummaryWriter> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return { writeSummary: async (summary, options) => (await get()).writeSummary(summary, options) };
}
