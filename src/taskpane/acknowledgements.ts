/**
 * The warnings a person reviewed and found needing no justification: one record for the whole
 * pane, so a tick in Kiểm tra shows in Gửi at once and the other way round (issue 12, item 7).
 * Each change is saved to the workbook straight away (setting `chitieu.acknowledged`, the record
 * that travels with the file); each read of the workbook (a check, the Gửi review) is adopted,
 * except for changes still being saved, which a read made before them cannot know about.
 */
export interface Acknowledgements {
  get(): ReadonlySet<string>;
  subscribe(listener: () => void): () => void;
  /** Tick or untick; resolves once the workbook holds it, rejects (and undoes it) when it refused. */
  set(key: string, on: boolean): Promise<void>;
  /** What a read of the workbook found. */
  adopt(keys: readonly string[]): void;
}

export function createAcknowledgements(save: (keys: string[]) => Promise<void>, initial: readonly string[] = []): Acknowledgements {
  let current: ReadonlySet<string> = new Set(initial);
  const listeners = new Set<() => void>();
  // key → the state being saved, and how many saves of it are under way.
  const unsaved = new Map<string, { on: boolean; saves: number }>();
  const publish = (next: ReadonlySet<string>) => {
    current = next;
    for (const l of [...listeners]) l();
  };
  const withKey = (base: ReadonlySet<string>, key: string, on: boolean) => {
    const next = new Set(base);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  };

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async set(key, on) {
      const was = current.has(key);
      const entry = unsaved.get(key) ?? { on, saves: 0 };
      entry.on = on;
      entry.saves++;
      unsaved.set(key, entry);
      publish(withKey(current, key, on));
      try {
        await save([...current]);
      } catch (error) {
        // The screen must not claim what the workbook does not hold.
        if (unsaved.get(key)?.on === on) publish(withKey(current, key, was));
        throw error;
      } finally {
        if (--entry.saves === 0 && unsaved.get(key) === entry) unsaved.delete(key);
      }
    },
    adopt(keys) {
      let next: ReadonlySet<string> = new Set(keys);
      for (const [key, { on }] of unsaved) next = withKey(next, key, on);
      const same = next.size === current.size && [...next].every((k) => current.has(k));
      if (!same) publish(next);
    },
  };
}
