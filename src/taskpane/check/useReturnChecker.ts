import { useEffect, useMemo, useReducer, useRef, useSyncExternalStore } from 'react';
import type { ReturnChecker } from '../../workbook/port';
import type { Acknowledgements } from '../acknowledgements';
import { checkActions, type CheckActions } from './checkActions';
import { checkReducer, initialCheck, type CheckEvent, type CheckState } from './checkState';

export interface ReturnCheckerControls extends Omit<CheckActions, 'acknowledge'> {
  state: CheckState;
  /** The warnings acknowledged: the pane's one record when it is given, else this panel's own. */
  acknowledged: ReadonlySet<string>;
  acknowledge(key: string, on: boolean): void;
  dismissActionError(): void;
}

const none = () => () => undefined;

/** The Check panel's state and the checker calls that change it. */
export function useReturnChecker(checker: ReturnChecker, shared?: Acknowledgements): ReturnCheckerControls {
  const [state, dispatch] = useReducer(checkReducer, initialCheck);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const actions = useMemo(() => {
    // A check's reading of the workbook's acknowledgements goes to the pane's one record too.
    const send = (event: CheckEvent) => {
      if (shared && event.type === 'answered' && event.outcome.status === 'checked') shared.adopt(event.outcome.acknowledged);
      dispatch(event);
    };
    return checkActions(checker, send, () => mounted.current);
  }, [checker, shared]);
  const snapshot = () => shared?.get() ?? null;
  const sharedSet = useSyncExternalStore(shared?.subscribe ?? none, snapshot, snapshot);
  const acknowledged = sharedSet ?? state.acknowledged;
  return useMemo(
    () => ({
      ...actions,
      state,
      acknowledged,
      acknowledge: (key: string, on: boolean) => {
        if (shared) shared.set(key, on).catch((error: unknown) => mounted.current && dispatch({ type: 'actionFailed', error }));
        // Saved to the workbook as the complete set, from the set on screen when the box was ticked.
        else void actions.acknowledge(key, on, state.acknowledged);
      },
      dismissActionError: () => dispatch({ type: 'dismissActionError' }),
    }),
    [actions, state, acknowledged, shared],
  );
}
