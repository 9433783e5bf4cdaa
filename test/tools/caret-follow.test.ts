/** renderer/tools/caret-follow.ts: the caret moves with text changed around it by others. */
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { deleteText, insertText, splitParagraph } from '../../engine/edit';
import { followEdit } from '../../renderer/tools/caret-follow';
import { sample } from '../edit/support';

const sel = { story: 'lead-body', frame: 'lead-body-1', anchor: 20, focus: 25 };

describe('followEdit', () => {
  it('shifts a selection after an insertion before it, keeps it for one after it', () => {
    const doc = sample();
    const a = produce(doc, (d) => void insertText(d, 'lead-body', 5, '金山区'));
    expect(followEdit(sel, doc, a)).toMatchObject({ anchor: 23, focus: 28 });
    const b = produce(doc, (d) => void insertText(d, 'lead-body', 30, '金山区'));
    expect(followEdit(sel, doc, b)).toBe(sel);
  });

  it('moves into a deleted stretch to its start, and across a paragraph split', () => {
    const doc = sample();
    const del = produce(doc, (d) => void deleteText(d, 'lead-body', 18, 22));
    expect(followEdit(sel, doc, del)).toMatchObject({ anchor: 18, focus: 21 });
    const split = produce(doc, (d) => void splitParagraph(d, 'lead-body', 3));
    expect(followEdit(sel, doc, split)).toMatchObject({ anchor: 21, focus: 26 });
  });

  it('ignores changes to other stories and clamps to a story that got shorter', () => {
    const doc = sample();
    const other = produce(doc, (d) => void insertText(d, 'changwu-body', 0, '金'));
    expect(followEdit(sel, doc, other)).toBe(sel);
    const cut = produce(doc, (d) => void deleteText(d, 'lead-body', 0, 100));
    const r = followEdit({ ...sel, anchor: 200, focus: 200 }, doc, cut);
    expect(r.anchor).toBe(100);
  });
});
