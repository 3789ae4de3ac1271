/**
 * The Gửi panel's logic without React: what stops sending (a read-only review of the workbook),
 * the person's acknowledgements, preparing and sending with automatic retries (backoff) while the
 * pane is open, resuming a pending submission when the pane opens, and exporting for e-mail.
 *
 * Automatic sends (resume, retries) only send the pending payload while the return still says
 * what it says (`ifUnchanged`); when it changed, the person is asked (send the waiting one, or
 * replace it) and retries pause until they answer: an outdated payload never goes unasked.
 */
import type { Flag } from '../../domain/flags';
import type { ApiError, Receipt } from '../../domain/payload/api';
import { retryDelayMs } from '../../submit/client';
import type { Lang, PendingSubmissionInfo, ReturnSubmitter, SendOutcome, SubmissionState } from '../../workbook/port';
import { createAcknowledgements, type Acknowledgements } from '../acknowledgements';
import type { ConnectionSettings } from './connection';
import { downloadText } from './download';

export type Busy = null | 'reviewing' | 'preparing' | 'sending' | 'exporting';

export type Notice =
  | { kind: 'accepted'; receipt: Receipt }
  /** Gửi pressed with nothing changed since the last accepted submission: its receipt stands. */
  | { kind: 'unchanged'; receipt: Receipt }
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

export interface SubmitView {
  busy: Busy;
  attempt: number;
  review: Review | null;
  state: SubmissionState | null;
  acknowledged: ReadonlySet<string>;
  notice: Notice | null;
  nextRetryAt: number | null;
}

export const initialSubmitView: SubmitView = {
  busy: null,
  attempt: 0,
  review: null,
  state: null,
  acknowledged: new Set(),
  notice: null,
  nextRetryAt: null,
};

export interface SubmitDeps {
  lang(): Lang;
  fetch?: typeof fetch;
  /** The timer (default setTimeout); returns a cancel function. */
  schedule?: (run: () => void, ms: number) => () => void;
  download?: typeof downloadText;
  now?: () => number;
  /**
   * The pane's one record of acknowledged warnings (shared with Kiểm tra, saved at once). Without
   * it the panel keeps its own, stored with the submission when Gửi is pressed.
   */
  acknowledgements?: Acknowledgements;
}

export interface SubmitController {
  /** The pane opened: read what the workbook records and resume a pending submission. */
  start(): Promise<void>;
  /** The pane closed: no more retries, late answers dropped. */
  stop(): void;
  reread(): Promise<void>;
  submit(options?: { replacePending?: boolean }): Promise<void>;
  /** The person asked for the waiting submission to go as it is ("Gửi bản đang chờ"). */
  sendWaiting(): Promise<void>;
  /** "Thử lại ngay": send now, but ask first if the return changed since. */
  retryNow(): Promise<void>;
  acknowledge(key: string, on: boolean): void;
  dismiss(): void;
  view(): SubmitView;
}

const MAX_RETRY_MS = 300_000;

const defaultSchedule = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export function createSubmitController(
  submitter: ReturnSubmitter,
  connection: ConnectionSettings,
  deps: SubmitDeps,
  publish: (view: SubmitView) => void,
): SubmitController {
  let view = initialSubmitView;
  let live = true;
  let running = false;
  let cancelRetry: (() => void) | null = null;
  const ticks = deps.acknowledgements ?? createAcknowledgements(async () => undefined);
  let unsubscribe: (() => void) | null = null;
  const schedule = deps.schedule ?? defaultSchedule;
  const now = deps.now ?? Date.now;

  const set = (patch: Partial<SubmitView> | ((v: SubmitView) => Partial<SubmitView>)) => {
    if (!live) return;
    view = { ...view, ...(typeof patch === 'function' ? patch(view) : patch) };
    publish(view);
  };
  // Read on tab show and on open: acknowledgements made in Kiểm tra, or in another session, show here.
  const adoptAcknowledged = (stored: string[]) => ticks.adopt(stored);
  const clearRetry = () => {
    cancelRetry?.();
    cancelRetry = null;
    set({ nextRetryAt: null });
  };
  /** While the person is asked about a changed return, nothing goes by itself. */
  const asking = () => view.notice?.kind === 'pendingDiffers';

  const scheduleRetry = (attempts: number, retryAfterMs: number | null = null) => {
    if (asking()) return;
    // A busy server's Retry-After is honoured, within the backoff's own ceiling.
    const delay = Math.min(MAX_RETRY_MS, Math.max(retryDelayMs(attempts), retryAfterMs ?? 0));
    set({ nextRetryAt: now() + delay });
    cancelRetry = schedule(() => {
      cancelRetry = null;
      if (live && !asking()) void send({ show: false, ifUnchanged: true });
    }, delay);
  };

  const onSent = async (outcome: SendOutcome) => {
    switch (outcome.status) {
      case 'accepted':
        set((v) => ({
          notice: { kind: 'accepted', receipt: outcome.receipt },
          state: v.state ? { ...v.state, pending: null, lastReceipt: outcome.receipt } : v.state,
        }));
        break;
      case 'unreachable':
        set((v) => ({ state: v.state ? { ...v.state, pending: outcome.pending } : v.state, notice: null }));
        scheduleRetry(outcome.pending.attempts, outcome.retryAfterMs ?? null);
        break;
      case 'refused':
        set({ notice: { kind: 'refused', httpStatus: outcome.httpStatus, error: outcome.error, keptPending: outcome.keptPending } });
        set({ state: await submitter.pending() });
        break;
      case 'changed':
        clearRetry();
        set({ notice: { kind: 'pendingDiffers', pending: outcome.pending } });
        break;
      case 'nothing':
        break;
    }
  };

  async function send({ show, ifUnchanged }: { show: boolean; ifUnchanged: boolean }): Promise<void> {
    const config = connection.load();
    if (!config.url || running || !live) return;
    running = true;
    clearRetry();
    set({ busy: 'sending' });
    try {
      const before = await submitter.pending();
      if (!live) return;
      set({ state: before });
      if (!before.pending) return;
      set({ attempt: before.pending.attempts + 1 });
      const outcome = await submitter.send(config, { ...(deps.fetch ? { fetch: deps.fetch } : {}), lang: deps.lang(), show, ifUnchanged });
      if (live) await onSent(outcome);
    } catch (error) {
      set({ notice: { kind: 'failed', error } });
    } finally {
      running = false;
      set((v) => ({ busy: v.busy === 'sending' ? null : v.busy }));
    }
  }

  async function reread(): Promise<void> {
    set((v) => ({ busy: v.busy ?? 'reviewing' }));
    try {
      const outcome = await submitter.review({});
      if (!live) return;
      if (outcome.status === 'unreadable') set({ review: null, notice: { kind: 'unreadable', message: outcome.message } });
      else {
        set((v) => ({
          review: { errors: outcome.errors, warnings: outcome.warnings },
          state: outcome.state,
          notice: v.notice?.kind === 'unreadable' ? null : v.notice,
        }));
        adoptAcknowledged(outcome.state.acknowledged);
      }
    } catch (error) {
      set({ notice: { kind: 'failed', error } });
    } finally {
      set((v) => ({ busy: v.busy === 'reviewing' ? null : v.busy }));
    }
  }

  async function exportForEmail(ack: string[], lang: Lang): Promise<void> {
    set({ busy: 'exporting' });
    const outcome = await submitter.exportForEmail({ acknowledged: ack, lang });
    if (!live) return;
    if (outcome.status === 'exported') {
      const download = deps.download ?? downloadText;
      download(outcome.names.json, outcome.json, 'application/json');
      download(outcome.names.csv, outcome.csv, 'text/csv;charset=utf-8');
      set({ notice: { kind: 'exported', names: outcome.names } });
      set({ state: await submitter.pending() });
    } else if (outcome.status === 'blocked') await reread();
    else set({ notice: { kind: 'unreadable', message: outcome.message } });
  }

  async function submit({ replacePending = false }: { replacePending?: boolean } = {}): Promise<void> {
    if (running) return;
    const config = connection.load();
    const ack = [...ticks.get()];
    const lang = deps.lang();
    set({ notice: null });
    try {
      if (!config.url) return await exportForEmail(ack, lang);
      set({ busy: 'preparing' });
      const prepared = await submitter.prepare({ acknowledged: ack, lang, replacePending });
      if (!live) return;
      switch (prepared.status) {
        case 'ready':
          set((v) => ({ state: v.state ? { ...v.state, pending: prepared.pending } : v.state, busy: null }));
          // The person pressed Gửi on what the workbook says now: no need to ask again.
          await send({ show: true, ifUnchanged: false });
          return;
        case 'blocked':
          // The workbook changed since it was read: show what stops sending now.
          await reread();
          return;
        case 'pendingDiffers':
          clearRetry();
          set({ notice: { kind: 'pendingDiffers', pending: prepared.pending } });
          return;
        case 'unreadable':
          set({ notice: { kind: 'unreadable', message: prepared.message } });
          return;
        case 'unchanged':
          set({ notice: { kind: 'unchanged', receipt: prepared.receipt } });
          return;
      }
    } catch (error) {
      set({ notice: { kind: 'failed', error } });
    } finally {
      set((v) => ({ busy: v.busy === 'preparing' || v.busy === 'exporting' ? null : v.busy }));
    }
  }

  return {
    async start() {
      live = true;
      unsubscribe ??= ticks.subscribe(() => set({ acknowledged: ticks.get() }));
      set({ acknowledged: ticks.get() });
      try {
        const initial = await submitter.pending();
        if (!live) return;
        set({ state: initial });
        adoptAcknowledged(initial.acknowledged);
        if (initial.pending && connection.load().url) await send({ show: false, ifUnchanged: true });
      } catch (error) {
        set({ notice: { kind: 'failed', error } });
      }
    },
    stop() {
      cancelRetry?.();
      cancelRetry = null;
      unsubscribe?.();
      unsubscribe = null;
      live = false;
    },
    reread,
    submit,
    async sendWaiting() {
      set({ notice: null });
      await send({ show: true, ifUnchanged: false });
    },
    async retryNow() {
      set({ notice: null });
      await send({ show: true, ifUnchanged: true });
    },
    acknowledge(key, on) {
      ticks.set(key, on).catch((error: unknown) => set({ notice: { kind: 'failed', error } }));
    },
    dismiss: () => set({ notice: null }),
    view: () => view,
  };
}
