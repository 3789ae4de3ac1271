import { describeApiFailure } from '../../workbook/excel/submit/sendProblem';
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ReviewEntry, ReviewState } from '../../domain/payload/api';
import { getReviewState, returnIdOfReceipt } from '../../review/client';
import type { MarkOutcome, QueryMark } from '../../workbook/excel/review/queryMarks';
import type { Lang } from '../../workbook/port';
import { useLanguage } from '../i18n/LanguageContext';
import { translate } from '../i18n/strings';
import type { ConnectionSettings } from '../submit/connection';
import { useRowLabels } from '../rowLabels';
import { cellNameOfKey, vnTime } from './reviewView';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export interface ReceiptRef {
  unitId: string;
  year: number;
  quarter: number;
  version: number;
}

export interface OpenQueriesProps {
  /** The reporter's connection (the Gửi tab's). */
  connection: ConnectionSettings;
  /** The workbook's last receipt (setting chitieu.lastReceipt), or null. */
  readReceipt(): Promise<ReceiptRef | null>;
  /** Marks the queried cells on the sheet (comments); optional. */
  markCells?(marks: QueryMark[]): Promise<MarkOutcome>;
  fetch?: typeof fetch;
}

const who = (e: ReviewEntry, lang: Lang) => e.reviewer.label ?? translate('reviewerUnknown', lang);

/** What each open query's comment on the sheet says. */
export function queryMarks(state: ReviewState, lang: Lang): QueryMark[] {
  return state.openQueries.flatMap((q) => {
    const cellName = q.flagKey ? cellNameOfKey(q.flagKey) : null;
    return cellName ? [{ cellName, text: `${translate('queriesHeading', lang)}: ${q.comment ?? ''} (${who(q, lang)}, ${vnTime(q.createdAt, lang)})` }] : [];
  });
}

/** "Câu hỏi của người duyệt": the open queries of the return this workbook last sent. */
export function OpenQueriesView({ state, marked }: { state: ReviewState; marked: boolean }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const labels = useRowLabels();
  if (state.status === 'accepted')
    return (
      <MessageBar intent="success" data-testid="open-queries-accepted">
        <MessageBarBody>{t('queriesAccepted')}</MessageBarBody>
      </MessageBar>
    );
  if (state.openQueries.length === 0) return null;
  const version = Math.max(...state.openQueries.map((q) => q.version));
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="open-queries">
      <MessageBarBody>
        <MessageBarTitle>{t('queriesHeading')}</MessageBarTitle>
        <Body1>{t('queriesIntro', { count: state.openQueries.length, version })}</Body1>
        <ul className={styles.list}>
          {state.openQueries.map((q) => (
            <li key={q.id} data-testid="open-query" data-key={q.flagKey ?? ''}>
              <Caption1>
                {t('queriesItem', {
                  where: q.flagKey ? labels.cell(cellNameOfKey(q.flagKey) ?? q.flagKey) : t('queriesReturn'),
                  comment: q.comment ?? '',
                  who: who(q, lang),
                  time: vnTime(q.createdAt, lang),
                })}
              </Caption1>
            </li>
          ))}
        </ul>
        {marked && <Caption1>{t('queriesMarked')}</Caption1>}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Fetches the open queries once, when the pane opens on a workbook with a receipt and a connection. */
export function OpenQueries({ connection, readReceipt, markCells, fetch: doFetch }: OpenQueriesProps) {
  const { lang, t } = useLanguage();
  const [state, setState] = useState<ReviewState | null>(null);
  const [marked, setMarked] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const config = connection.load();
      if (!config.url || !config.token) return;
      const receipt = await readReceipt().catch(() => null);
      if (!receipt || !live) return;
      const res = await getReviewState(config, returnIdOfReceipt(receipt), doFetch ? { fetch: doFetch } : {});
      if (!live) return;
      if (!res.ok) {
        // No review yet is not news; a 404 means the server does not know the return (another endpoint).
        if (res.httpStatus !== 404) setError(describeApiFailure(res.error, res.httpStatus, lang));
        return;
      }
      setState(res.data);
      if (markCells) {
        const outcome = await markCells(queryMarks(res.data, lang)).catch(() => null);
        if (live && outcome && outcome.marked.length > 0) setMarked(true);
      }
    })();
    return () => {
      live = false;
    };
    // Once per pane opening (and connection object).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection]);

  if (error)
    return (
      <MessageBar intent="info" data-testid="open-queries-error">
        <MessageBarBody>{t('queriesFailed', { reason: error })}</MessageBarBody>
      </MessageBar>
    );
  return state ? <OpenQueriesView state={state} marked={marked} /> : null;
}

export default OpenQueries;
