/**
 * The Gửi panel's state and actions: what stops sending (from a read-only review of the workbook),
 * the person's acknowledgements, preparing and sending with automatic retries (backoff) while
 * the pane is open, resuming a pending submission when the pane opens, and exporting for e-mail.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Flag } from '../../domain/flags';
import type { ApiError, Receipt } from '../../domain/payload/api';
import { retryDelayMs } from '../../submit/client';
import type { Lang, PendingSubmissionInfo, ReturnSubmitter, SubmissionState } from '../../workbook/port';
import type { ConnectionSettings } from './connection';
import { downloadText } from './download';

export type Busy = null | 'reviewing' | 'preparing' | 'sending' | 'exporting';

export type Notice =
  | { kind: 'accepted'; receipt: Receipt }
  | { kind: 'refused'; httpStatus: number; error: ApiError; keptPending: boolean }
  | { kind: 'exported'; names: { json: string; csv: string } }
  | { kind: 'pendingDiffers'; pending: PendingSubmissionInfo }
  | { kind: 'unreadable'; message: { vi: string; en: string } }
  | { kind: 'failed'; error: unknown };

export interface Review {
  errors: Flag[];
  warnings: Flag[];
}

/** Warnings neither justified in the workbook nor acknowledged: they stop sending. */
export function openWarnings(review: Review | null, acknowledged: ReadonlySet<string>): Flag[] {
  return review ? review.warnings.filter((f) => !f.justification?.trim() && !acknowledged.has(f.key)) : [];
}

export function canSend(review: Review | null, acknowledged: ReadonlySet<string>): boolean {
  return review !== null && review.errors.length === 0 && openWarnings(review, acknowledged).length === 0;
}

export interface SubmitControls {
  busy: Busy;
  attempt: number;
  review: Review | null;
  state: SubmissionState | null;
  acknowledged: ReadonlySet<string>;
  notice: Notice | null;
  nextRetryAt: number | null;
  acknowledge(key: string, on: boolean): void;
  reread(): void;
  submit(options?: { replacePending?: boolean }): void;
  sendPending(): void;
  dismiss(): void;
}

export interface UseSubmitOptions {
  fetch?: typeof fetch;
  lang: Lang;
  /** For tests: the timer (default setTimeout). */
  schedule?: (run: () => void, ms: number) => () => void;
  download?: typeof downloadText;
}

const defaultSchedule = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export function useSubmit(submitter: ReturnSubmitter, connection: ConnectionSettings, options: UseSubmitOptions): SubmitControls {
  const { lang } = options;
  const [busy, setBusy] = useState<Busy>(null);
  const [attempt, setAttempt] = useState(0);
  const [review, setReview] = useState<Review | null>(null);
  const [state, setState] = useState<SubmissionState | null>(null);
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);
  const mounted = useRef(true);
  const cancelRetry = useRef<(() => void) | null>(null);
  const running = useRef(false);
  const latest = useRef({ acknowledged, lang, options });
  latest.current = { acknowledged, lang, options };
  // Ticks made here and not yet stored (prepare and export store them). The workbook's setting is
  // the one record, which the Kiểm tra tab writes at once: every read takes it, keeping only these.
  const ownTicks = useRef(new Map<string, boolean>());
  const adoptAcknowledged = useCallback((stored: string[]) => {
    const next = new Set(stored);
    for (const [key, on] of ownTicks.current) {
      // Once the workbook agrees, the tick is no longer ours: a later change in Kiểm tra wins.
      if (next.has(key) === on) ownTicks.current.delete(key);
      else if (on) next.add(key);
      else next.delete(key);
    }
    setAcknowledged(next);
  }, []);

  const clearRetry = () => {
    cancelRetry.current?.();
    cancelRetry.current = null;
    setNextRetryAt(null);
  };

  const send = useCallback(
    async (manual: boolean): Promise<void> => {
      const config = connection.load();
      if (!config.url || running.current) return;
      running.current = true;
      clearRetry();
      setBusy('sending');
      try {
        const before = await submitter.pending();
        if (!mounted.current) return;
        setState(before);
        if (!before.pending) return;
        setAttempt(before.pending.attempts + 1);
        const { fetch, schedule = defaultSchedule } = latest.current.options;
        const outcome = await submitter.send(config, { ...(fetch ? { fetch } : {}), lang: latest.current.lang, show: manual });
        if (!mounted.current) return;
        switch (outcome.status) {
          case 'accepted':
            setNotice({ kind: 'accepted', receipt: outcome.receipt });
            setState((s) => (s ? { ...s, pending: null, lastReceipt: outcome.receipt } : s));
            break;
          case 'unreachable': {
            setState((s) => (s ? { ...s, pending: outcome.pending } : s));
            setNotice(null);
            const delay = retryDelayMs(outcome.pending.attempts);
            setNextRetryAt(Date.now() + delay);
            cancelRetry.current = schedule(() => void send(false), delay);
            break;
          }
          case 'refused':
            setNotice({ kind: 'refused', httpStatus: outcome.httpStatus, error: outcome.error, keptPending: outcome.keptPending });
            setState(await submitter.pending());
            break;
          case 'nothing':
            break;
        }
      } catch (error) {
        if (mounted.current) setNotice({ kind: 'failed', error });
      } finally {
        running.current = false;
        if (mounted.current) setBusy(null);
      }
    },
    [submitter, connection],
  );

  const reread = useCallback(async () => {
    setBusy((b) => b ?? 'reviewing');
    try {
      const outcome = await submitter.review({});
      if (!mounted.current) return;
      if (outcome.status === 'unreadable') {
        setReview(null);
        setNotice({ kind: 'unreadable', message: outcome.message });
      } else {
        setReview({ errors: outcome.errors, warnings: outcome.warnings });
        setState(outcome.state);
        // Read on tab show: acknowledgements made in Kiểm tra since the panel opened show here.
        adoptAcknowledged(outcome.state.acknowledged);
        setNotice((n) => (n?.kind === 'unreadable' ? null : n));
      }
    } catch (error) {
      if (mounted.current) setNotice({ kind: 'failed', error });
    } finally {
      if (mounted.current) setBusy((b) => (b === 'reviewing' ? null : b));
    }
  }, [submitter, adoptAcknowledged]);

  // Opened: read what the workbook records (acknowledgements, a pending submission) and resume.
  useEffect(() => {
    mounted.current = true;
    void (async () => {
      try {
        const initial = await submitter.pending();
        if (!mounted.current) return;
        setState(initial);
        adoptAcknowledged(initial.acknowledged);
        if (initial.pending && connection.load().url) await send(false);
      } catch (error) {
        if (mounted.current) setNotice({ kind: 'failed', error });
      }
    })();
    return () => {
      mounted.current = false;
      cancelRetry.current?.();
    };
  }, [submitter, connection, send, adoptAcknowledged]);

  const submit = useCallback(
    async ({ replacePending = false }: { replacePending?: boolean } = {}) => {
      if (running.current) return;
      const config = connection.load();
      const ack = [...latest.current.acknowledged];
      const lang = latest.current.lang;
      setNotice(null);
      try {
        if (!config.url) {
          setBusy('exporting');
          const outcome = await submitter.exportForEmail({ acknowledged: ack, lang });
          if (!mounted.current) return;
          if (outcome.status === 'exported') {
            ownTicks.current.clear(); // stored in the workbook now
            const download = latest.current.options.download ?? downloadText;
            download(outcome.names.json, outcome.json, 'application/json');
            download(outcome.names.csv, outcome.csv, 'text/csv;charset=utf-8');
            setNotice({ kind: 'exported', names: outcome.names });
            setState(await submitter.pending());
          } else if (outcome.status === 'blocked') await reread();
          else setNotice({ kind: 'unreadable', message: outcome.message });
          return;
        }
        setBusy('preparing');
        const prepared = await submitter.prepare({ acknowledged: ack, lang, replacePending });
        if (!mounted.current) return;
        switch (prepared.status) {
          case 'ready':
            ownTicks.current.clear(); // stored in the workbook now
            setState((s) => (s ? { ...s, pending: prepared.pending } : s));
            setBusy(null);
            await send(true);
            return;
          case 'blocked':
            // The workbook changed since it was read: show what stops sending now.
            await reread();
            return;
          case 'pendingDiffers':
            setNotice({ kind: 'pendingDiffers', pending: prepared.pending });
            return;
          case 'unreadable':
            setNotice({ kind: 'unreadable', message: prepared.message });
            return;
        }
      } catch (error) {
        if (mounted.current) setNotice({ kind: 'failed', error });
      } finally {
        if (mounted.current) setBusy((b) => (b === 'preparing' || b === 'exporting' ? null : b));
      }
    },
    [submitter, connection, send, reread],
  );

  return useMemo(
    () => ({
      busy,
      attempt,
      review,
      state,
      acknowledged,
      notice,
      nextRetryAt,
      acknowledge: (key: string, on: boolean) => {
        ownTicks.current.set(key, on);
        setAcknowledged((prev) => {
          const next = new Set(prev);
          if (on) next.add(key);
          else next.delete(key);
          return next;
        });
      },
      reread,
      submit: (o?: { replacePending?: boolean }) => void submit(o),
      sendPending: () => {
        setNotice(null);
        void send(true);
      },
      dismiss: () => setNotice(null),
    }),
    [busy, attempt, review, state, acknowledged, notice, nextRetryAt, reread, submit, send],
  );
}
