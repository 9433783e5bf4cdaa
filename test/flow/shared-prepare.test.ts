/**
 * Prepared paragraphs are shared by typesetters over the same fonts (so a fresh typesetter per
 * layout keeps the memoised compositions), and a style edit is never served a stale one.
 */
import { describe, expect, it } from 'vitest';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { IssueDocument } from '../../engine/model/types';
import { bundledFontBook } from '../../services/engine-host';
import { sample } from '../edit/support';

/** The sample with the body style's size (and so every body paragraph's composition) changed. */
function biggerBody(doc: IssueDocument): IssueDocument {
  return { ...doc, paragraphStyles: doc.paragraphStyles.map((s) => (s.id === 'body' ? { ...s, size: 10.5 } : s)) };
}

describe('prepared paragraphs shared across typesetters', async () => {
  const book = await bundledFontBook();
  const doc = sample();
  const story = doc.stories.find((s) => s.paragraphs.length > 1 && s.paragraphs[0]!.style === 'body')!;

  it('gives the same object to two typesetters over the same document and fonts', () => {
    const a = createTextTypesetter(doc, book).prepare(story, 0, 0);
    const b = createTextTypesetter(doc, book).prepare(story, 0, 0);
    expect(b).toBe(a);
    expect(createTextTypesetter(doc, book).generated('（上接第2版）', doc.issue.jumps.style)).toBe(createTextTypesetter(doc, book).generated('（上接第2版）', doc.issue.jumps.style));
  });

  it('gives a new object, with the new metrics and composition, after a style edit', () => {
    const before = createTextTypesetter(doc, book);
    const edited = biggerBody(doc);
    const after = createTextTypesetter(edited, book);
    const p = before.prepare(story, 0, 0);
    const q = after.prepare(story, 0, 0);
    expect(q).not.toBe(p);
    expect(q.key).not.toBe(p.key);
    expect(p.metrics.size).toBe(9);
    expect(q.metrics.size).toBe(10.5);
    const width = 117;
    expect(after.compose(q, width, 0).lines.length).toBeGreaterThan(before.compose(p, width, 0).lines.length);
  });

  it('keeps paragraphs of equal text at different story offsets apart (missing-character offsets differ)', () => {
    const ts = createTextTypesetter(doc, book);
    expect(ts.prepare(story, 0, 0)).not.toBe(ts.prepare(story, 0, 5));
    expect(ts.prepare(story, 0, 5).offsets[0]).toBe(5);
  });

  it('composes a paragraph at another story offset as at offset 0 with its offsets moved (no recomposition after an edit earlier in the story)', () => {
    const ts = createTextTypesetter(doc, book);
    const at0 = ts.prepare(story, 1, 0);
    const at500 = ts.prepare(story, 1, 500);
    expect(at500).not.toBe(at0);
    expect(Array.from(at500.offsets.slice(0, 3))).toEqual([500, 501, 502]);
    const a = ts.compose(at0, 117, 0);
    const b = ts.compose(at500, 117, 0);
    expect(b.lines.length).toBe(a.lines.length);
    const strip = (c: typeof a) => c.lines.map((l) => ({ ...l, runs: l.runs.map((r) => ({ ...r, glyphs: r.glyphs.map((g) => ({ ...g, offset: 0 })) })) }));
    expect(strip(b)).toEqual(strip(a));
    const offs = (c: typeof a) => c.lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs.map((g) => g.offset)));
    expect(offs(b)).toEqual(offs(a).map((o) => (o >= 0 ? o + 500 : o)));
    // The same typesetting, not a second composition: the offset-0 lines are shared by value.
    expect(b.lines[0]!.x).toBe(a.lines[0]!.x);
  });
});
