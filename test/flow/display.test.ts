/** The display list (paint order, CMYK paint, guides) and image placement. */
import { describe, expect, it } from 'vitest';
import { placeImage } from '../../engine/flow/image';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { ImageFrame } from '../../engine/model/types';
import { makeDoc, monoTypesetter, paras } from './support';

describe('display list', () => {
  const doc = makeDoc({
    swatches: [
      { id: 'red', name: 'Red', cmyk: [0, 100, 100, 0] },
      { id: 'spot', name: 'PANTONE 185 C', kind: 'spot', cmyk: [0, 91, 76, 0], ink: 'PANTONE 185 C' },
    ],
    paragraphStyles: [{ id: 'body', name: 'Body', size: 10, leading: 15 }],
    frames: [
      { id: 'front', page: 'p1', kind: 'box', x: 20, y: 20, width: 50, height: 50, z: 5, fill: 'red', tint: 50 },
      { id: 't', page: 'p1', kind: 'text', x: 20, y: 20, width: 100, height: 60, fill: 'spot' },
      { id: 'r', page: 'p1', kind: 'rule', x: 20, y: 100, width: 200, height: 4, thickness: 1, style: 'double' },
      { id: 'img', page: 'p1', kind: 'image', src: 'a.jpg', x: 150, y: 20, width: 100, height: 50, z: 1 },
    ],
    stories: [{ id: 's', frames: ['t'], paragraphs: paras('金山报社') }],
  });
  const page = layoutIssue(doc, { typesetter: monoTypesetter(doc), imageSize: () => ({ width: 200, height: 200 }) }).pages[0]!;
  const items = page.display.items;

  it('paints frames in z order, each frame art before its text', () => {
    const kinds = items.map((i) => `${i.type}:${'frame' in i ? i.frame : ''}`);
    expect(kinds).toEqual(['rect:t', 'glyphs:t', 'line:r', 'line:r', 'image:img', 'rect:front']);
  });

  it('resolves colours to CMYK paint: process, tint, spot with alternate, default black text', () => {
    const fill = (id: string) => items.find((i) => i.type === 'rect' && i.frame === id);
    expect(fill('front')).toMatchObject({ fill: { cmyk: [0, 100, 100, 0], tint: 0.5 } });
    expect(fill('t')).toMatchObject({ fill: { cmyk: [0, 91, 76, 0], spot: 'PANTONE 185 C' } });
    expect(items.find((i) => i.type === 'glyphs')).toMatchObject({ paint: { cmyk: [0, 0, 0, 100] }, source: { kind: 'story', story: 's' }, x: 20, y: 28.8 });
  });

  it('carries the guides: type area, template columns, grid baselines, bleed', () => {
    expect(page.display.guides.margins).toEqual({ x: 20, y: 20, width: 260, height: 360 });
    expect(page.display.guides.columns).toEqual([{ x: 20, width: 125 }, { x: 155, width: 125 }]);
    expect(page.display.guides.gridLines.slice(0, 3)).toEqual([28.8, 43.8, 58.8]);
    expect(page.display.guides.gridLines.at(-1)).toBeLessThanOrEqual(380);
  });
});

describe('image placement', () => {
  const frame = (fit: ImageFrame['fit'], extra: Partial<ImageFrame> = {}): ImageFrame =>
    ({ id: 'i', page: 'p', kind: 'image', src: 'x', x: 10, y: 10, width: 100, height: 50, z: 0, locked: false, fit, offsetX: 0, offsetY: 0, scale: 1, ...extra }) as ImageFrame;
  const natural = { width: 200, height: 200 };

  it('fills (covers) the frame, centred', () => {
    expect(placeImage(frame('fill'), natural)).toEqual({ x: 10, y: -15, width: 100, height: 100 });
  });
  it('fits inside the frame, centred', () => {
    expect(placeImage(frame('fit'), natural)).toEqual({ x: 35, y: 10, width: 50, height: 50 });
  });
  it('stretches to the frame, or keeps natural size', () => {
    expect(placeImage(frame('stretch'), natural)).toEqual({ x: 10, y: 10, width: 100, height: 50 });
    expect(placeImage(frame('none'), natural)).toEqual({ x: -40, y: -65, width: 200, height: 200 });
  });
  it('applies pan and zoom after fitting', () => {
    expect(placeImage(frame('fit', { offsetX: 5, offsetY: -5, scale: 2 }), natural)).toEqual({ x: 15, y: -20, width: 100, height: 100 });
  });
  it('falls back to the frame box when the size is unknown', () => {
    expect(placeImage(frame('fill'), null)).toEqual({ x: 10, y: 10, width: 100, height: 50 });
  });
});

describe('captions and credits', () => {
  const doc = makeDoc({
    frames: [
      { id: 'img', page: 'p1', kind: 'image', src: 'a.jpg', x: 20, y: 20, width: 100, height: 40, caption: { story: 'cap', placement: 'below', gap: 4 }, credit: '记者 摄', wrap: { mode: 'box' } },
      { id: 't', page: 'p1', kind: 'text', x: 20, y: 20, width: 100, height: 150 },
    ],
    stories: [
      { id: 'cap', frames: [], paragraphs: paras('金山滨海国际文化旅游度假区效果图') },
      { id: 's', frames: ['t'], paragraphs: paras('字'.repeat(40)) },
    ],
  });
  const laid = layoutIssue(doc, { typesetter: monoTypesetter(doc) });
  const frames = laid.pages[0]!.frames;

  it('flows the caption story under its picture, at the picture width, after the credit', () => {
    const cap = frames.find((f) => f.id === 'img~caption')!;
    expect(cap.role).toBe('caption');
    expect(cap.lines.map((l) => l.text)).toEqual(['金山滨海国际文化旅游', '度假区效果图']);
    const credit = frames.find((f) => f.id === 'credit:img')!;
    expect(credit.lines[0]!.text).toBe('记者 摄');
    expect(credit.lines[0]!.y).toBeGreaterThan(60);
    expect(cap.lines[0]!.y - cap.lines[0]!.ascent).toBeGreaterThanOrEqual(credit.lines[0]!.y);
    expect(laid.stories.find((s) => s.id === 'cap')).toEqual({ id: 'cap', overset: 0, frames: ['img'] });
  });

  it('keeps body text out of the picture, its credit and its caption', () => {
    const cap = frames.find((f) => f.id === 'img~caption')!;
    const body = frames.find((f) => f.id === 't')!;
    const capFoot = cap.y + cap.height;
    for (const l of body.lines) expect(l.y - l.ascent).toBeGreaterThanOrEqual(capFoot - 0.01);
    expect(laid.stories.find((s) => s.id === 's')!.overset).toBe(0);
  });
});
