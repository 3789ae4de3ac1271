/**
 * The pane names rows as the sheet does (issue 12, item 6): a flag's badge and message, the
 * assessment table and the reviewer's flags say "2,8" and "1,2 – Các ngành, lĩnh vực khác", not
 * "2.8", "1.2.OTHER" or "CT_2_8_Q2".
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AssessmentList } from '../../../src/taskpane/check/AssessmentList';
import { FlagItem } from '../../../src/taskpane/check/FlagItem';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { ReturnReview } from '../../../src/taskpane/review/ReturnReview';
import type { Lang } from '../../../src/workbook/port';
import { flag } from './inMemoryChecker';

function render(element: ReactElement, lang: Lang = 'vi'): string {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>{element}</LanguageProvider>
    </FluentProvider>,
  );
  return html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const noop = () => undefined;
const sector = { ...flag('figure.notANumber', 'error', 'CT_1_2_OTHER_Q1', '1.2.OTHER'), message: { vi: '1.2.OTHER, Quý I: không phải số liệu.', en: '1.2.OTHER, Q1: not a figure.' } };

it('a flag: badge and message by the sheet’s words', () => {
  const item = (lang: Lang) => render(
    <FlagItem flag={sector} acknowledged={false} provisional={false} onSelect={noop} onJustify={async () => true} onAcknowledge={noop} onProvisional={noop} />,
    lang,
  );
  expect(item('vi')).toContain('1,2 – Các ngành, lĩnh vực khác, Quý I: không phải số liệu.');
  expect(item('en')).toContain('1.2 – Other sectors, Q1: not a figure.');
  expect(item('vi')).not.toContain('1.2.OTHER');
});

it('the assessment table', () => {
  const html = render(<AssessmentList assessment={[{ indicator: '2.8', value: 45, target: '> 30%', targetValue: 30, status: 'achieved', reason: { vi: 'đạt', en: 'met' } }]} />);
  expect(html).toContain(' 2,8 ');
  expect(html).not.toMatch(/ 2\.8 /);
});

it('a reviewer’s flag: the cell by row and quarter, not its contract name', () => {
  const version = {
    version: 1,
    receiptNumber: 'CT-2025-Q2-bo-y-te-v1',
    submissionId: '00000000-0000-4000-8000-000000000001',
    receivedAt: '2025-07-02T02:00:00.000Z',
    payload: { justifications: {} },
    changes: [],
    flags: [{ rule: 'target.behindPath', severity: 'warning', cellName: 'CT_2_8_Q2', key: 'target.behindPath:CT_2_8_Q2', message: { vi: '2.8: 20% (Quý II) thấp hơn lộ trình.', en: '2.8: 20% (Q2) is behind.' } }],
  };
  const html = render(
    <ReturnReview
      returnId="bo-y-te.2025.q2"
      versions={[version] as never}
      reviews={[]}
      state={{ status: 'new', latestVersion: 1, openQueries: [], changesSinceQueried: null } as never}
      onReview={async () => null}
    />,
  );
  expect(html).toContain('2,8 · Quý II');
  expect(html).toContain('2,8: 20% (Quý II) thấp hơn lộ trình.');
  expect(html).not.toContain('CT_2_8_Q2');
});
