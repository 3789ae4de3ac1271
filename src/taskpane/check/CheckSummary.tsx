import { Badge, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult, Severity } from '../../domain/flags';
import { useLanguage } from '../i18n/LanguageContext';
import { countFlags, SEVERITIES, SEVERITY_LABEL, submission } from './checkView';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  count: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** The counts by severity and whether the return may be sent (errors block; open warnings too). */
export function CheckSummary({ result, acknowledged }: { result: CheckResult; acknowledged: ReadonlySet<string> }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const counts = countFlags(result.flags);
  const { canSubmit, errors, openWarnings } = submission(result, acknowledged);
  return (
    <>
      <ul className={styles.counts} aria-label={t('countsLabel')} data-testid="check-counts">
        {SEVERITIES.map((severity) => (
          <li key={severity} className={styles.count} data-testid={`count-${severity}`} data-count={counts[severity]}>
            {/* A zero is drawn quiet: a red 0 reads as an alarm. */}
            <Badge shape="circular" size="medium" color={counts[severity] ? BADGE_COLOR[severity] : 'informative'} appearance={counts[severity] ? 'filled' : 'tint'}>
              {counts[severity]}
            </Badge>
            <Text>{t(SEVERITY_LABEL[severity])}</Text>
          </li>
        ))}
      </ul>
      <MessageBar
        intent={errors ? 'error' : openWarnings ? 'warning' : 'success'}
        data-testid="submit-status"
        data-can-submit={String(canSubmit)}
      >
        <MessageBarBody>
          {errors
            ? t('submitBlocked', { count: errors })
            : openWarnings
              ? t('submitWarningsOpen', { count: openWarnings })
              : t('submitReady')}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
