/**
 * The layout client's quick path (renderer/layout/layout-client.ts): an edit to one story's
 * text is relaid on the editor's thread at once, its damage covers only the lines that paint
 * differently, and the full layout of the same document that follows is the very same object
 * (nothing to repaint), field for field what the engine lays out. Here the client has no
 * worker (Node), so its full layouts run on the same thread: the same settle step as the
 * worker's answers.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { insertText, moveFrames, splitParagraph } from '../../engine/edit';
import { layoutIssue } from '../../engine/flow/layout-issue';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { LayoutClient } from '../../renderer/layout/layout-client';
import { damageSince, type Rect } from '../../renderer/layout/layout-delta';
import { sameLayout } from '../../renderer/layout/same-layout';
import { bundledFontBook } from '../../services/engine-host';
import { sample } from '../edit/support';

const shown = (l: LaidOutIssue) => ({ pages: l.pages, stories: l.stories, jumps: l.jumps, missing: l.missing, warnings: l.warnings });
const area = (rs: readonly Rect[]) => rs.reduce((a, r) => a + r.width * r.height, 0);

describe('quick relayout in the layout client', async () => {
  const book = await bundledFontBook();
  const full = (doc: IssueDocument) => layoutIssue(doc, { typesetter: createTextTypesetter(doc, book), imageSize: () => null });

  it('lays out a keystroke at once, equal to the full layout, which then keeps the quick object', async () => {
    const client = new LayoutClient(book);
    expect(client.offThread).toBe(false);
    let doc = sample();
    const first = (await client.layout(doc)).layout;
    // Nothing to relay for the document already laid out, or before any layout.
    expect(client.quick(doc)).toBeNull();
    expect(new LayoutClient(book).quick(doc)).toBeNull();
    client.warm('lead-body');
    for (const [i, at] of [30, 31, 200, 900].entries()) {
      const before = i === 0 ? first : (await client.layout(doc)).layout;
      doc = produce(doc, (d) => void insertText(d, 'lead-body', at, '报道'));
      const quick = client.quick(doc);
      expect(quick, `keystroke ${i}`).not.toBeNull();
      expect(shown(quick!)).toEqual(shown(full(doc)));
      // Damage against the layout before: the changed lines, not the page.
      const page = before.pages[0]!.display;
      const rects = damageSince(page, quick!.pages[0]!.display);
      if (quick!.pages[0] !== before.pages[0]) {
        expect(rects).not.toBeNull();
        expect(area(rects!)).toBeGreaterThan(0);
        expect(area(rects!)).toBeLessThan(0.1 * page.width * page.height);
      }
      if (at === 30) {
        // The frame's last line (another paragraph: only its offsets moved) is not repainted.
        const frame = quick!.pages[0]!.frames.find((f) => f.id === 'lead-body-1')!;
        const last = frame.lines[frame.lines.length - 1]!;
        expect(last.start).toBeGreaterThan(300);
        const mid = { x: last.x + last.width / 2, y: last.y - last.ascent / 2 };
        expect(rects!.some((r) => r.x <= mid.x && mid.x <= r.x + r.width && r.y <= mid.y && mid.y <= r.y + r.height)).toBe(false);
      }
      const settled = (await client.layout(doc)).layout;
      expect(settled).toBe(quick);
    }
    expect(client.quickMismatches).toBe(0);
  });

  it('relays a paragraph split and chains keystrokes without a full layout between them', async () => {
    const client = new LayoutClient(book);
    let doc = sample();
    await client.layout(doc);
    const steps: ((d: IssueDocument) => void)[] = [(d) => void insertText(d, 'quanqu-body', 10, '新'), (d) => void splitParagraph(d, 'quanqu-body', 20), (d) => void insertText(d, 'quanqu-body', 21, '段')];
    let quick: LaidOutIssue | null = null;
    for (const step of steps) {
      doc = produce(doc, step);
      quick = client.quick(doc);
      expect(quick).not.toBeNull();
      expect(shown(quick!)).toEqual(shown(full(doc)));
    }
    expect((await client.layout(doc)).layout).toBe(quick);
  });

  it('does not relay an edit that moves a frame; the full layout shows it', async () => {
    const client = new LayoutClient(book);
    let doc = sample();
    await client.layout(doc);
    doc = produce(doc, (d) => void moveFrames(d, ['lead-image'], 12, 0));
    expect(client.quick(doc)).toBeNull();
    expect(shown((await client.layout(doc)).layout)).toEqual(shown(full(doc)));
  });

  it('compares layouts by value, counters aside', () => {
    const a = full(sample());
    const b = structuredClone(a);
    expect(sameLayout(a, b)).toBe(true);
    expect(sameLayout(a, { ...b, stats: { framesLaidOut: 0, framesReused: 99 } })).toBe(true);
    const line = b.pages[0]!.frames.flatMap((f) => f.lines).find((l) => l.story && l.carets.length)!;
    line.runs[0]!.glyphs[0]!.x += 0.001;
    expect(sameLayout(a, b)).toBe(false);
    line.runs[0]!.glyphs[0]!.x -= 0.001;
    expect(sameLayout(a, b)).toBe(true);
    line.carets[0]!.offset++;
    expect(sameLayout(a, b)).toBe(false);
  });
});
