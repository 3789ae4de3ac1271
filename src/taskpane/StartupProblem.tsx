import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { errorMessage } from './errorMessage';
import { translate } from './i18n/strings';

export type StartupProblemProps = { kind: 'not-excel' } | { kind: 'catalogue'; error: unknown };

/**
 * Shown instead of the pane when it cannot work: opened outside Excel, or the bundled catalogue
 * failed its schema (a build mistake; the message names the file and the path). Both languages,
 * since no choice of language has been made yet.
 */
export function StartupProblem(props: StartupProblemProps) {
  const lines =
    props.kind === 'not-excel'
      ? [translate('notInExcel', 'vi'), translate('notInExcel', 'en')]
      : [errorMessage(props.error, 'vi')];
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <MessageBar intent={props.kind === 'not-excel' ? 'warning' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{translate('appTitle', 'vi')}</MessageBarTitle>
            {lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
