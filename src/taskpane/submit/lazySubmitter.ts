import type { ReturnSubmitter } from '../../workbook/port';

/**
 * A submitter whose code (payload schema, validation, the receipt sheet, the HTTP client) is
 * fetched on first use, so it does not weigh on the pane's first load. A failed fetch is retried.
 */
export function lazySubmitter(load: () => Promise<ReturnSubmitter>): ReturnSubmitter {
  let loading: Promise<ReturnSubmitter> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return {
    review: async (options) => (await get()).review(options),
    prepare: async (options) => (await get()).prepare(options),
    send: async (config, options) => (await get()).send(config, options),
    pending: async () => (await get()).pending(),
    exportForEmail: async (options) => (await get()).exportForEmail(options),
  };
}
