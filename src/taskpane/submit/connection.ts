/**
 * Where the endpoint's URL and token are kept: the add-in's own storage on this computer
 * (localStorage of the add-in's origin), never the workbook, which travels by e-mail.
 */
export interface Connection {
  /** Base URL, e.g. "https://chitieu.mic.gov.vn"; empty when the return goes by e-mail. */
  url: string;
  token: string;
}

export interface ConnectionSettings {
  load(): Connection;
  save(connection: Connection): void;
  /** Whose connection it is: the form's hints speak to that person (only a reporter may leave it empty for e-mail). */
  purpose?: ConnectionPurpose;
}

export type ConnectionPurpose = 'submit' | 'review' | 'aggregate';

export const CONNECTION_KEY = 'chitieu.connection';
/** The reviewer's connection (Duyệt tab): its own token, so one computer may hold both. */
export const REVIEW_CONNECTION_KEY = 'chitieu.reviewConnection';

const EMPTY: Connection = { url: '', token: '' };

/** The browser's implementation; a storage that throws (blocked cookies) just keeps nothing. */
export function localStorageConnection(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof window !== 'undefined' ? window.localStorage : null,
  /** Another key keeps a second connection (the reviewer's, REVIEW_CONNECTION_KEY). */
  key: string = CONNECTION_KEY,
  purpose: ConnectionPurpose = key === REVIEW_CONNECTION_KEY ? 'review' : 'submit',
): ConnectionSettings {
  let memory = EMPTY;
  return {
    purpose,
    load() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return memory;
        const v = JSON.parse(raw) as Partial<Connection>;
        return { url: typeof v.url === 'string' ? v.url : '', token: typeof v.token === 'string' ? v.token : '' };
      } catch {
        return memory;
      }
    },
    save(connection) {
      memory = { url: connection.url.trim(), token: connection.token.trim() };
      try {
        storage?.setItem(key, JSON.stringify(memory));
      } catch {
        // kept in memory for this session only
      }
    },
  };
}

export function inMemoryConnection(initial: Connection = EMPTY): ConnectionSettings {
  let value = initial;
  return { load: () => value, save: (c) => (value = { url: c.url.trim(), token: c.token.trim() }) };
}

/** http(s) only; trailing slashes dropped. null when not a usable URL. */
export function normaliseUrl(text: string): string | null {
  const t = text.trim();
  if (!/^https?:\/\/[^\s/]+/i.test(t)) return null;
  try {
    return new URL(t).toString().replace(/\/+$/, '');
  } catch {
    return null;
  }
}
