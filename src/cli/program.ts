import { Command } from 'commander';
import { addCommonOptions, type CliCommand, type CliContext } from './command';
import { COMMANDS } from './commands';
import { cliText, type CliTextKey } from './messages';

const TITLES: Record<string, CliTextKey> = {
  'Usage:': 'titleUsage',
  'Options:': 'titleOptions',
  'Global Options:': 'titleGlobalOptions',
  'Commands:': 'titleCommands',
  'Arguments:': 'titleArguments',
};

/**
 * The `chitieu` program with every registered command. Commander never exits the process or
 * prints its own errors here: runCli turns what it throws into a sentence and an exit code.
 * Options are positional (`chitieu --lang en units` sets the program's, `chitieu units --lang en`
 * the command's), so both places work.
 */
export function buildProgram(context: CliContext, commands: readonly CliCommand[] = COMMANDS): Command {
  const { io, lang } = context;
  const program = new Command('chitieu')
    .description(cliText('programDescription', lang))
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? cliText(TITLES[title]!, lang) : title),
      // Commander prints "[options]" here whatever the usage says; use the localised usage.
      subcommandTerm: (command) => `${command.name()} ${command.usage()}`.trimEnd(),
    })
    .helpOption('-h, --help', cliText('helpOption', lang))
    .helpCommand(cliText('helpCommandTerm', lang), cliText('helpCommand', lang));
  addCommonOptions(program, lang, 'usageProgram');
  for (const command of commands) command.register(program, context);
  return program;
}
