/**
 * A small scripting surface for tests and tools (`window.broadsheetAutomation`): render a page
 * offscreen at a given resolution (the canvas↔PDF comparison), read state, wait for layout.
 * It exposes nothing the UI cannot do; the bridge stays behind the same secret.
 */
import type { Editor } from './editor';
import { paintPage } from './canvas/paint';
import { paintView } from './canvas/repaint';
import { store } from './store/store';
import type { EditingView } from './editing-view';

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
   * (beforeinput on the text field), at spread-out moments of the display's frame, and
   * measures each from dispatch to the page canvas holding the new pixels (`paint`) and to
   * the first animation frame after that (`frame`, which adds the wait for the display's
   * next refresh). Milliseconds per keystroke, in order.
   */
  keystrokeLatency(n: number, text?: string): Promise<{ paint: number[]; frame: number[] }>;
  /**
   * Paints the current page whole, offscreen, exactly as the page canvas is set up now, and
   * counts the device pixels in which the live canvas (repainted piecemeal by damage) differs:
   * by more than 2 levels (`differing`: anti-aliasing of a path that crosses an area's edge
   * may differ that much) and by more than 64 (`stale`: something not repainted).
   */
  repaintDifference(): { pixels: number; differing: number; stale: number; staleBox: { x: number; y: number; width: number; height: number } | null; painted: string };
  /** The text of a story as laid out (its set lines in story order), for checking reflow. */
  layoutText(story: string): string;
  /** The current layout's jump lines and overset per story; `laidOut` is the document revision it was made from. */
  /** The lines laid in document frame `frame`: their column index and left x (properties panel tests). */
  frameLines(frame: string): { column: number; x: number }[];
  /**
   * Keystrokes relaid on the editor's thread (one story flowed again); how many of those the
   * worker's full layout of the same document (run once typing pauses) then confirmed or
   * disagreed with (it must not); `pending`: a full layout is still to come.
   */
  quickRelayouts(): { relaid: number; confirmed: number; mismatches: number; pending: boolean };
  layoutSummary(): { revision: number; laidOut: number; jumps: { story: string; kind: string; page: number; target: number; text: string }[]; overset: Record<string, number> } | null;
}

export type { EditingView };

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
      const paint: number[] = [];
      const frame: number[] = [];
      for (let i = 0; i < n; i++) {
        // Typing does not keep time with the display: start at a different point of the frame.
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, (i * 7) % 17)));
        const before = store.get().layout;
        const rev = (store.get().document?.revision ?? -1) + 1;
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=page-canvas]');
        // "Painted" is when the canvas holds the new pixels: the canvas records drawing and
        // rasterises it later, so reading one pixel back makes it rasterise now, inside the
        // measured time (as the browser must before it can show the frame).
        let at = 0;
        const done = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => (off(), reject(new Error('the edit was not painted within 10 s'))), 10_000);
          const off = editor.onPainted(() => {
            const s = store.get();
            if (s.document?.revision !== rev || s.layout === before || editor.painted.layout !== s.layout) return;
            canvas?.getContext('2d')?.getImageData(0, 0, 1, 1);
            at = performance.now();
            off();
            clearTimeout(timer);
            resolve();
          });
        });
        const t0 = performance.now();
        field.dispatchEvent(new InputEvent('beforeinput', { data: text[i % text.length]!, inputType: 'insertText', cancelable: true, bubbles: true }));
        // Wait for the layout of this revision to reach the store and then the canvas.
        await done;
        paint.push(at - t0);
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        frame.push(performance.now() - t0);
      }
      return { paint, frame };
    },
    repaintDifference() {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=page-canvas]');
      const s = store.get();
      const list = s.layout?.pages[s.session.page]?.display;
      if (!c || !list) throw new Error('no page on the canvas');
      const [ox, oy, scale] = (c.dataset.origin ?? '0 0 1').split(' ').map(Number) as [number, number, number];
      const dpr = window.devicePixelRatio || 1;
      const view = { x: -ox / scale, y: -oy / scale, width: c.width / dpr / scale, height: c.height / dpr / scale };
      const off = document.createElement('canvas');
      off.width = c.width;
      off.height = c.height;
      const ctx = off.getContext('2d')!;
      paintView(ctx, list, { k: scale * dpr, ox: ox * dpr, oy: oy * dpr, scale, bleed: !s.session.preview && s.session.guides.bleed, visible: view }, editor.sources);
      const a = ctx.getImageData(0, 0, off.width, off.height).data;
      const b = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let differing = 0;
      let stale = 0;
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < a.length; i += 4) {
        const d = Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!));
        if (d > 2) differing++;
        if (d > 64) {
          stale++;
          const x = (i / 4) % off.width;
          const y = Math.floor(i / 4 / off.width);
          box[0] = Math.min(box[0]!, x);
          box[1] = Math.min(box[1]!, y);
          box[2] = Math.max(box[2]!, x);
          box[3] = Math.max(box[3]!, y);
        }
      }
      // Where the stale pixels are, in page points (for a failing test's message).
      const staleBox = stale ? { x: (box[0]! / dpr - ox) / scale, y: (box[1]! / dpr - oy) / scale, width: (box[2]! - box[0]! + 1) / dpr / scale, height: (box[3]! - box[1]! + 1) / dpr / scale } : null;
      return { pixels: a.length / 4, differing, stale, staleBox, painted: c.dataset.painted ?? '' };
    },
    layoutText(story) {
      const lines = (store.get().layout?.pages ?? []).flatMap((p) => p.frames.flatMap((f) => f.lines)).filter((l) => l.story === story && l.start >= 0);
      return lines.sort((a, b) => a.start - b.start).map((l) => l.text).join('');
    },
    frameLines(frame) {
      const frames = (store.get().layout?.pages ?? []).flatMap((p) => p.frames).filter((f) => f.source === frame && f.role === 'frame');
      return frames.flatMap((f) => f.lines.map((l) => ({ column: l.column, x: l.x })));
    },
    quickRelayouts() {
      return { relaid: editor.layouts.quickRelaid, confirmed: editor.layouts.quickConfirmed, mismatches: editor.layouts.quickMismatches, pending: editor.layoutPending };
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
