import { Button, Spinner, Subtitle1, Body1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { findUnit, unitsForYear } from '../catalogue/load';
import type { Catalogue, ReportingUnit, UnitList } from '../catalogue/schema';
import type { MarkOutcome, QueryMark } from '../workbook/excel/review/queryMarks';
import type { SummaryWriter } from '../workbook/excel/summary/writeSummary';
import type { Lang, ReturnChecker, ReturnSubmitter, ReturnWorkbook } from '../workbook/port';
import { CheckPanel } from './check/CheckPanel';
import { createAcknowledgements } from './acknowledgements';
import { ChoiceDropdown } from './ChoiceDropdown';
import { FlowMessage } from './FlowMessage';
import { useLanguage } from './i18n/LanguageContext';
import type { StringKey } from './i18n/strings';
import { ReplaceDialog } from './ReplaceDialog';
import type { ConnectionSettings } from './submit/connection';
import { SubmitPanel, type SubmitPanelProps } from './submit/SubmitPanel';
import { UnitPicker } from './UnitPicker';
import { defaultYear } from './unitSearch';
import { availableRoles, loadRole, saveRole, tabsOfRole, type PaneTab, type Role } from './role';
import { useReturnWorkbook } from './useReturnWorkbook';
import { WorkbookSummary } from './WorkbookSummary';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '520px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  tabPanel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  // A role's tabs fit a narrow pane; should a font make them wider, they wrap instead of being cut off.
  tabs: { flexWrap: 'wrap' },
});

const ROLE_LABEL: Record<Role, StringKey> = { reporter: 'roleReporter', reviewer: 'roleReviewer', aggregator: 'roleAggregator' };
const TAB_LABEL: Record<PaneTab, StringKey> = { create: 'tabCreate', check: 'tabCheck', submit: 'tabSubmit', review: 'tabReview', aggregate: 'tabAggregate' };

// The review code (its client, the Duyệt panel, the reporter's open queries) loads on first use.
const ReviewPanel = lazy(() => import('./review/ReviewPanel'));
const OpenQueries = lazy(() => import('./review/OpenQueries'));
// The Tổng hợp tab (file reader, summary, its sheets) loads on first use too.
const AggregatePanel = lazy(() => import('./aggregate/AggregatePanel'));

export interface TaskPaneProps {
  workbook: ReturnWorkbook;
  checker: ReturnChecker;
  catalogue: Catalogue;
  units: UnitList;
  /** The Gửi (Submit) tab is shown when these are given. */
  submitter?: ReturnSubmitter;
  connection?: ConnectionSettings;
  submitOptions?: SubmitPanelProps['options'];
  /** The Duyệt (Review) tab is shown when the reviewer's connection settings are given. */
  reviewConnection?: ConnectionSettings;
  /** Marks the reviewer's open queries on the sheet (the reporter's workbook). */
  markQueries?(marks: QueryMark[]): Promise<MarkOutcome>;
  /** The Tổng hợp (Aggregate) tab is shown when a summary writer is given; the endpoint source uses the aggregator's connection. */
  summaryWriter?: SummaryWriter;
  aggregateConnection?: ConnectionSettings;
  /** Whose work the pane opens on; the one kept on this computer (or a reporting unit's) otherwise. */
  initialRole?: Role;
}

export function TaskPane(props: TaskPaneProps) {
  const { workbook, checker, catalogue, units, submitter, connection, submitOptions, reviewConnection, markQueries, summaryWriter, aggregateConnection, initialRole } = props;
  const { lang, setLang, t } = useLanguage();
  const styles = useStyles();
  const { workbookState, flow, refresh, create, confirmReplace, cancel, dismiss } = useReturnWorkbook(workbook);
  const [year, setYear] = useState(() => defaultYear(catalogue.years));
  const [unit, setUnit] = useState<ReportingUnit | null>(null);
  const [sheetLang, setSheetLang] = useState<Lang>('vi');
  const [dropped, setDropped] = useState<ReportingUnit | null>(null);
  const [showRequired, setShowRequired] = useState(false);
  const prefilled = useRef(false);
  const shown = useMemo(() => {
    const tabs = new Set<PaneTab>(['create', 'check']);
    if (submitter && connection) tabs.add('submit');
    if (reviewConnection) tabs.add('review');
    if (summaryWriter && aggregateConnection) tabs.add('aggregate');
    return tabs;
  }, [submitter, connection, reviewConnection, summaryWriter, aggregateConnection]);
  const roles = useMemo(() => availableRoles(shown), [shown]);
  const [role, setRoleState] = useState<Role>(() => {
    const kept = initialRole ?? loadRole();
    return kept && roles.includes(kept) ? kept : 'reporter';
  });
  const roleTabs = tabsOfRole(role, shown);
  const [tab, setTab] = useState<PaneTab>(() => roleTabs[0] ?? 'create');
  const chooseRole = (next: Role) => {
    setRoleState(next);
    saveRole(next);
    setTab(tabsOfRole(next, shown)[0] ?? 'create');
  };
  const [reviewOpened, setReviewOpened] = useState(false);
  const [aggregateOpened, setAggregateOpened] = useState(false);
  useEffect(() => {
    if (tab === 'aggregate') setAggregateOpened(true);
  }, [tab]);
  useEffect(() => {
    if (tab === 'review') setReviewOpened(true);
  }, [tab]);
  // The reporter's open queries are asked for only when an endpoint is configured.
  const [askQueries] = useState(() => Boolean(submitter && connection && connection.load().url));

  const unitsOfYear = useMemo(() => unitsForYear(units, year), [units, year]);
  // One record of acknowledged warnings for Kiểm tra and Gửi, saved to the workbook at each tick.
  const acknowledgements = useMemo(() => createAcknowledgements((keys) => checker.saveAcknowledged(keys)), [checker]);

  // A workbook that already holds a return suggests its unit and year, once, if nothing is chosen.
  useEffect(() => {
    if (prefilled.current || workbookState.phase !== 'read') return;
    prefilled.current = true;
    const existing = workbookState.existing;
    // Opened on a workbook that already holds a return: checking it is what a reporter came for.
    if (existing && role === 'reporter') setTab('check');
    if (!existing || unit) return;
    const found = existing.unitId ? findUnit(units, existing.unitId) : undefined;
    const foundYear = existing.year !== null && catalogue.years.includes(existing.year) ? existing.year : year;
    if (found && unitsForYear(units, foundYear).includes(found)) {
      setYear(foundYear);
      setUnit(found);
    }
  }, [workbookState, unit, units, catalogue.years, year, role]);

  const chooseYear = (next: number) => {
    setYear(next);
    if (unit && !unitsForYear(units, next).includes(unit)) {
      setDropped(unit);
      setUnit(null);
    } else setDropped(null);
  };

  const working = flow.phase === 'working';
  const onCreate = () => {
    if (!unit) {
      setShowRequired(true);
      return;
    }
    create({ unitId: unit.id, year, lang: sheetLang });
  };

  const notice = dropped
    ? t('unitDroppedForYear', { unit: dropped.name[lang], year })
    : showRequired && !unit
      ? t('unitRequired')
      : undefined;

  return (
    <main className={styles.pane} lang={lang}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.heading}>
            <Subtitle1>{t('appTitle')}</Subtitle1>
          </h1>
          <Body1 className={styles.subtitle}>{t('appSubtitle')}</Body1>
        </div>
        <Button
          appearance="subtle"
          aria-label={t('switchLanguageLabel')}
          lang={lang === 'vi' ? 'en' : 'vi'}
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {t('switchLanguage')}
        </Button>
      </header>

      <WorkbookSummary state={workbookState} units={units} onRefresh={refresh} />

      {roles.length > 1 && (
        <ChoiceDropdown<Role>
          label={t('roleLabel')}
          choices={roles.map((r) => ({ value: r, text: t(ROLE_LABEL[r]) }))}
          value={role}
          onChange={chooseRole}
        />
      )}

      {roleTabs.length > 0 && (
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as PaneTab)} aria-label={t('tabsLabel')}>
          {roleTabs.map((value) => (
            <Tab key={value} value={value} id={`tab-${value}`} aria-controls={`panel-${value}`}>
              {t(TAB_LABEL[value])}
            </Tab>
          ))}
        </TabList>
      )}

      {/* Both panels stay mounted: switching tabs keeps the choices made and the last check's flags. */}
      <div role="tabpanel" id="panel-create" aria-labelledby="tab-create" hidden={tab !== 'create'}>
        <div className={styles.tabPanel}>
          <UnitPicker
            units={unitsOfYear}
            selected={unit}
            disabled={working}
            notice={notice}
            onSelect={(u) => {
              setUnit(u);
              setDropped(null);
              setShowRequired(false);
            }}
          />
          <ChoiceDropdown
            label={t('yearLabel')}
            choices={catalogue.years.map((y) => ({ value: y, text: String(y) }))}
            value={year}
            onChange={chooseYear}
            disabled={working}
          />
          <ChoiceDropdown<Lang>
            label={t('sheetLangLabel')}
            hint={t('sheetLangHint')}
            choices={[
              { value: 'vi', text: t('sheetLangVi') },
              { value: 'en', text: t('sheetLangEn') },
            ]}
            value={sheetLang}
            onChange={setSheetLang}
            disabled={working}
          />

          <div className={styles.actions}>
            <Button appearance="primary" size="large" onClick={onCreate} disabled={working} data-testid="create-return">
              {t('createButton')}
            </Button>
            {working && <Spinner size="small" labelPosition="after" label={t('creating')} />}
          </div>

          <FlowMessage flow={flow} onDismiss={dismiss} />
        </div>
      </div>

      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={tab !== 'check'}>
        {askQueries && submitter && connection && (
          <Suspense fallback={null}>
            <OpenQueries connection={connection} readReceipt={() => submitter.pending().then((s) => s.lastReceipt)} {...(markQueries ? { markCells: markQueries } : {})} />
          </Suspense>
        )}
        <CheckPanel
          checker={checker}
          hasReturn={workbookState.phase === 'read' ? workbookState.existing !== null : null}
          onChecked={refresh}
          acknowledgements={acknowledgements}
        />
      </div>

      {submitter && connection && (
        <div role="tabpanel" id="panel-submit" aria-labelledby="tab-submit" hidden={tab !== 'submit'}>
          <SubmitPanel
            submitter={submitter}
            connection={connection}
            active={tab === 'submit'}
            onGoToCheck={() => setTab('check')}
            unitId={workbookState.phase === 'read' ? (workbookState.existing?.unitId ?? null) : null}
            acknowledgements={acknowledgements}
            {...(submitOptions ? { options: submitOptions } : {})}
          />
        </div>
      )}

      {reviewConnection && (
        <div role="tabpanel" id="panel-review" aria-labelledby="tab-review" hidden={tab !== 'review'}>
          {reviewOpened && (
            <Suspense fallback={<Spinner size="small" label={t('reviewLoading')} />}>
              <ReviewPanel connection={reviewConnection} years={catalogue.years} initialYear={defaultYear(catalogue.years)} />
            </Suspense>
          )}
        </div>
      )}

      {summaryWriter && aggregateConnection && (
        <div role="tabpanel" id="panel-aggregate" aria-labelledby="tab-aggregate" hidden={tab !== 'aggregate'}>
          {aggregateOpened && (
            <Suspense fallback={<Spinner size="small" label={t('aggLoading')} />}>
              <AggregatePanel writer={summaryWriter} connection={aggregateConnection} catalogue={catalogue} units={units} />
            </Suspense>
          )}
        </div>
      )}

      <ReplaceDialog units={units} existing={flow.phase === 'confirm' ? flow.existing : null} onReplace={confirmReplace} onCancel={cancel} />
    </main>
  );
}
