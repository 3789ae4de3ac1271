/**
 * The pane's words (issue 12, item 13): English plurals, the unit picker's arrow named in the
 * pane's language (Fluent says "Open"), the receipt sheet called by the name it has.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadUnits } from '../../../src/catalogue/load';
import { LanguageProvider } from '../../../src/taskpane/i18n/LanguageContext';
import { translate } from '../../../src/taskpane/i18n/strings';
import { UnitPicker } from '../../../src/taskpane/UnitPicker';
import type { Lang } from '../../../src/workbook/port';

it('English counts agree with their number', () => {
  expect(translate('submitErrors', 'en', { count: 1 })).toBe('1 error left: correct it (Check tab), then submit.');
  expect(translate('submitErrors', 'en', { count: 3 })).toBe('3 errors left: correct them (Check tab), then submit.');
  expect(translate('submitOpenWarnings', 'en', { count: 1 })).toMatch(/^1 warning without a justification: justify it /);
  expect(translate('queriesIntro', 'en', { count: 1, version: 2 })).toMatch(/queried 1 point of/);
  expect(translate('submitErrors', 'vi', { count: 1 })).toBe('Còn 1 lỗi: sửa trong tab Kiểm tra rồi gửi.');
});

it.each([
  ['vi', 'Mở danh sách đơn vị'],
  ['en', 'Open the list of units'],
] as const)('the unit picker’s arrow is named in the pane’s language (%s)', (lang: Lang, name) => {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>
        <UnitPicker units={loadUnits().units} selected={null} onSelect={() => undefined} />
      </LanguageProvider>
    </FluentProvider>,
  );
  expect(html).toContain(`aria-label="${name}"`);
  expect(html).not.toContain('aria-label="Open"');
});

it('the English pane calls the receipt sheet by the name it has', () => {
  expect(translate('submitIntro', 'en')).toContain('“Biên nhận”');
});
