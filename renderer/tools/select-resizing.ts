/** select.resizing: dragging a handle of one frame; the dragged edges snap; one undo step; Escape cancels. */
import { resizeFrame, resizeRect, snap, snapTargets, type Handle, type Rect, type SnapEdges } from '../../engine/edit';
import type { ToolState } from './state';
import { SNAP_PX, type ToolMachine } from './machine';

const MARK = 'resize';

let frame = '';
let handle: Handle = 'se';
let origin = { x: 0, y: 0 };
let startRect: Rect = { x: 0, y: 0, width: 1, height: 1 };

function finish(m: ToolMachine, commit: boolean): void {
  if (commit) m.host.history.squashToMark(MARK);
  else m.host.history.bailToMark(MARK);
  m.transition('select.idle');
}

/** The edges a handle drags, for snapping. */
function edgesOf(h: Handle): SnapEdges {
  return { x: h.includes('w') ? ['min'] : h.includes('e') ? ['max'] : [], y: h.includes('n') ? ['min'] : h.includes('s') ? ['max'] : [] };
}

/** select.resizing */
export const selectResizing: ToolState = {
  path: 'select.resizing',
  enter(m, i) {
    frame = i['frame'] as string;
    handle = i['handle'] as Handle;
    origin = { x: i['x'] as number, y: i['y'] as number };
    const f = m.doc.frames.find((x) => x.id === frame)!;
    startRect = { x: f.x, y: f.y, width: f.width, height: f.height };
    m.host.history.mark(MARK);
  },
  exit(m) {
    m.session.guides = [];
  },
  handle(m, e) {
    if (e.type === 'pointer_move') {
      let r = resizeRect(startRect, handle, e.x - origin.x, e.y - origin.y);
      const s = snap(r, snapTargets(m.doc, m.host.page(), [frame]), m.px(SNAP_PX), edgesOf(handle));
      r = resizeRect(r, handle, s.dx, s.dy);
      m.session.guides = s.guides;
      m.host.history.change((d) => resizeFrame(d, frame, r), { capture: 'squash' });
      return;
    }
    if (e.type === 'pointer_up') return finish(m, true);
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) finish(m, false);
  },
};
