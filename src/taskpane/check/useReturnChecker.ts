import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { ReturnChecker } from '../../workbook/port';
import { checkActions, type CheckActions } from './checkActions';
import { checkReducer, initialCheck, type CheckState } from './checkState';

export interface ReturnCheckerControls extends Omit<CheckActions, 'acknowledge'> {
  state: CheckState;
  acknowledge(key: string, on: boolean): void;
  dismissActionError(): void;
}

/** The Check panel's state and the checker calls that change it. */
export function useReturnChecker(checker: ReturnChecker): ReturnCheckerControls {
  const [state, dispatch] = useReducer(checkReducer, initialCheck);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const actions = useMemo(() => checkActions(checker, dispatch, () => mounted.current), [checker]);
  return useMemo(
    () => ({
      ...actions,
      state,
      // Saved to the workbook as the complete set, from the set on screen when the box was ticked.
      acknowledge: (key: string, on: boolean) => void actions.acknowledge(key, on, state.acknowledged),
      dismissActionError: () => dispatch({ type: 'dismissActionError' }),
    }),
    [actions, state],
  );
}
