/**
 * Open/closed state of the text-editing UI pieces (story editor pane, command palette, the
 * inline credit editor): session only, never saved or undoable. A tiny observable kept apart
 * from the main store so these pieces stay in their own files.
 */
import { useSyncExternalStore } from 'react';

/** What is open. */
export interface TextUiState {
  storyEditor: boolean;
  palette: boolean;
  /** The image frame whose credit line is being edited in place. */
  credit: string | null;
}

type Listener = () => void;

class TextUi {
  private state: TextUiState = { storyEditor: false, palette: false, credit: null };
  private readonly listeners = new Set<Listener>();

  get(): TextUiState {
    return this.state;
  }

  set(patch: Partial<TextUiState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

/** The app's text UI state. */
export const textUi = new TextUi();

/** Reads a slice of the text UI state in a component. */
export function useTextUi<T>(select: (s: TextUiState) => T): T {
  return useSyncExternalStore(textUi.subscribe, () => select(textUi.get()));
}

/**
 * Whether the keyboard focus is in a field other than the canvas's hidden caret field (the
 * story editor, the palette, the credit field, a panel's input): the caret field must not
 * take the focus back from it.
 */
export function focusInOtherField(caretField: Element | null): boolean {
  const el = document.activeElement;
  if (!el || el === caretField) return false;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
}

/** A press on the page takes the keyboard from other fields (the caret field then gets it). */
export function blurOtherField(): void {
  const caret = document.querySelector('[data-testid=text-input]');
  if (focusInOtherField(caret) && document.activeElement instanceof HTMLElement) document.activeElement.blur();
}
