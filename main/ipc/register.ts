/**
 * The one file allowed to touch Electron's ipcMain (ESLint bans importing it anywhere else
 * in main/): it hands ipcMain to the validated wrapper and nothing more.
 */
import { ipcMain } from 'electron';
import { registerValidated, type ChannelTable, type ValidatedIpcOptions } from './validated-ipc';

/** Registers a channel table on Electron's ipcMain behind the sender and schema checks. */
export function registerChannels(table: ChannelTable, opts: ValidatedIpcOptions): () => void {
  return registerValidated(ipcMain, table, opts);
}
