import { Dropdown, Field, Option } from '@fluentui/react-components';

export interface Choice<T extends string | number> {
  value: T;
  text: string;
}

export interface ChoiceDropdownProps<T extends string | number> {
  label: string;
  hint?: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange(value: T): void;
  disabled?: boolean;
}

/** A labelled Fluent Dropdown over a short fixed list (years, languages). */
export function ChoiceDropdown<T extends string | number>({ label, hint, choices, value, onChange, disabled }: ChoiceDropdownProps<T>) {
  const current = choices.find((c) => c.value === value);
  return (
    <Field label={label} hint={hint}>
      <Dropdown
        value={current?.text ?? ''}
        selectedOptions={[String(value)]}
        disabled={disabled}
        onOptionSelect={(_, data) => {
          const chosen = choices.find((c) => String(c.value) === data.optionValue);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((c) => (
          <Option key={String(c.value)} value={String(c.value)} text={c.text}>
            {c.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
