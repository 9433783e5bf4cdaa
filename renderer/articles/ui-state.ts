/**
 * Session state of the article UI (never saved, never undoable): which dialog is open, the
 * copyfit limits the user set in the Articles panel, and the last copyfit's outcome.
 */
import { useSyncExternalStore } from 'react';
import type { CopyfitLimits } from '../../engine/edit';
import { DEFAULT_LIMITS } from './actions';

/** The article UI's state. */
export interface ArticleUiState {
  dialog: 'new' | 'continue' | null;
  limits: CopyfitLimits;
  /** What the last Fit article did, for the panel. */
  fitMessage: string | null;
}

let state: ArticleUiState = { dialog: null, limits: DEFAULT_LIMITS, fitMessage: null };
const listeners = new Set<() => void>();

/** The current state. */
export function articleUi(): ArticleUiState {
  return state;
}

/** Updates the state (a new object, so React sees the change). */
export function setArticleUi(patch: Partial<ArticleUiState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Reads a slice of the article UI state in a component. */
export function useArticleUi<T>(select: (s: ArticleUiState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state));
}
