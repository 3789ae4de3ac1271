/**
 * The preview's workbook survives a reload (issue 12, item 10): kept in this browser's
 * localStorage, as Excel keeps a saved file. Written shortly after each change and when the page
 * goes away; a stored workbook that cannot be read is dropped and the page starts empty.
 */
import { createFakeExcel, type FakeExcelHost } from '../../tests/fakes/fakeExcel';
import { deserializeWorkbook, serializeWorkbook } from '../../tests/fakes/persist';

export const PREVIEW_WORKBOOK_KEY = 'chitieu.preview.workbook';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The stored workbook, or a new one. */
export function openPreviewWorkbook(storage: Storage | null): FakeExcelHost {
  const text = safely(() => storage?.getItem(PREVIEW_WORKBOOK_KEY) ?? null);
  if (text) {
    try {
      return createFakeExcel({ workbook: deserializeWorkbook(text) });
    } catch {
      safely(() => storage?.removeItem(PREVIEW_WORKBOOK_KEY));
    }
  }
  return createFakeExcel();
}

/** Keeps the host's workbook in storage from now on; returns `flush` (write now) and `forget` (start afresh). */
export function keepPreviewWorkbook(host: FakeExcelHost, storage: Storage | null, target: Pick<Window, 'addEventListener'> | null) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let forgotten = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    // A quota too small for the workbook keeps the page working; only the reload loses it.
    if (!forgotten) safely(() => storage?.setItem(PREVIEW_WORKBOOK_KEY, serializeWorkbook(host.model)));
  };
  host.subscribe(() => {
    if (!timer) timer = setTimeout(flush, 300);
  });
  target?.addEventListener('pagehide', flush);
  return {
    flush,
    forget() {
      forgotten = true;
      safely(() => storage?.removeItem(PREVIEW_WORKBOOK_KEY));
    },
  };
}

function safely<T>(run: () => T): T | null {
  try {
    return run();
  } catch {
    return null;
  }
}
