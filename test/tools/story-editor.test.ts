/**
 * The story editor's operations (renderer/text-ui/story-edit.ts), Quick Apply's style commands
 * and the style editor's patches, on the sample with a real layout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphStart, storyText } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { History } from '../../renderer/history';
import { COMMANDS, searchCommands, type CommandContext, type CommandState } from '../../renderer/commands';
import { styleCommands } from '../../renderer/commands/styles';
import { stylePatch } from '../../renderer/panels/StyleTools';
import { addParagraph, joinWithNext, joinWithPrevious, oversetStart, setParagraphText, splitAt, textDiff } from '../../renderer/text-ui/story-edit';
import { relayouter, sample } from '../edit/support';
import { TestEditor } from './test-editor';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

const story = (d: IssueDocument, id: string) => d.stories.find((s) => s.id === id)!;
const paras = (d: IssueDocument, id: string) => story(d, id).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));

describe('story editor operations', () => {
  it('a paragraph field edit becomes the smallest text change; line breaks split; joins undo splits', () => {
    expect(textDiff('abcdef', 'abXYef')).toEqual({ start: 2, end: 4, insert: 'XY' });
    expect(textDiff('same', 'same')).toBeNull();
    const h = new History(sample());
    const before = paras(h.current, 'changwu-body');
    const prev = h.current;
    h.change((d) => void setParagraphText(d, 'changwu-body', 1, before[1]!.slice(0, 3) + '新增' + before[1]!.slice(3)));
    expect(paras(h.current, 'changwu-body')[1]).toBe(before[1]!.slice(0, 3) + '新增' + before[1]!.slice(3));
    // Only that paragraph changed: the others are the very same records.
    expect(story(h.current, 'changwu-body').paragraphs[0]).toBe(story(prev, 'changwu-body').paragraphs[0]);
    expect(story(h.current, 'changwu-body').paragraphs[1]).not.toBe(story(prev, 'changwu-body').paragraphs[1]);
    // A field that matches the document changes nothing (no undo step).
    expect(h.change((d) => void setParagraphText(d, 'changwu-body', 1, paras(h.current, 'changwu-body')[1]!)) === h.current).toBe(true);
    // Pasting two lines into paragraph 0 makes two paragraphs of its style.
    h.change((d) => void setParagraphText(d, 'changwu-body', 0, 'first\nsecond' + before[0]));
    expect(paras(h.current, 'changwu-body').slice(0, 2)).toEqual(['first', 'second' + before[0]]);
    expect(story(h.current, 'changwu-body').paragraphs[1]!.style).toBe(story(h.current, 'changwu-body').paragraphs[0]!.style);
    // Enter in the middle, then Backspace at the new paragraph's start: back to where it was.
    const mid = paras(h.current, 'changwu-body');
    h.change((d) => splitAt(d, 'changwu-body', 2, 4, 4));
    expect(paras(h.current, 'changwu-body')[2]).toBe(mid[2]!.slice(0, 4));
    expect(paras(h.current, 'changwu-body')[3]).toBe(mid[2]!.slice(4));
    let at = -1;
    h.change((d) => void (at = joinWithPrevious(d, 'changwu-body', 3)));
    expect(at).toBe(4);
    expect(paras(h.current, 'changwu-body')).toEqual(mid);
    h.change((d) => joinWithNext(d, 'changwu-body', 0));
    expect(paras(h.current, 'changwu-body')[0]).toBe('firstsecond' + before[0]);
    // Selecting text and pressing Enter replaces it with the break.
    h.change((d) => splitAt(d, 'changwu-body', 0, 2, 5));
    expect(paras(h.current, 'changwu-body').slice(0, 2)).toEqual(['fi', 'second' + before[0]]);
    while (h.undo());
    expect(paras(h.current, 'changwu-body')).toEqual(before);
  });

  it('an empty story gets its first paragraph; an edit the engine refuses throws and changes nothing', () => {
    const h = new History(sample());
    h.change((d) => void (story(d, 'changwu-body').paragraphs = []));
    h.change((d) => addParagraph(d, 'changwu-body'));
    expect(story(h.current, 'changwu-body').paragraphs).toHaveLength(1);
    const doc = h.current;
    expect(() => h.change((d) => void setParagraphText(d, 'no-such-story', 0, 'x'))).toThrow('no-such-story');
    expect(h.current).toBe(doc);
  });

  it('marks where the overset text begins: the offset after the last line set', () => {
    const doc = sample();
    const fits = relayout(doc);
    expect(oversetStart(doc, fits, 'changwu-body')).toBeNull();
    const h = new History(doc);
    const long = '这是一段为了让正文超出文本框而加入的很长的文字。'.repeat(60);
    h.change((d) => void setParagraphText(d, 'changwu-body', 1, paras(d, 'changwu-body')[1]! + long));
    const laid = relayout(h.current);
    const rec = laid.stories.find((s) => s.id === 'changwu-body')!;
    expect(rec.overset).toBeGreaterThan(0);
    const o = oversetStart(h.current, laid, 'changwu-body')!;
    expect(o.chars).toBe(rec.overset);
    const lastEnd = Math.max(...laid.pages.flatMap((p) => p.frames.flatMap((f) => f.lines)).filter((l) => l.story === 'changwu-body').map((l) => l.end));
    const s = story(h.current, 'changwu-body');
    expect(paragraphStart(s, o.para) + o.at).toBe(lastEnd);
    // What is after that point is exactly the overset characters (separators not counted).
    expect(storyText(s).slice(lastEnd).replace(/\n/g, '').length).toBe(rec.overset);
  });
});

describe('Quick Apply and the style editor', () => {
  const state = (ed: TestEditor): CommandState => ({ hasDocument: true, selection: ed.tools.session.selection, canUndo: ed.history.canUndo, canRedo: ed.history.canRedo, tool: ed.tools.tool, editingText: ed.tools.path === 'text.editing' });
  const ctx = (ed: TestEditor): CommandContext => ({ tools: ed.tools, history: ed.history, view: { fitPage() {}, actualSize() {}, togglePreview() {} }, file: { place() {}, save() {} } });

  it('lists the palette, story editor and credit commands with their shortcuts', () => {
    const sc = Object.fromEntries(COMMANDS.map((c) => [c.name, c.shortcut]));
    expect(sc['edit.quickApply']).toBe('Mod+Enter');
    expect(sc['edit.storyEditor']).toBe('Mod+Y');
    expect(COMMANDS.some((c) => c.name === 'object.editCredit')).toBe(true);
  });

  it('applies a paragraph style to the caret paragraph (one step) and a character style to a selection', () => {
    const ed = new TestEditor(sample(), relayout);
    ed.page = 'p1';
    const line = ed.layout()!.pages[0]!.frames.find((f) => f.source === 'lead-body-1' && f.role === 'frame')!.lines.find((l) => l.story === 'lead-body')!;
    // Nothing to apply to yet: the style commands are disabled.
    expect(searchCommands('crosshead', state(ed), styleCommands(ed.doc, ed.tools))).toEqual([]);
    ed.setTool('text').down(line.carets[3]!.x, line.y - 2).up(line.carets[3]!.x, line.y - 2);
    const found = searchCommands('paragraph crosshead', state(ed), styleCommands(ed.doc, ed.tools));
    expect(found.map((c) => c.name)).toEqual(['style.paragraph.crosshead']);
    found[0]!.perform(ctx(ed));
    expect(story(ed.doc, 'lead-body').paragraphs.map((p) => p.style)).toEqual(['crosshead', ...story(sample(), 'lead-body').paragraphs.slice(1).map((p) => p.style)]);
    expect(ed.history.undoDepth).toBe(1);
    // A collapsed caret: character styles are not offered; with a selection they apply to it.
    expect(searchCommands('character emphasis', state(ed), styleCommands(ed.doc, ed.tools))).toEqual([]);
    ed.key('ArrowRight', { shift: true }).key('ArrowRight', { shift: true });
    searchCommands('character emphasis', state(ed), styleCommands(ed.doc, ed.tools))[0]!.perform(ctx(ed));
    const runs = story(ed.doc, 'lead-body').paragraphs[0]!.runs;
    expect(runs.find((r) => r.style === 'emphasis')?.text).toHaveLength(2);
    ed.history.undo();
    ed.history.undo();
    expect(JSON.stringify(ed.doc)).toBe(JSON.stringify(sample()));
  });

  it('style field edits become patches; empty clears; a non-number is refused with its reason', () => {
    const body = sample().paragraphStyles.find((s) => s.id === 'body')!;
    expect(stylePatch(body, 'size', '10.5')).toEqual({ size: 10.5 });
    expect(stylePatch(body, 'tracking', '')).toEqual({ tracking: undefined });
    expect(stylePatch(body, 'align', 'center')).toEqual({ align: 'center' });
    expect(stylePatch({ ...body, font: { cjk: 'A', latin: 'B' } }, 'latin', '')).toEqual({ font: { cjk: 'A' } });
    expect(stylePatch({ ...body, font: { cjk: 'A', latin: 'B' } }, 'cjk', 'C')).toEqual({ font: { cjk: 'C', latin: 'B' } });
    expect(() => stylePatch(body, 'leading', '12pt?')).toThrow('leading: "12pt?" is not a number');
  });
});
