/**
 * Tool events as plain data, in page points of the current page (the canvas overlay converts
 * from screen pixels). No DOM types: the overlay copies what it needs from DOM events.
 */

/** Modifier keys held during an event. `mod` is Cmd on macOS, Ctrl elsewhere. */
export interface Modifiers {
  shift?: boolean;
  alt?: boolean;
  mod?: boolean;
}

/** A pointer event at page point (x, y). */
export interface PointerEvent extends Modifiers {
  type: 'pointer_down' | 'pointer_move' | 'pointer_up' | 'double_click';
  x: number;
  y: number;
}

/** A key press (KeyboardEvent.key values: "ArrowLeft", "Backspace", "Enter", "Escape", "a" …). */
export interface KeyEvent extends Modifiers {
  type: 'key_down';
  key: string;
  /** Event time in ms (for typing bursts). */
  time: number;
}

/** Committed text input (a typed character, a paste, or an IME commit). */
export interface TextInputEvent {
  type: 'text_input';
  text: string;
  time: number;
}

/** IME composition: pre-edit text is shown by the overlay and enters the story only on 'end'. */
export interface CompositionEvent {
  type: 'composition';
  phase: 'start' | 'update' | 'end';
  text: string;
  time: number;
}

/** The gesture was cancelled by the system (pointer capture lost, window blur). */
export interface CancelEvent {
  type: 'cancel';
}

/** Any event a tool handles. */
export type ToolEvent = PointerEvent | KeyEvent | TextInputEvent | CompositionEvent | CancelEvent;
