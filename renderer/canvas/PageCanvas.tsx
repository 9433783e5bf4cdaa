/**
 * The page canvas: a static layer that paints the display list (repainted only when the page,
 * zoom, pan or layout change) and an interactive overlay for guides and the selection
 * (Excalidraw's static/interactive split). Both canvases cover the viewport and are sized in
 * device pixels, so text stays crisp at every zoom and on HiDPI screens.
 *
 * Navigation: ctrl/cmd + wheel or pinch zooms around the pointer; wheel and space-drag pan.
 * Editing: other pointer events go to the editor's tool machine in page points; the overlay
 * draws the tools' session (tool-overlay.ts) and a hidden textarea takes typed text (TextInput).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LaidOutPage } from '../../engine/flow/types';
import type { Editor } from '../editor';
import { store, useStore } from '../store/store';
import { paintGuides } from './guides';
import type { PageDisplayList } from '../../engine/display/types';
import { damageSince } from '../layout/layout-delta';
import { paintView, PASTEBOARD, repaintAreas } from './repaint';
import { TextInput } from './TextInput';
import { CreditEditor, creditAt } from '../text-ui/CreditEditor';
import { blurOtherField, textUi } from '../text-ui/ui';
import { caretBox, paintToolOverlay } from './tool-overlay';
import { paintImageOverlay } from './image-overlay';
import { fitBadges, paintFitBadges } from '../articles/fit-badges';
import { centredOrigin, clampScale, PX_PER_PT, scaleFor, zoomAround } from './viewport';

/** The frame under a page point: topmost by paint order, document frames only. */
export function frameAt(page: LaidOutPage, x: number, y: number): string | null {
  const hits = page.frames.filter((f) => f.source && x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height);
  hits.sort((a, b) => b.z - a.z);
  return hits[0]?.source ?? null;
}

function sizeCanvas(c: HTMLCanvasElement, w: number, h: number, dpr: number): CanvasRenderingContext2D {
  const W = Math.max(1, Math.round(w * dpr));
  const H = Math.max(1, Math.round(h * dpr));
  if (c.width !== W || c.height !== H) {
    c.width = W;
    c.height = H;
  }
  return c.getContext('2d')!;
}

export function PageCanvas({ editor }: { editor: Editor }) {
  const wrap = useRef<HTMLDivElement>(null);
  const base = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const layout = useStore((s) => s.layout);
  const pageIndex = useStore((s) => s.session.page);
  const zoom = useStore((s) => s.session.zoom);
  const guides = useStore((s) => s.session.guides);
  const preview = useStore((s) => s.session.preview);
  const doc = useStore((s) => s.document?.doc);
  // The tools' session is mutable state of the machine; a counter re-renders on its changes.
  const [toolTick, setToolTick] = useState(0);
  useEffect(() => editor.tools.subscribe(() => setToolTick((t) => t + 1)), [editor]);
  const [view, setView] = useState({ w: 0, h: 0, dpr: window.devicePixelRatio || 1 });
  // Pan state: the page origin in CSS px; null = centred for the current fit mode.
  const [origin, setOrigin] = useState<{ x: number; y: number } | null>(null);
  const [painted, setPainted] = useState(0);
  const page = layout?.pages[pageIndex];
  const list = page?.display;

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ w: el.clientWidth, h: el.clientHeight, dpr: window.devicePixelRatio || 1 }));
    ro.observe(el);
    setView({ w: el.clientWidth, h: el.clientHeight, dpr: window.devicePixelRatio || 1 });
    return () => ro.disconnect();
  }, []);

  // A new page or a fit mode recentres; a fixed zoom keeps the pan.
  useEffect(() => setOrigin(null), [pageIndex, zoom.mode]);

  const geo = list ? { pageWidth: list.width, pageHeight: list.height, viewWidth: view.w, viewHeight: view.h } : null;
  const scale = geo ? scaleFor(zoom, geo) : 1;
  const o = geo ? (origin ?? centredOrigin(scale, geo)) : { x: 0, y: 0 };

  useEffect(() => {
    if (Math.abs(store.get().session.effectiveScale - scale) > 1e-9) store.session({ effectiveScale: scale });
  }, [scale]);

  // Static layer. A pan (same page, zoom and options; only the origin moved) first shifts the
  // pixels already painted, which is cheap, and repaints the glyphs once the pan pauses:
  // repainting thousands of outlines on every pointer move would stutter. A new layout of the
  // same view repaints only the areas that changed (the layout's damage), clipped to whole
  // device pixels so that the result is the very pixels a full repaint would give; that
  // happens as soon as the layout reaches the store, before React renders anything else.
  // Layout effects: the canvas is painted in the commit, so the browser shows it in the same frame.
  const lastPaint = useRef<{ list: PageDisplayList; key: unknown[]; x: number; y: number; exact: boolean } | null>(null);
  const repaintTimer = useRef(0);
  // Repaints the damage of a new layout of the page as painted now (same view), if it has
  // some; false when a full paint is needed. Kept current each render: the store listener below
  // calls it as soon as a layout arrives, before React renders the panels.
  const repaintDamage = useRef<((next: typeof layout) => boolean) | null>(null);
  repaintDamage.current = (next) => {
    const c = base.current;
    const last = lastPaint.current;
    const nextList = next?.pages[pageIndex]?.display;
    if (!c || !last || !nextList || !last.exact || last.list === nextList || last.x !== o.x || last.y !== o.y) return false;
    const key = [scale, view.w, view.h, view.dpr, editor, preview, guides.bleed];
    if (last.key.length !== key.length || !last.key.every((v, i) => v === key[i])) return false;
    const rects = damageSince(last.list, nextList);
    if (!rects) return false;
    const visible = { x: -o.x / scale, y: -o.y / scale, width: view.w / scale, height: view.h / scale };
    repaintAreas(c.getContext('2d')!, nextList, rects, { k: scale * view.dpr, ox: o.x * view.dpr, oy: o.y * view.dpr, scale, bleed: !preview && guides.bleed, visible }, editor.sources);
    lastPaint.current = { list: nextList, key, x: o.x, y: o.y, exact: true };
    c.dataset.painted = 'partial';
    editor.notePainted(next);
    return true;
  };
  useEffect(() => store.subscribe(() => void repaintDamage.current?.(store.get().layout)), []);
  useLayoutEffect(() => {
    const c = base.current;
    if (!c || !list) return;
    const key = [scale, view.w, view.h, view.dpr, editor, preview, guides.bleed];
    const last = lastPaint.current;
    const bleed = !preview && guides.bleed;
    const k = scale * view.dpr;
    const visible = { x: -o.x / scale, y: -o.y / scale, width: view.w / scale, height: view.h / scale };
    const full = () => {
      const ctx = sizeCanvas(c, view.w, view.h, view.dpr);
      const report = paintView(ctx, list, { k, ox: o.x * view.dpr, oy: o.y * view.dpr, scale, bleed, visible }, editor.sources);
      lastPaint.current = { list, key, x: o.x, y: o.y, exact: true };
      c.dataset.painted = 'full';
      setPainted(report.items);
      editor.notePainted(layout);
    };
    window.clearTimeout(repaintTimer.current);
    const sameView = last && last.key.length === key.length && last.key.every((v, i) => v === key[i]);
    if (repaintDamage.current?.(layout)) return;
    if (last && sameView && last.list === list) {
      if (last.x === o.x && last.y === o.y) return;
      const ctx = c.getContext('2d')!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      // Copy through a snapshot: drawing a canvas onto itself with an offset is undefined.
      const snap = new OffscreenCanvas(c.width, c.height);
      snap.getContext('2d')!.drawImage(c, 0, 0);
      ctx.fillStyle = PASTEBOARD;
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(snap, (o.x - last.x) * view.dpr, (o.y - last.y) * view.dpr);
      // Not exact until the glyphs are repainted: newly uncovered areas are blank.
      lastPaint.current = { list, key, x: o.x, y: o.y, exact: false };
      c.dataset.painted = 'shifted';
      repaintTimer.current = window.setTimeout(full, 120);
      return;
    }
    full();
  }, [list, scale, o.x, o.y, view, editor, preview, guides.bleed, layout]);
  useEffect(() => () => window.clearTimeout(repaintTimer.current), []);

  // Interactive overlay: guides and the tools' session (selection, caret, guides, marquee).
  useLayoutEffect(() => {
    const c = overlay.current;
    if (!c || !list || !page) return;
    const ctx = sizeCanvas(c, view.w, view.h, view.dpr);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (preview) return;
    const k = scale * view.dpr;
    ctx.setTransform(k, 0, 0, k, o.x * view.dpr, o.y * view.dpr);
    paintGuides(ctx, list, guides, 1 / k);
    if (doc && layout) paintImageOverlay(ctx, { doc, layout, page, path: editor.tools.path, selection: editor.tools.session.selection, preview, k });
    if (doc && layout) paintToolOverlay(ctx, { doc, layout, page, session: editor.tools.session, k, scale, caretOn: true });
    if (doc && layout) paintFitBadges(ctx, fitBadges(doc, layout, page.id, editor.tools.session.selection), scale);
    c.dataset.tick = String(toolTick);
  }, [list, page, scale, o.x, o.y, view, guides, preview, doc, layout, editor, toolTick]);

  // Wheel: ctrl/cmd (and trackpad pinch, which Chromium reports as ctrl+wheel) zooms; else pans.
  useEffect(() => {
    const el = wrap.current;
    if (!el || !geo) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        const next = clampScale(scale * Math.exp(-e.deltaY * 0.002));
        setOrigin(zoomAround(o, scale, next, e.clientX - r.left, e.clientY - r.top));
        store.session({ zoom: { mode: 'scale', scale: next / PX_PER_PT } });
      } else {
        setOrigin({ x: o.x - (e.shiftKey ? e.deltaY : e.deltaX), y: o.y - (e.shiftKey ? 0 : e.deltaY) });
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [geo, scale, o]);

  // Space-drag (or middle-drag) pans; a plain click selects the frame under the pointer.
  const space = useRef(false);
  const drag = useRef<{ x: number; y: number; ox: number; oy: number } | null>(null);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      // Space pans unless it is typed (a field, or the text tool's caret).
      if (e.code === 'Space' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && editor.tools.path !== 'text.editing') {
        space.current = true;
        e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') space.current = false;
    };
    // Losing the window mid-gesture cancels it (Escape's rules: no half-made undo step).
    const blur = () => editor.tools.dispatch({ type: 'cancel' });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [editor]);

  /** The page point under a pointer event, with its modifiers (Cmd on macOS, Ctrl elsewhere). */
  const at = (e: React.PointerEvent | React.MouseEvent) => {
    const r = (e.currentTarget as Element).getBoundingClientRect();
    return { x: (e.clientX - r.left - o.x) / scale, y: (e.clientY - r.top - o.y) / scale, shift: e.shiftKey, alt: e.altKey, mod: e.metaKey || e.ctrlKey };
  };

  const onPointerDown = useCallback(
    (e: React.PointerEvent) => {
      if (space.current || e.button === 1) {
        drag.current = { x: e.clientX, y: e.clientY, ox: o.x, oy: o.y };
        (e.target as Element).setPointerCapture(e.pointerId);
        return;
      }
      if (!page || e.button !== 0 || preview) return;
      blurOtherField();
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
      // The caret's textarea keeps focus; a press elsewhere must not blur it first.
      if (editor.tools.tool === 'text') e.preventDefault();
      editor.tools.dispatch({ type: 'pointer_down', ...at(e) });
      if (editor.tools.session.selection.length) store.session({ panel: 'properties' });
    },
    [o.x, o.y, page, scale, preview, editor],
  );
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (d) return setOrigin({ x: d.ox + e.clientX - d.x, y: d.oy + e.clientY - d.y });
    // Hover moves matter only during a gesture (idle states ignore them; skip the re-render).
    if (page && (e.buttons !== 0 || !editor.tools.path.endsWith('.idle'))) editor.tools.dispatch({ type: 'pointer_move', ...at(e) });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    if (drag.current) {
      drag.current = null;
      return;
    }
    if (page && e.button === 0) editor.tools.dispatch({ type: 'pointer_up', ...at(e) });
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    const credit = page && !preview ? creditAt(page, at(e).x, at(e).y) : null;
    if (credit) return textUi.set({ credit });
    if (page && !preview) editor.tools.dispatch({ type: 'double_click', ...at(e) });
  };
  const caret = layout && page && !preview ? caretBox(layout, page, editor.tools.session) : null;
  const caretCss = caret ? { x: caret.x * scale + o.x, y: caret.y * scale + o.y, height: caret.height * scale } : null;

  return (
    <div
      ref={wrap}
      className="page-viewport"
      data-testid="page-viewport"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => editor.tools.dispatch({ type: 'cancel' })}
      onDoubleClick={onDoubleClick}
      data-tool={editor.tools.path}
    >
      <canvas
        ref={base}
        className="page-static"
        data-testid="page-canvas"
        data-page={list?.label ?? ''}
        data-page-number={list?.number ?? 0}
        data-scale={(scale / PX_PER_PT).toFixed(4)}
        data-items={painted}
        data-origin={`${o.x} ${o.y} ${scale}`}
      />
      <canvas ref={overlay} className="page-overlay" data-testid="page-overlay" />
      <TextInput editor={editor} at={caretCss} active={editor.tools.path === 'text.editing'} />
      <CreditEditor editor={editor} page={page} origin={o} scale={scale} />
      {!list && <div className="page-empty">{layout ? 'No page' : 'Laying out…'}</div>}
    </div>
  );
}
