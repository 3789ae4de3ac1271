/**
 * Every call the Check panel makes to the checker port, and what each answer does to the panel's
 * state. Plain functions over a dispatch, so they are tested with an in-memory checker, no React.
 */
import type { Lang, ReturnChecker } from '../../workbook/port';
import type { CheckEvent } from './checkState';

export interface CheckOptions {
  /** undefined: the quarter the return's own CT_QUARTER cell gives. */
  quarter?: number;
  lang: Lang;
}

export interface CheckActions {
  check(options: CheckOptions): Promise<void>;
  select(cellName: string): Promise<void>;
  /** Resolves true once the workbook holds the text, false when it refused (the error is shown). */
  justify(key: string, text: string): Promise<boolean>;
  /** Marks or unmarks, then checks again: the mark changes how the figure reads. */
  setProvisional(cellName: string, on: boolean): Promise<void>;
  /**
   * Shows the change at once and stores the complete set (`current` with this key changed) in the
   * workbook; if the workbook refuses, the change is undone and the error shown.
   */
  acknowledge(key: string, on: boolean, current: ReadonlySet<string>): Promise<void>;
}

/** `live` turns false when the panel is gone: late answers are then dropped. */
export function checkActions(checker: ReturnChecker, dispatch: (event: CheckEvent) => void, live: () => boolean = () => true): CheckActions {
  let running = false;
  let last: CheckOptions | null = null;
  const send = (event: CheckEvent) => live() && dispatch(event);

  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      send({ type: 'actionFailed', error });
      return false;
    }
  };

  const check = async (options: CheckOptions) => {
    // One check at a time: a second click while Excel works is ignored, as for creation.
    if (running) return;
    running = true;
    last = options;
    send({ type: 'start' });
    try {
      const outcome = await checker.checkReturn({ lang: options.lang, ...(options.quarter !== undefined ? { quarter: options.quarter } : {}) });
      send({ type: 'answered', outcome, overridden: options.quarter !== undefined });
    } catch (error) {
      send({ type: 'failed', error });
    } finally {
      running = false;
    }
  };

  return {
    check,
    select: async (cellName) => void (await attempt(() => checker.selectCell(cellName))),
    async justify(key, text) {
      const trimmed = text.trim();
      const saved = await attempt(() => checker.saveJustification(key, trimmed));
      if (saved) send({ type: 'justified', key, text: trimmed });
      return saved;
    },
    async setProvisional(cellName, on) {
      if (!(await attempt(() => checker.setProvisional(cellName, on)))) return;
      send({ type: 'provisional', cellName, on });
      if (last && live()) await check(last);
    },
    async acknowledge(key, on, current) {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      send({ type: 'acknowledge', key, on });
      try {
        await checker.saveAcknowledged([...next]);
      } catch (error) {
        // Undo only this key: the screen must not claim what the workbook does not hold.
        send({ type: 'acknowledge', key, on: !on });
        send({ type: 'actionFailed', error });
      }
    },
  };
}
