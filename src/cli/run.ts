import { CommanderError } from 'commander';
import { UserFacingError, type Lang } from '../workbook/port';
import type { CliCommand } from './command';
import { COMMANDS } from './commands';
import { CliExit, EXIT, processIO, type CliIO, type ExitCode } from './io';
import { langFromArgv } from './lang';
import { cliText, type CliTextKey } from './messages';
import { printError } from './output';
import { buildProgram } from './program';

/** Commander error codes for help and version: not errors, and they carry their own exit code. */
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

const COMMANDER_TEXT: Record<string, CliTextKey> = {
  'commander.unknownOption': 'unknownOption',
  'commander.unknownCommand': 'unknownCommand',
  'commander.missingMandatoryOptionValue': 'missingMandatoryOptionValue',
  'commander.optionMissingArgument': 'optionMissingArgument',
  'commander.missingArgument': 'missingArgument',
  'commander.excessArguments': 'excessArguments',
};

/** Commander's English sentence, in the chosen language where we know its code. */
function commanderMessage(error: CommanderError, lang: Lang): string {
  const key = COMMANDER_TEXT[error.code];
  const english = error.message.replace(/^error:\s*/i, '');
  if (!key) return english.charAt(0).toUpperCase() + english.slice(1);
  const item = /'([^']+)'/.exec(english)?.[1] ?? '';
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(english)?.[1];
  const hint = suggestion ? (lang === 'vi' ? ` Có phải là ${suggestion}?` : ` Did you mean ${suggestion}?`) : '';
  return cliText(key, lang, { item }) + hint;
}

function report(error: unknown, lang: Lang, io: CliIO, argv: readonly string[], commands: readonly CliCommand[]): ExitCode {
  if (error instanceof CliExit) return error.code;
  if (error instanceof CommanderError) {
    if (HELP_CODES.has(error.code)) return error.exitCode === 0 ? EXIT.ok : EXIT.userError;
    const command = argv.find((arg) => commands.some((c) => c.name === arg));
    printError(io, lang, commanderMessage(error, lang) + ' ' + cliText('seeHelp', lang, { command: command ? `chitieu ${command}` : 'chitieu' }));
    return EXIT.userError;
  }
  if (error instanceof UserFacingError) {
    printError(io, lang, error.messages[lang]);
    return EXIT.userError;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  io.err(cliText('unexpected', lang, { message: err.message }) + '\n');
  if (process.env.CHITIEU_DEBUG) io.err((err.stack ?? String(err)) + '\n');
  return EXIT.unexpected;
}

export interface RunOptions {
  io?: CliIO;
  /** Relative paths on the command line resolve against this. */
  cwd?: string;
  commands?: readonly CliCommand[];
}

/**
 * Runs the command line on `argv` (without node and the script) and returns the exit code:
 * 0 done, 1 a user error (a sentence, no stack trace, nothing written), 2 unexpected.
 */
export async function runCli(argv: readonly string[], { io = processIO, cwd = process.cwd(), commands = COMMANDS }: RunOptions = {}): Promise<ExitCode> {
  const lang = langFromArgv(argv);
  try {
    await buildProgram({ io, cwd, lang }, commands).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, lang, io, argv, commands);
  }
}
