/**
 * Where the Check panel stands, as a pure reducer: a check running, its last outcome (kept on
 * screen while a re-check runs), a failed side action, and what the person acknowledged.
 */
import type { CheckResult } from '../../domain/flags';
import type { CheckOutcome } from '../../workbook/port';

export type Shown =
  | { kind: 'none' }
  | { kind: 'checked'; result: CheckResult }
  | { kind: 'unreadable'; message: { vi: string; en: string } }
  | { kind: 'failed'; error: unknown };

export interface CheckState {
  checking: boolean;
  shown: Shown;
  /** CT_QUARTER as the last check without an override found it: what "as the return says" means. */
  returnQuarter: number | null;
  /** selectCell, saveJustification, setProvisional or saveAcknowledged refused; shown until the next action. */
  actionError: unknown;
  /**
   * Flag keys of warnings the person reviewed and found needing no justification. Keys are stable
   * across checks. A mirror of the workbook's setting `chitieu.acknowledged` (the one record, which
   * the Gửi panel reads too): each check replaces it with what the workbook holds.
   */
  acknowledged: ReadonlySet<string>;
  /** Cells the person marked or unmarked as provisional in this session. */
  provisional: Readonly<Record<string, boolean>>;
}

export type CheckEvent =
  | { type: 'start' }
  | { type: 'answered'; outcome: CheckOutcome; overridden: boolean }
  | { type: 'failed'; error: unknown }
  | { type: 'justified'; key: string; text: string }
  | { type: 'acknowledge'; key: string; on: boolean }
  | { type: 'provisional'; cellName: string; on: boolean }
  | { type: 'actionFailed'; error: unknown }
  | { type: 'dismissActionError' };

export const initialCheck: CheckState = { checking: false, shown: { kind: 'none' }, returnQuarter: null, actionError: null, acknowledged: new Set(), provisional: {} };

export function checkReducer(state: CheckState, event: CheckEvent): CheckState {
  switch (event.type) {
    case 'start':
      return state.checking ? state : { ...state, checking: true, actionError: null };
    case 'answered': {
      if (!state.checking) return state;
      const { outcome } = event;
      if (outcome.status === 'unreadable') return { ...state, checking: false, shown: { kind: 'unreadable', message: outcome.message } };
      return {
        ...state,
        checking: false,
        shown: { kind: 'checked', result: outcome.result },
        // The workbook is the truth: acknowledgements made in Gửi, or in another session, show here.
        acknowledged: new Set(outcome.acknowledged),
        returnQuarter: event.overridden ? state.returnQuarter : outcome.result.quarter,
      };
    }
    case 'failed':
      return state.checking ? { ...state, checking: false, shown: { kind: 'failed', error: event.error } } : state;
    case 'justified': {
      if (state.shown.kind !== 'checked') return state;
      const result = state.shown.result;
      const flags = result.flags.map((f) => (f.key === event.key ? { ...f, justification: event.text } : f));
      return { ...state, actionError: null, shown: { kind: 'checked', result: { ...result, flags } } };
    }
    case 'acknowledge': {
      const acknowledged = new Set(state.acknowledged);
      if (event.on) acknowledged.add(event.key);
      else acknowledged.delete(event.key);
      return { ...state, actionError: null, acknowledged };
    }
    case 'provisional':
      return { ...state, actionError: null, provisional: { ...state.provisional, [event.cellName]: event.on } };
    case 'actionFailed':
      return { ...state, actionError: event.error };
    case 'dismissActionError':
      return { ...state, actionError: null };
  }
}
