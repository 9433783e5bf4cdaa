/** The shape of one tool state (tldraw's StateNode, flattened: one object per path). */
import type { ToolEvent } from './events';
import type { ToolMachine } from './machine';

/** One state of the tool machine, e.g. "select.idle" or "select.translating". */
export interface ToolState {
  /** Dotted path: tool, then state. */
  readonly path: string;
  /** Entered with transition info (the pointer-down point, the frame hit …). */
  enter?(m: ToolMachine, info: Record<string, unknown>): void;
  exit?(m: ToolMachine): void;
  handle(m: ToolMachine, e: ToolEvent): void;
}

/**
 * Per-machine scratch data of a state (the press point, the frames' start positions …), so
 * that two editors (two windows, tests) never share a gesture in progress.
 */
export function scratch<T extends object>(init: () => T): (m: ToolMachine) => T {
  const map = new WeakMap<ToolMachine, T>();
  return (m) => {
    let v = map.get(m);
    if (!v) map.set(m, (v = init()));
    return v;
  };
}

/**
 * Ends a drag gesture begun with `history.mark(mark)`: kept as one undo step (`commit`) or
 * undone without a trace (Escape), then on to state `next`.
 */
export function endGesture(m: ToolMachine, mark: string, commit: boolean, next: string): void {
  if (commit) m.host.history.squashToMark(mark);
  else m.host.history.bailToMark(mark);
  m.transition(next);
}
