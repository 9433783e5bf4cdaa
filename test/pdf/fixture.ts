/**
 * Hand-built display lists for the PDF writer tests: real glyph ids from Noto Serif CJK SC
 * (a CID-keyed CFF face in a TTC) and DejaVu Serif (TrueType), set line by line at the
 * font's advances, plus rules, boxes, a spot colour and an image.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { DisplayItem, GlyphRunItem, PageDisplayList, PlacedGlyph } from '../../engine/display/types';
import type { FrameId, PageId, StoryId } from '../../engine/model/ids';
import type { FontSource } from '../../pdf';

export const CJK_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
export const LATIN_TTF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
export const SEED = new URL('../fixtures/seed/jinshan-front-page.txt', import.meta.url);

const cjkBytes = readFileSync(CJK_TTC);
const latinBytes = readFileSync(LATIN_TTF);
const cjk = (fontkit.create(cjkBytes) as fontkit.FontCollection).fonts.find((f) => f.postscriptName === 'NotoSerifCJKsc-Regular') as fontkit.Font;
const latin = fontkit.create(latinBytes) as fontkit.Font;

/** The fixture's fonts, keyed as a FontBook would key them. */
export const fixtureFonts: FontSource & { fonts: Record<string, fontkit.Font> } = {
  fonts: { 'NotoSerifCJKsc-Regular': cjk, 'DejaVuSerif': latin },
  faceSource(key) {
    if (key === 'NotoSerifCJKsc-Regular') return { bytes: cjkBytes, postscriptName: key, collectionIndex: 2 };
    if (key === 'DejaVuSerif') return { bytes: latinBytes, postscriptName: key };
    throw new Error(`no such face ${key}`);
  },
};

/** Sets text on one line at the font's advances (no shaping beyond cmap + kerning-free advances). */
export function line(face: 'NotoSerifCJKsc-Regular' | 'DejaVuSerif', text: string, x: number, y: number, size: number, story: string, extra: Partial<GlyphRunItem> = {}): GlyphRunItem {
  const font = fixtureFonts.fonts[face] as fontkit.Font;
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  let offset = 0;
  for (const ch of text) {
    const g = font.glyphForCodePoint(ch.codePointAt(0) ?? 0);
    const advance = (g.advanceWidth / font.unitsPerEm) * size;
    glyphs.push({ id: g.id, x: pen, y: 0, advance, text: ch, offset });
    pen += advance;
    offset += ch.length;
  }
  return {
    type: 'glyphs', face, size, x, y, paint: { cmyk: [0, 0, 0, 100] }, overprint: true, glyphs,
    source: { kind: 'story', story: story as StoryId }, frame: `f-${story}` as FrameId, ...extra,
  };
}

/** Seed paragraphs (non-empty lines), whitespace removed. */
export function seedParagraphs(): string[] {
  return readFileSync(SEED, 'utf8').split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
}

/** Breaks text into lines of n characters. */
export function chunk(text: string, n: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

function page(n: number, items: DisplayItem[], w = 600, h = 800, bleed = 9): PageDisplayList {
  return {
    page: `p${n}` as PageId, number: n, label: `第${n}版`, width: w, height: h, bleed, items,
    guides: { margins: { x: 36, y: 36, width: w - 72, height: h - 72 }, columns: [], gridLines: [], bleed },
  };
}

/** A two-page fixture issue; `imageSrc` is linked on page 1. Returns the pages and the text set per page. */
export function fixturePages(imageSrc = 'photo.png'): { pages: PageDisplayList[]; text: string[] } {
  const paras = seedParagraphs();
  const body = chunk(paras.slice(1, 6).join(''), 26).slice(0, 40).map((t, i) => (i < 12 ? Array.from(t).slice(0, 16).join('') : t));
  const items1: DisplayItem[] = [
    { type: 'rect', x: -9, y: -9, width: 618, height: 60, fill: { cmyk: [100, 0, 0, 0], spot: 'PANTONE 300 C', tint: 1 }, strokeWidth: 0, overprint: false },
    line('NotoSerifCJKsc-Regular', paras[0] ?? '金山报', 36, 110, 28, 'head', { paint: { cmyk: [0, 100, 100, 0] }, overprint: false, source: { kind: 'generated', role: 'headline' } }),
    { type: 'line', x1: 36, y1: 125, x2: 564, y2: 125, width: 1, paint: { cmyk: [0, 0, 0, 100] }, overprint: true },
    { type: 'image', src: imageSrc, frame: 'f-img' as FrameId, clip: { x: 330, y: 140, width: 234, height: 160 }, x: 320, y: 130, width: 260, height: 180 },
  ];
  body.forEach((t, i) => items1.push(line('NotoSerifCJKsc-Regular', t, 36, 150 + i * 15, 10.5, 'body')));
  const latinText = ['Broadsheet sets Latin papers too: fine typography,', 'kerning-free advances, and “quotes” — dashes.'];
  const items2: DisplayItem[] = [
    { type: 'rect', x: 36, y: 36, width: 528, height: 100, fill: { cmyk: [0, 0, 0, 20] }, stroke: { cmyk: [0, 0, 0, 100] }, strokeWidth: 0.5, overprint: false },
    ...latinText.map((t, i) => line('DejaVuSerif', t, 46, 70 + i * 16, 12, 'latin')),
    line('NotoSerifCJKsc-Regular', paras[7] ? Array.from(paras[7]).slice(0, 20).join('') : '中文', 46, 160, 10.5, 'p2'),
  ];
  const pages = [page(1, items1), page(2, items2)];
  const text = pages.map((p) => p.items.filter((i): i is GlyphRunItem => i.type === 'glyphs').map((g) => g.glyphs.map((x) => x.text).join('')).join(''));
  return { pages, text };
}
