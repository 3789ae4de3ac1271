import { Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Assessment, AssessmentStatus } from '../../domain/flags';
import { useLanguage } from '../i18n/LanguageContext';
import { useRowLabels } from '../rowLabels';
import { formatPercent, STATUS_LABEL } from './checkView';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  head: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { verticalAlign: 'top', padding: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  number: { whiteSpace: 'nowrap', textAlign: 'right' },
  // The longest label ("Có khả năng hoàn thành đến 2025") must wrap in a 350 px pane.
  status: { height: 'auto', minHeight: '16px', whiteSpace: 'normal', textAlign: 'left' },
  reason: { display: 'block', marginTop: '2px', color: tokens.colorNeutralForeground3 },
});

const STATUS_COLOR: Record<AssessmentStatus, 'success' | 'brand' | 'warning' | 'danger'> = {
  achieved: 'success',
  likely2024: 'brand',
  likely2025: 'warning',
  challenging: 'danger',
};

/** Each indicator's latest figure against its 2025 target, with the validator's outlook and reason. */
export function AssessmentList({ assessment }: { assessment: readonly Assessment[] }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const labels = useRowLabels();
  if (assessment.length === 0) return null;
  return (
    <table className={styles.table} data-testid="assessment">
      <thead>
        <tr>
          <th className={styles.head} scope="col">{t('assessmentIndicator')}</th>
          <th className={styles.head} scope="col">{t('assessmentValue')}</th>
          <th className={styles.head} scope="col">{t('assessmentTarget')}</th>
          <th className={styles.head} scope="col">{t('assessmentStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {assessment.map((a) => (
          <tr key={a.indicator} data-indicator={a.indicator} data-status={a.status}>
            <th className={styles.cell} scope="row">{labels.row(a.indicator)}</th>
            <td className={mergeClasses(styles.cell, styles.number)}>{a.value === null ? t('noValue') : formatPercent(a.value, lang)}</td>
            <td className={mergeClasses(styles.cell, styles.number)}>{a.target}</td>
            <td className={styles.cell}>
              <Badge className={styles.status} appearance="tint" color={STATUS_COLOR[a.status]} size="small" title={a.reason[lang]}>
                {t(STATUS_LABEL[a.status])}
              </Badge>
              {a.reason[lang] && <Caption1 className={styles.reason}>{a.reason[lang]}</Caption1>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
