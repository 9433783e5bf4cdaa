/**
 * The Selection tool's image gestures in Node, on the sample with a real layout (pictures 800×600
 * pt): double-click an image frame enters content mode; a drag pans the picture as one undo
 * step, Escape mid-drag leaves none; resizing an image frame crops (the picture keeps its page
 * position, for fill, fit and natural size; a stretched picture follows the frame); the
 * graphics-frame tool (Shift+F) draws an empty frame, one step, that prints nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { placeImage } from '../../engine/flow/image';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { ImageFrame, IssueDocument } from '../../engine/model/types';
import { commandForKey } from '../../renderer/commands';
import { counterIds } from '../../engine/edit';
import { History } from '../../renderer/history';
import { ToolMachine } from '../../renderer/tools';
import { imageIntoFrame } from '../../renderer/place/apply';
import { cropKeepingPicture, pictureBox } from '../../renderer/tools/image-content';
import { collectLinks } from '../../services/links';
import { findings, relayouter, sample } from '../edit/support';
import { TestEditor } from './test-editor';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

const NATURAL = { width: 800, height: 600 };
/** lead-image on p1: 305.25, 419.5, 747 × 346.5, fill. */
function editor(): TestEditor {
  const ed = new TestEditor(sample(), relayout);
  ed.page = 'p1';
  return ed;
}
const img = (ed: TestEditor, id = 'lead-image') => ed.frame(id) as ImageFrame;

describe('content mode: pan the picture inside its frame', () => {
  it('double-click enters; a drag pans as one undo step; undo restores', () => {
    const ed = editor();
    const before = ed.doc;
    ed.tools.dispatch({ type: 'double_click', x: 600, y: 600 });
    ed.expectPath('select.content').expectSelection(['lead-image']);
    ed.drag(600, 600, 640, 570, {}, 6);
    ed.expectPath('select.content');
    expect(img(ed)).toMatchObject({ offsetX: 40, offsetY: -30, x: 305.25, y: 419.5 });
    expect(ed.history.undoDepth).toBe(1);
    // The layout moved the picture by the pan.
    const start = placeImage(before.frames.find((f) => f.id === 'lead-image') as ImageFrame, NATURAL);
    expect(pictureBox(ed.layout(), img(ed))).toMatchObject({ x: start.x + 40, y: start.y - 30 });
    ed.history.undo();
    expect(ed.doc).toEqual(before);
  });

  it('Escape mid-drag leaves no step; Escape again leaves content mode with the frame selected', () => {
    const ed = editor();
    ed.tools.dispatch({ type: 'double_click', x: 600, y: 600 });
    ed.drag(600, 600, 650, 650, {}, 4, false).expectPath('select.panning');
    expect(img(ed).offsetX).toBe(50);
    ed.key('Escape').expectPath('select.content');
    expect(img(ed)).toMatchObject({ offsetX: 0, offsetY: 0 });
    expect(ed.history.undoDepth).toBe(0);
    ed.key('Escape').expectPath('select.idle').expectSelection(['lead-image']);
  });

  it('a press outside the frame leaves content mode and selects what it hits', () => {
    const ed = editor();
    ed.tools.dispatch({ type: 'double_click', x: 600, y: 600 });
    ed.down(100, 500).up(100, 500);
    ed.expectPath('select.idle').expectSelection(['lead-body-1']);
  });
});

describe('crop: resizing an image frame keeps the picture on the page', () => {
  for (const fit of ['fill', 'fit', 'none'] as const) {
    it(`${fit}: dragging the west and south handles crops; one step`, () => {
      const ed = editor();
      ed.history.change((d) => {
        const f = d.frames.find((x) => x.id === 'lead-image') as ImageFrame;
        f.fit = fit;
        f.offsetX = 12;
        f.scale = 1.1;
      });
      const depth = ed.history.undoDepth;
      const start = pictureBox(ed.layout(), img(ed))!;
      expect(start).toEqual(placeImage(img(ed), NATURAL));
      ed.tools.select(['lead-image']);
      ed.drag(305.25, 592.75, 405.25, 592.75, {}, 4); // the west handle 100 pt right (it may snap)
      const west = img(ed);
      expect(west.x).toBeGreaterThan(390);
      expect(west.x + west.width).toBeCloseTo(1052.25, 6);
      ed.drag(west.x + west.width / 2, 766, west.x + west.width / 2, 700, {}, 4); // the south handle up
      expect(img(ed).y + img(ed).height).toBeLessThan(720);
      expect(img(ed)).toMatchObject({ y: 419.5, fit });
      expect(ed.history.undoDepth).toBe(depth + 2);
      const after = placeImage(img(ed), NATURAL);
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(after[k]).toBeCloseTo(start[k], 6);
      expect(pictureBox(ed.layout(), img(ed))!.x).toBeCloseTo(start.x, 6);
    });
  }

  it('with the host\'s picture sizes no layout is needed: a crop right after a pan keeps the panned picture', () => {
    const history = new History(sample());
    const m = new ToolMachine({ history, page: () => 'p1', layout: () => null, scale: () => 1, newId: counterIds('t'), imageSize: () => NATURAL });
    m.dispatch({ type: 'double_click', x: 600, y: 600 });
    m.dispatch({ type: 'pointer_down', x: 600, y: 600 });
    m.dispatch({ type: 'pointer_move', x: 620, y: 610 });
    m.dispatch({ type: 'pointer_up', x: 620, y: 610 });
    m.dispatch({ type: 'key_down', key: 'Escape', time: 1 });
    const panned = placeImage(history.current.frames.find((f) => f.id === 'lead-image') as ImageFrame, NATURAL);
    m.dispatch({ type: 'pointer_down', x: 1052.25, y: 592.75 }); // the east handle
    m.dispatch({ type: 'pointer_move', x: 900, y: 592.75 });
    m.dispatch({ type: 'pointer_up', x: 900, y: 592.75 });
    const f = history.current.frames.find((x) => x.id === 'lead-image') as ImageFrame;
    expect(f.width).toBeLessThan(700);
    const after = placeImage(f, NATURAL);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(after[k]).toBeCloseTo(panned[k], 6);
    expect(history.undoDepth).toBe(2);
  });

  it('stretch: the picture follows the frame (the fit mode says so)', () => {
    const f = { ...(sample().frames.find((x) => x.id === 'lead-image') as ImageFrame), fit: 'stretch' as const };
    expect(cropKeepingPicture(f, placeImage(f, NATURAL), { x: 400, y: 420, width: 300, height: 200 })).toBeNull();
  });

  it('Escape mid-resize leaves the frame and picture as they were', () => {
    const ed = editor();
    const before = ed.doc;
    ed.tools.select(['lead-image']);
    ed.drag(305.25, 592.75, 405.25, 592.75, {}, 4, false).expectPath('select.resizing');
    expect(img(ed).x).toBeGreaterThan(390);
    ed.key('Escape');
    expect(ed.doc).toEqual(before);
    expect(ed.history.undoDepth).toBe(0);
  });
});

describe('graphics frame tool', () => {
  it('Shift+F picks it; a drag draws an empty image frame, one step, that prints nothing', () => {
    const ed = editor();
    const st = { hasDocument: true, selection: [], canUndo: false, canRedo: false, tool: 'select' as const, editingText: false };
    const cmd = commandForKey({ key: 'F', shiftKey: true }, 'other', st)!;
    expect(cmd.name).toBe('tool.imageFrame');
    expect(commandForKey({ key: 'f' }, 'other', st)!.name).toBe('tool.frame');
    ed.setTool('image-frame').drag(60, 140, 200, 260);
    const f = img(ed, ed.tools.session.selection[0]!);
    expect(f).toMatchObject({ kind: 'image', src: '', page: 'p1', x: 60, width: 140 }); // y and height snap to the grid
    expect(ed.history.undoDepth).toBe(1);
    const p1 = ed.layout()!.pages.find((p) => p.id === 'p1')!;
    expect(p1.display.items.some((i) => i.type === 'image' && i.frame === f.id)).toBe(false);
    // It is a valid document (saves and loads) and links no file.
    expect(findings(ed.doc)).toEqual([]);
    expect(collectLinks(ed.doc, '/x/issue.broadsheet').some((l) => l.src === '')).toBe(false);
    // Content mode refuses to pan an empty frame, with a message.
    ed.setTool('select');
    ed.tools.dispatch({ type: 'double_click', x: 100, y: 200 });
    ed.down(100, 200);
    expect(ed.tools.session.message).toMatch(/empty/);
    expect(ed.history.undoDepth).toBe(1);
    // Place into it (renderer/place): the picture goes in and is laid out, one more step.
    ed.key('Escape');
    ed.history.change((d) => imageIntoFrame(d, f.id, 'images/rongmei-1.jpg'));
    expect(img(ed, f.id)).toMatchObject({ src: 'images/rongmei-1.jpg', fit: 'fill' });
    const laid = ed.layout()!.pages.find((p) => p.id === 'p1')!;
    expect(laid.display.items.some((i) => i.type === 'image' && i.frame === f.id)).toBe(true);
    expect(ed.history.undoDepth).toBe(2);
  });
});
