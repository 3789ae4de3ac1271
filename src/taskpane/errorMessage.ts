import { UserFacingError, type Lang } from '../workbook/port';
import { translate } from './i18n/strings';

/**
 * The sentence a person sees for an error: the adapter's own message where it wrote one,
 * else a generic sentence carrying the error's message (never a stack trace). Checked by
 * shape as well as class, so an error from another bundle copy of the port still reads well.
 */
export function errorMessage(error: unknown, lang: Lang): string {
  if (error instanceof UserFacingError) return error.messages[lang];
  const messages = (error as { messages?: unknown } | null)?.messages as Partial<Record<Lang, unknown>> | undefined;
  if (messages && typeof messages[lang] === 'string') return messages[lang] as string;
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  return translate('unexpectedError', lang, { message: firstLine(detail) || String(error) });
}

const firstLine = (text: string) => text.split('\n')[0]!.trim();
