/**
 * A ReturnChecker held in memory, for the Check panel's logic: it answers what a test sets,
 * records every call, and keeps justifications and acknowledgements the way the workbook would (by flag key).
 */
import { flagKey, type CheckResult, type Flag, type Severity } from '../../../src/domain/flags';
import type { CheckOutcome, Lang, ReturnChecker } from '../../../src/workbook/port';

export function flag(rule: string, severity: Severity, cellName: string | null, indicator: string | null = '2.8'): Flag {
  return {
    rule,
    severity,
    indicator,
    column: cellName?.split('_').pop() ?? null,
    cellName,
    cell: cellName ? `'Phụ lục 01'!E${30 + rule.length}` : null,
    message: { vi: `thông điệp ${rule}`, en: `message ${rule}` },
    suggestion: { vi: `cách sửa ${rule}`, en: `fix ${rule}` },
    key: flagKey(rule, cellName),
  };
}

export function result(flags: Flag[], quarter: number | null = 1): CheckResult {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of flags) counts[f.severity]++;
  return { flags, assessment: [], quarter, counts };
}

export interface Call {
  method: keyof ReturnChecker;
  args: unknown[];
}

export class InMemoryChecker implements ReturnChecker {
  calls: Call[] = [];
  /** What the next checks answer; the flags get the stored justifications, as the real checker does. */
  flags: Flag[] = [];
  unreadable: { vi: string; en: string } | null = null;
  /** The quarter CT_QUARTER holds. */
  quarter: number | null = 1;
  justifications = new Map<string, string>();
  provisional = new Map<string, boolean>();
  /** The workbook's `chitieu.acknowledged`: what saveAcknowledged stored, given back by each check. */
  acknowledged: string[] = [];
  /** Set to make the named method throw once. */
  failNext: { method: keyof ReturnChecker; error: unknown } | null = null;
  /** Set to hold checkReturn until released. */
  gate: Promise<void> | null = null;

  private maybeFail(method: keyof ReturnChecker) {
    if (this.failNext?.method !== method) return;
    const { error } = this.failNext;
    this.failNext = null;
    throw error;
  }

  async checkReturn(options: { quarter?: number; lang?: Lang } = {}): Promise<CheckOutcome> {
    this.calls.push({ method: 'checkReturn', args: [options] });
    if (this.gate) await this.gate;
    this.maybeFail('checkReturn');
    if (this.unreadable) return { status: 'unreadable', problems: [{ kind: 'notAReturn' }], message: this.unreadable };
    const flags = this.flags.map((f) => (this.justifications.has(f.key) ? { ...f, justification: this.justifications.get(f.key)! } : f));
    return { status: 'checked', result: result(flags, options.quarter ?? this.quarter), acknowledged: [...this.acknowledged], syncs: 2 };
  }

  async selectCell(cellName: string): Promise<void> {
    this.calls.push({ method: 'selectCell', args: [cellName] });
    this.maybeFail('selectCell');
  }

  async saveJustification(key: string, text: string): Promise<void> {
    this.calls.push({ method: 'saveJustification', args: [key, text] });
    this.maybeFail('saveJustification');
    this.justifications.set(key, text);
  }

  async setProvisional(cellName: string, on: boolean): Promise<void> {
    this.calls.push({ method: 'setProvisional', args: [cellName, on] });
    this.maybeFail('setProvisional');
    this.provisional.set(cellName, on);
  }

  async saveAcknowledged(keys: string[]): Promise<void> {
    this.calls.push({ method: 'saveAcknowledged', args: [keys] });
    this.maybeFail('saveAcknowledged');
    this.acknowledged = [...keys];
  }

  called(method: keyof ReturnChecker): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}
