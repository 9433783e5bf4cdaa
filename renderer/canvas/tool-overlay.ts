/**
 * Paints the editing tools' session on the interactive overlay, in page points: selected
 * frames with their resize handles, text frames' out-ports and the threads between frames of
 * a story, overset marks (red plus), the marquee, smart guides while dragging, and the text
 * caret, selection and IME pre-edit. Reads only the document, the layout and the session:
 * nothing here changes state.
 */
import type { LaidOutIssue, LaidOutPage } from '../../engine/flow/types';
import type { IssueDocument, Frame } from '../../engine/model/types';
import { oversetFrames } from '../../engine/edit';
import { HANDLE_PX, outPort, type ToolSession } from '../tools';
import { selectionCaretRect } from '../tools/text-moves';

const BLUE = '#1a73e8';
const GUIDE = '#ff2d8a';
const THREAD = '#2b6cd4';
const OVERSET = '#e0201b';

/** Everything the overlay reads. */
export interface ToolOverlayInput {
  doc: IssueDocument;
  layout: LaidOutIssue;
  page: LaidOutPage;
  session: ToolSession;
  /** CSS px per page point times the device pixel ratio: line widths are in device pixels. */
  k: number;
  /** CSS px per page point: handle and out-port sizes match the tools' hit-testing at this zoom. */
  scale: number;
  /** Whether the text caret is drawn (the canvas draws it steadily; a blink would toggle this). */
  caretOn: boolean;
}

const centre = (f: Frame) => ({ x: f.x + f.width / 2, y: f.y + f.height / 2 });

/** Paints the tools' session; the context's transform maps page points to device pixels. */
export function paintToolOverlay(ctx: CanvasRenderingContext2D, p: ToolOverlayInput): void {
  const { doc, page, session, k } = p;
  const px = 1 / k;
  const onPage = doc.frames.filter((f) => f.page === page.id);
  const byId = new Map(onPage.map((f) => [f.id as string, f]));
  const selected = new Set(session.selection);

  // Threads: a line from each frame of a story to the next one on this page (InDesign's
  // "show text threads"), only for stories with a selected frame so pages stay readable.
  ctx.lineWidth = 1.5 * px;
  ctx.strokeStyle = THREAD;
  for (const s of doc.stories) {
    if (!s.frames.some((id) => selected.has(id))) continue;
    for (let i = 0; i + 1 < s.frames.length; i++) {
      const a = byId.get(s.frames[i]!);
      const b = byId.get(s.frames[i + 1]!);
      if (!a || !b) continue;
      const pa = outPort(a, HANDLE_PX / p.scale);
      ctx.beginPath();
      ctx.moveTo(pa.x + pa.size / 2, pa.y + pa.size / 2);
      ctx.lineTo(b.x + 2 * px, b.y + 2 * px);
      ctx.stroke();
    }
  }

  // Selected frames: outline, eight handles, and the out-port of text frames.
  const h = HANDLE_PX / p.scale;
  for (const id of session.selection) {
    const f = byId.get(id);
    if (!f) continue;
    ctx.strokeStyle = BLUE;
    ctx.lineWidth = 1.5 * px;
    ctx.strokeRect(f.x, f.y, f.width, f.height);
    if (f.locked) continue;
    const c = centre(f);
    ctx.fillStyle = '#fff';
    for (const [x, y] of [[f.x, f.y], [c.x, f.y], [f.x + f.width, f.y], [f.x, c.y], [f.x + f.width, c.y], [f.x, f.y + f.height], [c.x, f.y + f.height], [f.x + f.width, f.y + f.height]] as const) {
      ctx.fillRect(x - h / 2, y - h / 2, h, h);
      ctx.strokeRect(x - h / 2, y - h / 2, h, h);
    }
    if (f.kind === 'text') {
      const o = outPort(f, h);
      ctx.fillStyle = '#fff';
      ctx.fillRect(o.x, o.y, o.size, o.size);
      ctx.strokeRect(o.x, o.y, o.size, o.size);
    }
  }

  // Overset: a red plus in a box at the out-port of the story's last frame, always shown.
  for (const o of oversetFrames(doc, p.layout)) {
    const f = byId.get(o.frame);
    if (!f) continue;
    const port = outPort(f, h);
    const s = Math.max(port.size, 8 * px);
    ctx.fillStyle = '#fff';
    ctx.fillRect(port.x, port.y, s, s);
    ctx.strokeStyle = OVERSET;
    ctx.lineWidth = 1.5 * px;
    ctx.strokeRect(port.x, port.y, s, s);
    ctx.beginPath();
    ctx.moveTo(port.x + s / 2, port.y + s * 0.2);
    ctx.lineTo(port.x + s / 2, port.y + s * 0.8);
    ctx.moveTo(port.x + s * 0.2, port.y + s / 2);
    ctx.lineTo(port.x + s * 0.8, port.y + s / 2);
    ctx.stroke();
  }

  // Marquee.
  if (session.brush) {
    const b = session.brush;
    ctx.fillStyle = 'rgba(26,115,232,0.08)';
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.strokeStyle = BLUE;
    ctx.lineWidth = px;
    ctx.setLineDash([4 * px, 3 * px]);
    ctx.strokeRect(b.x, b.y, b.width, b.height);
    ctx.setLineDash([]);
  }

  // Smart guides while dragging.
  ctx.strokeStyle = GUIDE;
  ctx.lineWidth = px;
  for (const g of session.guides) {
    ctx.beginPath();
    if (g.axis === 'x') {
      ctx.moveTo(g.value, g.from);
      ctx.lineTo(g.value, g.to);
    } else {
      ctx.moveTo(g.from, g.value);
      ctx.lineTo(g.to, g.value);
    }
    ctx.stroke();
  }

  paintText(ctx, p);
}

/** The text selection (line by line), the caret and the IME pre-edit. */
function paintText(ctx: CanvasRenderingContext2D, p: ToolOverlayInput): void {
  const t = p.session.text;
  if (!t || !t.story) {
    // A caret in an empty frame (no story yet): at the frame's top-left inset corner.
    const f = t && p.doc.frames.find((x) => x.id === t.frame && x.page === p.page.id);
    if (f && p.caretOn) {
      ctx.fillStyle = '#000';
      ctx.fillRect(f.x + 2, f.y + 2, 1.5 / p.k, 12);
    }
    return;
  }
  const a = Math.min(t.anchor, t.focus);
  const b = Math.max(t.anchor, t.focus);
  if (b > a) {
    ctx.fillStyle = 'rgba(26,115,232,0.3)';
    for (const f of p.page.frames) {
      for (const l of f.lines) {
        if (l.story !== t.story || l.start < 0 || l.end <= a || l.start >= b) continue;
        const x0 = stopX(l.carets, Math.max(a, l.start));
        const x1 = stopX(l.carets, Math.min(b, l.end));
        ctx.fillRect(Math.min(x0, x1), l.y - l.ascent, Math.abs(x1 - x0), l.ascent + l.descent);
      }
    }
  }
  const r = selectionCaretRect(p.layout, t);
  if (!r || r.page !== p.page.number) return;
  let x = r.x;
  if (p.session.composing) {
    // Pre-edit text is drawn at the caret, underlined, outside the story (it is not text yet).
    const size = r.height * 0.8;
    ctx.font = `${size}px sans-serif`;
    ctx.textBaseline = 'alphabetic';
    const w = ctx.measureText(p.session.composing).width;
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(r.x, r.y, w, r.height);
    ctx.fillStyle = '#000';
    ctx.fillText(p.session.composing, r.x, r.y + size);
    ctx.fillRect(r.x, r.y + r.height - 1 / p.k, w, 1 / p.k);
    x += w;
  }
  if (p.caretOn) {
    ctx.fillStyle = '#000';
    ctx.fillRect(x - 0.5 / p.k, r.y, 1.5 / p.k, r.height);
  }
}

/** The x of the caret stop at `offset` (the nearest stop before it when there is none). */
function stopX(carets: readonly { offset: number; x: number }[], offset: number): number {
  let x = carets[0]?.x ?? 0;
  for (const c of carets) {
    if (c.offset > offset) break;
    x = c.x;
  }
  return x;
}

/** The caret's rectangle on page `page` in page points, for placing the IME's text field. */
export function caretBox(layout: LaidOutIssue, page: LaidOutPage, session: ToolSession): { x: number; y: number; height: number } | null {
  const t = session.text;
  if (!t?.story) return null;
  const r = selectionCaretRect(layout, t);
  return r && r.page === page.number ? r : null;
}
