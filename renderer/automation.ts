/**
 * A small scripting surface for tests and tools (`window.broadsheetAutomation`): render a page
 * offscreen at a given resolution (the canvas↔PDF comparison), read state, wait for layout.
 * It exposes nothing the UI cannot do; the bridge stays behind the same secret.
 */
import type { Editor } from './editor';
import { paintPage } from './canvas/paint';
import { store } from './store/store';

/** What automation can do. */
export interface Automation {
  /** Whether a document is open and laid out with all its fonts. */
  ready(): boolean;
  /** PNG data URL of page `index` painted at `pxPerPt` device pixels per point. */
  renderPage(index: number, pxPerPt: number): string;
  state(): { pages: number; page: number; view: string; labels: string[]; findings: number; layoutMs: number };
  /** Re-runs layout of the whole issue without the previous result's caches; resolves to milliseconds. */
  relayout(): Promise<number>;
  /** The editing state: the document (JSON), the tool state, selection, caret and history depth. */
  editing(): EditingView;
  /**
   * Types `n` characters into the text caret one at a time, as the browser delivers them
   * (beforeinput on the text field), and measures each one from dispatch to the first painted
   * frame after the layout that includes it. Milliseconds per keystroke, in order.
   */
  keystrokeLatency(n: number, text?: string): Promise<number[]>;
  /** The current layout's jump lines and overset per story; `laidOut` is the document revision it was made from. */
  layoutSummary(): { revision: number; laidOut: number; jumps: { story: string; kind: string; page: number; target: number; text: string }[]; overset: Record<string, number> } | null;
}

/** What editing() reports. */
export interface EditingView {
  doc: string;
  path: string;
  selection: string[];
  text: { story: string; frame: string; anchor: number; focus: number } | null;
  undo: number;
  redo: number;
  revision: number;
}

declare global {
  interface Window {
    broadsheetAutomation?: Automation;
  }
}

/** Installs window.broadsheetAutomation. */
export function installAutomation(editor: Editor): void {
  // The document revision each layout was made from: store.laidOut() only accepts a layout of
  // the current revision, so the revision when the layout object changes is its revision.
  let laid = { layout: store.get().layout, revision: -1 };
  store.subscribe(() => {
    const st = store.get();
    if (st.layout !== laid.layout) laid = { layout: st.layout, revision: st.document?.revision ?? -1 };
  });
  window.broadsheetAutomation = {
    ready: () => store.get().layout !== null && store.get().session.busy === null,
    renderPage(index, pxPerPt) {
      const page = store.get().layout?.pages[index]?.display;
      if (!page) throw new Error(`no page ${index}`);
      const c = document.createElement('canvas');
      c.width = Math.round(page.width * pxPerPt);
      c.height = Math.round(page.height * pxPerPt);
      const ctx = c.getContext('2d')!;
      ctx.setTransform(pxPerPt, 0, 0, pxPerPt, 0, 0);
      paintPage(ctx, page, editor.sources);
      return c.toDataURL('image/png');
    },
    async relayout() {
      await editor.layoutNow(true);
      return editor.lastLayoutMs;
    },
    editing() {
      const d = store.get().document;
      return {
        doc: d ? JSON.stringify(d.doc) : '',
        path: editor.tools.path,
        selection: [...editor.tools.session.selection],
        text: editor.tools.session.text ? { ...editor.tools.session.text } : null,
        undo: editor.history.undoDepth,
        redo: editor.history.redoDepth,
        revision: d?.revision ?? -1,
      };
    },
    async keystrokeLatency(n, text = '字') {
      const field = document.querySelector<HTMLTextAreaElement>('[data-testid=text-input]');
      if (!field || editor.tools.path !== 'text.editing') throw new Error('no text caret: click into a story with the Type tool first');
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const before = store.get().layout;
        const t0 = performance.now();
        field.dispatchEvent(new InputEvent('beforeinput', { data: text[i % text.length]!, inputType: 'insertText', cancelable: true, bubbles: true }));
        const rev = store.get().document?.revision ?? -1;
        // Wait for the layout of this revision to reach the store, then for the frame that paints it.
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => (off(), reject(new Error('layout did not arrive within 10 s'))), 10_000);
          const check = () => {
            const s = store.get();
            if (s.layout !== before && s.document?.revision === rev) {
              off();
              clearTimeout(timer);
              resolve();
            }
          };
          const off = store.subscribe(check);
          check();
        });
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        out.push(performance.now() - t0);
      }
      return out;
    },
    layoutSummary() {
      const s = store.get();
      if (!s.layout || !s.document) return null;
      return {
        revision: s.document.revision,
        laidOut: laid.revision,
        jumps: s.layout.jumps.map((j) => ({ story: j.story, kind: j.kind, page: j.page, target: j.target, text: j.text })),
        overset: Object.fromEntries(s.layout.stories.map((st) => [st.id, st.overset])),
      };
    },
    state() {
      const s = store.get();
      return {
        pages: s.layout?.pages.length ?? 0,
        page: s.session.page,
        view: s.session.view,
        labels: s.layout?.pages.map((p) => p.label) ?? [],
        findings: s.session.findings?.length ?? 0,
        layoutMs: editor.lastLayoutMs,
      };
    },
  };
}
