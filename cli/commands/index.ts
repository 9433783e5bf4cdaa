/** The registered subcommands, in the order `--help` lists them. Add a command here. */
import type { Command } from '../command';
import { validate } from './validate';
import { serve } from './serve';
import { layout } from './layout';
import { typeset } from './typeset';
import { exportCommand } from './export';
import { preflightCommand } from './preflight';

export const COMMANDS: Command[] = [validate, layout, typeset, preflightCommand, exportCommand, serve];
