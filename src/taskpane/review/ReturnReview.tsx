import { Badge, Body1, Button, Caption1, Field, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReviewEntry, ReviewRequest, ReviewState, VersionItem } from '../../domain/payload/api';
import { useLanguage } from '../i18n/LanguageContext';
import type { StringKey } from '../i18n/strings';
import { useRowLabels } from '../rowLabels';
import { cellNameOfKey, flagRows, vnTime } from './reviewView';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  flag: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ReturnReviewProps {
  returnId: string;
  versions: VersionItem[];
  reviews: ReviewEntry[];
  state: ReviewState;
  busy?: boolean;
  /** Store a review; resolves with an error text, or null when stored. */
  onReview(request: ReviewRequest): Promise<string | null>;
}

/** A comment box that opens under a button (query a flag, send the return back). */
function CommentAction({ label, confirm, onSend, disabled, testId }: { label: string; confirm: string; onSend(comment: string): Promise<string | null>; disabled: boolean; testId: string }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)} disabled={disabled} data-testid={`${testId}-open`}>
        {label}
      </Button>
    );
  const send = async () => {
    if (comment.trim() === '') {
      setError(t('reviewCommentRequired'));
      return;
    }
    const failed = await onSend(comment.trim());
    if (failed) setError(failed);
    else {
      setOpen(false);
      setComment('');
      setError(null);
    }
  };
  return (
    <div className={styles.column}>
      <Field label={t('reviewComment')} validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" data-testid={`${testId}-comment`} />
      </Field>
      <div className={styles.row}>
        <Button size="small" appearance="primary" onClick={() => void send()} disabled={disabled} data-testid={`${testId}-send`}>
          {confirm}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          {t('reviewCancel')}
        </Button>
      </div>
    </div>
  );
}

/** One return under review: its flags with justifications and states, the return's actions, what changed, the history. */
export function ReturnReview({ returnId, versions, reviews, state, busy = false, onReview }: ReturnReviewProps) {
  const { lang, t } = useLanguage();
  const labels = useRowLabels();
  const styles = useStyles();
  const latest = versions[versions.length - 1]!;
  const rows = flagRows(latest, reviews);
  const who = (e: ReviewEntry) => e.reviewer.label ?? e.reviewer.tokenId;

  return (
    <section className={styles.column} data-testid="return-review" aria-labelledby="return-review-heading">
      <div className={styles.row}>
        <h3 className={styles.heading} id="return-review-heading">
          {t('reviewReturnHeading', { returnId, version: latest.version })}
        </h3>
        <Badge appearance="tint" data-testid="review-status" data-status={state.status}>
          {t(`reviewStatus_${state.status}` as StringKey)}
        </Badge>
        {busy && <Spinner size="tiny" />}
      </div>

      <h4 className={styles.heading}>{t('reviewFlagsHeading')}</h4>
      {rows.length === 0 && <Body1 className={styles.muted}>{t('reviewNoFlags')}</Body1>}
      {rows.map(({ flag, justification, state: flagState }) => (
        <div key={flag.key} className={styles.flag} data-testid="review-flag" data-key={flag.key}>
          <div className={styles.row}>
            <Badge
              appearance="outline"
              color={flag.severity === 'warning' ? 'warning' : flag.severity === 'error' ? 'danger' : 'informative'}
              data-testid="review-flag-severity"
              data-severity={flag.severity}
            >
              {t(`reviewSeverity_${flag.severity}` as StringKey)}
            </Badge>
            <Caption1>{flag.cellName ? labels.cell(flag.cellName) : flag.key}</Caption1>
            {flagState && (
              <Badge appearance="tint" color={flagState.action === 'query' ? 'warning' : 'success'} data-testid="review-flag-state">
                {t(flagState.action === 'query' ? 'reviewFlagState_query' : 'reviewFlagState_accept')}
              </Badge>
            )}
          </div>
          <Body1>{labels.message(flag)}</Body1>
          <Caption1 className={styles.muted}>{justification ? t('reviewJustification', { text: justification }) : t('reviewNoJustification')}</Caption1>
          {flagState?.comment && <Caption1>“{flagState.comment}” — {who(flagState)}, {vnTime(flagState.createdAt, lang)}</Caption1>}
          <div className={styles.row}>
            <Button size="small" onClick={() => void onReview({ version: latest.version, flagKey: flag.key, action: 'accept' })} disabled={busy} data-testid="review-accept-flag">
              {t('reviewAccept')}
            </Button>
            <CommentAction
              label={t('reviewQuery')}
              confirm={t('reviewSendQuery')}
              disabled={busy}
              testId="review-query"
              onSend={(comment) => onReview({ version: latest.version, flagKey: flag.key, action: 'query', comment })}
            />
          </div>
        </div>
      ))}

      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void onReview({ version: latest.version, action: 'acceptReturn' })} disabled={busy} data-testid="review-accept-return">
          {t('reviewAcceptReturn')}
        </Button>
        <CommentAction
          label={t('reviewSendBack')}
          confirm={t('reviewConfirmSendBack')}
          disabled={busy}
          testId="review-send-back"
          onSend={(comment) => onReview({ version: latest.version, action: 'sendBack', comment })}
        />
      </div>

      {state.changesSinceQueried && (
        <section data-testid="review-changes">
          <h4 className={styles.heading}>{t('reviewChangesHeading', { from: state.changesSinceQueried.fromVersion, to: state.changesSinceQueried.toVersion })}</h4>
          {state.changesSinceQueried.changes.length === 0 ? (
            <Caption1>{t('reviewNoChanges')}</Caption1>
          ) : (
            <ul className={styles.list}>
              {state.changesSinceQueried.changes.map((c) => (
                <li key={`${c.kind}:${c.path}`}>
                  <Caption1>
                    {labels.change(c.path)}: {c.before ?? '—'} → {c.after ?? '—'}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section data-testid="review-history">
        <h4 className={styles.heading}>{t('reviewHistoryHeading')}</h4>
        {reviews.length === 0 ? (
          <Caption1 className={styles.muted}>{t('reviewNoHistory')}</Caption1>
        ) : (
          <ul className={styles.list}>
            {reviews.map((e) => (
              <li key={e.id}>
                <Caption1>
                  {t('reviewHistoryItem', {
                    time: vnTime(e.createdAt, lang),
                    who: who(e),
                    action: t(`reviewAction_${e.action}` as StringKey),
                    version: e.version,
                    flag: e.flagKey ? `, ${labels.cell(cellNameOfKey(e.flagKey) ?? e.flagKey)}` : '',
                  })}
                  {e.comment ? `: “${e.comment}”` : ''}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
