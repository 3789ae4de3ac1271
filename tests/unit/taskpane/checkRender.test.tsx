/**
 * The Check panel's parts rendered to markup (no DOM here): what a person reads, in both languages.
 * Clicks and keys are covered end to end in chromium (tests/e2e/check.e2e.test.ts).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Assessment } from '../../../src/domain/flags';
import { AssessmentList } from '../../../src/taskpane/check/AssessmentList';
import { CheckSummary } from '../../../src/taskpane/check/CheckSummary';
import { FlagList } from '../../../src/taskpane/check/FlagList';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import type { Lang } from '../../../src/workbook/port';
import { flag, result } from './inMemoryChecker';

function render(element: ReactElement, lang: Lang = 'vi'): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>{element}</LanguageProvider>
    </FluentProvider>,
  );
}
const text = (html: string) => html.replace(/<style[^>]*>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const error1 = flag('figure.notANumber', 'error', 'CT_2_8_Q1');
const error2 = flag('figure.laterQuarter', 'error', 'CT_2_8_Q3');
const warning = flag('figure.jump', 'warning', 'CT_2_9_Q1', '2.9');
const justifiedWarning = { ...flag('intl.missing', 'warning', 'CT_2_9_Q1_INTL', '2.9'), justification: 'Chưa có số liệu quốc tế.' };
const info = flag('figure.stillProvisional', 'info', 'CT_2_10_Q1', '2.10');
const handlers = { onSelect() {}, onJustify: async () => true, onAcknowledge() {}, onProvisional() {} };

describe('counts and the submission line', () => {
  it('counts by severity and says errors block sending', () => {
    const html = render(<CheckSummary result={result([error1, error2, warning, info])} acknowledged={new Set()} />);
    expect(html).toMatch(/data-testid="count-error" data-count="2"/);
    expect(html).toMatch(/data-testid="count-warning" data-count="1"/);
    expect(html).toMatch(/data-testid="count-info" data-count="1"/);
    expect(text(html)).toContain('Còn 2 lỗi: chưa thể gửi.');
    expect(html).toContain('data-can-submit="false"');
  });

  it('with no errors, asks for the open warnings, then says the return can be sent', () => {
    expect(text(render(<CheckSummary result={result([warning])} acknowledged={new Set()} />))).toContain('Còn 1 cảnh báo chưa giải trình hoặc xác nhận.');
    const ready = render(<CheckSummary result={result([warning, info])} acknowledged={new Set([warning.key])} />, 'en');
    expect(text(ready)).toContain('No errors left: the return can be sent.');
    expect(ready).toContain('data-can-submit="true"');
  });
});

describe('the flag list', () => {
  const html = render(<FlagList flags={[info, warning, error1, justifiedWarning, error2]} acknowledged={new Set()} provisional={{}} {...handlers} />);

  it('groups errors, then warnings, then information, each with its count', () => {
    const order = ['Lỗi (2)', 'Cảnh báo (2)', 'Thông tin (1)'].map((h) => text(html).indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows each flag’s indicator, cell, message and what to do, and makes the flag a keyboard target', () => {
    const t = text(html);
    // The sheet's STT, not the row id.
    expect(t).toContain('2,8');
    expect(t).toContain('thông điệp figure.notANumber');
    expect(t).toContain('Cách xử lý: cách sửa figure.notANumber');
    expect(html).toMatch(/role="button" tabindex="0" title="Chọn ô E47 trên biểu"/);
  });

  it('offers to justify warnings only, and marks justified ones with their text', () => {
    expect(text(html).match(/Giải trình\b/g)).toHaveLength(1);
    expect(text(html)).toContain('Sửa giải trình');
    expect(text(html)).toContain('đã giải trình');
    expect(text(html)).toContain('Chưa có số liệu quốc tế.');
    expect(html.match(/data-testid="justified-badge"/g)).toHaveLength(1);
  });

  it('offers the provisional mark on quarter figures that are not errors', () => {
    expect(text(html).match(/Đánh dấu tạm ước tính/g)).toHaveLength(2);
  });

  it('reads in English', () => {
    const en = text(render(<FlagList flags={[error1, warning]} acknowledged={new Set()} provisional={{}} {...handlers} />, 'en'));
    expect(en).toContain('Errors (1)');
    expect(en).toContain('What to do: fix figure.notANumber');
    expect(en).toContain('Justify');
  });
});

describe('the 2025 outlook', () => {
  const assessment: Assessment[] = [
    { indicator: '2.8', value: 12.5, target: '> 50%', targetValue: 50, status: 'challenging', reason: { vi: 'Còn xa mục tiêu.', en: 'Far from the target.' } },
    { indicator: '2.9', value: null, target: '≥ 10%', targetValue: 10, status: 'likely2025', reason: { vi: 'Chưa có số liệu.', en: 'No figure yet.' } },
  ];

  it('lists indicator, latest figure, target and outlook with its reason', () => {
    const vi = text(render(<AssessmentList assessment={assessment} />));
    expect(vi).toContain('2,8 12,5% &gt; 50% Thách thức Còn xa mục tiêu.');
    expect(vi).toContain('2,9 chưa có ≥ 10% Có khả năng hoàn thành đến 2025');
    const en = text(render(<AssessmentList assessment={assessment} />, 'en'));
    expect(en).toContain('2.8 12.5% &gt; 50% Challenging Far from the target.');
  });

  it('draws nothing without an assessment', () => {
    expect(render(<AssessmentList assessment={[]} />)).not.toContain('<table');
  });
});
