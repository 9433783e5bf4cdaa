/**
 * The tool state machine: the current state (a dotted path such as "select.translating"),
 * the session state tools own (selection, text caret, guides, brush), and dispatch of plain
 * events to the current state. Document changes go through the History, so every gesture's
 * undo behaviour is decided here: a drag is one step, Escape leaves none, typing is a burst.
 */
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { EditError, type Guide, type NewId, type Rect } from '../../engine/edit';
import type { History } from '../history';
import type { ToolEvent } from './events';
import type { ToolState } from './state';
import { STATES } from './states';

/** What the machine needs from the editor around it. */
export interface ToolHost {
  history: History<IssueDocument>;
  /** Id of the page on the canvas. */
  page(): string;
  /** The layout of the current document (for text hit-testing); null while it is being made. */
  layout(): LaidOutIssue | null;
  /** Screen pixels per page point (tolerances are a few pixels whatever the zoom). */
  scale(): number;
  /** Id generator for new records. */
  newId: NewId;
  /** A picture's natural size in pt, as the layout is given it (null: unknown); without it, tools read the layout. */
  imageSize?(src: string): { width: number; height: number } | null;
}

/** The tools a user picks (toolbar, shortcuts). */
export type ToolId = 'select' | 'text' | 'thread' | 'text-frame' | 'image-frame' | 'rule' | 'box' | 'article';

/** A text caret or selection in a story: story offsets, anchor where it began, focus where it is. */
export interface TextSelection {
  story: string;
  frame: string;
  anchor: number;
  focus: number;
  /** Set by End: while the focus is this offset, the caret shows at the end of its line, not at the next line's start. */
  lineEndAt?: number;
}

/** Session state the tools own; the overlay draws it. Never part of the document or history. */
export interface ToolSession {
  selection: string[];
  text: TextSelection | null;
  /** IME pre-edit text at the caret (drawn by the overlay, not in the story). */
  composing: string | null;
  guides: Guide[];
  brush: Rect | null;
  /** The image file being placed (Cmd/Ctrl+D), used by the image-frame tool. */
  placing: string | null;
  /** The last refused action, for a status line. */
  message: string | null;
}

/** Pointer travel (screen px) before a press becomes a drag. */
export const DRAG_PX = 3;
/** Snap distance in screen px. */
export const SNAP_PX = 6;
/** Handle grab distance in screen px. */
export const HANDLE_PX = 5;
/** Typing pause (ms) that ends a typing burst (one undo step). */
export const BURST_MS = 1000;

type Listener = () => void;

/** The tool state machine. */
export class ToolMachine {
  readonly host: ToolHost;
  readonly session: ToolSession = { selection: [], text: null, composing: null, guides: [], brush: null, placing: null, message: null };
  private state: ToolState;
  private readonly listeners = new Set<Listener>();

  constructor(host: ToolHost) {
    this.host = host;
    this.state = STATES['select.idle']!;
  }

  /** The current state's path, e.g. "select.idle". */
  get path(): string {
    return this.state.path;
  }

  /** The current tool (the first part of the path). */
  get tool(): ToolId {
    return this.state.path.split('.')[0] as ToolId;
  }

  /** The current document. */
  get doc(): IssueDocument {
    return this.host.history.current;
  }

  /** Listens to state and session changes (for re-rendering the overlay). */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Switches tool (any gesture in progress is cancelled first). */
  setTool(tool: ToolId): void {
    if (this.state.path.split('.')[1] !== 'idle') this.dispatch({ type: 'cancel' });
    if (tool !== 'text') this.session.text = null;
    this.transition(`${tool}.idle`);
  }

  /** Sends an event to the current state. Edit errors become a message; nothing is half-applied. */
  dispatch(e: ToolEvent): void {
    this.session.message = null;
    try {
      this.state.handle(this, e);
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      this.session.message = err.message;
    }
    this.emit();
  }

  /** Moves to state `path`, with info for its enter(). */
  transition(path: string, info: Record<string, unknown> = {}): void {
    const next = STATES[path];
    if (!next) throw new Error(`no tool state "${path}"`);
    this.state.exit?.(this);
    this.state = next;
    next.enter?.(this, info);
    this.emit();
  }

  /** Selects frames (session only: never an undo step, never clears redo). */
  select(ids: readonly string[]): void {
    this.session.selection = [...new Set(ids)];
  }

  /** Page-point distance for `px` screen pixels at the current zoom. */
  px(px: number): number {
    return px / Math.max(1e-6, this.host.scale());
  }

  /** Drops ids of frames that no longer exist (after undo, delete). */
  pruneSelection(): void {
    const ids = new Set(this.doc.frames.map((f) => f.id as string));
    this.session.selection = this.session.selection.filter((id) => ids.has(id));
    if (this.session.text && !this.doc.stories.some((s) => s.id === this.session.text!.story)) this.session.text = null;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
