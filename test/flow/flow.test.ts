import { describe, expect, it } from 'vitest';
import { layoutIssue } from '../../engine/flow/layout-issue';
import type { LaidOutIssue } from '../../engine/flow/types';
import { makeDoc, monoTypesetter, paras } from './support';

const frame = (id: string, page: string, x: number, y: number, w: number, h: number, extra: Record<string, unknown> = {}) => ({ id, page, kind: 'text' as const, x, y, width: w, height: h, ...extra });
const lay = (doc: ReturnType<typeof makeDoc>) => layoutIssue(doc, { typesetter: monoTypesetter(doc) });
const linesOf = (l: LaidOutIssue, id: string) => l.pages.flatMap((p) => p.frames.filter((f) => f.id === id)).flatMap((f) => f.lines);
const text = (n: number, c = '字') => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? '。' : c)).join('');

describe('one frame', () => {
  // Type area top 20, character grid 10/15: baselines 28.8, 43.8, 58.8, 73.8 fit a 60 pt frame.
  it('sets lines on the grid and counts what does not fit as overset', () => {
    const doc = makeDoc({ frames: [frame('a', 'p1', 20, 20, 100, 60)], stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(50)) }] });
    const l = lay(doc);
    const lines = linesOf(l, 'a');
    expect(lines.map((x) => x.y)).toEqual([28.8, 43.8, 58.8, 73.8]);
    expect(lines.map((x) => x.text.length)).toEqual([10, 10, 10, 10]);
    expect(l.stories).toEqual([{ id: 's', overset: 10, frames: ['a'] }]);
  });

  it('starts a frame at the first grid line inside it, so columns of different frames align', () => {
    const doc = makeDoc({ frames: [frame('a', 'p1', 20, 31, 100, 60)], stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(20)) }] });
    const lines = linesOf(lay(doc), 'a');
    expect(lines[0]!.y).toBe(43.8);
    expect(lines[1]!.y).toBe(58.8);
  });

  it('fills columns left to right on the same baselines', () => {
    const doc = makeDoc({ frames: [frame('a', 'p1', 20, 20, 210, 60, { columns: 2, gutter: 10 })], stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(75)) }] });
    const lines = linesOf(lay(doc), 'a');
    expect(lines.map((x) => [x.column, x.x, x.y])).toEqual([
      [0, 20, 28.8], [0, 20, 43.8], [0, 20, 58.8], [0, 20, 73.8],
      [1, 130, 28.8], [1, 130, 43.8], [1, 130, 58.8], [1, 130, 73.8],
    ]);
  });

  it('drops space before at a column head and keeps it elsewhere', () => {
    const doc = makeDoc({
      paragraphStyles: [{ id: 'body', name: 'Body', size: 10, leading: 15, spaceBefore: 15, gridAlign: true }],
      frames: [frame('a', 'p1', 20, 20, 100, 90)],
      stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(10), text(10)) }],
    });
    expect(linesOf(lay(doc), 'a').map((x) => x.y)).toEqual([28.8, 58.8]);
  });

  it('keeps widows: a paragraph leaves at least `widows` lines for the next column', () => {
    const doc = makeDoc({
      paragraphStyles: [{ id: 'body', name: 'Body', size: 10, leading: 15, widows: 2, orphans: 1 }],
      frames: [frame('a', 'p1', 20, 20, 210, 60, { columns: 2, gutter: 10 })],
      stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(20), text(30)) }],
    });
    const lines = linesOf(lay(doc), 'a');
    // Column 0 has room for 2 more lines after paragraph 1, but paragraph 2 has 3 lines: 1 + 2.
    expect(lines.filter((x) => x.column === 0).length).toBe(3);
    expect(lines.filter((x) => x.column === 1).length).toBe(2);
  });

  it('keeps orphans: a paragraph that cannot leave `orphans` lines moves whole', () => {
    const doc = makeDoc({
      paragraphStyles: [{ id: 'body', name: 'Body', size: 10, leading: 15, widows: 2, orphans: 2 }],
      frames: [frame('a', 'p1', 20, 20, 210, 60, { columns: 2, gutter: 10 })],
      stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(20), text(30)) }],
    });
    const lines = linesOf(lay(doc), 'a');
    expect(lines.filter((x) => x.column === 0).length).toBe(2);
    expect(lines.filter((x) => x.column === 1).length).toBe(3);
  });

  it('keeps a paragraph marked keep-with-next with the first line of the next', () => {
    const doc = makeDoc({
      paragraphStyles: [
        { id: 'body', name: 'Body', size: 10, leading: 15 },
        { id: 'head', name: 'Head', size: 10, leading: 15, keepWithNext: true },
      ],
      frames: [frame('a', 'p1', 20, 20, 210, 60, { columns: 2, gutter: 10 })],
      stories: [{ id: 's', frames: ['a'], paragraphs: [...paras(text(30)), { style: 'head', runs: [{ text: '小标题' }] }, ...paras(text(10))] }],
    });
    const lines = linesOf(lay(doc), 'a');
    expect(lines.filter((x) => x.column === 0).map((x) => x.text.length)).toEqual([10, 10, 10]);
    expect(lines.filter((x) => x.column === 1).map((x) => x.text)).toEqual(['小标题', text(10)]);
  });

  it('balances the columns of a frame marked balance', () => {
    const doc = makeDoc({ frames: [frame('a', 'p1', 20, 20, 320, 150, { columns: 3, gutter: 10, balance: true })], stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(70)) }] });
    const lines = linesOf(lay(doc), 'a');
    const perCol = [0, 1, 2].map((c) => lines.filter((x) => x.column === c).length);
    expect(perCol).toEqual([3, 3, 1]);
  });

  it('aligns to the bottom by whole grid lines', () => {
    const doc = makeDoc({ frames: [frame('a', 'p1', 20, 20, 100, 60, { valign: 'bottom' })], stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(10)) }] });
    expect(linesOf(lay(doc), 'a').map((x) => x.y)).toEqual([73.8]);
  });
});

describe('text wrap', () => {
  it('narrows lines beside a wrapping frame and keeps them on the grid', () => {
    const doc = makeDoc({
      frames: [
        frame('a', 'p1', 20, 20, 100, 90),
        { id: 'img', page: 'p1', kind: 'image', src: 'x.jpg', x: 20, y: 35, width: 40, height: 30, wrap: { mode: 'box', offsets: { right: 0 } } },
      ],
      stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(60)) }],
    });
    const lines = linesOf(lay(doc), 'a');
    expect(lines.map((x) => x.y)).toEqual([28.8, 43.8, 58.8, 73.8, 88.8, 103.8]);
    // Lines whose band crosses y 35–65 start right of the picture, six characters wide.
    expect(lines.map((x) => [x.x, x.text.length])).toEqual([[20, 10], [60, 6], [60, 6], [20, 10], [20, 10], [20, 10]]);
  });

  it('skips grid lines that a full-width exclusion blocks', () => {
    const doc = makeDoc({
      frames: [
        frame('a', 'p1', 20, 20, 100, 90),
        { id: 'box', page: 'p1', kind: 'box', x: 10, y: 37, width: 120, height: 20, wrap: { mode: 'box' } },
      ],
      stories: [{ id: 's', frames: ['a'], paragraphs: paras(text(30)) }],
    });
    expect(linesOf(lay(doc), 'a').map((x) => x.y)).toEqual([28.8, 73.8, 88.8]);
  });
});

describe('threading and jump lines', () => {
  const chained = (n: number) =>
    makeDoc({
      frames: [frame('a', 'p1', 20, 20, 100, 60), frame('b', 'p2', 20, 20, 100, 60)],
      stories: [{ id: 's', frames: ['a', 'b'], paragraphs: paras(text(n)) }],
    });

  it('sets a jump-to line at the foot of the frame and a jump-from line at the head of the continuation', () => {
    const l = lay(chained(50));
    expect(linesOf(l, 'a').map((x) => x.y)).toEqual([28.8, 43.8, 58.8]);
    const to = linesOf(l, 'jump:to:a');
    expect(to.map((x) => [x.text, x.y])).toEqual([['（下转第2版）', 73.8]]);
    const from = linesOf(l, 'jump:from:b');
    expect(from.map((x) => [x.text, x.y])).toEqual([['（上接第1版）', 28.8]]);
    expect(linesOf(l, 'b').map((x) => x.y)).toEqual([43.8, 58.8]);
    expect(l.jumps.map((j) => [j.kind, j.page, j.target, j.text])).toEqual([
      ['to', 1, 2, '（下转第2版）'],
      ['from', 2, 1, '（上接第1版）'],
    ]);
    expect(l.stories[0]!.overset).toBe(0);
  });

  it('sets no jump when the text ends in the first frame', () => {
    const l = lay(chained(35));
    expect(l.jumps).toEqual([]);
    expect(linesOf(l, 'b')).toEqual([]);
  });

  it('names the pages again when pages are reordered', () => {
    const doc = chained(50);
    const swapped = { ...doc, pages: [doc.pages[1]!, doc.pages[0]!] };
    const l = lay(swapped);
    expect(l.jumps.map((j) => [j.kind, j.page, j.target, j.text])).toEqual([
      ['to', 2, 1, '（下转第1版）'],
      ['from', 1, 2, '（上接第2版）'],
    ]);
  });

  it('reads the story back in chain order', () => {
    const src = text(45);
    const l = lay(chained(45));
    const got = ['a', 'b'].flatMap((id) => linesOf(l, id)).map((x) => x.text).join('');
    expect(got).toBe(src);
  });
});

describe('headlines, bylines, folios', () => {
  it('stacks the headline parts on whole grid lines: a one-line title takes three', () => {
    const doc = makeDoc({
      paragraphStyles: [
        { id: 'body', name: 'Body', size: 10, leading: 15 },
        { id: 'title', name: 'Title', size: 30, leading: 36 },
        { id: 'kicker', name: 'Kicker', size: 10, leading: 15 },
      ],
      frames: [{ id: 'h', page: 'p1', kind: 'headline', article: 'art', x: 20, y: 20, width: 260, height: 90, valign: 'top' }],
      stories: [],
      articles: [{ id: 'art', name: 'Lead', headline: { kicker: { text: '引题', style: 'kicker' }, title: { text: '主题', style: 'title' } } }],
    });
    const lines = linesOf(lay(doc), 'h');
    expect(lines.map((x) => x.text)).toEqual(['引题', '主题']);
    // Kicker: one grid line (cell 20–30 plus line gap), on the grid. Title: three grid lines
    // (35–75 without the last line gap), its 30 pt em box centred in them.
    expect(lines[0]!.y).toBe(28.8);
    expect(lines[1]!.y).toBeCloseTo(35 + (40 - 30) / 2 + 26.4, 3);
  });

  it('puts an inline byline at the head of the first paragraph as generated text', () => {
    const doc = makeDoc({
      frames: [frame('a', 'p1', 20, 20, 100, 60)],
      stories: [{ id: 's', frames: ['a'], paragraphs: paras('七月八日全会召开') }],
      articles: [{ id: 'art', name: 'x', body: 's', byline: { pattern: '本报讯（记者 {names}）', names: ['项竹彦'] } }],
    });
    const l = lay(doc);
    const lines = linesOf(l, 'a');
    expect(lines.map((x) => x.text).join('')).toBe('七月八日全会召开');
    const glyphs = lines.flatMap((x) => x.runs.flatMap((r) => r.glyphs));
    expect(glyphs.slice(0, 11).map((g) => g.text).join('')).toBe('本报讯（记者 项竹彦）');
    expect(glyphs.slice(0, 11).every((g) => g.offset === -1)).toBe(true);
    expect(glyphs[11]!.offset).toBe(0);
  });

  it('makes folios from the template: paper, date, page label', () => {
    const doc = makeDoc({ frames: [], stories: [] });
    doc.templates[0]!.folios = [
      { field: 'paper', x: 20, y: 5, width: 100, align: 'left', size: 9, pages: 'all' },
      { field: 'date', x: 20, y: 5, width: 260, align: 'center', size: 9, pages: 'all' },
      { field: 'pageLabel', x: 180, y: 5, width: 100, align: 'right', size: 9, pages: 'all' },
      { field: 'text', text: '偶数页', x: 20, y: 380, width: 100, align: 'left', size: 9, pages: 'even' },
    ];
    const l = lay(doc);
    const folios = (i: number) => l.pages[i]!.frames.filter((f) => f.role === 'folio').map((f) => f.lines[0]!.text);
    expect(folios(0)).toEqual(['测试报', '2021年7月9日 星期五', '第1版']);
    expect(folios(1)).toEqual(['测试报', '2021年7月9日 星期五', '第2版', '偶数页']);
  });
});
