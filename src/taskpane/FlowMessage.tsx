import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { CreateFlow } from './createFlow';
import { errorMessage } from './errorMessage';
import { useLanguage } from './i18n/LanguageContext';

/** The outcome of the last "create" as a message bar; errors in the current language, never a stack. */
export function FlowMessage({ flow, onDismiss }: { flow: CreateFlow; onDismiss(): void }) {
  const { lang, t } = useLanguage();
  const dismiss = (
    <MessageBarActions
      containerAction={
        <Button appearance="transparent" size="small" aria-label={t('dismiss')} onClick={onDismiss}>
          ×
        </Button>
      }
    />
  );
  switch (flow.phase) {
    case 'created':
      return (
        <MessageBar intent="success" data-testid="flow-success">
          <MessageBarBody>
            <MessageBarTitle>{t('successTitle')}</MessageBarTitle>
            {t('successSheet', { sheet: flow.sheetName })}
            {flow.backupSheetName && <> {t('successBackup', { backup: flow.backupSheetName })}</>}
          </MessageBarBody>
          {dismiss}
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" politeness="assertive" data-testid="flow-error">
          <MessageBarBody>
            <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
            {errorMessage(flow.error, lang)}
          </MessageBarBody>
          {dismiss}
        </MessageBar>
      );
    case 'cancelled':
      return (
        <MessageBar intent="info" data-testid="flow-cancelled">
          <MessageBarBody>{t('cancelled')}</MessageBarBody>
          {dismiss}
        </MessageBar>
      );
    default:
      return null;
  }
}
