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
