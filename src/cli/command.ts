import type { Command } from 'commander';
import type { Lang } from '../workbook/port';
import type { CliIO } from './io';
import { parseLang } from './lang';
import { cliText } from './messages';

/** What every command is given: where to write, the directory paths are relative to, and the
 * language found on the command line (for help texts, before options are parsed). */
export interface CliContext {
  io: CliIO;
  cwd: string;
  lang: Lang;
}

/**
 * One command of the command line. A command adds itself (options, help, action) to the
 * program; its action throws UserFacingError for what a person can fix and returns normally
 * on success. New commands (validate, merge, serve, …) are one module each, listed in
 * commands/index.ts.
 */
export interface CliCommand {
  name: string;
  register(program: Command, context: CliContext): Command;
}

/**
 * What every command shares: --lang (the program takes it too, before the command name) and a
 * usage line in the help's language.
 */
export function addCommonOptions(command: Command, lang: Lang, usage: 'usageProgram' | 'usageCommand' = 'usageCommand'): Command {
  return command.usage(cliText(usage, lang)).option('--lang <lang>', cliText('langOption', lang));
}

/** The language a command was asked for: its own --lang, else the program's, else vi. */
export function commandLang(command: Command): Lang {
  const own = command.opts<{ lang?: string }>().lang;
  return parseLang(own ?? command.parent?.opts<{ lang?: string }>().lang);
}
