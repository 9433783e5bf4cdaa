/** Caret keys of the Type tool, scripted on the sample with a real layout; captions edited in place. */
import { beforeAll, describe, expect, it } from 'vitest';
import { storyText } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { caretBox } from '../../renderer/canvas/tool-overlay';
import { wordLeft, wordRight } from '../../renderer/tools/text-moves';
import { relayouter, sample } from '../edit/support';
import { TestEditor } from './test-editor';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

/** An editor on page 1 with the caret in lead-body's line `n` (of frame lead-body-1), `k` characters in. */
function caretIn(n: number, k: number) {
  const ed = new TestEditor(sample(), relayout);
  ed.page = 'p1';
  const lines = ed.layout()!.pages[0]!.frames.find((f) => f.source === 'lead-body-1' && f.role === 'frame')!.lines.filter((l) => l.story === 'lead-body');
  const line = lines[n]!;
  const stop = line.carets.find((c) => c.offset === line.start + k)!;
  ed.setTool('text').down(stop.x + 0.2, line.y - 2).up(stop.x + 0.2, line.y - 2);
  expect(ed.tools.session.text).toMatchObject({ story: 'lead-body', focus: line.start + k });
  return { ed, lines };
}
const caret = (ed: TestEditor) => ed.tools.session.text!;

describe('caret keys', () => {
  it('Up and Down move by line keeping the x; past the first line Up goes to the start', () => {
    const { ed, lines } = caretIn(2, 4);
    const x = lines[2]!.carets.find((c) => c.offset === lines[2]!.start + 4)!.x;
    ed.key('ArrowDown');
    const down = caret(ed).focus;
    expect(down).toBeGreaterThanOrEqual(lines[3]!.start);
    expect(down).toBeLessThanOrEqual(lines[3]!.end);
    expect(Math.abs(lines[3]!.carets.find((c) => c.offset === down)!.x - x)).toBeLessThan(12);
    ed.key('ArrowUp').key('ArrowUp').key('ArrowUp');
    const up = caret(ed).focus;
    expect(up).toBeGreaterThanOrEqual(lines[0]!.start);
    expect(up).toBeLessThanOrEqual(lines[0]!.end);
    expect(Math.abs(lines[0]!.carets.find((c) => c.offset === up)!.x - x)).toBeLessThan(12);
    expect(caret(ed).anchor).toBe(up);
    ed.key('ArrowUp');
    expect(caret(ed)).toMatchObject({ anchor: 0, focus: 0 });
    expect(ed.history.undoDepth).toBe(0);
  });

  it('Down crosses from the bottom of a column to the top of the next', () => {
    const { ed, lines } = caretIn(0, 1);
    const col0 = lines.filter((l) => l.column === 0);
    const last = col0[col0.length - 1]!;
    const next = lines.find((l) => l.start === last.end)!;
    expect(next.column).toBe(1);
    for (let i = 0; i < col0.length - 1; i++) ed.key('ArrowDown');
    expect(caret(ed).focus).toBeGreaterThanOrEqual(last.start);
    expect(caret(ed).focus).toBeLessThan(last.end);
    ed.key('ArrowDown');
    expect(caret(ed).focus).toBeGreaterThanOrEqual(next.start);
    expect(caret(ed).focus).toBeLessThanOrEqual(next.end);
  });

  it('Home and End go to the line ends; End then Down stays at the line end side; Shift extends', () => {
    const { ed, lines } = caretIn(1, 5);
    ed.key('End');
    expect(caret(ed).focus).toBe(lines[1]!.end);
    // The caret is drawn at the end of that line, not at the start of the next one.
    const box = caretBox(ed.layout()!, ed.layout()!.pages[0]!, ed.tools.session)!;
    expect(box.y).toBeCloseTo(lines[1]!.y - lines[1]!.ascent, 5);
    expect(box.x).toBeCloseTo(lines[1]!.carets[lines[1]!.carets.length - 1]!.x, 5);
    ed.key('ArrowLeft').key('ArrowRight');
    // Plain arrows end that: the same offset is then the start of the next line.
    expect(caretBox(ed.layout()!, ed.layout()!.pages[0]!, ed.tools.session)!.y).toBeCloseTo(lines[2]!.y - lines[2]!.ascent, 5);
    ed.key('ArrowLeft').key('End');
    ed.key('End');
    expect(caret(ed).focus).toBe(lines[1]!.end);
    ed.key('Home');
    expect(caret(ed).focus).toBe(lines[1]!.start);
    ed.key('End', { shift: true });
    expect(caret(ed)).toMatchObject({ anchor: lines[1]!.start, focus: lines[1]!.end });
    ed.key('ArrowDown', { shift: true });
    expect(caret(ed).anchor).toBe(lines[1]!.start);
    expect(caret(ed).focus).toBeGreaterThan(lines[2]!.start);
    // Typing replaces the extended selection.
    const before = storyText(ed.doc.stories.find((s) => s.id === 'lead-body')!);
    const [a, b] = [caret(ed).anchor, caret(ed).focus];
    ed.type('X');
    expect(storyText(ed.doc.stories.find((s) => s.id === 'lead-body')!)).toBe(before.slice(0, a) + 'X' + before.slice(b));
  });

  it('Alt/Ctrl+Arrow move by word; Mod+Home/End to the story ends; Mod+Down to the next paragraph', () => {
    const { ed } = caretIn(0, 0);
    const text = storyText(ed.doc.stories.find((s) => s.id === 'lead-body')!);
    ed.key('ArrowRight', { alt: true });
    const w1 = caret(ed).focus;
    expect(w1).toBeGreaterThan(0);
    expect(w1).toBe(wordRight(text, 0, 'zh-Hans'));
    ed.key('ArrowRight', { mod: true, shift: true });
    expect(caret(ed)).toMatchObject({ anchor: w1, focus: wordRight(text, w1, 'zh-Hans') });
    ed.key('ArrowLeft', { alt: true });
    expect(caret(ed).focus).toBe(w1);
    expect(caret(ed).anchor).toBe(w1);
    ed.key('End', { mod: true });
    expect(caret(ed).focus).toBe(text.length);
    ed.key('Home', { mod: true });
    expect(caret(ed).focus).toBe(0);
    ed.key('ArrowDown', { mod: true });
    expect(caret(ed).focus).toBe(text.indexOf('\n') + 1);
  });

  it('word boundaries: Chinese words and Latin words, stepping over paragraph breaks', () => {
    const t = '上海金山 news today\n第二段';
    expect(wordRight(t, 0, 'zh-Hans')).toBeGreaterThan(0);
    expect(wordRight(t, 0, 'zh-Hans')).toBeLessThanOrEqual(4);
    expect(wordRight(t, 4, 'zh-Hans')).toBe(9);
    expect(wordLeft(t, 9, 'zh-Hans')).toBe(5);
    expect(wordLeft(t, 11, 'zh-Hans')).toBe(10);
    expect(wordRight(t, 15, 'zh-Hans')).toBe(16);
    expect(wordLeft(t, 16, 'zh-Hans')).toBe(15);
    expect(wordLeft(t, 0, 'en')).toBe(0);
    expect(wordRight(t, t.length, 'en')).toBe(t.length);
  });
});

describe('captions in place', () => {
  it('the Type tool clicks into an image caption and edits its story (one undo step)', () => {
    const ed = new TestEditor(sample(), relayout);
    ed.page = 'p1';
    const cap = ed.layout()!.pages[0]!.frames.find((f) => f.role === 'caption' && f.source === 'lead-image')!;
    const line = cap.lines[0]!;
    const stop = line.carets.find((c) => c.offset === 2)!;
    ed.setTool('text').down(stop.x + 0.2, line.y - 2).up(stop.x + 0.2, line.y - 2).expectPath('text.editing');
    expect(ed.tools.session.text).toMatchObject({ story: 'lead-caption', frame: 'lead-image', anchor: 2, focus: 2 });
    const before = storyText(ed.doc.stories.find((s) => s.id === 'lead-caption')!);
    ed.type('新');
    ed.key('End');
    ed.type('（资料）');
    const after = storyText(ed.doc.stories.find((s) => s.id === 'lead-caption')!);
    expect(after).toBe(before.slice(0, 2) + '新' + before.slice(2) + '（资料）');
    // The caption reflows: its line now holds the new text.
    expect(ed.layout()!.pages[0]!.frames.find((f) => f.role === 'caption' && f.source === 'lead-image')!.lines.map((l) => l.text).join('')).toBe(after);
    expect(ed.history.undoDepth).toBe(1);
    ed.history.undo();
    expect(storyText(ed.doc.stories.find((s) => s.id === 'lead-caption')!)).toBe(before);
    ed.key('Escape').expectSelection(['lead-image']);
  });
});
