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
}

declare global {
  interface Window {
    broadsheetAutomation?: Automation;
  }
}

/** Installs window.broadsheetAutomation. */
export function installAutomation(editor: Editor): void {
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
