/**
 * The place-article tool ("article.idle", "article.placing"): after New article… or Continue
 * on page…, the user drags a rectangle on the page; it snaps to whole columns and grid lines
 * (shown as the marquee while dragging) and the release makes the article or the continuation
 * frame there, one undo step. A click without a drag places the block's default size at the
 * grid cell clicked. Escape (or a cancelled gesture) leaves no step and returns to Select.
 * What to make is a pending placement the command set with setPendingPlacement().
 */
import { EditError, rectFromPoints, templateOfPage, type GridPlace } from '../../engine/edit';
import type { IssueDocument } from '../../engine/model/types';
import { placeRect, snapToGrid } from '../articles/placement';
import { scratch, type ToolState } from './state';
import { DRAG_PX, type ToolMachine } from './machine';

/** What the tool makes on release. */
export interface PendingPlacement {
  /** For messages: "the article", "the continuation". */
  label: string;
  /** The block placed by a click (no drag). */
  columns: number;
  lines: number;
  /** Makes the records (mutating the draft); returns the frames to select afterwards. */
  apply(doc: IssueDocument, page: string, place: GridPlace): string[];
  /** Told the outcome: the frames made, or the reason nothing was made. */
  done?(result: { ok: true; frames: string[] } | { ok: false; message: string }): void;
}

const pending = scratch(() => ({ placement: null as PendingPlacement | null, origin: { x: 0, y: 0 }, dragged: false }));

/** Arms the tool with what to make and switches to it. */
export function setPendingPlacement(m: ToolMachine, p: PendingPlacement): void {
  pending(m).placement = p;
  m.setTool('article');
}

/** The placement the tool is armed with (null: none). */
export function pendingPlacement(m: ToolMachine): PendingPlacement | null {
  return pending(m).placement;
}

function place(m: ToolMachine, x0: number, y0: number, x1: number, y1: number, click: boolean): GridPlace {
  const t = templateOfPage(m.doc, m.host.page());
  const p = pending(m).placement!;
  if (!click) return snapToGrid(t, rectFromPoints(x0, y0, x1, y1));
  const at = snapToGrid(t, { x: x0, y: y0, width: 0, height: 0 });
  return { column: Math.min(at.column, t.columns - p.columns), line: at.line, columns: p.columns, lines: p.lines };
}

function stop(m: ToolMachine, message: string | null): void {
  const p = pending(m).placement;
  pending(m).placement = null;
  m.session.brush = null;
  if (message !== null) {
    m.session.message = message;
    p?.done?.({ ok: false, message });
  }
  m.transition('select.idle');
}

/** article.idle: waiting for the press that starts the placement. */
export const articleIdle: ToolState = {
  path: 'article.idle',
  handle(m, e) {
    if (e.type === 'pointer_down') {
      if (!pending(m).placement) {
        m.session.message = 'Choose New article… or Continue on page… first';
        return;
      }
      m.transition('article.placing', { x: e.x, y: e.y });
    } else if ((e.type === 'key_down' && e.key === 'Escape') || e.type === 'cancel') stop(m, 'placement cancelled');
  },
};

/** article.placing: the press is down; the snapped block follows the pointer. */
export const articlePlacing: ToolState = {
  path: 'article.placing',
  enter(m, i) {
    const g = pending(m);
    g.origin = { x: i['x'] as number, y: i['y'] as number };
    g.dragged = false;
  },
  exit(m) {
    m.session.brush = null;
  },
  handle(m, e) {
    const g = pending(m);
    const { origin } = g;
    if (e.type === 'pointer_move') {
      if (!g.dragged && Math.hypot(e.x - origin.x, e.y - origin.y) < m.px(DRAG_PX)) return;
      g.dragged = true;
      try {
        m.session.brush = placeRect(templateOfPage(m.doc, m.host.page()), place(m, origin.x, origin.y, e.x, e.y, false));
      } catch (err) {
        if (!(err instanceof EditError)) throw err;
        m.session.brush = null;
      }
      return;
    }
    if (e.type === 'pointer_up') {
      const p = g.placement!;
      const page = m.host.page();
      let made: string[] = [];
      try {
        const where = place(m, origin.x, origin.y, e.x, e.y, !g.dragged);
        // A throwing recipe records nothing: the document is untouched on a refusal.
        m.host.history.change((d) => {
          made = p.apply(d, page, where);
        });
      } catch (err) {
        if (!(err instanceof EditError)) throw err;
        return stop(m, `Cannot place ${p.label} here: ${err.message}`);
      }
      stop(m, null);
      m.select(made);
      p.done?.({ ok: true, frames: made });
      return;
    }
    if (e.type === 'cancel' || (e.type === 'key_down' && e.key === 'Escape')) stop(m, 'placement cancelled');
  },
};
