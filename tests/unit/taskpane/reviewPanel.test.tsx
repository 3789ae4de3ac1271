/**
 * The Duyệt panel and the reporter's open queries: pure parts (flag states, review state, cell of
 * a flag key, the comments written on the sheet), first renders (no DOM: renderToStaticMarkup),
 * and the queried cells marked on the fake Excel host (two syncs). The HTTP side runs through a
 * real `chitieu serve` in tests/integration/server/reviewRoundTrip.test.ts.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReviewEntry, ReviewState, VersionItem } from '../../../src/domain/payload/api';
import { reviewStateOf } from '../../../src/domain/payload/reviewState';
import { loadCatalogue, loadUnits } from '../../../src/catalogue/load';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { TaskPane } from '../../../src/taskpane/TaskPane';
import { OpenQueriesView, queryMarks } from '../../../src/taskpane/review/OpenQueries';
import { ReturnReview } from '../../../src/taskpane/review/ReturnReview';
import { ReviewPanel } from '../../../src/taskpane/review/ReviewPanel';
import { cellNameOfKey, flagRows, latestByFlag } from '../../../src/taskpane/review/reviewView';
import { CONNECTION_KEY, REVIEW_CONNECTION_KEY, inMemoryConnection, localStorageConnection } from '../../../src/taskpane/submit/connection';
import { markQueriedCells, QUERY_COMMENT_PREFIX } from '../../../src/workbook/excel/review/queryMarks';
import type { Lang } from '../../../src/workbook/port';
import { createFakeExcel } from '../../fakes/fakeExcel';

function render(element: ReactElement, lang: Lang = 'vi'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>{element}</LanguageProvider>
    </FluentProvider>,
  );
}
const text = (html: string) => html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const RETURN_ID = 'bo-y-te.2025.q2';
const FLAG = 'target.behindPath:CT_2_8_Q2';
const OTHER = 'dynamic.farAbove:CT_1_2_OTHER_Q2';
let nextId = 1;
function entry(overrides: Partial<ReviewEntry>): ReviewEntry {
  return {
    id: nextId++,
    returnId: RETURN_ID,
    version: 1,
    flagKey: FLAG,
    action: 'query',
    comment: 'Vì sao chậm so với lộ trình?',
    reviewer: { tokenId: 'tok_rev', label: 'Anh Minh' },
    createdAt: '2025-10-06T09:00:00.000Z',
    ...overrides,
  };
}
const flag = (key: string, severity: 'warning' | 'info', cellName: string) => ({
  rule: key.split(':')[0]!,
  severity,
  cellName,
  key,
  message: { vi: `Thông báo ${cellName}`, en: `Message ${cellName}` },
});
function version(n: number, flags = [flag(FLAG, 'warning', 'CT_2_8_Q2'), flag(OTHER, 'info', 'CT_1_2_OTHER_Q2')]): VersionItem {
  return {
    version: n,
    receiptNumber: `CT-2025-Q2-bo-y-te-v${n}`,
    submissionId: `s-${n}`,
    receivedAt: '2025-10-05T08:00:00.000Z',
    payload: { justifications: { [FLAG]: 'Đang triển khai, quý 3 sẽ đạt.' } },
    changes: [],
    flags,
  };
}
const none = () => [];

describe('the review state', () => {
  it('a flag is open while its latest entry is a query; acceptance of the return closes earlier questions', () => {
    const q = entry({});
    expect(reviewStateOf(RETURN_ID, [], 1, none)).toMatchObject({ status: 'new', openQueries: [] });
    expect(reviewStateOf(RETURN_ID, [q], 1, none)).toMatchObject({ status: 'queried', openQueries: [q], changesSinceQueried: null });
    const accepted = entry({ action: 'accept', comment: null });
    expect(reviewStateOf(RETURN_ID, [q, accepted], 1, none)).toMatchObject({ status: 'inReview', openQueries: [] });
    const whole = entry({ flagKey: null, action: 'acceptReturn', comment: null });
    expect(reviewStateOf(RETURN_ID, [q, whole], 1, none)).toMatchObject({ status: 'accepted', openQueries: [] });
    // Accepted, then a new version came in: back in review.
    expect(reviewStateOf(RETURN_ID, [q, whole], 2, none).status).toBe('inReview');
  });

  it('a send-back is an open question on the whole return; a newer version lists the changes since', () => {
    const back = entry({ flagKey: null, action: 'sendBack', comment: 'Bổ sung nguồn.' });
    expect(reviewStateOf(RETURN_ID, [back], 1, none)).toMatchObject({ status: 'sentBack', openQueries: [back] });
    const calls: [number, number][] = [];
    const change = { kind: 'figure' as const, path: '2.8 Q2', before: '50,00%', after: '55,00%' };
    const state = reviewStateOf(RETURN_ID, [entry({}), back], 3, (a, b) => (calls.push([a, b]), [change]));
    expect(state).toMatchObject({ status: 'resubmitted', changesSinceQueried: { fromVersion: 1, toVersion: 3, changes: [change] } });
    expect(calls).toEqual([[1, 3]]);
  });
});

describe('the Duyệt panel’s pure parts', () => {
  it('each flag of the latest version with its justification and latest entry, warnings first', () => {
    const q = entry({});
    const later = entry({ action: 'accept', comment: null, version: 2 });
    expect(latestByFlag([later, q]).get(FLAG)).toBe(later);
    const rows = flagRows(version(2, [flag(OTHER, 'info', 'CT_1_2_OTHER_Q2'), flag(FLAG, 'warning', 'CT_2_8_Q2')]), [q]);
    expect(rows.map((r) => [r.flag.key, r.justification, r.state?.action ?? null])).toEqual([
      [FLAG, 'Đang triển khai, quý 3 sẽ đạt.', 'query'],
      [OTHER, null, null],
    ]);
  });

  it('the cell of a flag key, or null', () => {
    expect(cellNameOfKey(FLAG)).toBe('CT_2_8_Q2');
    expect(cellNameOfKey('header.contact:CT_CONTACT_EMAIL')).toBe('CT_CONTACT_EMAIL');
    expect(cellNameOfKey('section.missing:trend')).toBeNull();
  });

  it('keeps the reviewer’s connection under its own key', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    localStorageConnection(storage).save({ url: 'https://x.gov.vn', token: 'reporter' });
    localStorageConnection(storage, REVIEW_CONNECTION_KEY).save({ url: 'https://x.gov.vn', token: 'reviewer' });
    expect(JSON.parse(store.get(CONNECTION_KEY)!).token).toBe('reporter');
    expect(localStorageConnection(storage, REVIEW_CONNECTION_KEY).load().token).toBe('reviewer');
  });
});

describe('first renders', () => {
  it('the panel without a connection: the connection form, the list button disabled', () => {
    const html = render(<ReviewPanel connection={inMemoryConnection()} years={[2024, 2025]} initialYear={2025} />);
    expect(text(html)).toContain('Nhập địa chỉ tiếp nhận và mã truy cập của người duyệt');
    expect(html).toContain('data-testid="connection-form"');
    expect(html).toMatch(/data-testid="review-list"[^>]*disabled|disabled[^>]*data-testid="review-list"/);
  });

  it('a return: its flags with justifications and states, the actions, the changes and the history (who, when)', () => {
    const q = entry({});
    const state: ReviewState = {
      returnId: RETURN_ID,
      latestVersion: 2,
      status: 'resubmitted',
      openQueries: [q],
      changesSinceQueried: { fromVersion: 1, toVersion: 2, changes: [{ kind: 'figure', path: '2.8 Q2', before: '50,00%', after: '55,00%' }] },
    };
    const html = render(<ReturnReview returnId={RETURN_ID} versions={[version(1), version(2)]} reviews={[q]} state={state} onReview={async () => null} />);
    const body = text(html);
    expect(body).toContain(`Báo cáo ${RETURN_ID}, phiên bản 2`);
    expect(body).toContain('Đơn vị đã nộp lại');
    expect(body).toContain('Giải trình: Đang triển khai, quý 3 sẽ đạt.');
    expect(body).toContain('Chưa có giải trình.');
    expect(body).toContain('Đang hỏi lại');
    expect(body).toContain('Thay đổi từ phiên bản 1 đến 2');
    expect(body).toContain('2,8 · Quý II: 50,00% → 55,00%');
    // The history names the flag's cell, not its key.
    expect(body).not.toContain('target.behindPath:CT_2_8_Q2');
    expect(body).toMatch(/Anh Minh: hỏi lại \(phiên bản 1, 2,8 · Quý II\): “Vì sao chậm so với lộ trình\?”/);
    expect(html.match(/data-testid="review-flag"/g)).toHaveLength(2);
    for (const id of ['review-accept-flag', 'review-query-open', 'review-accept-return', 'review-send-back-open']) expect(html).toContain(`data-testid="${id}"`);
    expect(text(render(<ReturnReview returnId={RETURN_ID} versions={[version(1)]} reviews={[]} state={{ ...state, status: 'new', openQueries: [], changesSinceQueried: null }} onReview={async () => null} />, 'en'))).toContain('Not reviewed');
  });

  it('the reporter’s open queries, in both languages, and the accepted return', () => {
    const state: ReviewState = { returnId: RETURN_ID, latestVersion: 1, status: 'sentBack', openQueries: [entry({}), entry({ flagKey: null, action: 'sendBack', comment: 'Bổ sung nguồn.' })], changesSinceQueried: null };
    const vi = text(render(<OpenQueriesView state={state} marked />));
    expect(vi).toContain('Câu hỏi của người duyệt');
    expect(vi).toContain('2,8 · Quý II: “Vì sao chậm so với lộ trình?” — Anh Minh');
    expect(vi).toContain('Toàn bộ báo cáo: “Bổ sung nguồn.”');
    expect(vi).toContain('đã được đánh dấu trên trang tính');
    expect(text(render(<OpenQueriesView state={state} marked={false} />, 'en'))).toContain('The reviewer’s queries');
    expect(text(render(<OpenQueriesView state={{ ...state, status: 'accepted', openQueries: [] }} marked={false} />))).toContain('Người duyệt đã chấp nhận báo cáo.');
    expect(render(<OpenQueriesView state={{ ...state, status: 'inReview', openQueries: [] }} marked={false} />)).not.toContain('open-queries');
    // Only cell queries become comments on the sheet.
    expect(queryMarks(state, 'vi')).toEqual([{ cellName: 'CT_2_8_Q2', text: expect.stringMatching(/^Câu hỏi của người duyệt: Vì sao chậm so với lộ trình\? \(Anh Minh, /) }]);
  });
});

describe('the task pane', () => {
  it('shows the Duyệt tab only when the reviewer’s connection is given; its code is not rendered before the tab is opened', () => {
    const props = { workbook: {} as never, checker: {} as never, catalogue: loadCatalogue(), units: loadUnits() };
    const without = text(render(<TaskPane {...props} />));
    expect(without).not.toContain('Duyệt');
    // A reviewer's pane: the role's one tab, its code not yet loaded.
    const html = render(<TaskPane {...props} reviewConnection={inMemoryConnection()} initialRole="reviewer" />);
    expect(html).toMatch(/id="tab-review"/);
    expect(text(html)).toContain('Duyệt');
    expect(html).not.toContain('data-testid="review-panel"');
  });
});

describe('the queried cells on the sheet', () => {
  function host(apiVersion: string) {
    const excel = createFakeExcel({ sheets: ['Phụ lục 01'], apiVersion });
    excel.addName('CT_2_8_Q2', "'Phụ lục 01'!$E$30");
    excel.addName('CT_2_9_Q2', "'Phụ lục 01'!$E$31");
    return excel;
  }

  it('become comments in two syncs; marking again replaces the add-in’s own comments', async () => {
    const excel = host('1.10');
    excel.resetCounters();
    const first = await markQueriedCells(excel, [
      { cellName: 'CT_2_8_Q2', text: 'Câu hỏi: A' },
      { cellName: 'CT_9_9_Q9', text: 'no such name' },
    ]);
    expect(first).toEqual({ marked: ['CT_2_8_Q2'], supported: true });
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    expect(excel.snapshot().sheets.find((s) => s.name === 'Phụ lục 01')!.comments).toEqual({ E30: `${QUERY_COMMENT_PREFIX}Câu hỏi: A` });

    await markQueriedCells(excel, [{ cellName: 'CT_2_9_Q2', text: 'Câu hỏi: B' }]);
    expect(excel.snapshot().sheets.find((s) => s.name === 'Phụ lục 01')!.comments).toEqual({ E31: `${QUERY_COMMENT_PREFIX}Câu hỏi: B` });
    await markQueriedCells(excel, []);
    expect(excel.snapshot().sheets.find((s) => s.name === 'Phụ lục 01')!.comments).toEqual({});
  });

  it('a host without comments (ExcelApi < 1.10) writes nothing', async () => {
    const excel = host('1.9');
    excel.resetCounters();
    expect(await markQueriedCells(excel, [{ cellName: 'CT_2_8_Q2', text: 'x' }])).toEqual({ marked: [], supported: false });
    expect(excel.syncCount).toBe(0);
  });
});
