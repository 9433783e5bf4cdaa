/** The editing tools as a state machine (see machine.ts); wire dispatch() to the canvas overlay. */
export { ToolMachine, BURST_MS, DRAG_PX, SNAP_PX, HANDLE_PX } from './machine';
export type { ToolHost, ToolId, ToolSession, TextSelection } from './machine';
export type { ToolEvent, PointerEvent, KeyEvent, TextInputEvent, CompositionEvent, CancelEvent, Modifiers } from './events';
export { framesAt, handleAt, outPort, onOutPort } from './hit';
export { setPendingPlacement, pendingPlacement, type PendingPlacement } from './article-place';
