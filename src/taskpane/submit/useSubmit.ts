/** The Gửi panel's state for React: the submit controller (submitController.ts), started while the panel is mounted. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Lang, ReturnSubmitter } from '../../workbook/port';
import type { Acknowledgements } from '../acknowledgements';
import type { ConnectionSettings } from './connection';
import { downloadText } from './download';
import { createSubmitController, initialSubmitView, type SubmitView } from './submitController';

export { canSend, openWarnings, type Busy, type Notice, type Review } from './submitController';

export interface SubmitControls extends SubmitView {
  acknowledge(key: string, on: boolean): void;
  reread(): void;
  submit(options?: { replacePending?: boolean }): void;
  /** Send the waiting submission as it is (the person's answer to "the return changed"). */
  sendPending(): void;
  /** Try the waiting submission again now (asks first if the return changed). */
  retryNow(): void;
  dismiss(): void;
}

export interface UseSubmitOptions {
  fetch?: typeof fetch;
  lang: Lang;
  /** For tests: the timer (default setTimeout). */
  schedule?: (run: () => void, ms: number) => () => void;
  download?: typeof downloadText;
  /** The pane's one record of acknowledged warnings (shared with the Kiểm tra tab). */
  acknowledgements?: Acknowledgements;
}

export function useSubmit(submitter: ReturnSubmitter, connection: ConnectionSettings, options: UseSubmitOptions): SubmitControls {
  const [view, setView] = useState<SubmitView>(initialSubmitView);
  const latest = useRef(options);
  latest.current = options;
  const controller = useMemo(
    () =>
      createSubmitController(
        submitter,
        connection,
        {
          lang: () => latest.current.lang,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.schedule ? { schedule: options.schedule } : {}),
          ...(options.download ? { download: options.download } : {}),
          ...(options.acknowledgements ? { acknowledgements: options.acknowledgements } : {}),
        },
        setView,
      ),
    // The controller lives as long as its submitter and connection; options are read when used.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [submitter, connection],
  );
  useEffect(() => {
    void controller.start();
    return () => controller.stop();
  }, [controller]);

  // Stable per controller: the panel re-reads on tab show through an effect that depends on reread.
  const actions = useMemo(
    () => ({
      acknowledge: controller.acknowledge,
      reread: () => void controller.reread(),
      submit: (o?: { replacePending?: boolean }) => void controller.submit(o),
      sendPending: () => void controller.sendWaiting(),
      retryNow: () => void controller.retryNow(),
      dismiss: controller.dismiss,
    }),
    [controller],
  );
  return useMemo(() => ({ ...view, ...actions }), [view, actions]);
}
