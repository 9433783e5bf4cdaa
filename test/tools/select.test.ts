import { describe, expect, it } from 'vitest';
import { columnSpan, templateOfPage } from '../../engine/edit';
import { sample } from '../edit/support';
import { TestEditor } from './test-editor';
import { HANDLE_PX, outPort } from '../../renderer/tools';

// Page 2 of the sample: lead-body-2 at (53.25, 82, 495×211.5); ad box and text at y 784.
describe('select tool', () => {
  it('click selects, shift-click adds and removes, click on empty page clears; none of it is an undo step', () => {
    const ed = new TestEditor(sample());
    ed.down(100, 100).expectPath('select.pointing').up(100, 100).expectPath('select.idle').expectSelection(['lead-body-2']);
    ed.down(600, 900, { shift: true }).up(600, 900, { shift: true }).expectSelection(['lead-body-2', 'ad-p2-text']);
    ed.down(600, 900, { shift: true }).up(600, 900, { shift: true }).expectSelection(['lead-body-2']);
    ed.down(800, 500).expectPath('select.brushing').up(800, 500).expectSelection([]);
    expect(ed.history.canUndo).toBe(false);
  });

  it('a drag moves the frame as one undo step, snapping to a column edge with guides', () => {
    const ed = new TestEditor(sample());
    const t = templateOfPage(ed.doc, 'p2');
    const col = columnSpan(t, 1, 1);
    // Drag by almost one column (2 pt short): the left edge snaps to column 2.
    const dx = col.x - 53.25 - 2;
    ed.down(100, 100).move(110, 100).expectPath('select.translating');
    ed.move(100 + dx, 100);
    expect(ed.tools.session.guides.some((g) => g.axis === 'x' && Math.abs(g.value - col.x) < 0.01)).toBe(true);
    ed.move(100 + dx, 100.4).up(100 + dx, 100.4).expectPath('select.idle');
    expect(ed.frame('lead-body-2')).toMatchObject({ x: col.x, y: 82 });
    expect(ed.tools.session.guides).toEqual([]);
    expect(ed.history.undoDepth).toBe(1);
    ed.history.undo();
    expect(ed.frame('lead-body-2')).toMatchObject({ x: 53.25, y: 82 });
  });

  it('Escape during a drag puts everything back and leaves no step', () => {
    const ed = new TestEditor(sample());
    const before = ed.doc;
    ed.drag(100, 100, 300, 400, {}, 5, false).expectPath('select.translating');
    expect(ed.frame('lead-body-2')!.x).not.toBe(53.25);
    ed.key('Escape').expectPath('select.idle');
    expect(ed.doc).toEqual(before);
    expect(ed.history.canUndo).toBe(false);
  });

  it('Shift constrains a drag to one axis', () => {
    const ed = new TestEditor(sample());
    ed.drag(100, 100, 160, 117, { shift: true });
    expect(ed.frame('lead-body-2')!.y).toBe(82);
  });

  it('resizes by a handle with snapping; one step; Escape cancels', () => {
    const ed = new TestEditor(sample());
    ed.down(100, 100).up(100, 100);
    const f = ed.frame('lead-body-2')!;
    // se handle, drag down by ~10 lines: the bottom snaps to a grid cell bottom.
    ed.down(f.x + f.width, f.y + f.height).expectPath('select.resizing').move(f.x + f.width, f.y + f.height + 136).up(f.x + f.width, f.y + f.height + 136);
    const g = ed.frame('lead-body-2')!;
    expect(g.height).toBeCloseTo(211.5 + 135, 2);
    expect(ed.history.undoDepth).toBe(1);
    ed.down(g.x + g.width, g.y + g.height).move(g.x + g.width + 40, g.y + g.height).key('Escape');
    expect(ed.frame('lead-body-2')).toEqual(g);
    expect(ed.history.undoDepth).toBe(1);
  });

  it('brushing selects the frames the marquee touches', () => {
    const ed = new TestEditor(sample());
    ed.drag(700, 700, 900, 800).expectSelection(['ad-p2-box', 'ad-p2-text']);
    // Escape restores the selection from before the marquee (the press on empty page had cleared it).
    ed.drag(700, 700, 900, 800, {}, 2, false).key('Escape').expectSelection([]);
    ed.drag(700, 700, 900, 800, { shift: true }).drag(50, 50, 120, 120, { shift: true }, 2, false).expectSelection(['ad-p2-box', 'ad-p2-text', 'lead-body-2']);
    ed.key('Escape').expectSelection(['ad-p2-box', 'ad-p2-text']);
  });

  it('arrow keys nudge (Shift: 10 pt), Delete deletes, Alt+Mod+D duplicates; each one step', () => {
    const ed = new TestEditor(sample());
    ed.down(100, 100).up(100, 100);
    ed.key('ArrowRight').key('ArrowDown', { shift: true });
    expect(ed.frame('lead-body-2')).toMatchObject({ x: 54.25, y: 92 });
    ed.key('d', { mod: true, alt: true });
    const [dup] = ed.tools.session.selection;
    expect(ed.frame(dup!)).toMatchObject({ x: 63.25, y: 101 });
    ed.key('Delete');
    expect(ed.frame(dup!)).toBeUndefined();
    expect(ed.tools.session.selection).toEqual([]);
    expect(ed.history.undoDepth).toBe(4);
    ed.history.undo();
    expect(ed.frame(dup!)).toBeDefined();
  });

  it('locked frames do not move', () => {
    const doc = sample();
    doc.frames.find((f) => f.id === 'lead-body-2')!.locked = true;
    const ed = new TestEditor(doc);
    ed.drag(100, 100, 300, 300);
    expect(ed.frame('lead-body-2')).toMatchObject({ x: 53.25, y: 82 });
    expect(ed.history.canUndo).toBe(false);
  });
});

describe('frame tools', () => {
  it('draws a text frame (with an empty story), a box, a rule; Escape while drawing leaves nothing', () => {
    const ed = new TestEditor(sample());
    ed.setTool('text-frame').expectPath('text-frame.idle');
    ed.drag(600, 320, 800, 500).expectPath('text-frame.idle');
    const [tf] = ed.tools.session.selection;
    expect(ed.frame(tf!)).toMatchObject({ kind: 'text', page: 'p2' });
    expect(ed.doc.stories.some((s) => s.frames.includes(tf as never))).toBe(true);
    ed.setTool('box').drag(620, 520, 700, 600);
    ed.setTool('rule').drag(620, 650, 900, 660, { shift: true });
    const rule = ed.frame(ed.tools.session.selection[0]!)!;
    expect(rule).toMatchObject({ kind: 'rule', height: 1 });
    expect(ed.history.undoDepth).toBe(3);
    ed.setTool('box').drag(620, 700, 700, 760, {}, 3, false).expectPath('box.drawing').key('Escape').expectPath('box.idle');
    expect(ed.history.undoDepth).toBe(3);
    // A click without a drag makes nothing.
    ed.down(650, 700).up(650, 700);
    expect(ed.history.undoDepth).toBe(3);
  });

  it('the image tool draws the picture being placed (without one, an empty frame: test/tools/image-content.test.ts)', () => {
    const ed = new TestEditor(sample());
    ed.tools.session.placing = 'images/rongmei-1.jpg';
    ed.setTool('image-frame').drag(600, 320, 800, 500);
    expect(ed.frame(ed.tools.session.selection[0]!)).toMatchObject({ kind: 'image', src: 'images/rongmei-1.jpg' });
    expect(ed.tools.session.placing).toBeNull();
  });
});

describe('threading', () => {
  it("click the out-port of a selected text frame, then another frame: the story flows on; one step", () => {
    const ed = new TestEditor(sample());
    ed.setTool('text-frame').drag(600, 320, 800, 500);
    const target = ed.tools.session.selection[0]!;
    ed.setTool('select').down(100, 100).up(100, 100);
    const f = ed.frame('lead-body-2')!;
    const port = outPort(f, HANDLE_PX);
    ed.down(port.x + port.size / 2, port.y + port.size / 2).expectPath('thread.picking');
    ed.down(700, 400).expectPath('select.idle');
    expect(ed.doc.stories.find((s) => s.id === 'lead-body')!.frames).toEqual(['lead-body-1', 'lead-body-2', target]);
    ed.history.undo();
    expect(ed.doc.stories.find((s) => s.id === 'lead-body')!.frames).toEqual(['lead-body-1', 'lead-body-2']);
  });

  it('the thread tool picks a source anywhere on a text frame; Escape cancels', () => {
    const ed = new TestEditor(sample());
    ed.setTool('thread').down(100, 100).expectPath('thread.picking').key('Escape').expectPath('thread.idle');
    expect(ed.history.canUndo).toBe(false);
  });
});
