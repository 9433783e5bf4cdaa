/**
 * Incremental relayout: passing the previous result re-flows only the frames whose input
 * changed (from the frame holding the edit, or the one before it, to the end of the chain),
 * and the result is exactly what a fresh layout gives.
 */
import { describe, expect, it } from 'vitest';
import { hitTest, caretRect } from '../../engine/display/hittest';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { makeDoc, monoTypesetter, paras } from './support';

const text = (n: number, c: string) => c.repeat(n);

function chainDoc(): IssueDocument {
  const f = (id: string, page: string, x: number) => ({ id, page, kind: 'text' as const, x, y: 20, width: 100, height: 90, columns: 1 });
  const others = [{ id: 'o1', frames: ['x1'], paragraphs: paras(text(30, '乙')) }];
  return makeDoc({
    frames: [f('a', 'p1', 20), f('b', 'p1', 130), f('c', 'p2', 20), f('d', 'p2', 130), { ...f('x1', 'p2', 20), y: 200 }],
    stories: [{ id: 's', frames: ['a', 'b', 'c', 'd'], paragraphs: paras(text(45, '甲'), text(45, '丙'), text(45, '丁'), text(45, '戊'), text(20, '己')) }, ...others],
  });
}

/** Replaces one paragraph's text, sharing every other record (as the editor's immutable updates do). */
function edit(doc: IssueDocument, para: number, fn: (t: string) => string): IssueDocument {
  const s = doc.stories[0]!;
  const paragraphs = s.paragraphs.map((p, i) => (i === para ? { ...p, runs: [{ text: fn(p.runs[0]!.text) }] } : p));
  return { ...doc, stories: [{ ...s, paragraphs }, ...doc.stories.slice(1)] };
}

const strip = (l: LaidOutIssue) => JSON.stringify({ pages: l.pages, stories: l.stories, jumps: l.jumps });

describe('incremental relayout', () => {
  const doc = chainDoc();
  const ts = monoTypesetter(doc);
  const first = layoutIssue(doc, { typesetter: ts });

  it('lays out every text frame the first time', () => {
    expect(first.stats.framesLaidOut).toBeGreaterThanOrEqual(5);
    expect(first.stats.framesReused).toBe(0);
  });

  it('re-lays out nothing when nothing changed', () => {
    const again = layoutIssue(doc, { typesetter: ts }, first);
    expect(again.stats.framesLaidOut).toBe(0);
    expect(strip(again)).toBe(strip(first));
  });

  it('re-flows only the frame holding a one-character change in the last frame (and the one before it)', () => {
    // The frame before may have tried the edited paragraph and pushed it on (orphans): it is re-checked.
    const changed = edit(doc, 4, (t) => '庚' + t.slice(1));
    const inc = layoutIssue(changed, { typesetter: ts }, first);
    expect(inc.stats.framesLaidOut).toBeGreaterThanOrEqual(1);
    expect(inc.stats.framesLaidOut).toBeLessThanOrEqual(2);
    expect(strip(inc)).toBe(strip(layoutIssue(changed, { typesetter: ts })));
  });

  it('keeps the display list of pages the edit does not touch', () => {
    const changed = edit(doc, 4, (t) => '庚' + t.slice(1));
    const inc = layoutIssue(changed, { typesetter: ts }, first);
    const where = inc.pages.findIndex((p) => p.frames.some((f) => f.lines.some((l) => l.text.includes('庚'))));
    expect(where).toBeGreaterThanOrEqual(0);
    inc.pages.forEach((p, i) => {
      if (i === where) expect(p.display).not.toBe(first.pages[i]!.display);
      else expect(p.display).toBe(first.pages[i]!.display);
    });
  });

  it('re-flows from the frame holding an insertion to the end of the chain, not before', () => {
    // Paragraph 2 ('丁') starts in frame b; inserting into it shifts what frames c and d receive.
    const changed = edit(doc, 2, (t) => t + '辛');
    const inc = layoutIssue(changed, { typesetter: ts }, first);
    const where = first.pages.flatMap((p) => p.frames).filter((f) => f.lines.some((l) => l.text.includes('丁'))).map((f) => f.id);
    expect(where[0]).toBe('b');
    expect(inc.stats.framesLaidOut).toBeLessThanOrEqual(3 + where.length);
    expect(inc.stats.framesLaidOut).toBeLessThan(first.stats.framesLaidOut);
    expect(strip(inc)).toBe(strip(layoutIssue(changed, { typesetter: ts })));
  });

  it('rebases story offsets of reused frames after an edit earlier in the story', () => {
    // Same-length replacement in paragraph 0 keeps every later frame's input; offsets still agree.
    const changed = edit(doc, 0, (t) => '壬' + t.slice(1));
    const inc = layoutIssue(changed, { typesetter: ts }, first);
    expect(inc.stats.framesLaidOut).toBe(1);
    expect(strip(inc)).toBe(strip(layoutIssue(changed, { typesetter: ts })));
  });
});

describe('hit-testing', () => {
  const doc = chainDoc();
  const laid = layoutIssue(doc, { typesetter: monoTypesetter(doc) });

  it('round-trips: the caret rectangle of an offset hit-tests back to that offset', () => {
    const story = doc.stories[0]!;
    const total = story.paragraphs.reduce((n, p) => n + p.runs[0]!.text.length + 1, -1);
    let checked = 0;
    for (let offset = 0; offset < total; offset++) {
      const rect = caretRect(laid, story.id, offset);
      if (!rect) continue;
      const page = laid.pages[rect.page - 1]!;
      const hit = hitTest(page, rect.x + 0.1, rect.y + rect.height / 2);
      expect(hit).toEqual({ story: story.id, offset });
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('returns the frame for a point in a frame without text and null outside frames', () => {
    const page = laid.pages[0]!;
    expect(hitTest(page, 5, 5)).toBeNull();
    expect(hitTest(page, 60, 60)).toMatchObject({ story: 's' });
  });
});
