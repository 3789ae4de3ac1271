/**
 * The Gửi panel's pure parts and its first render (no DOM here): the connection kept out of the
 * workbook, the token masked, the button that becomes "export for e-mail" without an endpoint,
 * what blocks sending, and the lazily loaded submitter. Clicks run end to end in chromium
 * (tests/e2e/submit.e2e.test.ts).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { CONNECTION_KEY, inMemoryConnection, localStorageConnection, normaliseUrl } from '../../../src/taskpane/submit/connection';
import { lazySubmitter } from '../../../src/taskpane/submit/lazySubmitter';
import { SubmitPanel } from '../../../src/taskpane/submit/SubmitPanel';
import { canSend, openWarnings } from '../../../src/taskpane/submit/useSubmit';
import type { Lang, ReturnSubmitter, SubmissionState } from '../../../src/workbook/port';
import { flag } from './inMemoryChecker';

const EMPTY_STATE: SubmissionState = { pending: null, lastReceipt: null, final: null, acknowledged: [] };
const never = <T,>() => new Promise<T>(() => undefined);
const idle: ReturnSubmitter = {
  review: never,
  prepare: never,
  send: never,
  pending: async () => EMPTY_STATE,
  exportForEmail: never,
};

function render(element: ReactElement, lang: Lang = 'vi'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>{element}</LanguageProvider>
    </FluentProvider>,
  );
}
const text = (html: string) => html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the connection settings', () => {
  it('are kept in localStorage under chitieu.connection, trimmed', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const c = localStorageConnection(storage);
    expect(c.load()).toEqual({ url: '', token: '' });
    c.save({ url: ' https://x.gov.vn ', token: ' abc ' });
    expect(JSON.parse(store.get(CONNECTION_KEY)!)).toEqual({ url: 'https://x.gov.vn', token: 'abc' });
    expect(localStorageConnection(storage).load()).toEqual({ url: 'https://x.gov.vn', token: 'abc' });
  });

  it('a storage that throws keeps the connection in memory', () => {
    const c = localStorageConnection({ getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } });
    c.save({ url: 'https://x.gov.vn', token: 't' });
    expect(c.load()).toEqual({ url: 'https://x.gov.vn', token: 't' });
  });

  it('accepts http(s) URLs only, without a trailing slash', () => {
    expect(normaliseUrl('https://chitieu.mic.gov.vn/')).toBe('https://chitieu.mic.gov.vn');
    expect(normaliseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseUrl('ftp://x')).toBeNull();
    expect(normaliseUrl('chitieu.mic.gov.vn')).toBeNull();
  });
});

describe('what blocks sending', () => {
  const warning = flag('figure.jump', 'warning', 'CT_2_9_Q1', '2.9');
  const justified = { ...flag('intl.missing', 'warning', 'CT_2_9_Q1_INTL', '2.9'), justification: 'Chưa có số liệu.' };
  const error = flag('figure.notANumber', 'error', 'CT_2_8_Q1');

  it('nothing read yet, errors, or an open warning block; a justified or acknowledged warning does not', () => {
    expect(canSend(null, new Set())).toBe(false);
    expect(canSend({ errors: [error], warnings: [] }, new Set())).toBe(false);
    expect(openWarnings({ errors: [], warnings: [warning, justified] }, new Set()).map((f) => f.key)).toEqual([warning.key]);
    expect(canSend({ errors: [], warnings: [warning, justified] }, new Set())).toBe(false);
    expect(canSend({ errors: [], warnings: [warning, justified] }, new Set([warning.key]))).toBe(true);
  });
});

describe('the panel’s first render', () => {
  it('without an endpoint: the button exports for e-mail, the token field is masked, the storage is explained', () => {
    const html = render(<SubmitPanel submitter={idle} connection={inMemoryConnection()} />);
    expect(text(html)).toContain('Xuất file để gửi e-mail');
    expect(text(html)).toContain('không lưu vào sổ tính');
    expect(html).toMatch(/type="password"[^>]*data-testid="connection-token"|data-testid="connection-token"[^>]*type="password"/);
    expect(html).toMatch(/data-testid="submit-button"[^>]*disabled|disabled[^>]*data-testid="submit-button"/);
  });

  it('with an endpoint: the button is Gửi / Submit', () => {
    const connection = inMemoryConnection({ url: 'https://x.gov.vn', token: 'secret' });
    expect(text(render(<SubmitPanel submitter={idle} connection={connection} />))).toMatch(/ Gửi /);
    const en = text(render(<SubmitPanel submitter={idle} connection={connection} />, 'en'));
    expect(en).toContain('Submit');
    expect(en).toContain('the access token is saved on this computer');
    expect(en).not.toContain('secret ');
  });
});

describe('the Gửi tab’s order (the action first, a saved connection folded)', () => {
  it('with a saved connection: the state and the Gửi button come before it, and it is one line', () => {
    const connection = inMemoryConnection({ url: 'https://chitieu.example.gov.vn', token: 'secret' });
    const html = render(<SubmitPanel submitter={idle} connection={connection} />);
    const at = (testId: string) => html.indexOf(`data-testid="${testId}"`);
    expect(at('submit-readiness')).toBeGreaterThanOrEqual(0);
    expect(at('submit-button')).toBeLessThan(at('connection-form'));
    expect(at('submit-readiness')).toBeLessThan(at('connection-form'));
    expect(at('connection-url')).toBe(-1);
    expect(at('connection-token')).toBe(-1);
    expect(text(html)).toContain('Gửi tới https://chitieu.example.gov.vn');
    expect(at('connection-edit')).toBeGreaterThan(0);
  });

  it('without one: the form is open, still after the button', () => {
    const html = render(<SubmitPanel submitter={idle} connection={inMemoryConnection()} />);
    expect(html.indexOf('data-testid="connection-url"')).toBeGreaterThan(html.indexOf('data-testid="submit-button"'));
  });
});

describe('the lazily loaded submitter', () => {
  it('loads on first use, once; a failed load is tried again', async () => {
    let loads = 0;
    let fail = true;
    const lazy = lazySubmitter(async () => {
      loads++;
      if (fail) throw new Error('offline');
      return idle;
    });
    expect(loads).toBe(0);
    await expect(lazy.pending()).rejects.toThrow('offline');
    fail = false;
    await expect(lazy.pending()).resolves.toEqual(EMPTY_STATE);
    await lazy.pending();
    expect(loads).toBe(2);
  });
});
