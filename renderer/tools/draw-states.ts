/**
 * The frame tools (text frame, image frame, rule, box): `<tool>.idle` waits for a press,
 * `<tool>.drawing` makes the frame from the press to the pointer (the moving corner snaps;
 * Shift makes a square, or a horizontal/vertical rule). The image-frame tool (Shift+F) draws
 * the picture being placed, or else an empty graphics frame a picture is placed into later. The new frame is one undo step;
 * Escape removes it and leaves none; a click without a drag makes nothing.
 */
import { createFrame, ensureStory, rectFromPoints, resizeFrame, snap, snapTargets, type Rect } from '../../engine/edit';
import { scratch, type ToolState } from './state';
import { DRAG_PX, SNAP_PX, type ToolId, type ToolMachine } from './machine';

type DrawTool = Extract<ToolId, 'text-frame' | 'image-frame' | 'rule' | 'box'>;

/** Smallest side of a drawn frame (a rule drawn along one axis gets this thickness box). */
const MIN = 1;

function rectFor(tool: DrawTool, x0: number, y0: number, x1: number, y1: number, shift: boolean): Rect {
  if (tool === 'rule' && shift) {
    if (Math.abs(x1 - x0) >= Math.abs(y1 - y0)) y1 = y0;
    else x1 = x0;
  } else if (shift) {
    const s = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    x1 = x0 + Math.sign(x1 - x0 || 1) * s;
    y1 = y0 + Math.sign(y1 - y0 || 1) * s;
  }
  const r = rectFromPoints(x0, y0, x1, y1);
  return { ...r, width: Math.max(MIN, r.width), height: Math.max(MIN, r.height) };
}

function drawStates(tool: DrawTool): ToolState[] {
  const MARK = `draw:${tool}`;
  const gesture = scratch(() => ({ origin: { x: 0, y: 0 }, made: null as string | null }));
  const finish = (m: ToolMachine, commit: boolean) => {
    const g = gesture(m);
    const made = g.made;
    if (commit && made) {
      m.host.history.squashToMark(MARK);
      m.select([made]);
    } else m.host.history.bailToMark(MARK);
    g.made = null;
    m.transition(`${tool}.idle`);
  };
  const idle: ToolState = {
    path: `${tool}.idle`,
    handle(m, e) {
      if (e.type === 'pointer_down') {
        m.transition(`${tool}.drawing`, { x: e.x, y: e.y });
      } else if (e.type === 'key_down' && e.key === 'Escape') m.transition('select.idle');
    },
  };
  const drawing: ToolState = {
    path: `${tool}.drawing`,
    enter(m, i) {
      const t = snap({ x: i['x'] as number, y: i['y'] as number, width: 0, height: 0 }, snapTargets(m.doc, m.host.page()), m.px(SNAP_PX), { x: ['min'], y: ['min'] });
      gesture(m).origin = { x: (i['x'] as number) + t.dx, y: (i['y'] as number) + t.dy };
      gesture(m).made = null;
      m.host.history.mark(MARK);
    },
    exit(m) {
      m.session.guides = [];
    },
    handle(m, e) {
      const g = gesture(m);
      const { origin } = g;
      if (e.type === 'pointer_move') {
        const made = g.made;
        if (!made && Math.hypot(e.x - origin.x, e.y - origin.y) < m.px(DRAG_PX)) return;
        const targets = snapTargets(m.doc, m.host.page(), made ? [made] : []);
        const s = snap({ x: e.x, y: e.y, width: 0, height: 0 }, targets, m.px(SNAP_PX), { x: ['min'], y: ['min'] });
        m.session.guides = s.guides;
        const r = rectFor(tool, origin.x, origin.y, e.x + s.dx, e.y + s.dy, !!e.shift);
        const page = m.host.page();
        m.host.history.change(
          (d) => {
            if (made) return resizeFrame(d, made, r);
            if (tool === 'text-frame') {
              g.made = createFrame(d, { kind: 'text', page, ...r }, m.host.newId);
              ensureStory(d, g.made, m.host.newId);
            } else if (tool === 'image-frame') {
              // With a picture being placed it goes in; else an empty graphics frame (crossed placeholder).
              const src = m.session.placing ?? '';
              g.made = createFrame(d, { kind: 'image', page, src, fit: src ? 'fit' : 'fill', ...r }, m.host.newId);
            }
            else if (tool === 'rule') g.made = createFrame(d, { kind: 'rule', page, ...r }, m.host.newId);
            else g.made = createFrame(d, { kind: 'box', page, ...r }, m.host.newId);
          },
          { capture: 'squash' },
        );
        return;
      }
      if (e.type === 'pointer_up') {
        if (tool === 'image-frame' && g.made) m.session.placing = null;
        return finish(m, true);
      }
      if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) finish(m, false);
    },
  };
  return [idle, drawing];
}

/** The states of all four frame tools. */
export const DRAW_STATES: ToolState[] = (['text-frame', 'image-frame', 'rule', 'box'] as const).flatMap(drawStates);
