import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { receivingText, vietnamTime } from '../../layout/receiptPlan';
import type { ReturnSubmitter } from '../../workbook/port';
import { shortAddress } from '../check/checkView';
import { describeSendProblem } from '../../workbook/excel/submit/sendProblem';
import { errorMessage } from '../errorMessage';
import { useLanguage } from '../i18n/LanguageContext';
import { useCatalogue, useRowLabels } from '../rowLabels';
import { ConnectionForm } from './ConnectionForm';
import type { Acknowledgements } from '../acknowledgements';
import type { ConnectionSettings } from './connection';
import { canSend, openWarnings, useSubmit, type UseSubmitOptions } from './useSubmit';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  receipt: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { margin: 0 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface SubmitPanelProps {
  submitter: ReturnSubmitter;
  connection: ConnectionSettings;
  /** Switch the pane to the Kiểm tra tab (to correct errors or justify warnings). */
  onGoToCheck?(): void;
  options?: Omit<UseSubmitOptions, 'lang'>;
  /** The tab is shown: the return is read again (it may have changed in the sheet). */
  active?: boolean;
  /** The workbook's unit, when known: the connection test checks the token is that unit's. */
  unitId?: string | null;
  /** The pane's one record of acknowledged warnings (shared with the Kiểm tra tab). */
  acknowledgements?: Acknowledgements;
}

/** The Gửi panel: connection settings, what stops sending, Gửi (or export for e-mail), progress, receipt. */
export function SubmitPanel({ submitter, connection, onGoToCheck, options = {}, active = true, unitId = null, acknowledgements }: SubmitPanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const labels = useRowLabels();
  const catalogue = useCatalogue();
  const s = useSubmit(submitter, connection, { ...options, lang, ...(acknowledgements ? { acknowledgements } : {}) });
  const [hasUrl, setHasUrl] = useState(() => connection.load().url !== '');
  const { reread } = s;
  useEffect(() => {
    if (active) reread();
  }, [active, reread]);
  const open = openWarnings(s.review, s.acknowledged);
  const ready = canSend(s.review, s.acknowledged);
  const pending = s.state?.pending ?? null;
  const busyLabel =
    s.busy === 'sending'
      ? t('submitSending', { attempt: s.attempt })
      : s.busy === 'preparing'
        ? t('submitPreparing')
        : s.busy === 'exporting'
          ? t('submitExporting')
          : s.busy === 'reviewing'
            ? t('submitReviewing')
            : null;
  const readiness = !s.review
    ? t('submitNeedsReview')
    : s.review.errors.length > 0
      ? t('submitErrors', { count: s.review.errors.length })
      : open.length > 0
        ? t('submitOpenWarnings', { count: open.length })
        : t('submitReadyToSend');

  return (
    <div className={styles.panel} data-testid="submit-panel">
      {/* What stops sending and the Gửi button first: at a task pane's width they stay on screen (issue 12, item 8). */}
      <MessageBar intent={!s.review ? 'info' : ready ? 'success' : s.review.errors.length ? 'error' : 'warning'} data-testid="submit-readiness" data-can-submit={ready}>
        <MessageBarBody>
          {readiness}{' '}
          {s.review && !ready && onGoToCheck && (
            <Link as="button" onClick={onGoToCheck} data-testid="submit-go-check">
              {t('submitGoToCheck')}
            </Link>
          )}
        </MessageBarBody>
      </MessageBar>

      <div className={styles.actions}>
        <Button appearance="primary" size="large" disabled={!ready || s.busy !== null} onClick={() => s.submit()} data-testid="submit-button">
          {hasUrl ? t('submitButton') : t('exportButton')}
        </Button>
        <Button appearance="subtle" disabled={s.busy !== null} onClick={s.reread} data-testid="submit-reread">
          {t('submitReview')}
        </Button>
        {busyLabel && <Spinner size="small" labelPosition="after" label={busyLabel} data-testid="submit-progress" />}
      </div>

      {/* The question comes before the waiting submission it is about: its answer is what is needed. */}
      {s.notice?.kind === 'pendingDiffers' && (
        <MessageBar intent="warning" layout="multiline" data-testid="submit-differs">
          <MessageBarBody>
            <MessageBarTitle>{t('submitDiffersTitle')}</MessageBarTitle>
            {t('submitDiffersBody', { time: vietnamTime(s.notice.pending.createdAt) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={s.sendPending} data-testid="submit-send-pending">
              {t('submitSendPending')}
            </Button>
            <Button size="small" onClick={() => s.submit({ replacePending: true })} data-testid="submit-replace-pending">
              {t('submitReplacePending')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pending && (
        <MessageBar intent="warning" layout="multiline" data-testid="submit-pending" data-attempts={pending.attempts}>
          <MessageBarBody>
            <MessageBarTitle>{t('submitPendingTitle')}</MessageBarTitle>
            {t('submitPendingBody', { time: vietnamTime(pending.createdAt), attempts: pending.attempts, error: describeSendProblem(pending.lastError, lang) })}{' '}
            {s.nextRetryAt !== null && t('submitRetryAt', { time: new Date(s.nextRetryAt).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}
            {!hasUrl && ` ${t('submitNoConnection')}`}
          </MessageBarBody>
          {hasUrl && (
            <MessageBarActions>
              <Button size="small" disabled={s.busy !== null} onClick={s.retryNow} data-testid="submit-retry">
                {t('submitRetryNow')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {(s.notice?.kind === 'accepted' || s.notice?.kind === 'unchanged') && (
        <MessageBar
          intent="success"
          layout="multiline"
          data-testid={s.notice.kind === 'accepted' ? 'submit-receipt' : 'submit-unchanged'}
          data-receipt-number={s.notice.receipt.receiptNumber}
          data-version={s.notice.receipt.version}
        >
          <MessageBarBody>
            <MessageBarTitle>{t(s.notice.kind === 'accepted' ? 'submitAcceptedTitle' : 'submitUnchangedTitle')}</MessageBarTitle>
            <dl className={styles.receipt}>
              <dt className={styles.term}>{t('submitReceiptNumber')}</dt>
              <dd className={styles.value} data-testid="receipt-number">{s.notice.receipt.receiptNumber}</dd>
              <dt className={styles.term}>{t('submitReceiptVersion')}</dt>
              <dd className={styles.value} data-testid="receipt-version">{s.notice.receipt.version}</dd>
              <dt className={styles.term}>{t('submitReceiptTime')}</dt>
              <dd className={styles.value}>{vietnamTime(s.notice.receipt.receivedAt)}</dd>
            </dl>
            {s.notice.kind === 'unchanged' ? t('submitUnchangedBody') : !s.notice.receipt.created && t('submitAlreadyReceived')}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.notice?.kind === 'refused' && (
        <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="submit-refused">
          <MessageBarBody>
            <MessageBarTitle>{t('submitRefusedTitle')}</MessageBarTitle>
            {s.notice.error.message[lang]}
            {s.notice.error.flags && s.notice.error.flags.length > 0 && (
              <ul className={styles.list}>
                {s.notice.error.flags.map((f) => (
                  <li key={f.key}>{f.message[lang]}</li>
                ))}
              </ul>
            )}
            {s.notice.keptPending && ` ${t('submitRefusedKept')}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.notice?.kind === 'exported' && (
        <MessageBar intent="success" layout="multiline" data-testid="submit-exported">
          <MessageBarBody>
            <MessageBarTitle>{t('submitExportedTitle')}</MessageBarTitle>
            {t('submitExportedBody', { json: s.notice.names.json, csv: s.notice.names.csv, to: receivingText(catalogue, lang) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.notice?.kind === 'unreadable' && (
        <MessageBar intent="error" layout="multiline" data-testid="submit-unreadable">
          <MessageBarBody>
            <MessageBarTitle>{t('unreadableTitle')}</MessageBarTitle>
            {s.notice.message[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.notice?.kind === 'failed' && (
        <MessageBar intent="error" politeness="assertive" data-testid="submit-error">
          <MessageBarBody>
            <MessageBarTitle>{t('submitFailedTitle')}</MessageBarTitle>
            {errorMessage(s.notice.error, lang)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={t('dismiss')} onClick={s.dismiss}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}

      {s.state?.lastReceipt && s.notice?.kind !== 'accepted' && s.notice?.kind !== 'unchanged' && (
        <Caption1 className={styles.muted} data-testid="submit-last-receipt">
          {t('submitLastReceipt', { number: s.state.lastReceipt.receiptNumber, version: s.state.lastReceipt.version, time: vietnamTime(s.state.lastReceipt.receivedAt) })}
        </Caption1>
      )}
      {s.state?.final && (
        <Caption1 className={styles.muted} data-testid="submit-final">
          {t('submitFinalMark', { time: vietnamTime(s.state.final.at) })}
        </Caption1>
      )}
      {s.review && s.review.errors.length === 0 && open.length + s.review.warnings.filter((f) => s.acknowledged.has(f.key) && !f.justification?.trim()).length > 0 && (
        <ul className={styles.list} data-testid="submit-warnings">
          {s.review.warnings
            .filter((f) => !f.justification?.trim())
            .map((f) => (
              <li key={f.key} data-testid="submit-warning" data-flag-key={f.key}>
                <Body1>
                  {shortAddress(f.cell) ? `(${shortAddress(f.cell)}) ` : ''}
                  {labels.message(f)}
                </Body1>
                <Checkbox checked={s.acknowledged.has(f.key)} onChange={(_, d) => s.acknowledge(f.key, d.checked === true)} label={t('submitAcknowledge')} />
              </li>
            ))}
        </ul>
      )}

      <Body1 className={styles.intro}>{t('submitIntro')}</Body1>
      <ConnectionForm
        settings={connection}
        onSaved={(c) => setHasUrl(c.url !== '')}
        unitId={unitId}
        {...(options.fetch ? { fetch: options.fetch } : {})}
      />
      {!hasUrl && (
        <MessageBar intent="info">
          <MessageBarBody>{t('connectionNone')}</MessageBarBody>
        </MessageBar>
      )}

    </div>
  );
}
