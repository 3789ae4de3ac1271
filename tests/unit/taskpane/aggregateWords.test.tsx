/**
 * Tổng hợp's words and its workbook summary (issue 12, item 11): the aggregator's connection form
 * does not speak the reporter's words ("để trống nếu gửi bằng e-mail"), no count of Excel syncs,
 * and the pane's workbook summary follows a person's typing where Excel tells (ExcelApi 1.9).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { AGGREGATE_CONNECTION_KEY } from '../../../src/taskpane/aggregate/connectionKey';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { translate } from '../../../src/taskpane/i18n/strings';
import { CONNECTION_KEY, REVIEW_CONNECTION_KEY, localStorageConnection } from '../../../src/taskpane/submit/connection';
import { ConnectionForm } from '../../../src/taskpane/submit/ConnectionForm';
import { createExcelReturnWorkbook } from '../../../src/workbook/excel/returnWorkbook';
import type { Lang } from '../../../src/workbook/port';
import { createFakeExcel } from '../../fakes/fakeExcel';
import { bundled, fakeReturn, nameAt } from '../check/fixtures';

const storage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};

function formText(key: string, purpose: 'submit' | 'review' | 'aggregate' | undefined, lang: Lang = 'vi'): string {
  const settings = purpose ? localStorageConnection(storage(), key, purpose) : localStorageConnection(storage(), key);
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>
        <ConnectionForm settings={settings} onSaved={() => undefined} />
      </LanguageProvider>
    </FluentProvider>,
  ).replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ');
}

describe('the connection form speaks to whoever uses it', () => {
  it('only the reporter is told to leave the address empty for e-mail', () => {
    expect(formText(CONNECTION_KEY, undefined)).toContain('Để trống nếu gửi bằng e-mail');
    expect(formText(AGGREGATE_CONNECTION_KEY, 'aggregate')).not.toContain('Để trống nếu gửi bằng e-mail');
    expect(formText(AGGREGATE_CONNECTION_KEY, 'aggregate', 'en')).not.toContain('Leave empty to send by e-mail');
    expect(formText(AGGREGATE_CONNECTION_KEY, 'aggregate')).toContain('Các tệp .xlsx đã nhận');
    expect(formText(REVIEW_CONNECTION_KEY, undefined)).not.toContain('Để trống nếu gửi bằng e-mail');
  });

  it('no count of Excel syncs is shown to the department', () => {
    for (const lang of ['vi', 'en'] as const) expect(translate('aggSyncs', lang, { n: 3 })).not.toMatch(/\d|đồng bộ|sync/i);
  });
});

describe('the workbook summary follows a person’s typing', () => {
  it('a change to a cell is told (ExcelApi 1.9), after the change and outside any batch; stopping mutes it', async () => {
    const host = await fakeReturn();
    const workbook = createExcelReturnWorkbook(host, bundled);
    let told = 0;
    const stop = await workbook.watchChanges!(() => told++);
    expect(stop).not.toBeNull();
    const { sheet, address } = nameAt(host, 'CT_CONTACT_NAME');
    host.editCell(sheet, address, 'Nguyễn Thị Bình');
    await Promise.resolve();
    await Promise.resolve();
    expect(told).toBe(1);
    expect((await workbook.findExistingReturn())!.filledInputs).toBeGreaterThan(0);
    stop!();
    host.editCell(sheet, address, 'Trần Văn An');
    await Promise.resolve();
    await Promise.resolve();
    expect(told).toBe(1);
  });

  it('a host without the event says so (the pane reads again on focus instead)', async () => {
    const old = createFakeExcel({ apiVersion: '1.8' });
    await expect(createExcelReturnWorkbook(old, bundled).watchChanges!(() => undefined)).resolves.toBeNull();
  });
});
