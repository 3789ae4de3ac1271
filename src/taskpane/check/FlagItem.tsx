import { Badge, Body1, Button, Caption1, Checkbox, Switch, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';
import type { Flag } from '../../domain/flags';
import { useLanguage } from '../i18n/LanguageContext';
import { useRowLabels } from '../rowLabels';
import { isFigureCell, isJustified, shortAddress } from './checkView';
import { JustifyForm } from './JustifyForm';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  target: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    borderRadius: tokens.borderRadiusSmall,
    outlineStyle: 'none',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  head: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: '2px' },
  address: { color: tokens.colorNeutralForeground3 },
  suggestion: { color: tokens.colorNeutralForeground2 },
  justification: {
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `2px solid ${tokens.colorPaletteGreenBorder2}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-wrap',
  },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

export interface FlagItemProps {
  flag: Flag;
  acknowledged: boolean;
  /** Known only once the person toggled it here: the check result does not say. */
  provisional: boolean;
  onSelect(cellName: string): void;
  onJustify(key: string, text: string): Promise<boolean>;
  onAcknowledge(key: string, on: boolean): void;
  onProvisional(cellName: string, on: boolean): void;
}

/**
 * One flag: where, what is wrong and what to do, in the pane's language. The text part takes a
 * person to the cell (click, Enter or Space); warnings can be justified or acknowledged.
 */
export function FlagItem({ flag, acknowledged, provisional, onSelect, onJustify, onAcknowledge, onProvisional }: FlagItemProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const labels = useRowLabels();
  const [justifying, setJustifying] = useState(false);
  const address = shortAddress(flag.cell);
  const cellName = flag.cellName;
  const justified = isJustified(flag);
  const warning = flag.severity === 'warning';

  const go = cellName ? () => onSelect(cellName) : undefined;
  const onKey = (event: KeyboardEvent) => {
    if (go && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      go();
    }
  };

  return (
    <li className={mergeClasses(styles.item, styles[flag.severity])} data-testid="flag" data-flag-key={flag.key} data-cell-name={cellName ?? ''} data-severity={flag.severity}>
      <div
        className={mergeClasses(styles.target, go && styles.clickable)}
        role={go ? 'button' : undefined}
        tabIndex={go ? 0 : undefined}
        title={go ? t('flagGoTo', { cell: address ?? cellName ?? '' }) : undefined}
        onClick={go}
        onKeyDown={onKey}
        data-testid="flag-target"
      >
        <div className={styles.head}>
          <Badge appearance="tint" color="brand" size="medium" data-testid="flag-indicator">
            {flag.indicator ? labels.row(flag.indicator) : t('generalFlag')}
          </Badge>
          {address && <Caption1 className={styles.address}>{address}</Caption1>}
          {warning && justified && (
            <Badge appearance="tint" color="success" size="small" data-testid="justified-badge">
              {t('justified')}
            </Badge>
          )}
        </div>
        <Body1>{labels.message(flag)}</Body1>
        {flag.suggestion[lang] && (
          <Caption1 className={styles.suggestion}>
            <strong>{t('whatToDo')}</strong> {labels.suggestion(flag)}
          </Caption1>
        )}
      </div>

      {justified && !justifying && (
        <blockquote className={styles.justification} data-testid="justification">
          {flag.justification}
        </blockquote>
      )}

      {justifying ? (
        <JustifyForm
          initial={flag.justification ?? ''}
          onCancel={() => setJustifying(false)}
          onSave={async (text) => {
            const saved = await onJustify(flag.key, text);
            if (saved) setJustifying(false);
            return saved;
          }}
        />
      ) : (
        (warning || (isFigureCell(cellName) && flag.severity !== 'error')) && (
          <div className={styles.actions}>
            {warning && (
              <Button size="small" appearance={justified ? 'subtle' : 'secondary'} onClick={() => setJustifying(true)}>
                {justified ? t('editJustification') : t('justify')}
              </Button>
            )}
            {warning && !justified && (
              <Checkbox size="medium" label={t('acknowledge')} checked={acknowledged} onChange={(_, data) => onAcknowledge(flag.key, data.checked === true)} />
            )}
            {isFigureCell(cellName) && flag.severity !== 'error' && (
              <Switch label={t('provisional')} checked={provisional} onChange={(_, data) => onProvisional(cellName, data.checked)} />
            )}
          </div>
        )
      )}
    </li>
  );
}
