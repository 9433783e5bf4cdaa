import { beforeAll, describe, expect, it } from 'vitest';
import { storyText } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { relayouter, sample } from '../edit/support';
import { TestEditor } from './test-editor';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

const text = (ed: TestEditor, story: string) => storyText(ed.doc.stories.find((s) => s.id === story)!);

describe('text tool', () => {
  it('places the caret by hit-testing, types a burst as one step, IME commits only the final text', () => {
    const ed = new TestEditor(sample(), relayout);
    const original = text(ed, 'lead-body');
    // The first line of lead-body-2 on page 2: click just left of its start.
    const line = ed.layout()!.pages[1]!.frames.find((f) => f.source === 'lead-body-2' && f.role === 'frame')!.lines.find((l) => l.story === 'lead-body')!;
    ed.setTool('text').down(line.x + 0.5, line.y - 2).up(line.x + 0.5, line.y - 2).expectPath('text.editing');
    const caret = ed.tools.session.text!;
    expect(caret).toMatchObject({ story: 'lead-body', frame: 'lead-body-2', anchor: line.start, focus: line.start });
    ed.type('新');
    ed.compose(['j', 'ji', 'jin'], '金山');
    expect(ed.tools.session.composing).toBeNull();
    expect(text(ed, 'lead-body')).toBe(original.slice(0, line.start) + '新金山' + original.slice(line.start));
    expect(ed.history.undoDepth).toBe(1);
    // A pause ends the burst.
    ed.time += 5000;
    ed.type('!');
    expect(ed.history.undoDepth).toBe(2);
    ed.key('Backspace').key('Backspace');
    expect(text(ed, 'lead-body')).toBe(original.slice(0, line.start) + '新金' + original.slice(line.start));
    ed.key('Enter');
    expect(ed.history.undoDepth).toBe(4);
    while (ed.history.undo());
    expect(text(ed, 'lead-body')).toBe(original);
  });

  it('keys go to the IME while it composes; selection with shift+arrows; typing replaces it; Escape selects the frame', () => {
    const ed = new TestEditor(sample(), relayout);
    const line = ed.layout()!.pages[1]!.frames.find((f) => f.source === 'lead-body-2' && f.role === 'frame')!.lines.find((l) => l.story === 'lead-body')!;
    ed.setTool('text').down(line.x + 0.5, line.y - 2).up(line.x + 0.5, line.y - 2);
    ed.tools.dispatch({ type: 'composition', phase: 'update', text: 'zh', time: 1 });
    ed.key('Backspace');
    expect(ed.history.canUndo).toBe(false);
    ed.tools.dispatch({ type: 'composition', phase: 'end', text: '', time: 2 });
    ed.key('ArrowRight', { shift: true }).key('ArrowRight', { shift: true });
    expect(ed.tools.session.text).toMatchObject({ anchor: line.start, focus: line.start + 2 });
    const before = text(ed, 'lead-body');
    ed.type('X');
    expect(text(ed, 'lead-body')).toBe(before.slice(0, line.start) + 'X' + before.slice(line.start + 2));
    ed.key('Escape').expectPath('select.idle').expectSelection(['lead-body-2']);
  });

  it('typing into a new empty frame creates its story in the same step', () => {
    const ed = new TestEditor(sample(), relayout);
    ed.setTool('text-frame').drag(600, 320, 800, 500);
    const f = ed.tools.session.selection[0]!;
    ed.setTool('text').down(650, 350).type('你好');
    const s = ed.doc.stories.find((x) => x.frames.includes(f as never))!;
    expect(storyText(s)).toBe('你好');
    expect(ed.history.undoDepth).toBe(2);
  });
});
