import {
  Body1, Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens,
} from '@fluentui/react-components';
import { Fragment, useRef, useState } from 'react';
import type { Catalogue, UnitList } from '../../catalogue/schema';
import { countSkipped } from '../../domain/summary/skipped';
import type { SkipKind } from '../../domain/summary/types';
import type { Lang } from '../../workbook/port';
import type { SummaryWriter } from '../../workbook/excel/summary/writeSummary';
import { ChoiceDropdown } from '../ChoiceDropdown';
import { errorMessage } from '../errorMessage';
import { useLanguage } from '../i18n/LanguageContext';
import { ConnectionForm } from '../submit/ConnectionForm';
import type { Connection, ConnectionSettings } from '../submit/connection';
import { defaultYear } from '../unitSearch';
import { aggregate, type AggregateOutcome, type AggregateProgress } from './aggregate';
import type { PickedFile } from './readReturnFile';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  row: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  counts: { display: 'grid', gridTemplateColumns: 'auto auto', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

type SourceKind = 'files' | 'folder' | 'endpoint';

/**
 * This panel's sentences for returns with errors and the kinds of skip (issue 10, item 9), kept
 * here until they join AGGREGATE_STRINGS (i18n/aggregateStrings.ts, another owner's file).
 */
const TEXT = {
  strict: { vi: 'Chỉ dùng báo cáo không có lỗi', en: 'Only returns without errors' },
  strictHint: {
    vi: 'Không chọn: báo cáo còn lỗi vẫn được dùng cho các số liệu đọc được, lỗi được đánh dấu trong bảng tổng hợp.',
    en: 'Unticked: a return with errors is still used for the figures that read; its errors are marked in the summary.',
  },
  withErrors: { vi: 'Báo cáo còn lỗi (đã dùng số liệu đọc được)', en: 'Returns with errors (the figures that read used)' },
  withErrorsItem: { vi: '{n} lỗi', en: '{n} errors' },
  withErrorsOne: { vi: '1 lỗi', en: '1 error' },
  superseded: { vi: 'Phiên bản cũ hơn (đã thay bằng bản mới)', en: 'Older versions (replaced by later ones)' },
  failed: { vi: 'Tệp không đọc được', en: 'Files that could not be read' },
  otherPeriod: { vi: 'Báo cáo của kỳ khác', en: 'Returns for another period' },
} as const;
const text = (key: keyof typeof TEXT, lang: Lang, n?: number) => TEXT[key][lang].replace('{n}', String(n ?? ''));
const SKIP_ORDER: readonly SkipKind[] = ['failed', 'otherPeriod', 'superseded'];

export interface AggregatePanelProps {
  writer: SummaryWriter;
  /** The aggregator's endpoint URL and token (its own key in the add-in's storage). */
  connection: ConnectionSettings;
  catalogue: Catalogue;
  units: UnitList;
  fetch?: typeof fetch;
}

/** Tổng hợp: the year and quarter, where the returns come from, then the summary sheets. */
export function AggregatePanel({ writer, connection, catalogue, units, fetch: doFetch }: AggregatePanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const [year, setYear] = useState(() => defaultYear(catalogue.years));
  const [quarter, setQuarter] = useState(1);
  const [kind, setKind] = useState<SourceKind>('files');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [strict, setStrict] = useState(false);
  const [config, setConfig] = useState<Connection>(() => connection.load());
  const [progress, setProgress] = useState<AggregateProgress | null>(null);
  const [outcome, setOutcome] = useState<AggregateOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const busy = progress !== null;
  const ready = kind === 'endpoint' ? config.url !== '' && config.token !== '' : files.length > 0;

  const run = async () => {
    setError(null);
    setOutcome(null);
    setProgress({ phase: 'summarising' });
    try {
      const result = await aggregate(
        {
          year,
          quarter,
          lang,
          source: kind === 'endpoint' ? { kind: 'endpoint', connection: config } : { kind: 'files', files },
          strict,
          onProgress: setProgress,
        },
        { writer, catalogue, units, ...(doFetch ? { fetch: doFetch } : {}) },
      );
      setOutcome(result);
    } catch (e) {
      setError(t('aggFailed', { reason: errorMessage(e, lang) }));
    } finally {
      setProgress(null);
    }
  };

  const picked = (list: FileList | null) => {
    setFiles(list ? Array.from(list) : []);
    setOutcome(null);
  };

  const progressText =
    progress?.phase === 'reading' ? t('aggReading', { done: progress.done, total: progress.total, name: progress.name })
    : progress?.phase === 'fetching' ? t('aggFetching')
    : progress?.phase === 'writing' ? t('aggWriting')
    : progress ? t('aggSummarising')
    : '';

  return (
    <div className={styles.panel} data-testid="aggregate-panel">
      <Body1 className={styles.muted}>{t('aggIntro')}</Body1>
      <div className={styles.row}>
        <ChoiceDropdown<number> label={t('aggYear')} choices={catalogue.years.map((y) => ({ value: y, text: String(y) }))} value={year} onChange={setYear} disabled={busy} />
        <ChoiceDropdown<number> label={t('aggQuarter')} choices={[1, 2, 3, 4].map((n) => ({ value: n, text: t('aggQuarterN', { n }) }))} value={quarter} onChange={setQuarter} disabled={busy} />
      </div>

      {/* A dropdown rather than radio buttons: Fluent's Dropdown is in the pane's first bundle already. */}
      <ChoiceDropdown<SourceKind>
        label={t('aggSource')}
        choices={[
          { value: 'files', text: t('aggSourceFiles') },
          { value: 'folder', text: t('aggSourceFolder') },
          { value: 'endpoint', text: t('aggSourceEndpoint') },
        ]}
        value={kind}
        disabled={busy}
        onChange={(next) => {
          setKind(next);
          setFiles([]);
          setOutcome(null);
        }}
      />

      {kind === 'files' && (
        <Field label={t('aggPickFiles')} hint={files.length > 0 ? t('aggPicked', { n: files.length }) : t('aggNoFiles')}>
          <input type="file" multiple accept=".xlsx" data-testid="aggregate-files" disabled={busy} onChange={(e) => picked(e.currentTarget.files)} />
        </Field>
      )}
      {kind === 'folder' && (
        <Field label={t('aggPickFolder')} hint={files.length > 0 ? t('aggPicked', { n: files.length }) : t('aggNoFiles')}>
          <input
            type="file"
            multiple
            data-testid="aggregate-folder"
            disabled={busy}
            ref={(el) => {
              folderInput.current = el;
              // Not in React's typings: set as attributes so the browser offers a folder.
              el?.setAttribute('webkitdirectory', '');
              el?.setAttribute('directory', '');
            }}
            onChange={(e) => picked(e.currentTarget.files)}
          />
        </Field>
      )}
      {kind === 'endpoint' && (
        <>
          <ConnectionForm settings={connection} onSaved={setConfig} {...(doFetch ? { fetch: doFetch } : {})} />
          {!(config.url && config.token) && <Caption1 className={styles.muted}>{t('aggNeedsConnection')}</Caption1>}
        </>
      )}

      {kind !== 'endpoint' && (
        // The endpoint holds only returns without errors: the choice is for files.
        <Field hint={text('strictHint', lang)}>
          <Checkbox
            checked={strict}
            disabled={busy}
            onChange={(_, d) => setStrict(d.checked === true)}
            label={text('strict', lang)}
            data-testid="aggregate-strict"
          />
        </Field>
      )}

      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={busy || !ready} data-testid="aggregate-run">
          {t('aggRun')}
        </Button>
      </div>

      {progress && (
        <Field validationMessage={progressText} validationState="none" data-testid="aggregate-progress">
          <ProgressBar value={progress.phase === 'reading' ? progress.done / Math.max(1, progress.total) : undefined} thickness="large" />
        </Field>
      )}

      {error && (
        <MessageBar intent="error" data-testid="aggregate-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {outcome && <Outcome outcome={outcome} year={year} quarter={quarter} />}
    </div>
  );
}

function Outcome({ outcome, year, quarter }: { outcome: AggregateOutcome; year: number; quarter: number }) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { written } = outcome;
  const counts = countSkipped(outcome.skipped);
  return (
    <div data-testid="aggregate-result" data-used={outcome.used} data-skipped={outcome.skipped.length} data-conflicts={outcome.conflicts} data-missing={outcome.missingUnits.length} data-syncs={written.syncs}>
      <MessageBar intent="success">
        <MessageBarBody>{t('aggDone', { quarter, year, sheets: written.sheets.join(', ') })}</MessageBarBody>
      </MessageBar>
      <dl className={styles.counts}>
        <dt>{t('aggUsed')}</dt>
        <dd data-testid="aggregate-used">{outcome.used}</dd>
        {outcome.withErrors.length > 0 && (
          <>
            <dt>{text('withErrors', lang)}</dt>
            <dd data-testid="aggregate-with-errors">{outcome.withErrors.length}</dd>
          </>
        )}
        <dt>{t('aggSkipped')}</dt>
        <dd data-testid="aggregate-skipped">{outcome.skipped.length}</dd>
        {SKIP_ORDER.filter((k) => counts[k] > 0).map((k) => (
          <Fragment key={k}>
            <dt className={styles.muted}>– {text(k, lang)}</dt>
            <dd data-testid={`aggregate-skipped-${k}`}>{counts[k]}</dd>
          </Fragment>
        ))}
        <dt>{t('aggConflicts')}</dt>
        <dd data-testid="aggregate-conflicts">{outcome.conflicts}</dd>
        <dt>{t('aggMissing')}</dt>
        <dd data-testid="aggregate-missing">{outcome.missingUnits.length}</dd>
      </dl>
      <Caption1 className={styles.muted}>
        {written.chart === 'added' ? t('aggChartAdded') : written.chart === 'none' ? '' : t('aggChartMissing')} {t('aggSyncs', { n: written.syncs })}
      </Caption1>
      {outcome.withErrors.length > 0 && (
        <section>
          <Body1>{text('withErrors', lang)}</Body1>
          <ul className={styles.list} data-testid="aggregate-with-errors-list">
            {outcome.withErrors.map((w, i) => (
              <li key={`${w.source}-${i}`}>
                <strong>{w.source}</strong>: {w.errors === 1 ? text('withErrorsOne', lang) : text('withErrorsItem', lang, w.errors)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {outcome.skipped.length > 0 && (
        <section>
          <Body1>{t('aggSkippedHeading', { n: outcome.skipped.length })}</Body1>
          <ul className={styles.list} data-testid="aggregate-skipped-list">
            {outcome.skipped.map((s, i) => (
              <li key={`${s.source}-${i}`}>
                <strong>{s.source}</strong>: {s.reason[lang]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export default AggregatePanel;
