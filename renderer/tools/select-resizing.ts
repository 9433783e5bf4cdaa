/** select.resizing: dragging a handle of one frame; the dragged edges snap; one undo step; Escape cancels. */
import { resizeFrame, resizeRect, snap, snapTargets, type Handle, type Rect, type SnapEdges } from '../../engine/edit';
import { endGesture, scratch, type ToolState } from './state';
import { cropKeepingPicture, pictureBox } from './image-content';
import { SNAP_PX, type ToolMachine } from './machine';

const MARK = 'resize';

const gesture = scratch(() => ({ frame: '', handle: 'se' as Handle, origin: { x: 0, y: 0 }, startRect: { x: 0, y: 0, width: 1, height: 1 } as Rect, picture: null as Rect | null }));

function finish(m: ToolMachine, commit: boolean): void {
  endGesture(m, MARK, commit, 'select.idle');
}

/** The edges a handle drags, for snapping. */
function edgesOf(h: Handle): SnapEdges {
  return { x: h.includes('w') ? ['min'] : h.includes('e') ? ['max'] : [], y: h.includes('n') ? ['min'] : h.includes('s') ? ['max'] : [] };
}

/** select.resizing */
export const selectResizing: ToolState = {
  path: 'select.resizing',
  enter(m, i) {
    const g = gesture(m);
    g.frame = i['frame'] as string;
    g.handle = i['handle'] as Handle;
    g.origin = { x: i['x'] as number, y: i['y'] as number };
    const f = m.doc.frames.find((x) => x.id === g.frame)!;
    g.startRect = { x: f.x, y: f.y, width: f.width, height: f.height };
    // An image frame crops: its picture keeps its place on the page (where the layout put it).
    g.picture = f.kind === 'image' ? pictureBox(m.host.layout(), f, m.host.imageSize?.bind(m.host)) : null;
    m.host.history.mark(MARK);
  },
  exit(m) {
    m.session.guides = [];
  },
  handle(m, e) {
    const { frame, handle, origin, startRect, picture } = gesture(m);
    if (e.type === 'pointer_move') {
      let r = resizeRect(startRect, handle, e.x - origin.x, e.y - origin.y);
      const s = snap(r, snapTargets(m.doc, m.host.page(), [frame]), m.px(SNAP_PX), edgesOf(handle));
      r = resizeRect(r, handle, s.dx, s.dy);
      m.session.guides = s.guides;
      m.host.history.change(
        (d) => {
          resizeFrame(d, frame, r);
          const f = d.frames.find((x) => x.id === frame);
          const crop = f?.kind === 'image' ? cropKeepingPicture(f, picture, r) : null;
          if (f && crop) Object.assign(f, crop);
        },
        { capture: 'squash' },
      );
      return;
    }
    if (e.type === 'pointer_up') return finish(m, true);
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) finish(m, false);
  },
};
