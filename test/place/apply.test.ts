/**
 * What placing does to the document (renderer/place/apply.ts), on the sample: copy into an
 * article's body sets headline and byline; into a bare story keeps every paragraph; at the
 * caret inserts paragraphs; pictures go into a frame, a new frame scaled to the columns, or
 * relink every frame that uses a link. Refusals change nothing (immer rolls back the draft).
 */
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { counterIds, storyText } from '../../engine/edit';
import type { ImageFrame, IssueDocument } from '../../engine/model/types';
import { copyAtCaret, copyIntoFrame, imageIntoFrame, newImageFrame, newImageRect, plainParagraphs, relinkAll } from '../../renderer/place/apply';
import { findings, sample } from '../edit/support';

const COPY = [
  { text: '金山将推动一系列转型', heading: 1 },
  { text: '　　本报讯（记者 张三 李四）7月8日，区委召开全会。' },
  { text: '小标题', heading: 2 },
  { text: '　　会议指出，要推动高质量发展。' },
];
const story = (d: IssueDocument, id: string) => d.stories.find((s) => s.id === id)!;

describe('copy into a frame', () => {
  it("replaces an article's body and sets its headline and byline from the copy", () => {
    const doc = sample();
    const next = produce(doc, (d) => void copyIntoFrame(d, 'lead-body-2', COPY, counterIds()));
    expect(storyText(story(next, 'lead-body'))).toBe('7月8日，区委召开全会。\n小标题\n会议指出，要推动高质量发展。');
    const lead = next.articles.find((a) => a.id === 'lead')!;
    expect(lead.headline?.title.text).toBe('金山将推动一系列转型');
    expect(lead.byline).toMatchObject({ pattern: '本报讯（记者 {names}）', names: ['张三', '李四'] });
    expect(findings(next)).toEqual([]);
    // Other stories untouched.
    expect(next.stories.filter((s) => s.id !== 'lead-body')).toEqual(doc.stories.filter((s) => s.id !== 'lead-body'));
  });

  it('keeps every paragraph in a story that is no article body (headings become crossheads)', () => {
    const doc = sample();
    expect(plainParagraphs(doc, COPY).map((p) => p.text)).toEqual(['金山将推动一系列转型', '本报讯（记者 张三 李四）7月8日，区委召开全会。', '小标题', '会议指出，要推动高质量发展。']);
    const next = produce(doc, (d) => void copyIntoFrame(d, 'ad-p1-text', COPY, counterIds()));
    expect(storyText(story(next, 'ad-p1'))).toBe('金山将推动一系列转型\n本报讯（记者 张三 李四）7月8日，区委召开全会。\n小标题\n会议指出，要推动高质量发展。');
    expect(findings(next)).toEqual([]);
  });

  it('refuses a non-text or locked frame, and copy with no text, changing nothing', () => {
    const doc = sample();
    expect(() => produce(doc, (d) => void copyIntoFrame(d, 'lead-image', COPY, counterIds()))).toThrow(/image frame: copy goes into a text frame/);
    const locked = produce(doc, (d) => void (d.frames.find((f) => f.id === 'ad-p1-text')!.locked = true));
    expect(() => produce(locked, (d) => void copyIntoFrame(d, 'ad-p1-text', COPY, counterIds()))).toThrow(/locked/);
    expect(() => produce(doc, (d) => void copyIntoFrame(d, 'ad-p1-text', [{ text: '　　' }], counterIds()))).toThrow(/no text/);
  });
});

describe('copy at the caret', () => {
  it('inserts the paragraphs at the caret, or over a selection', () => {
    const doc = sample();
    const before = storyText(story(doc, 'ad-p1'));
    let at = { story: '', caret: 0 };
    const next = produce(doc, (d) => void (at = copyAtCaret(d, { story: 'ad-p1', frame: 'ad-p1-text', anchor: 2, focus: 2 }, [{ text: 'A' }, { text: 'B' }], counterIds())));
    expect(storyText(story(next, 'ad-p1'))).toBe(`${before.slice(0, 2)}A\nB${before.slice(2)}`);
    expect(at).toEqual({ story: 'ad-p1', caret: 5 });
    const over = produce(doc, (d) => void copyAtCaret(d, { story: 'ad-p1', frame: 'ad-p1-text', anchor: 3, focus: 1 }, [{ text: 'X' }], counterIds()));
    expect(storyText(story(over, 'ad-p1'))).toBe(`${before.slice(0, 1)}X${before.slice(3)}`);
  });
});

describe('pictures', () => {
  it('puts a picture into an image frame, resetting pan and zoom', () => {
    const doc = produce(sample(), (d) => {
      const f = d.frames.find((x) => x.id === 'lead-image') as ImageFrame;
      f.offsetX = 12;
      f.scale = 1.5;
    });
    const next = produce(doc, (d) => imageIntoFrame(d, 'lead-image', 'images/new.jpg'));
    expect(next.frames.find((f) => f.id === 'lead-image')).toMatchObject({ src: 'images/new.jpg', offsetX: 0, offsetY: 0, scale: 1 });
    expect(() => produce(doc, (d) => imageIntoFrame(d, 'lead-body-1', 'images/new.jpg'))).toThrow(/not an image frame/);
  });

  it('makes a new frame at natural size, scaled down to half the columns, centred or at the drop point', () => {
    const doc = sample();
    const small = newImageRect(doc, 'p1', { width: 100, height: 50 });
    expect(small.width).toBeCloseTo(100);
    expect(small.height).toBeCloseTo(50);
    const big = newImageRect(doc, 'p1', { width: 4000, height: 3000 });
    const t = doc.templates.find((x) => x.id === doc.pages[0]!.template)!;
    const half = (t.trim.width - t.margins.left - t.margins.right) / 2;
    expect(big.width).toBeLessThanOrEqual(half + 1e-6);
    expect(big.width).toBeGreaterThan(half * 0.9);
    expect(big.width / big.height).toBeCloseTo(4 / 3);
    const dropped = newImageRect(doc, 'p1', { width: 100, height: 50 }, { x: 10, y: 10 });
    expect(dropped).toMatchObject({ x: 0, y: 0 });
    const made = produce(doc, (d) => void newImageFrame(d, 'p1', 'images/new.jpg', { width: 100, height: 50 }, counterIds(), { x: 300, y: 400 }));
    const f = made.frames[made.frames.length - 1]!;
    expect(f).toMatchObject({ kind: 'image', page: 'p1', src: 'images/new.jpg', x: 250, y: 375, width: 100, height: 50 });
    expect(findings(made)).toEqual([]);
  });

  it('relinks every frame that uses a link, and refuses a link no frame uses', () => {
    const doc = produce(sample(), (d) => void ((d.frames.find((f) => f.id === 'rongmei-park-thumb') as ImageFrame).src = 'images/rongmei-1.jpg'));
    let changed: string[] = [];
    const next = produce(doc, (d) => void (changed = relinkAll(d, 'images/rongmei-1.jpg', 'images/new.jpg')));
    expect(changed.sort()).toEqual(['rongmei-park-thumb', 'rongmei-red-map-thumb']);
    expect(next.frames.find((f) => f.id === 'lead-image')).toMatchObject({ src: 'images/resort-rendering.jpg' });
    expect(() => relinkAll(sample(), 'images/none.jpg', 'images/new.jpg')).toThrow(/no image frame links/);
  });
});
