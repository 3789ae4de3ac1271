import { Button, Spinner, Subtitle1, Body1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findUnit, unitsForYear } from '../catalogue/load';
import type { Catalogue, ReportingUnit, UnitList } from '../catalogue/schema';
import type { Lang, ReturnChecker, ReturnSubmitter, ReturnWorkbook } from '../workbook/port';
import { CheckPanel } from './check/CheckPanel';
import { ChoiceDropdown } from './ChoiceDropdown';
import { FlowMessage } from './FlowMessage';
import { useLanguage } from './i18n/LanguageContext';
import { ReplaceDialog } from './ReplaceDialog';
import type { ConnectionSettings } from './submit/connection';
import { SubmitPanel, type SubmitPanelProps } from './submit/SubmitPanel';
import { UnitPicker } from './UnitPicker';
import { defaultYear } from './unitSearch';
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
});

type PaneTab = 'create' | 'check' | 'submit';

export interface TaskPaneProps {
  workbook: ReturnWorkbook;
  checker: ReturnChecker;
  catalogue: Catalogue;
  units: UnitList;
  /** The Gửi (Submit) tab is shown when these are given. */
  submitter?: ReturnSubmitter;
  connection?: ConnectionSettings;
  submitOptions?: SubmitPanelProps['options'];
}

export function TaskPane({ workbook, checker, catalogue, units, submitter, connection, submitOptions }: TaskPaneProps) {
  const { lang, setLang, t } = useLanguage();
  const styles = useStyles();
  const { workbookState, flow, refresh, create, confirmReplace, cancel, dismiss } = useReturnWorkbook(workbook);
  const [year, setYear] = useState(() => defaultYear(catalogue.years));
  const [unit, setUnit] = useState<ReportingUnit | null>(null);
  const [sheetLang, setSheetLang] = useState<Lang>('vi');
  const [dropped, setDropped] = useState<ReportingUnit | null>(null);
  const [showRequired, setShowRequired] = useState(false);
  const prefilled = useRef(false);
  const [tab, setTab] = useState<PaneTab>('create');

  const unitsOfYear = useMemo(() => unitsForYear(units, year), [units, year]);

  // A workbook that already holds a return suggests its unit and year, once, if nothing is chosen.
  useEffect(() => {
    if (prefilled.current || workbookState.phase !== 'read') return;
    prefilled.current = true;
    const existing = workbookState.existing;
    // Opened on a workbook that already holds a return: checking it is what a person came for.
    if (existing) setTab('check');
    if (!existing || unit) return;
    const found = existing.unitId ? findUnit(units, existing.unitId) : undefined;
    const foundYear = existing.year !== null && catalogue.years.includes(existing.year) ? existing.year : year;
    if (found && unitsForYear(units, foundYear).includes(found)) {
      setYear(foundYear);
      setUnit(found);
    }
  }, [workbookState, unit, units, catalogue.years, year]);

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

      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as PaneTab)} aria-label={t('tabsLabel')}>
        <Tab value="create" id="tab-create" aria-controls="panel-create">
          {t('tabCreate')}
        </Tab>
        <Tab value="check" id="tab-check" aria-controls="panel-check">
          {t('tabCheck')}
        </Tab>
        {submitter && connection && (
          <Tab value="submit" id="tab-submit" aria-controls="panel-submit">
            {t('tabSubmit')}
          </Tab>
        )}
      </TabList>

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
        <CheckPanel checker={checker} hasReturn={workbookState.phase === 'read' ? workbookState.existing !== null : null} onChecked={refresh} />
      </div>

      {submitter && connection && (
        <div role="tabpanel" id="panel-submit" aria-labelledby="tab-submit" hidden={tab !== 'submit'}>
          <SubmitPanel
            submitter={submitter}
            connection={connection}
            active={tab === 'submit'}
            onGoToCheck={() => setTab('check')}
            {...(submitOptions ? { options: submitOptions } : {})}
          />
        </div>
      )}

      <ReplaceDialog units={units} existing={flow.phase === 'confirm' ? flow.existing : null} onReplace={confirmReplace} onCancel={cancel} />
    </main>
  );
}
