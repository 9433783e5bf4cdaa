/** Undo and redo for the editor (see history.ts). */
export { History } from './history';
export type { Burst, Capture, ChangeOptions, HistoryListener } from './history';
