/**
 * Opening the preview page on a workbook that is not empty when the pane starts: the page builds
 * its fake workbook as it loads, so an init script catches it as it is published on
 * window.__chitieuHost (before the pane mounts) and puts the given workbook settings in it, the
 * way a reporter's workbook keeps its last receipt. localStorage entries stand for what this
 * computer already keeps (the endpoint and token saved in the Gửi tab earlier).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Seed {
  /** Workbook settings (Office.js workbook.settings), by key. */
  settings?: Record<string, unknown>;
  /** This browser's localStorage, by key (values as stored: strings). */
  localStorage?: Record<string, string>;
}

export async function openSeededPreview(context: BrowserContext, url: string, seed: Seed): Promise<Page> {
  await context.addInitScript((s: Seed) => {
    for (const [key, value] of Object.entries(s.localStorage ?? {})) window.localStorage.setItem(key, value);
    let host: unknown;
    Object.defineProperty(window, '__chitieuHost', {
      configurable: true,
      get: () => host,
      set(value: { model: { settings: { key: string; value: unknown; deleted: boolean }[] } }) {
        for (const [key, v] of Object.entries(s.settings ?? {})) value.model.settings.push({ key, value: v, deleted: false });
        host = value;
      },
    });
  }, seed);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
