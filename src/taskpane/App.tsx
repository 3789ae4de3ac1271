import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../workbook/port';
import { LanguageProvider } from './i18n/LanguageContext';
import { CatalogueProvider } from './rowLabels';
import { TaskPane, type TaskPaneProps } from './TaskPane';

export interface AppProps extends TaskPaneProps {
  initialLang?: Lang;
}

/** The task pane with its theme and language: the same in Excel and on the preview page. */
export function App({ initialLang = 'vi', ...props }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <LanguageProvider initial={initialLang}>
        <CatalogueProvider catalogue={props.catalogue}>
          <TaskPane {...props} />
        </CatalogueProvider>
      </LanguageProvider>
    </FluentProvider>
  );
}
