/**
 * What every request context of one fake host shares: the workbook, the API version it claims,
 * the counters, and the listeners told after a sync that changed something.
 */
import type { WorkbookState } from './model';

export interface FakeHostOptions {
  /** Highest ExcelApi requirement set the fake claims, e.g. "1.9" (the default) or "1.10". */
  apiVersion?: string;
  /**
   * Office.js keeps a value you assign on the proxy, so reading it back without a load returns
   * what you wrote (not what Excel made of it). The default (false) is stricter: the property
   * reads as not loaded until it is loaded and synced, which catches code that trusts its own
   * writes. Set true to behave exactly like Office.js.
   */
  reflectWritesInProxy?: boolean;
  /** Sheets the workbook starts with (a new Excel workbook has "Sheet1"). */
  sheets?: string[];
  /** A workbook kept from before (persist.ts): the host opens it instead of a new one. */
  workbook?: import('./model').WorkbookState;
}

export interface WorksheetChangedArgs {
  type: 'WorksheetChanged';
  changeType: string;
  source: 'Local';
  worksheetId: string;
  address: string;
}

export interface HostCore {
  wb: WorkbookState;
  apiVersion: string;
  reflectWritesInProxy: boolean;
  counters: { syncs: number; queued: number };
  notify(): void;
  /**
   * Handlers registered with `worksheets.onChanged.add` (ExcelApi 1.9). A person's typing
   * (`editCell`) raises the event, after the change, never inside a batch, as Excel does.
   */
  worksheetChanged: Set<(args: WorksheetChangedArgs) => unknown>;
}

/** One sync's execution: the workbook, and what to publish to proxies if the whole batch succeeds. */
export interface Execution {
  readonly core: HostCore;
  readonly wb: WorkbookState;
  /** Runs after every operation of the batch succeeded (Office.js publishes results per request). */
  commit(fn: () => void): void;
}

export interface QueuedOperation {
  /** "Range.values", "WorksheetCollection.add": Office.js's debugInfo.errorLocation. */
  location: string;
  /** ExcelApi version the member needs; older hosts reject it at sync with ApiNotFound. */
  api?: string;
  /** Whether the operation can change the workbook (for telling listeners). */
  mutates: boolean;
  run(exec: Execution): void;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function supportsApi(core: HostCore, version: string): boolean {
  return compareVersions(core.apiVersion, version) >= 0;
}
