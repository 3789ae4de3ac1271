import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ReturnChecker } from '../../workbook/port';
import { ChoiceDropdown } from '../ChoiceDropdown';
import { errorMessage } from '../errorMessage';
import type { Acknowledgements } from '../acknowledgements';
import { useLanguage } from '../i18n/LanguageContext';
import { AssessmentList } from './AssessmentList';
import { CheckSummary } from './CheckSummary';
import { FlagList } from './FlagList';
import { useReturnChecker } from './useReturnChecker';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  results: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  stale: { opacity: 0.6 },
  heading: { margin: 0 },
});

type QuarterChoice = 'return' | 1 | 2 | 3 | 4;

export interface CheckPanelProps {
  checker: ReturnChecker;
  /** Whether the workbook holds a return (null while unknown): Check is the primary action once it does. */
  hasReturn: boolean | null;
  /** After each finished check: what the workbook holds may have changed since it was last read. */
  onChecked?(): void;
  /** The pane's one record of acknowledged warnings, shared with the Gửi tab. */
  acknowledgements?: Acknowledgements;
}

/** The Kiểm tra panel: run the check, list the flags by severity, justify warnings, see the 2025 outlook. */
export function CheckPanel({ checker, hasReturn, onChecked, acknowledgements }: CheckPanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { state, acknowledged, check, select, justify, acknowledge, setProvisional, dismissActionError } = useReturnChecker(checker, acknowledgements);
  const [quarter, setQuarter] = useState<QuarterChoice>('return');
  const { shown, checking } = state;
  const finished = useRef(false);
  useEffect(() => {
    // Once per finished check (checking turned false), not on every render of the parent.
    if (finished.current && !checking && shown.kind === 'checked') onChecked?.();
    finished.current = checking;
  }, [checking, shown.kind, onChecked]);

  const quarters: { value: QuarterChoice; text: string }[] = [
    { value: 'return', text: state.returnQuarter ? t('quarterFromReturnKnown', { quarter: state.returnQuarter }) : t('quarterFromReturn') },
    ...([1, 2, 3, 4] as const).map((q) => ({ value: q, text: t('quarterOption', { quarter: q }) })),
  ];
  const run = () => void check({ lang, ...(quarter === 'return' ? {} : { quarter }) });

  return (
    <div className={styles.panel} data-testid="check-panel">
      <Body1 className={styles.intro}>{t('checkIntro')}</Body1>
      {hasReturn === false && (
        <MessageBar intent="info">
          <MessageBarBody>{t('checkNoReturn')}</MessageBarBody>
        </MessageBar>
      )}
      <ChoiceDropdown<QuarterChoice> label={t('quarterLabel')} choices={quarters} value={quarter} onChange={setQuarter} disabled={checking} />
      <div className={styles.actions}>
        <Button appearance={hasReturn === false ? 'secondary' : 'primary'} size="large" onClick={run} disabled={checking} data-testid="check-return">
          {shown.kind === 'none' ? t('checkButton') : t('recheckButton')}
        </Button>
        {checking && <Spinner size="small" labelPosition="after" label={t('checking')} />}
      </div>

      {state.actionError !== null && (
        <MessageBar intent="error" politeness="assertive" data-testid="check-action-error">
          <MessageBarBody>
            <MessageBarTitle>{t('actionFailedTitle')}</MessageBarTitle>
            {errorMessage(state.actionError, lang)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={t('dismiss')} onClick={dismissActionError}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}

      {shown.kind === 'failed' && (
        <MessageBar intent="error" politeness="assertive" data-testid="check-error">
          <MessageBarBody>
            <MessageBarTitle>{t('checkFailedTitle')}</MessageBarTitle>
            {errorMessage(shown.error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown.kind === 'unreadable' && (
        <MessageBar intent="error" politeness="assertive" layout="multiline" data-testid="check-unreadable">
          <MessageBarBody>
            <MessageBarTitle>{t('unreadableTitle')}</MessageBarTitle>
            {shown.message[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown.kind === 'checked' && (
        // Kept on screen, dimmed, while a re-check runs: the list does not jump away under the pointer.
        <section className={mergeClasses(styles.results, checking && styles.stale)} aria-live="polite" aria-busy={checking} data-testid="check-results">
          <Caption1>{shown.result.quarter ? t('checkedQuarter', { quarter: shown.result.quarter }) : t('checkedNoQuarter')}</Caption1>
          <CheckSummary result={shown.result} acknowledged={acknowledged} />
          {shown.result.flags.length === 0 ? (
            <Body1>{t('noFlags')}</Body1>
          ) : (
            <FlagList
              flags={shown.result.flags}
              acknowledged={acknowledged}
              provisional={state.provisional}
              onSelect={(cellName) => void select(cellName)}
              onJustify={justify}
              onAcknowledge={acknowledge}
              onProvisional={(cellName, on) => void setProvisional(cellName, on)}
            />
          )}
          {shown.result.assessment.length > 0 && (
            <>
              <h3 className={styles.heading}>
                <Subtitle2>{t('assessmentHeading')}</Subtitle2>
              </h3>
              <AssessmentList assessment={shown.result.assessment} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
