import { UserFacingError, type Lang } from '../workbook/port';

export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

/**
 * The language named on the command line, found before commander parses it, so help texts and
 * commander's own errors can already speak it. The last --lang wins; anything unknown → vi.
 */
export function langFromArgv(argv: readonly string[]): Lang {
  let lang: Lang = DEFAULT_LANG;
  argv.forEach((arg, i) => {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'vi' || value === 'en') lang = value;
  });
  return lang;
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return DEFAULT_LANG;
  if (value === 'vi' || value === 'en') return value;
  throw new UserFacingError('bad-lang', {
    vi: `Ngôn ngữ "${value}" không hợp lệ: dùng --lang vi hoặc --lang en.`,
    en: `Unknown language "${value}": use --lang vi or --lang en.`,
  });
}
