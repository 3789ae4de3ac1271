import { describeApiFailure } from '../../workbook/excel/submit/sendProblem';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ReturnListItem, ReviewList, ReviewRequest, VersionItem } from '../../domain/payload/api';
import { getReviews, getVersions, listReturns, postReview } from '../../review/client';
import { ChoiceDropdown } from '../ChoiceDropdown';
import { useLanguage } from '../i18n/LanguageContext';
import { ConnectionForm } from '../submit/ConnectionForm';
import type { Connection, ConnectionSettings } from '../submit/connection';
import { ReturnReview } from './ReturnReview';
import { vnTime } from './reviewView';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  row: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface ReviewPanelProps {
  /** The reviewer's endpoint URL and token (its own key in the add-in's storage). */
  connection: ConnectionSettings;
  years: readonly number[];
  initialYear: number;
  fetch?: typeof fetch;
}

interface Opened {
  returnId: string;
  versions: VersionItem[];
  review: ReviewList;
}

/** Duyệt: the returns of a period; one opened with its flags, justifications, actions and history. */
export function ReviewPanel({ connection, years, initialYear, fetch: doFetch }: ReviewPanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const [config, setConfig] = useState<Connection>(() => connection.load());
  const [year, setYear] = useState(initialYear);
  const [quarter, setQuarter] = useState(1);
  const [returns, setReturns] = useState<ReturnListItem[] | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = doFetch ? { fetch: doFetch } : {};
  const ready = config.url !== '' && config.token !== '';

  const load = async () => {
    setBusy(true);
    setError(null);
    const res = await listReturns(config, { year, quarter }, options);
    setBusy(false);
    if (res.ok) setReturns(res.data.returns);
    else setError(t('reviewFailed', { reason: describeApiFailure(res.error, res.httpStatus, lang) }));
  };

  const open = useCallback(
    async (returnId: string) => {
      setBusy(true);
      setError(null);
      const [versions, review] = await Promise.all([getVersions(config, returnId, options), getReviews(config, returnId, options)]);
      setBusy(false);
      if (!versions.ok) return setError(t('reviewFailed', { reason: describeApiFailure(versions.error, versions.httpStatus, lang) }));
      if (!review.ok) return setError(t('reviewFailed', { reason: describeApiFailure(review.error, review.httpStatus, lang) }));
      setOpened({ returnId, versions: versions.data.versions, review: review.data });
    },
    [config, lang, doFetch],
  );

  const act = async (request: ReviewRequest): Promise<string | null> => {
    if (!opened) return null;
    setBusy(true);
    const res = await postReview(config, opened.returnId, request, options);
    if (!res.ok) {
      setBusy(false);
      const reason = describeApiFailure(res.error, res.httpStatus, lang);
      setError(t('reviewFailed', { reason }));
      return reason;
    }
    await open(opened.returnId);
    return null;
  };

  return (
    <div className={styles.panel} data-testid="review-panel">
      <Body1>{t('reviewIntro')}</Body1>
      <ConnectionForm settings={connection} onSaved={setConfig} {...(doFetch ? { fetch: doFetch } : {})} />
      {!ready && <Caption1 className={styles.muted}>{t('reviewNeedsConnection')}</Caption1>}
      {error && (
        <MessageBar intent="error" data-testid="review-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {opened ? (
        <>
          <div>
            <Button appearance="subtle" onClick={() => setOpened(null)} data-testid="review-back">
              {t('reviewBack')}
            </Button>
          </div>
          <ReturnReview returnId={opened.returnId} versions={opened.versions} reviews={opened.review.reviews} state={opened.review.state} busy={busy} onReview={act} />
        </>
      ) : (
        <>
          <div className={styles.row}>
            <ChoiceDropdown<number> label={t('reviewYear')} choices={years.map((y) => ({ value: y, text: String(y) }))} value={year} onChange={setYear} disabled={busy} />
            <ChoiceDropdown<number>
              label={t('reviewQuarter')}
              choices={[1, 2, 3, 4].map((n) => ({ value: n, text: t('reviewQuarterN', { n }) }))}
              value={quarter}
              onChange={setQuarter}
              disabled={busy}
            />
            <Button appearance="primary" onClick={() => void load()} disabled={!ready || busy} data-testid="review-list">
              {t('reviewList')}
            </Button>
            {busy && <Spinner size="tiny" label={t('reviewBusy')} />}
          </div>
          {returns && returns.length === 0 && <Body1 data-testid="review-no-returns">{t('reviewNoReturns')}</Body1>}
          {returns && returns.length > 0 && (
            <ul className={styles.list} data-testid="review-returns">
              {returns.map((r) => (
                <li key={r.returnId} className={styles.item}>
                  <Caption1>{t('reviewReturnRow', { unit: r.unitId, version: r.latestVersion, time: vnTime(r.receivedAt, lang), warnings: r.warnings })}</Caption1>
                  <Button size="small" onClick={() => void open(r.returnId)} disabled={busy} data-testid="review-open" data-return={r.returnId}>
                    {t('reviewOpen')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export default ReviewPanel;
