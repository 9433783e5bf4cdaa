/** Commands as data, and the shortcut matcher. */
export { COMMANDS, command, commandForKey, searchCommands, checkCommands } from './registry';
export type { Command, CommandContext, CommandState } from './registry';
export { matches, parseShortcut, formatShortcut } from './shortcut';
export type { KeyData, Platform, Shortcut } from './shortcut';
