/** Argument parsing for the commands: node:util parseArgs, with errors turned into UsageError. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  opts: { positionals?: { min: number; max: number; names: string } } = {},
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(e));
  }
  const p = opts.positionals ?? { min: 0, max: 0, names: '' };
  if (parsed.positionals.length < p.min) throw new UsageError(`missing ${p.names}`);
  if (parsed.positionals.length > p.max) {
    throw new UsageError(`unexpected argument "${parsed.positionals[p.max]}"`);
  }
  return parsed;
}
