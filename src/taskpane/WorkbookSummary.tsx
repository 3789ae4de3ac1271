import { Body1, Button, Caption1Strong, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { UnitList } from '../catalogue/schema';
import type { WorkbookState } from './createFlow';
import { errorMessage } from './errorMessage';
import { existingVars } from './existingText';
import { useLanguage } from './i18n/LanguageContext';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  box: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** What the workbook already holds, read when the pane opens and after each creation. */
export function WorkbookSummary({ state, units, onRefresh }: { state: WorkbookState; units?: UnitList; onRefresh(): void }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  if (state.phase === 'failed') {
    return (
      <MessageBar intent="warning" data-testid="workbook-error">
        <MessageBarBody>
          <MessageBarTitle>{t('readErrorTitle')}</MessageBarTitle>
          {errorMessage(state.error, lang)}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onRefresh}>
            {t('refresh')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <section className={styles.box} aria-live="polite" data-testid="workbook-summary">
      <div className={styles.heading}>
        <Caption1Strong>{t('workbookHeading')}</Caption1Strong>
        <Button appearance="transparent" size="small" onClick={onRefresh} disabled={state.phase === 'reading'}>
          {t('refresh')}
        </Button>
      </div>
      {state.phase === 'reading' ? (
        <Spinner size="extra-tiny" labelPosition="after" label={t('reading')} />
      ) : state.existing ? (
        <Body1>{t('workbookHolds', existingVars(state.existing, t, lang, units))}</Body1>
      ) : (
        <Body1>{t('workbookEmpty')}</Body1>
      )}
    </section>
  );
}
