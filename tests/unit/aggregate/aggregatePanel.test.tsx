/**
 * The Tổng hợp panel's first render (no DOM here, as submitPanel.test.tsx does), the tab in the
 * pane, the lazily loaded writer and the strings in both languages. Clicks, file picking and the
 * progress bar run end to end in chromium (tests/e2e/aggregate.e2e.test.ts).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { AggregatePanel } from '../../../src/taskpane/aggregate/AggregatePanel';
import { AGGREGATE_CONNECTION_KEY } from '../../../src/taskpane/aggregate/connectionKey';
import { lazySummaryWriter } from '../../../src/taskpane/aggregate/lazySummaryWriter';
import { AGGREGATE_STRINGS } from '../../../src/taskpane/i18n/aggregateStrings';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { STRINGS } from '../../../src/taskpane/i18n/strings';
import { inMemoryConnection, localStorageConnection } from '../../../src/taskpane/submit/connection';
import { TaskPane } from '../../../src/taskpane/TaskPane';
import type { SummaryWriter } from '../../../src/workbook/excel/summary/writeSummary';
import type { Lang, ReturnChecker, ReturnWorkbook } from '../../../src/workbook/port';

const catalogue = loadCatalogue();
const units = loadUnits();
const never = <T,>() => new Promise<T>(() => undefined);
const writer: SummaryWriter = { writeSummary: never };

function render(element: ReactElement, lang: Lang = 'vi'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>{element}</LanguageProvider>
    </FluentProvider>,
  );
}
const text = (html: string) => html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the Tổng hợp panel', () => {
  it('offers year, quarter, the source (files by default) and a file input for .xlsx, several at once', () => {
    const html = render(<AggregatePanel writer={writer} connection={inMemoryConnection()} catalogue={catalogue} units={units} />);
    expect(text(html)).toContain('Năm');
    expect(text(html)).toContain('Quý 1');
    expect(text(html)).toContain('Các tệp .xlsx đã nhận');
    expect(html).toMatch(/<input type="file" multiple="" accept=".xlsx" data-testid="aggregate-files"/);
    expect(text(html)).toContain('Chưa chọn tệp nào.');
    // Nothing picked yet: the button waits.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="aggregate-run"|<button[^>]*data-testid="aggregate-run"[^>]*disabled=""/);
  });

  it('offers to use only returns without errors (unticked: returns with errors are used for the figures that read)', () => {
    const vi = render(<AggregatePanel writer={writer} connection={inMemoryConnection()} catalogue={catalogue} units={units} />);
    expect(vi).toMatch(/<input[^>]*type="checkbox"[^>]*data-testid="aggregate-strict"|<input[^>]*data-testid="aggregate-strict"[^>]*type="checkbox"/);
    expect(vi).not.toMatch(/data-testid="aggregate-strict"[^>]*checked/);
    expect(text(vi)).toContain('Chỉ dùng báo cáo không có lỗi');
    const en = render(<AggregatePanel writer={writer} connection={inMemoryConnection()} catalogue={catalogue} units={units} />, 'en');
    expect(text(en)).toContain('Only returns without errors');
  });

  it('reads in English', () => {
    const html = render(<AggregatePanel writer={writer} connection={inMemoryConnection()} catalogue={catalogue} units={units} />, 'en');
    expect(text(html)).toContain('Returned .xlsx files');
    expect(text(html)).toContain('Choose the return files (.xlsx)');
  });

  it('every sentence has both languages and is in STRINGS', () => {
    for (const [key, value] of Object.entries(AGGREGATE_STRINGS)) {
      expect(value.vi.trim()).not.toBe('');
      expect(value.en.trim()).not.toBe('');
      expect((STRINGS as Record<string, unknown>)[key]).toBe(value);
    }
  });
});

describe('the tab in the pane', () => {
  const workbook: ReturnWorkbook = { findExistingReturn: never, createReturn: never };
  const checker = {} as ReturnChecker;

  it('is shown when a summary writer and the aggregator’s connection are given, and not otherwise', () => {
    // The department's role shows its tab (issue 12, item 12: a pane shows the tabs of one role).
    const withTab = render(
      <TaskPane workbook={workbook} checker={checker} catalogue={catalogue} units={units} summaryWriter={writer} aggregateConnection={inMemoryConnection()} initialRole="aggregator" />,
    );
    expect(withTab).toContain('id="tab-aggregate"');
    // Its code is not rendered until the tab is opened (lazy).
    expect(withTab).not.toContain('data-testid="aggregate-panel"');
    const without = render(<TaskPane workbook={workbook} checker={checker} catalogue={catalogue} units={units} />);
    expect(without).not.toContain('id="tab-aggregate"');
  });

  it('keeps the aggregator’s connection under its own key', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    localStorageConnection(storage, AGGREGATE_CONNECTION_KEY).save({ url: 'https://x.gov.vn', token: 'ct_agg' });
    expect([...store.keys()]).toEqual(['chitieu.aggregateConnection']);
  });
});

describe('lazySummaryWriter', () => {
  it('loads the writer on first use only, once, and retries after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const real: SummaryWriter = { writeSummary: async () => ({ sheets: ['Tổng hợp'], syncs: 2, replaced: [], chart: 'added' }) };
    const lazy = lazySummaryWriter(async () => {
      loads++;
      if (fail) throw new Error('offline');
      return real;
    });
    expect(loads).toBe(0);
    const summary = {} as Parameters<SummaryWriter['writeSummary']>[0];
    await expect(lazy.writeSummary(summary, { lang: 'vi' })).rejects.toThrow('offline');
    fail = false;
    await expect(lazy.writeSummary(summary, { lang: 'vi' })).resolves.toMatchObject({ syncs: 2 });
    await lazy.writeSummary(summary, { lang: 'vi' });
    expect(loads).toBe(2);
  });
});
