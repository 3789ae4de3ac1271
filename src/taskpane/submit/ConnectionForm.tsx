import { Button, Caption1, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { errorMessage } from '../errorMessage';
import { useLanguage } from '../i18n/LanguageContext';
import { translate } from '../i18n/strings';
import type { StringKey } from '../i18n/strings';
import { normaliseUrl, type Connection, type ConnectionPurpose, type ConnectionSettings } from './connection';

// Only a reporter may leave the address empty (the return then goes by e-mail).
const URL_HINT: Record<ConnectionPurpose, StringKey> = { submit: 'connectionUrlHint', review: 'connectionUrlHintReview', aggregate: 'aggConnectionUrlHint' };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
  saved: { overflowWrap: 'anywhere', flexBasis: '100%' },
});

export interface ConnectionFormProps {
  settings: ConnectionSettings;
  /** After a save, so the panel re-reads the connection (the button may change to Gửi / export). */
  onSaved(connection: Connection): void;
  fetch?: typeof fetch;
  /** The workbook's unit, when known: the test then says whether the token is that unit's. */
  unitId?: string | null;
}

/** The endpoint URL and token, kept on this computer (never in the workbook); the token masked. */
export function ConnectionForm({ settings, onSaved, fetch: doFetch, unitId }: ConnectionFormProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const [initial] = useState(() => settings.load());
  const [url, setUrl] = useState(initial.url);
  const [token, setToken] = useState(initial.token);
  const [showToken, setShowToken] = useState(false);
  // A saved connection folds to one line: the action it serves comes first (issue 12, item 8).
  const [editing, setEditing] = useState(() => initial.url === '');
  // Both languages kept: switching the pane's language re-says the last answer.
  const [message, setMessage] = useState<{ ok: boolean; kind: string; text: { vi: string; en: string } } | null>(null);
  const [testing, setTesting] = useState(false);
  const badUrl = url.trim() !== '' && normaliseUrl(url) === null;

  const save = () => {
    if (badUrl) return;
    const next = { url: url.trim() === '' ? '' : normaliseUrl(url)!, token };
    settings.save(next);
    setUrl(next.url);
    if (next.url !== '') setEditing(false);
    setMessage({ ok: true, kind: 'saved', text: { vi: translate('connectionSaved', 'vi'), en: translate('connectionSaved', 'en') } });
    onSaved(next);
  };

  const test = async () => {
    if (!normaliseUrl(url)) return;
    setTesting(true);
    setMessage(null);
    try {
      // Loaded on first use: the pane's first load does not carry it.
      const { testConnection, verdictText } = await import('./connectionTest');
      const verdict = await testConnection(url, token, unitId ?? null, doFetch);
      setMessage({ ok: verdict.kind === 'ok', kind: verdict.kind, text: { vi: verdictText(verdict, 'vi'), en: verdictText(verdict, 'en') } });
    } catch (error) {
      setMessage({ ok: false, kind: 'failed', text: { vi: errorMessage(error, 'vi'), en: errorMessage(error, 'en') } });
    } finally {
      setTesting(false);
    }
  };

  return (
    <section className={styles.form} data-testid="connection-form" aria-labelledby="connection-heading">
      <h3 className={styles.heading} id="connection-heading">
        {t('connectionHeading')}
      </h3>
      {editing ? (
        <>
          <Field label={t('connectionUrl')} hint={t(URL_HINT[settings.purpose ?? 'submit'])} validationMessage={badUrl ? t('connectionBadUrl') : undefined} validationState={badUrl ? 'error' : 'none'}>
            <Input value={url} onChange={(_, d) => setUrl(d.value)} type="url" inputMode="url" data-testid="connection-url" />
          </Field>
          <Field label={t('connectionToken')}>
            <div className={styles.row}>
              <Input
                value={token}
                onChange={(_, d) => setToken(d.value)}
                type={showToken ? 'text' : 'password'}
                autoComplete="off"
                data-testid="connection-token"
                style={{ flexGrow: 1 }}
              />
              <Button appearance="subtle" size="small" onClick={() => setShowToken((s) => !s)} aria-pressed={showToken} data-testid="connection-show-token">
                {showToken ? t('connectionHideToken') : t('connectionShowToken')}
              </Button>
            </div>
          </Field>
          <Caption1 className={styles.hint}>{t('connectionStored')}</Caption1>
          <div className={styles.row}>
            <Button onClick={save} disabled={badUrl} data-testid="connection-save">
              {t('connectionSave')}
            </Button>
            <Button appearance="subtle" onClick={() => void test()} disabled={testing || normaliseUrl(url) === null} data-testid="connection-test">
              {t('connectionTest')}
            </Button>
            {testing && <Spinner size="tiny" />}
          </div>
        </>
      ) : (
        <div className={styles.row} data-testid="connection-summary">
          <Caption1 className={styles.saved}>{t('connectionSavedTo', { url })}</Caption1>
          <Button size="small" onClick={() => setEditing(true)} data-testid="connection-edit">
            {t('connectionEdit')}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void test()} disabled={testing} data-testid="connection-test">
            {t('connectionTest')}
          </Button>
          {testing && <Spinner size="tiny" />}
        </div>
      )}
      {message && (
        <Caption1 role="status" data-testid="connection-message" data-ok={message.ok} data-kind={message.kind}>
          {message.text[lang]}
        </Caption1>
      )}
    </section>
  );
}
