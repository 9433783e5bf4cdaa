/**
 * The editor's state, in two parts kept apart on purpose (tldraw's document/session scopes):
 * the document (what is saved; changes are undoable and re-run layout) and the session (view,
 * selection, panels; never saved). A tiny external store read with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';
import type { IssueDocument } from '../../engine/model';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { PreflightFinding, Progress } from '../../bridge';
import type { GuideToggles } from '../canvas/guides';

/** The open document. */
export interface DocumentState {
  doc: IssueDocument;
  path: string;
  name: string;
  /** Bumped on each change; layout and preview key on it. */
  revision: number;
  dirty: boolean;
}

/** How the page is zoomed: a fit mode recomputed on resize, or a fixed scale (1 = 100 %). */
export type Zoom = { mode: 'fit-page' | 'fit-width' } | { mode: 'scale'; scale: number };

/** Everything about the view that is not saved. */
export interface SessionState {
  view: 'page' | 'overview';
  /** Index of the current page in doc.pages. */
  page: number;
  zoom: Zoom;
  /** The zoom actually in effect (CSS px per pt), computed by the canvas. */
  effectiveScale: number;
  guides: GuideToggles;
  /** Preview mode (W): no guides, no selection, no pasteboard marks. */
  preview: boolean;
  selection: { frame: string } | null;
  units: 'mm' | 'pt';
  panel: 'pages' | 'articles' | 'styles' | 'swatches' | 'preflight' | 'properties';
  printPreview: boolean;
  findings: PreflightFinding[] | null;
  busy: { label: string; progress?: Progress } | null;
  error: string | null;
}

/** The whole state. */
export interface EditorState {
  document: DocumentState | null;
  layout: LaidOutIssue | null;
  session: SessionState;
}

const initialSession: SessionState = {
  view: 'page',
  page: 0,
  zoom: { mode: 'fit-page' },
  effectiveScale: 1,
  guides: { margins: true, columns: true, grid: false, bleed: true },
  preview: false,
  selection: null,
  units: 'mm',
  panel: 'pages',
  printPreview: false,
  findings: null,
  busy: null,
  error: null,
};

type Listener = () => void;

/** A minimal observable store; updates replace the state object (no mutation). */
export class Store {
  private state: EditorState = { document: null, layout: null, session: initialSession };
  private readonly listeners = new Set<Listener>();

  get(): EditorState {
    return this.state;
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(next: EditorState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Updates session state. */
  session(patch: Partial<SessionState> | ((s: SessionState) => Partial<SessionState>)): void {
    const s = this.state.session;
    const p = typeof patch === 'function' ? patch(s) : patch;
    this.set({ ...this.state, session: { ...s, ...p } });
  }

  /** Replaces the open document (after open); resets the view. */
  open(doc: IssueDocument, path: string, name: string): void {
    this.set({
      document: { doc, path, name, revision: 0, dirty: false },
      layout: null,
      session: { ...this.state.session, page: 0, selection: null, findings: null, error: null },
    });
  }

  /** Applies a document change (a new document value). Layout re-runs from it. */
  change(next: IssueDocument): void {
    const d = this.state.document;
    if (!d) return;
    const pages = next.pages.length;
    const session = this.state.session.page >= pages ? { ...this.state.session, page: Math.max(0, pages - 1) } : this.state.session;
    this.set({ ...this.state, document: { ...d, doc: next, revision: d.revision + 1, dirty: true }, session });
  }

  /** Marks the document saved at `path`. */
  saved(path: string): void {
    const d = this.state.document;
    if (d) this.set({ ...this.state, document: { ...d, path, dirty: false } });
  }

  /** Stores a layout result (only if it is for the current revision). */
  laidOut(revision: number, layout: LaidOutIssue): void {
    if (this.state.document?.revision === revision && this.state.layout !== layout) this.set({ ...this.state, layout });
  }
}

/** The app's store. */
export const store = new Store();

/** Reads a slice of the store in a component; re-renders when it changes. */
export function useStore<T>(select: (s: EditorState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
