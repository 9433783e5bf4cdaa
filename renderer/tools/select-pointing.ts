/** select.pointing: pressed on a frame; a drag beyond a few pixels starts translating, a release selects. */
import { scratch, type ToolState } from './state';
import { DRAG_PX } from './machine';

interface Info {
  x: number;
  y: number;
  frame: string;
  wasSelected: boolean;
  shift: boolean;
  alt: boolean;
}

const gesture = scratch(() => ({ info: { x: 0, y: 0, frame: '', wasSelected: false, shift: false, alt: false } as Info }));

/** select.pointing */
export const selectPointing: ToolState = {
  path: 'select.pointing',
  enter(m, i) {
    gesture(m).info = i as unknown as Info;
  },
  handle(m, e) {
    const info = gesture(m).info;
    if (e.type === 'pointer_move') {
      if (Math.hypot(e.x - info.x, e.y - info.y) >= m.px(DRAG_PX)) m.transition('select.translating', { x: info.x, y: info.y, alt: info.alt });
      if (m.path === 'select.translating') m.dispatch(e);
      return;
    }
    if (e.type === 'pointer_up') {
      // Shift-click on a selected frame deselects it (on release, so that shift-drag still moves).
      if (info.shift && info.wasSelected) m.select(m.session.selection.filter((id) => id !== info.frame));
      else if (!info.shift && !info.alt) m.select([info.frame]);
      return m.transition('select.idle');
    }
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) m.transition('select.idle');
  },
};
