import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CreateReturnRequest, ReturnWorkbook } from '../workbook/port';
import { flowReducer, initialFlow, type CreateFlow, type WorkbookState } from './createFlow';

export interface ReturnWorkbookState {
  workbookState: WorkbookState;
  flow: CreateFlow;
  /** Reads the workbook again (a person may have typed since). */
  refresh(): void;
  create(request: Omit<CreateReturnRequest, 'replace'>): void;
  confirmReplace(): void;
  cancel(): void;
  dismiss(): void;
}

const CHANGE_PAUSE_MS = 400;

/** Drives the workbook port for the task pane: reads what exists on mount and after each creation. */
export function useReturnWorkbook(workbook: ReturnWorkbook): ReturnWorkbookState {
  const [workbookState, setWorkbookState] = useState<WorkbookState>({ phase: 'reading' });
  const [flow, dispatch] = useReducer(flowReducer, initialFlow);
  const mounted = useRef(true);
  const reads = useRef(0);

  const readWorkbook = useCallback(async () => {
    // Only the latest read may answer: an older one finishing late would show a stale sheet.
    const ticket = ++reads.current;
    setWorkbookState({ phase: 'reading' });
    try {
      const existing = await workbook.findExistingReturn();
      if (mounted.current && ticket === reads.current) setWorkbookState({ phase: 'read', existing });
    } catch (error) {
      if (mounted.current && ticket === reads.current) setWorkbookState({ phase: 'failed', error });
    }
  }, [workbook]);

  useEffect(() => {
    mounted.current = true;
    void readWorkbook();
    // In Excel the pane's window regains focus when a person comes back from typing in cells.
    const onFocus = () => void readWorkbook();
    window.addEventListener('focus', onFocus);
    // Where the host tells about a person's typing, the summary follows it: one read after a pause,
    // not one per keystroke.
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stop: (() => void) | null = null;
    let gone = false;
    void workbook
      .watchChanges?.(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void readWorkbook(), CHANGE_PAUSE_MS);
      })
      .then((s) => (gone ? s?.() : (stop = s)))
      .catch(() => undefined);
    return () => {
      mounted.current = false;
      gone = true;
      window.removeEventListener('focus', onFocus);
      if (timer) clearTimeout(timer);
      stop?.();
    };
  }, [readWorkbook, workbook]);

  const run = useCallback(
    async (request: CreateReturnRequest) => {
      dispatch({ type: 'start', request });
      try {
        const result = await workbook.createReturn(request);
        if (!mounted.current) return;
        dispatch({ type: 'answered', result });
        if (result.status === 'created') void readWorkbook();
        else {
          reads.current++;
          setWorkbookState({ phase: 'read', existing: result.existing });
        }
      } catch (error) {
        if (mounted.current) dispatch({ type: 'failed', error });
      }
    },
    [workbook, readWorkbook],
  );

  const create = useCallback((request: Omit<CreateReturnRequest, 'replace'>) => {
    if (flow.phase === 'working') return;
    void run({ ...request, replace: false });
  }, [flow.phase, run]);

  const confirmReplace = useCallback(() => {
    if (flow.phase === 'confirm') void run({ ...flow.request, replace: true });
  }, [flow, run]);

  return {
    workbookState,
    flow,
    refresh: useCallback(() => void readWorkbook(), [readWorkbook]),
    create,
    confirmReplace,
    cancel: useCallback(() => dispatch({ type: 'cancel' }), []),
    dismiss: useCallback(() => dispatch({ type: 'dismiss' }), []),
  };
}
