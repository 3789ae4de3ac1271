import type { CliCommand } from '../command';
import { mergeCommand } from './merge';
import { serveCommand } from './serve';
import { submitCommand } from './submit';
import { templateCommand } from './template';
import { tokenCommand } from './token';
import { unitsCommand } from './units';
import { validateCommand } from './validate';

/** The commands, in the order `chitieu --help` lists them. Add a command by adding its module here. */
export const COMMANDS: readonly CliCommand[] = [unitsCommand, templateCommand, validateCommand, submitCommand, mergeCommand, serveCommand, tokenCommand];
