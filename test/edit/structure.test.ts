import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCopyfit, articleFit, breakThreadAfter, continueArticle, copyfit, counterIds, createArticle, createCharacterStyle, createFrame,
  createParagraphStyle, cropImage, deleteParagraphStyle, ensureStory, insertText, moveArticle, oversetFrames, panImage, relinkImage, setImageFit,
  threadFrames, unthreadFrame, updateParagraphStyle,
} from '../../engine/edit';
import { placeImage } from '../../engine/flow/image';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { findings, relayouter, sample } from './support';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

const frame = (doc: IssueDocument, id: string) => doc.frames.find((f) => f.id === id)!;

describe('threading', () => {
  it('threads an empty frame after another and unthreads it', () => {
    const doc = sample();
    const ids = counterIds('th');
    const f = createFrame(doc, { kind: 'text', page: 'p2', x: 557.25, y: 82, width: 243, height: 200 }, ids);
    threadFrames(doc, 'lead-body-1', f);
    expect(doc.stories.find((s) => s.id === 'lead-body')!.frames).toEqual(['lead-body-1', f, 'lead-body-2']);
    expect(() => threadFrames(doc, 'lead-body-1', f)).toThrow('already in this thread');
    expect(() => threadFrames(doc, 'rule-top', f)).toThrow('not a text frame');
    unthreadFrame(doc, f);
    expect(doc.stories.find((s) => s.id === 'lead-body')!.frames).toEqual(['lead-body-1', 'lead-body-2']);
    expect(breakThreadAfter(doc, 'lead-body-1')).toEqual(['lead-body-2']);
  });

  it("threading a frame that holds a story appends that story's text (InDesign)", () => {
    const doc = sample();
    const before = doc.stories.find((s) => s.id === 'changwu-body')!.paragraphs.length;
    threadFrames(doc, 'changwu-body-1', 'ad-p2-text');
    const s = doc.stories.find((x) => x.id === 'changwu-body')!;
    expect(s.frames).toEqual(['changwu-body-1', 'ad-p2-text']);
    expect(s.paragraphs.length).toBe(before + 2);
    expect(doc.stories.find((x) => x.id === 'ad-p2')).toBeUndefined();
    expect(findings(doc)).toEqual([]);
  });

  it('ensureStory gives a new frame an empty story; overset frames are found from a layout', () => {
    const doc = sample();
    const ids = counterIds('os');
    const f = createFrame(doc, { kind: 'text', page: 'p2', x: 557.25, y: 82, width: 100, height: 30 }, ids);
    const s = ensureStory(doc, f, ids);
    insertText(doc, s, 0, '金山'.repeat(200));
    const laid = relayout(doc);
    const marks = oversetFrames(doc, laid);
    expect(marks.map((m) => m.frame)).toEqual([f]);
    expect(marks[0]!.chars).toBeGreaterThan(300);
  });
});

describe('styles', () => {
  it('creates and edits styles with schema checks and cycle checks; deleting moves users to a replacement', () => {
    const doc = sample();
    const ids = counterIds('st');
    const p = createParagraphStyle(doc, { name: 'Body tight', basedOn: 'body' as never, tracking: -20 }, ids);
    const c = createCharacterStyle(doc, { name: 'Red', color: 'masthead-red' as never }, ids);
    expect(doc.characterStyles.find((s) => s.id === c)).toBeTruthy();
    expect(() => createParagraphStyle(doc, { name: 'Body tight' }, ids)).toThrow('already exists');
    expect(() => updateParagraphStyle(doc, 'body', { basedOn: p })).toThrow('based on itself');
    expect(() => updateParagraphStyle(doc, p, { tracking: 99999 })).toThrow('tracking');
    updateParagraphStyle(doc, p, { tracking: -10, leading: 13 });
    expect(doc.paragraphStyles.find((s) => s.id === p)).toMatchObject({ tracking: -10, leading: 13 });
    updateParagraphStyle(doc, p, { leading: undefined });
    expect(doc.paragraphStyles.find((s) => s.id === p)!.leading).toBeUndefined();
    doc.stories[0]!.paragraphs[0]!.style = p;
    deleteParagraphStyle(doc, p, 'body');
    expect(doc.stories[0]!.paragraphs[0]!.style).toBe('body');
    expect(findings(doc)).toEqual([]);
  });

  it('a style change reflows the stories that use it', () => {
    const doc = sample();
    const before = relayout(doc);
    const lines = (l: LaidOutIssue) => l.pages.flatMap((p) => p.frames).filter((f) => f.story === 'quanqu-body' && f.role === 'frame').flatMap((f) => f.lines).length;
    updateParagraphStyle(doc, 'body', { tracking: 200 });
    expect(lines(relayout(doc))).toBeGreaterThan(lines(before));
  });
});

describe('images', () => {
  it('fit, pan, relink, and crop keeps the picture where it is on the page', () => {
    const doc = sample();
    setImageFit(doc, 'lead-image', 'fit');
    panImage(doc, 'lead-image', 5, -2);
    expect(frame(doc, 'lead-image')).toMatchObject({ fit: 'fit', offsetX: 5, offsetY: -2 });
    const natural = { width: 800, height: 600 };
    const f = frame(doc, 'lead-image');
    if (f.kind !== 'image') throw new Error('kind');
    const before = placeImage(f, natural);
    cropImage(doc, 'lead-image', { x: f.x + 40, y: f.y + 10, width: f.width - 100, height: f.height - 50 }, natural);
    const after = placeImage(frame(doc, 'lead-image') as typeof f, natural);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(after[k]).toBeCloseTo(before[k], 6);
    expect(relinkImage(doc, { src: 'images/rongmei-1.jpg' }, 'images/new.jpg')).toEqual(['rongmei-red-map-thumb']);
    expect(() => relinkImage(doc, { src: 'missing.jpg' }, 'x.jpg')).toThrow('no image frame links "missing.jpg"');
    expect(() => setImageFit(doc, 'rule-top', 'fit')).toThrow('not an image frame');
  });
});

describe('articles', () => {
  it('creates an article from a template shape on the grid, with image and caption; continues it on another page', () => {
    const doc = sample();
    const ids = counterIds('ar');
    const made = createArticle(
      doc,
      {
        page: 'p2', column: 0, line: 17, name: '新稿', title: '金山新闻标题',
        headline: { columns: 8, lines: 6 }, body: { columns: 5, lines: 20 },
        image: { src: 'images/rongmei-1.jpg', columns: 3, lines: 14, caption: '图片说明' },
        byline: { pattern: '本报讯（记者 {names}）', names: ['王五'] },
      },
      ids,
    );
    const head = frame(doc, made.headline);
    const body = frame(doc, made.body);
    const img = frame(doc, made.image!);
    expect(head).toMatchObject({ x: 53.25, width: 999, y: 82 + 17 * 13.5, height: 6 * 13.5 - 4.5 });
    expect(body).toMatchObject({ x: 53.25, y: head.y + 6 * 13.5, height: 20 * 13.5 - 4.5, columns: 5, gutter: 9 });
    expect(img.x).toBeCloseTo(body.x + body.width + 9, 6);
    expect(doc.articles.find((a) => a.id === made.article)!.byline!.style).toBe('byline');
    const cont = continueArticle(doc, made.article, 'p1', { column: 6, line: 0, columns: 2, lines: 10 }, ids);
    expect(doc.stories.find((s) => s.id === made.story)!.frames).toEqual([made.body, cont]);
    expect(findings(doc)).toEqual([]);
    expect(() => createArticle(doc, { page: 'p2', column: 6, line: 0, name: 'x', title: 't', headline: { columns: 4, lines: 3 }, body: { columns: 2, lines: 3 } }, ids)).toThrow('outside the page');
  });
});

describe('moving an article as one', () => {
  it('moves every unlocked frame of the article on that page, nothing else', () => {
    const doc = sample();
    const orig = sample();
    doc.frames.find((f) => f.id === 'rongmei-band')!.locked = true;
    const moved = moveArticle(doc, 'rongmei', 'p1', 0, 13.5);
    expect(moved.sort()).toEqual(['rongmei-box', 'rongmei-head']);
    expect(frame(doc, 'rongmei-head').y).toBe(frame(orig, 'rongmei-head').y + 13.5);
    expect(frame(doc, 'rongmei-band').y).toBe(frame(orig, 'rongmei-band').y);
    expect(frame(doc, 'rongmei-red-map-head').y).toBe(frame(orig, 'rongmei-red-map-head').y);
  });
});

describe('copyfit', () => {
  it('reports lines over and under, and a search within limits makes an overset article fit', () => {
    const doc = sample();
    const s = doc.stories.find((x) => x.id === 'quanqu-body')!;
    // Overset it a little: one more short paragraph.
    const start = articleFit(doc, relayout(doc), 'quanqu')!;
    expect(start.over).toBe(0);
    expect(start.under).toBeGreaterThanOrEqual(0);
    // Overset it a little: short paragraphs until it no longer fits.
    let fit0 = start;
    for (let k = 0; k < 12 && fit0.over === 0; k++) {
      insertText(doc, 'quanqu-body', 5, '金山区各级党组织迅速掀起学习热潮，');
      fit0 = articleFit(doc, relayout(doc), 'quanqu')!;
    }
    expect(fit0.over).toBeGreaterThan(0);
    expect(fit0.under).toBe(0);
    const r = copyfit(doc, 'quanqu', { tracking: [-60, 20], leading: [-1, 0] }, (d) => relayout(d));
    expect(r, JSON.stringify({ fit0, r })).toMatchObject({ fits: true });
    expect(r.setting.tracking).toBeLessThan(0);
    expect(r.layouts).toBeLessThan(20);
    applyCopyfit(doc, 'quanqu', r.setting);
    expect(findings(doc)).toEqual([]);
    expect(articleFit(doc, relayout(doc), 'quanqu')!.over).toBe(0);
    expect(s.paragraphs.every((p) => p.style.includes('~fit~quanqu'))).toBe(true);
    applyCopyfit(doc, 'quanqu', { tracking: 0, leading: 0 });
    expect(doc.paragraphStyles.some((x) => x.id.includes('~fit~'))).toBe(false);
  });
});
