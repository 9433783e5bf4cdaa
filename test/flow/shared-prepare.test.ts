/**
 * Prepared paragraphs are shared by typesetters over the same fonts (so a fresh typesetter per
 * layout keeps the memoised compositions), and a style edit is never served a stale one.
 */
import { describe, expect, it } from 'vitest';
import { lineRecord } from '../../engine/flow/records';
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

  it('composes a paragraph at another story offset by sharing its offset-0 lines (no recomposition, no copy after an edit earlier in the story)', () => {
    const ts = createTextTypesetter(doc, book);
    const at0 = ts.prepare(story, 1, 0);
    const at500 = ts.prepare(story, 1, 500);
    expect(at500).not.toBe(at0);
    expect(Array.from(at500.offsets.slice(0, 3))).toEqual([500, 501, 502]);
    const a = ts.compose(at0, 117, 0);
    const b = ts.compose(at500, 117, 0);
    // The lines of the offset-0 composition, their offsets counting from story offset 0; the
    // paragraph at yet another offset shares the very same line objects (composed once).
    expect(b.lines.length).toBeGreaterThan(1);
    expect(b.lines).toEqual(a.lines);
    const c = ts.compose(ts.prepare(story, 1, 700), 117, 0);
    c.lines.forEach((l, i) => expect(l).toBe(b.lines[i]));
    expect(a.origin).toBeUndefined();
    expect(b.origin).toBe(0);
    // Laid out, the records carry story offsets: the same glyphs, offsets moved by 500.
    const record = (p: typeof at0, c: typeof a) => lineRecord({ line: c.lines[0]!, prepared: p, composedStart: c.origin ?? 0, x: 0, baseline: 0, column: 0, story: story.id, role: 'story', frame: 'f', swatches: new Map() });
    const r0 = record(at0, a);
    const r500 = record(at500, b);
    expect(r500.start).toBe(r0.start + 500);
    expect(r500.carets.map((c) => c.offset)).toEqual(r0.carets.map((c) => c.offset + 500));
    expect(r500.runs[0]!.glyphs.map((g) => g.offset)).toEqual(r0.runs[0]!.glyphs.map((g) => (g.offset >= 0 ? g.offset + 500 : g.offset)));
    expect(r500.text).toBe(r0.text);
  });
});
