/** What every `broadsheet` subcommand provides. One file per command in cli/commands/. */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throw UsageError for a malformed argument. */
  run(args: string[], io: CommandIO): Promise<number>;
}

/** A bad command line: printed with the command's usage, exit code 64. */
export class UsageError extends Error {}

/** Exit codes shared by the commands. */
export const EXIT = { ok: 0, warnings: 1, invalid: 2, usage: 64, noInput: 66, software: 70, cantCreate: 73 } as const;
