/**
 * renderer/layout/layout-delta.ts: a layout result sent as what changed, rebuilt on the other
 * side equal to the whole result, with the damaged areas of each page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { deleteFrames, insertText, moveFrames, splitParagraph, deleteText } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { damageSince, decodeLayout, encodeLayout, mergeRects, type Rect } from '../../renderer/layout/layout-delta';
import { relayouter, sample } from '../edit/support';

let relayout: Awaited<ReturnType<typeof relayouter>>;
beforeAll(async () => {
  relayout = await relayouter();
});

const area = (rs: readonly Rect[]) => rs.reduce((a, r) => a + r.width * r.height, 0);
const inside = (r: Rect, rs: readonly Rect[]) => rs.some((q) => q.x <= r.x + 0.01 && q.y <= r.y + 0.01 && q.x + q.width >= r.x + r.width - 0.01 && q.y + q.height >= r.y + r.height - 0.01);

/** Runs edits through a worker-side and an editor-side copy, as the layout client does. */
function session(doc: IssueDocument) {
  let worker = relayout(doc);
  let editor = decodeLayout(undefined, structuredClone(encodeLayout(undefined, worker)));
  let current = doc;
  return {
    get editor() {
      return editor;
    },
    step(edit: (d: IssueDocument) => void): { before: LaidOutIssue; after: LaidOutIssue; bytes: number } {
      current = produce(current, edit);
      const next = relayout(current, worker);
      const delta = structuredClone(encodeLayout(worker, next));
      const before = editor;
      editor = decodeLayout(editor, delta);
      worker = next;
      // The rebuilt result is the whole result, field for field.
      expect(editor).toEqual(next);
      return { before, after: editor, bytes: JSON.stringify(delta).length };
    },
  };
}

describe('layout deltas', () => {
  it('rebuild every result of a sequence of edits exactly, sending little for a keystroke', () => {
    const s = session(sample());
    const page2 = s.editor.pages[1]!;
    const k = s.step((d) => void insertText(d, 'lead-body', 30, '金'));
    expect(k.bytes).toBeLessThan(60_000);
    // Page 2 was not touched by the keystroke's pixels: only offsets moved there, or nothing.
    const p2 = k.after.pages[1]!;
    expect(p2 === page2 || area(damageSince(page2.display, p2.display) ?? [{ x: 0, y: 0, width: 1e9, height: 1 }]) === 0).toBe(true);
    s.step((d) => void splitParagraph(d, 'lead-body', 12));
    s.step((d) => void deleteText(d, 'lead-body', 3, 40));
    s.step((d) => void moveFrames(d, ['lead-image'], 12, 6));
    s.step((d) => void deleteFrames(d, ['lead-image']));
    s.step((d) => void insertText(d, 'lead-body', 0, '本报讯'));
  });

  it('damages only the lines a keystroke changed, not the whole story after it', () => {
    const s = session(sample());
    const { before, after } = s.step((d) => void insertText(d, 'lead-body', 30, '金山'));
    const frame = after.pages[0]!.frames.find((f) => f.id === 'lead-body-1')!;
    const rects = damageSince(before.pages[0]!.display, after.pages[0]!.display)!;
    expect(rects.length).toBeGreaterThan(0);
    expect(area(rects)).toBeLessThan(0.5 * frame.width * frame.height);
    // The line holding the new characters is inside the damage.
    const line = frame.lines.find((l) => l.story === 'lead-body' && l.start <= 31 && l.end > 31)!;
    expect(inside({ x: line.x, y: line.y - line.ascent, width: line.width, height: line.ascent + line.descent }, rects)).toBe(true);
  });

  it('damages where a moved frame was and where it is', () => {
    const s = session(sample());
    const was = s.editor.pages[0]!.frames.find((f) => f.id === 'lead-image')!;
    const { before, after } = s.step((d) => void moveFrames(d, ['lead-image'], 40, 30));
    const now = after.pages[0]!.frames.find((f) => f.id === 'lead-image')!;
    const rects = damageSince(before.pages[0]!.display, after.pages[0]!.display)!;
    expect(inside(was, rects)).toBe(true);
    expect(inside(now, rects)).toBe(true);
  });

  it('adds up the damage of several layouts, and has none for a list it does not descend from', () => {
    const s = session(sample());
    const first = s.editor.pages[0]!.display;
    s.step((d) => void insertText(d, 'lead-body', 30, '金'));
    const mid = s.editor.pages[0]!.display;
    s.step((d) => void moveFrames(d, ['lead-image'], 40, 0));
    const last = s.editor.pages[0]!.display;
    const both = damageSince(first, last)!;
    expect(area(both)).toBeGreaterThanOrEqual(area(damageSince(mid, last)!));
    expect(damageSince(last, first)).toBeNull();
    expect(damageSince(last, last)).toEqual([]);
  });

  it('merges touching rectangles', () => {
    const rs = mergeRects([
      { x: 0, y: 0, width: 10, height: 10 },
      { x: 5, y: 5, width: 10, height: 10 },
      { x: 100, y: 100, width: 1, height: 1 },
      { x: 0, y: 0, width: 0, height: 5 },
    ]);
    expect(rs).toEqual([
      { x: 0, y: 0, width: 15, height: 15 },
      { x: 100, y: 100, width: 1, height: 1 },
    ]);
  });

  it('refuses a delta that does not fit the previous result', () => {
    const doc = sample();
    const a = relayout(doc);
    const b = relayout(produce(doc, (d) => void insertText(d, 'lead-body', 0, '金')), a);
    expect(() => decodeLayout(undefined, encodeLayout(a, b))).toThrow(/without a previous layout/);
    const other = relayout(produce(doc, (d) => void deleteFrames(d, ['lead-body-1'])));
    expect(() => decodeLayout(other, encodeLayout(a, b))).toThrow(/frame lead-body-1/);
  });
});
