import type { CreateReturnRequest, CreateReturnResult, ExistingReturn } from '../workbook/port';

/**
 * Where "create the return" stands, as a pure reducer so every path (refused because a return
 * exists, confirmed, cancelled, failed) is testable without React or a workbook.
 */
export type CreateFlow =
  | { phase: 'idle' }
  | { phase: 'working'; request: CreateReturnRequest }
  /** A return exists; the person is asked before anything changes. */
  | { phase: 'confirm'; request: CreateReturnRequest; existing: ExistingReturn }
  | { phase: 'created'; sheetName: string; backupSheetName?: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

export type FlowEvent =
  | { type: 'start'; request: CreateReturnRequest }
  | { type: 'answered'; result: CreateReturnResult }
  | { type: 'failed'; error: unknown }
  | { type: 'cancel' }
  | { type: 'dismiss' };

export const initialFlow: CreateFlow = { phase: 'idle' };

export function flowReducer(state: CreateFlow, event: FlowEvent): CreateFlow {
  switch (event.type) {
    case 'start':
      // One request at a time: a second click while Excel works is ignored.
      return state.phase === 'working' ? state : { phase: 'working', request: event.request };
    case 'answered': {
      if (state.phase !== 'working') return state;
      const result = event.result;
      if (result.status === 'exists') return { phase: 'confirm', request: state.request, existing: result.existing };
      return { phase: 'created', sheetName: result.sheetName, ...(result.backupSheetName ? { backupSheetName: result.backupSheetName } : {}) };
    }
    case 'failed':
      return state.phase === 'working' ? { phase: 'failed', error: event.error } : state;
    case 'cancel':
      return state.phase === 'confirm' ? { phase: 'cancelled' } : state;
    case 'dismiss':
      return state.phase === 'working' || state.phase === 'confirm' ? state : initialFlow;
  }
}

/** What the workbook held when last read. */
export type WorkbookState =
  | { phase: 'reading' }
  | { phase: 'read'; existing: ExistingReturn | null }
  | { phase: 'failed'; error: unknown };
