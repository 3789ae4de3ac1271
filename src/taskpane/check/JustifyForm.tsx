import { Button, Field, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useLanguage } from '../i18n/LanguageContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export interface JustifyFormProps {
  initial: string;
  /** Resolves true once saved; the form then closes. */
  onSave(text: string): Promise<boolean>;
  onCancel(): void;
}

/** A warning's justification: typed here, stored in the workbook by the checker. */
export function JustifyForm({ initial, onSave, onCancel }: JustifyFormProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    const saved = await onSave(text);
    // Closed on success by the parent; only a refusal leaves this form mounted.
    if (!saved) setSaving(false);
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() && !saving) void save();
      }}
    >
      <Field label={t('justificationLabel')} hint={t('justificationHint')} required>
        <Textarea
          value={text}
          resize="vertical"
          rows={3}
          autoFocus
          disabled={saving}
          onChange={(_, data) => setText(data.value)}
          onKeyDown={(event) => event.key === 'Escape' && onCancel()}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={!text.trim() || saving}>
          {t('saveJustification')}
        </Button>
        <Button type="button" size="small" onClick={onCancel} disabled={saving}>
          {t('cancel')}
        </Button>
        {saving && <Spinner size="extra-tiny" label={t('saving')} labelPosition="after" />}
      </div>
    </form>
  );
}
