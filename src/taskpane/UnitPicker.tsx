import { Combobox, Field, Option, OptionGroup } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ReportingUnit } from '../catalogue/schema';
import { useLanguage } from './i18n/LanguageContext';
import type { StringKey } from './i18n/strings';
import { groupMatchingUnits, unitLabel, type UnitKind } from './unitSearch';

const GROUP_LABEL: Record<UnitKind, StringKey> = { ministry: 'groupMinistry', agency: 'groupAgency', province: 'groupProvince' };

export interface UnitPickerProps {
  units: readonly ReportingUnit[];
  selected: ReportingUnit | null;
  onSelect(unit: ReportingUnit | null): void;
  disabled?: boolean;
  /** A message under the field, e.g. why a former choice was dropped. */
  notice?: string;
}

/** Rows a unit must report, as indicator numbers ("1.2" once for both of its sector rows). */
function requiredIndicators(unit: ReportingUnit): string[] {
  return [...new Set(unit.fills.map((id) => id.split('.').slice(0, 2).join('.')))];
}

/**
 * A searchable list of reporting units. The text box filters while a person types; once a unit
 * is chosen the box shows its name and opening the list shows every unit again.
 */
export function UnitPicker({ units, selected, onSelect, disabled, notice }: UnitPickerProps) {
  const { lang, t } = useLanguage();
  const [text, setText] = useState(selected ? unitLabel(selected, lang, units) : '');
  const [typing, setTyping] = useState(false);

  // The chosen unit's name follows the language and any choice made elsewhere (a found return).
  useEffect(() => {
    setText(selected ? unitLabel(selected, lang, units) : '');
    setTyping(false);
  }, [selected, lang, units]);

  const groups = useMemo(() => groupMatchingUnits(units, typing ? text : ''), [units, text, typing]);

  const hint = selected
    ? selected.fills.length
      ? t('unitFills', { rows: requiredIndicators(selected).join(', ') })
      : t('unitFillsNone')
    : t('unitHint');

  return (
    <Field
      label={t('unitLabel')}
      required
      hint={notice ? undefined : hint}
      validationState={notice ? 'warning' : 'none'}
      validationMessage={notice}
    >
      <Combobox
        placeholder={t('unitPlaceholder')}
        // Fluent's own label for the arrow is English ("Open"): the pane's language instead.
        expandIcon={{ 'aria-label': t('unitOpenList') }}
        value={text}
        disabled={disabled}
        selectedOptions={selected ? [selected.id] : []}
        onChange={(event) => {
          setText(event.target.value);
          setTyping(true);
        }}
        onOptionSelect={(_, data) => {
          const unit = units.find((u) => u.id === data.optionValue) ?? null;
          if (!unit) return;
          onSelect(unit);
          setText(unitLabel(unit, lang, units));
          setTyping(false);
        }}
        onOpenChange={(_, data) => {
          // Leaving the box with half a name typed puts the chosen unit's name back.
          if (!data.open) {
            setText(selected ? unitLabel(selected, lang, units) : '');
            setTyping(false);
          }
        }}
      >
        {groups.length === 0 ? (
          <Option key="no-match" value="" text="" disabled>
            {t('unitNoMatch', { query: text })}
          </Option>
        ) : (
          groups.map((group) => (
            <OptionGroup key={group.kind} label={t(GROUP_LABEL[group.kind])}>
              {group.units.map((unit) => (
                <Option key={unit.id} value={unit.id} text={unitLabel(unit, lang, units)}>
                  {unitLabel(unit, lang, units)}
                </Option>
              ))}
            </OptionGroup>
          ))
        )}
      </Combobox>
    </Field>
  );
}
