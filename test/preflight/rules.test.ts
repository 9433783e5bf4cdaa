/**
 * Preflight: a clean issue gives no findings; an issue broken in one way gives exactly the
 * finding of that rule (one test per rule), with page, frame and story named.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayItem, GlyphRunItem, PageDisplayList } from '../../engine/display/types';
import { loadDocument } from '../../engine/model';
import type { IssueDocument } from '../../engine/model/types';
import { DEFAULT_LIMITS, effectivePpi, preflight, worstSeverity, type ImageFacts, type PreflightLayout, type PreflightRule } from '../../engine/preflight';

const DOC = {
  format: 'broadsheet',
  version: 1,
  issue: { paper: 'Test Paper', date: '2026-07-09', lang: 'zh-Hans', outputProfile: 'pdfx1a', jumps: { to: '（下转第{page}版）', from: '（上接第{page}版）' } },
  templates: [{ id: 't', name: 'T', trim: { width: 600, height: 800 }, bleed: 9, margins: { top: 36, right: 36, bottom: 36, left: 36 }, columns: 4, gutter: 9, grid: { kind: 'baseline', leading: 12 } }],
  pages: [{ id: 'p1', template: 't' }, { id: 'p2', template: 't' }],
  frames: [
    { id: 'body-1', page: 'p1', kind: 'text', x: 36, y: 36, width: 300, height: 300 },
    { id: 'body-2', page: 'p2', kind: 'text', x: 36, y: 36, width: 300, height: 300 },
    { id: 'photo', page: 'p1', kind: 'image', src: 'photo.jpg', x: 350, y: 36, width: 200, height: 150 },
  ],
  stories: [{ id: 's1', name: 'Lead', frames: ['body-1', 'body-2'], paragraphs: [{ style: 'body', runs: [{ text: '金山报讯' }] }] }],
  paragraphStyles: [{ id: 'body', name: 'Body' }],
};

function doc(mutate?: (d: typeof DOC) => void): IssueDocument {
  const d = structuredClone(DOC);
  mutate?.(d);
  return loadDocument(JSON.stringify(d), 'test.broadsheet');
}

const BLACK = { cmyk: [0, 0, 0, 100] as [number, number, number, number] };

function text(extra: Partial<GlyphRunItem> = {}): GlyphRunItem {
  return {
    type: 'glyphs', face: 'F', size: 9, x: 36, y: 50, paint: BLACK, overprint: true,
    glyphs: [{ id: 1, x: 0, y: 0, advance: 9, text: '金', offset: 0 }, { id: 2, x: 9, y: 0, advance: 9, text: '山', offset: 1 }],
    source: { kind: 'story', story: 's1' as never }, frame: 'body-1' as never, ...extra,
  };
}

const PHOTO: DisplayItem = { type: 'image', src: 'photo.jpg', frame: 'photo' as never, clip: { x: 350, y: 36, width: 200, height: 150 }, x: 350, y: 36, width: 200, height: 150 };

/** A clean two-page layout: text in both frames of the story, a 300 ppi CMYK photo. */
function layout(mutate?: (l: { pages: { items: DisplayItem[]; frames: { id: string; kind: string; source: string | null; role: string; story?: string; lines: unknown[] }[] }[]; stories: { id: string; overset: number; frames: string[] }[]; jumps: { story: string; kind: 'to' | 'from'; page: number; target: number; frame: string }[]; missing: { story: string | null; offset: number; char: string }[] }) => void): PreflightLayout {
  const l = {
    pages: [
      { items: [text(), PHOTO] as DisplayItem[], frames: [{ id: 'body-1', kind: 'text', source: 'body-1', role: 'frame', story: 's1', lines: [{}] }] },
      { items: [text({ frame: 'body-2' as never })] as DisplayItem[], frames: [{ id: 'body-2', kind: 'text', source: 'body-2', role: 'frame', story: 's1', lines: [{}] }] },
    ],
    stories: [{ id: 's1', overset: 0, frames: ['body-1', 'body-2'] }],
    jumps: [{ story: 's1', kind: 'to' as const, page: 1, target: 2, frame: 'body-1' }],
    missing: [] as { story: string | null; offset: number; char: string }[],
  };
  mutate?.(l);
  return {
    pages: l.pages.map((p, i) => {
      const display: PageDisplayList = { page: `p${i + 1}` as never, number: i + 1, label: `第${i + 1}版`, width: 600, height: 800, bleed: 9, items: p.items, guides: { margins: { x: 0, y: 0, width: 0, height: 0 }, columns: [], gridLines: [], bleed: 9 } };
      return { id: `p${i + 1}`, number: i + 1, label: display.label, frames: p.frames, display };
    }),
    stories: l.stories,
    jumps: l.jumps,
    missing: l.missing,
  };
}

const GOOD_PHOTO: ImageFacts = { readable: true, widthPx: 834, heightPx: 625, colorSpace: 'cmyk', hasAlpha: false, format: 'jpeg', maxInk: 230 };
const images = (facts: ImageFacts = GOOD_PHOTO) => new Map([['photo.jpg', facts]]);

function only(rule: PreflightRule, d: IssueDocument, l: PreflightLayout, imgs = images(), opts = {}) {
  const findings = preflight(d, l, imgs, opts);
  expect(findings.map((f) => f.rule)).toEqual([rule]);
  return findings[0]!;
}

describe('preflight', () => {
  it('finds nothing in a clean issue', () => {
    expect(preflight(doc(), layout(), images())).toEqual([]);
    expect(worstSeverity([])).toBe(0);
  });

  it('overset: story that does not fit', () => {
    const f = only('overset', doc(), layout((l) => (l.stories[0]!.overset = 42)));
    expect(f).toMatchObject({ severity: 'error', page: 2, frame: 'body-2', story: 's1' });
    expect(f.message).toContain('42 characters');
  });

  it('missing-glyph: characters no font has', () => {
    const f = only('missing-glyph', doc(), layout((l) => l.missing.push({ story: 's1', offset: 3, char: '𠀀' })));
    expect(f).toMatchObject({ severity: 'error', page: 1, story: 's1' });
    expect(f.message).toContain('U+20000');
  });

  it('image-missing: unreadable or absent image', () => {
    const f = only('image-missing', doc(), layout(), images({ readable: false, message: 'photo.jpg: no such file' }));
    expect(f).toMatchObject({ severity: 'error', page: 1, frame: 'photo' });
    expect(f.message).toContain('no such file');
    expect(only('image-missing', doc(), layout(), new Map()).message).toContain('not found');
  });

  it('image-resolution: warning under 200 ppi, error under 150', () => {
    const warn = only('image-resolution', doc(), layout(), images({ ...GOOD_PHOTO, widthPx: 500, heightPx: 375 }));
    expect(warn).toMatchObject({ severity: 'warning', page: 1, frame: 'photo' });
    expect(warn.message).toContain('180 ppi');
    expect(only('image-resolution', doc(), layout(), images({ ...GOOD_PHOTO, widthPx: 300, heightPx: 225 })).severity).toBe('error');
    expect(effectivePpi({ widthPx: 600, heightPx: 600 }, { width: 144, height: 72 })).toBe(300);
  });

  it('rgb: RGB image under PDF/X-1a (not under X-4)', () => {
    const rgb = images({ ...GOOD_PHOTO, colorSpace: 'rgb' });
    expect(only('rgb', doc(), layout(), rgb)).toMatchObject({ severity: 'warning', frame: 'photo' });
    expect(preflight(doc(), layout(), rgb, { profile: 'pdfx4' })).toEqual([]);
  });

  it('transparency: image with alpha under PDF/X-1a', () => {
    expect(only('transparency', doc(), layout(), images({ ...GOOD_PHOTO, hasAlpha: true }))).toMatchObject({ severity: 'warning', frame: 'photo' });
  });

  it('ink-coverage: a box over the limit, and an image whose darkest pixel is', () => {
    const box: DisplayItem = { type: 'rect', x: 0, y: 0, width: 10, height: 10, fill: { cmyk: [80, 70, 60, 90] }, strokeWidth: 0, overprint: false, frame: 'body-1' as never };
    const f = only('ink-coverage', doc(), layout((l) => l.pages[0]!.items.push(box)));
    expect(f.message).toContain('300 %');
    expect(only('ink-coverage', doc(), layout(), images({ ...GOOD_PHOTO, maxInk: 290 })).frame).toBe('photo');
    expect(preflight(doc(), layout((l) => l.pages[0]!.items.push(box)), images(), { inkLimit: 320 })).toEqual([]);
  });

  it('black-text: rich black, and 100 K that does not overprint', () => {
    const rich = only('black-text', doc(), layout((l) => (l.pages[0]!.items[0] = text({ paint: { cmyk: [40, 0, 0, 100] } }))));
    expect(rich).toMatchObject({ severity: 'warning', page: 1, frame: 'body-1', story: 's1' });
    expect(rich.message).toContain('not 100 % K');
    const knock = only('black-text', doc(), layout((l) => (l.pages[0]!.items[0] = text({ overprint: false }))));
    expect(knock.message).toContain('does not overprint');
  });

  it('min-text-size: text below 6 pt', () => {
    const f = only('min-text-size', doc(), layout((l) => (l.pages[1]!.items[0] = text({ size: 5, frame: 'body-2' as never }))));
    expect(f).toMatchObject({ severity: 'warning', page: 2, frame: 'body-2' });
    expect(DEFAULT_LIMITS.minTextSize).toBe(6);
  });

  it('outside-bleed: an object reaching past the bleed', () => {
    const rule: DisplayItem = { type: 'line', x1: -20, y1: 100, x2: 300, y2: 100, width: 1, paint: BLACK, overprint: true, frame: 'body-1' as never };
    const f = only('outside-bleed', doc(), layout((l) => l.pages[0]!.items.push(rule)));
    expect(f).toMatchObject({ severity: 'warning', page: 1 });
    // Inside the 9 pt bleed is fine (a bleed box), but not with bleed 0.
    const bleedBox: DisplayItem = { type: 'rect', x: -9, y: -9, width: 618, height: 50, fill: { cmyk: [100, 0, 0, 0] }, strokeWidth: 0, overprint: false };
    expect(preflight(doc(), layout((l) => l.pages[0]!.items.push(bleedBox)), images())).toEqual([]);
    expect(only('outside-bleed', doc(), layout((l) => l.pages[0]!.items.push(bleedBox)), images(), { bleed: 0 }).rule).toBe('outside-bleed');
  });

  it('empty-frame: a text frame with no story, and a threaded frame left empty', () => {
    const loose = only('empty-frame', doc((d) => d.frames.push({ id: 'loose', page: 'p2', kind: 'text', x: 400, y: 400, width: 100, height: 100 } as never)), layout());
    expect(loose).toMatchObject({ severity: 'warning', page: 2, frame: 'loose' });
    const emptied = only('empty-frame', doc(), layout((l) => (l.pages[1]!.frames[0]!.lines = [])));
    expect(emptied).toMatchObject({ page: 2, frame: 'body-2', story: 's1' });
  });

  it('jump-unresolved: a jump line pointing to a page that is not there', () => {
    const f = only('jump-unresolved', doc(), layout((l) => (l.jumps[0]!.target = 7)));
    expect(f).toMatchObject({ severity: 'error', page: 1, frame: 'body-1', story: 's1' });
    expect(f.message).toContain('page 7');
  });

  it('sorts by page, errors first, and reports the worst severity', () => {
    const l = layout((x) => {
      x.stories[0]!.overset = 1;
      x.pages[0]!.items[0] = text({ size: 5 });
    });
    const findings = preflight(doc(), l, images());
    expect(findings.map((f) => `${f.page}:${f.rule}`)).toEqual(['1:min-text-size', '2:overset']);
    expect(worstSeverity(findings)).toBe(2);
  });
});
