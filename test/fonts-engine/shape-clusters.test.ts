/**
 * Shaping must not depend on what was painted before: fontkit's glyph cache keeps the code
 * points a glyph was first made with, so a glyph first fetched by id (the painter, a measure)
 * reported none, and text shaped after painting lost its character counts (the editor's
 * painter's FontBook then laid out differently from the worker and the PDF export).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FontBook } from '../../engine/fonts';
import { layoutIssue } from '../../engine/flow/layout-issue';
import { createTextTypesetter } from '../../engine/flow/text-typesetter';
import { loadBundledFonts } from '../../services/font-files';
import { sample } from '../edit/support';

let fonts: Awaited<ReturnType<typeof loadBundledFonts>>;
const book = () => {
  const b = new FontBook();
  for (const f of fonts) b.addFont(f.bytes, f.entry.file);
  return b;
};

beforeAll(async () => {
  fonts = await loadBundledFonts();
});

const TEXT = '金山区委书记“报道”，新闻稿件——office fix 𠀀';

describe('shaping after painting', () => {
  it('gives every face the same glyphs and character counts as a fresh one', () => {
    const fresh = book();
    const painted = book();
    for (const info of fresh.faces()) {
      const a = fresh.face(info.key).shape(TEXT, {}, '', '');
      // Paint exactly those glyphs first on the other book, as the canvas does.
      const b = painted.face(info.key);
      for (const g of a) b.glyphPath(g.id);
      expect(b.shape(TEXT, {}, '', ''), info.key).toEqual(a);
      expect(a.reduce((n, g) => n + g.chars, 0)).toBe(TEXT.length);
    }
    // The Latin faces form the ffi ligature: one glyph for three characters.
    const serif = fresh.faces().find((f) => f.key.startsWith('NotoSerif-Regular'))!;
    expect(fresh.face(serif.key).shape('office', {}, '', '').map((g) => g.chars)).toEqual([1, 3, 1, 1]);
  });

  it('lays the sample out the same with a book whose glyphs were painted first', () => {
    const doc = sample();
    const fresh = book();
    const a = layoutIssue(doc, { typesetter: createTextTypesetter(doc, fresh), imageSize: () => ({ width: 800, height: 600 }) });
    const painted = book();
    for (const p of a.pages) for (const it of p.display.items) if (it.type === 'glyphs') for (const g of it.glyphs) painted.face(it.face).glyphPath(g.id);
    const b = layoutIssue(doc, { typesetter: createTextTypesetter(doc, painted), imageSize: () => ({ width: 800, height: 600 }) });
    const trace = (l: typeof a) => l.pages.map((p) => p.frames.map((f) => f.lines.map((x) => `${x.start}-${x.end}@${x.x.toFixed(2)},${x.y.toFixed(2)}`)));
    expect(trace(b)).toEqual(trace(a));
    expect(b.stories).toEqual(a.stories);
  });
});
