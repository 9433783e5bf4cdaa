/**
 * The article UI's operations in Node, on the sample with real fonts: grid snapping and the
 * first free area, the place-article tool (a drag makes the article, one undo step; Escape
 * none), selecting and moving an article as one (Alt-click, Select article), continuing it on
 * another page (jump lines in the layout), and Fit article (copyfit within limits, one step).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EditError, articleFit, articleFits, columnSpan, deleteFrames, lineSpan, templateOfPage } from '../../engine/edit';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { continueInFreeArea, drawContinuation, drawNewArticle, fitArticle, placeNewArticle, selectArticle } from '../../renderer/articles/actions';
import { articleOfFrame, firstFreePlace, snapToGrid, type ArticleSpec } from '../../renderer/articles/placement';
import { fitBadges } from '../../renderer/articles/fit-badges';
import { command, type CommandContext } from '../../renderer/commands';
import { findings, relayouter, sample } from '../edit/support';
import { TestEditor } from './test-editor';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

const SPEC: ArticleSpec = { title: '新稿件', headlineColumns: 4, headlineLines: 6, bodyColumns: 4, bodyLines: 20, image: null };

/** Seed paragraphs (after kicker, title and subhead), joined as typed copy. */
function seedText(n: number): string {
  const lines = readFileSync('test/fixtures/seed/jinshan-front-page.txt', 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(3, 3 + n).join('\n');
}

/** Draws an article with the place-article tool over columns [c, c+n) and lines [l, l+k) of page p2. */
function drawArticle(ed: TestEditor, spec: ArticleSpec, c: number, n: number, l: number, k: number): string[] {
  const t = templateOfPage(ed.doc, 'p2');
  const cols = columnSpan(t, c, n);
  const rows = lineSpan(t, l, k);
  drawNewArticle(ed.tools, spec);
  ed.expectPath('article.idle');
  ed.drag(cols.x + 3, rows.y + 2, cols.x + cols.width - 4, rows.y + rows.height - 3);
  return [...ed.tools.session.selection];
}

describe('grid placement', () => {
  it('snaps a dragged rectangle to whole columns and grid lines', () => {
    const t = templateOfPage(sample(), 'p2');
    const cols = columnSpan(t, 2, 3);
    const rows = lineSpan(t, 30, 12);
    expect(snapToGrid(t, { x: cols.x + 5, y: rows.y - 4, width: cols.width - 9, height: rows.height + 3 })).toEqual({ column: 2, line: 30, columns: 3, lines: 12 });
    // A sliver still makes one column and one line.
    expect(snapToGrid(t, { x: cols.x, y: rows.y, width: 1, height: 1 })).toMatchObject({ column: 2, line: 30, columns: 1, lines: 1 });
  });

  it('finds the first free area of a page, or none when the page is full', () => {
    const doc = sample();
    const p2 = firstFreePlace(doc, 'p2', 4, 26)!;
    expect(p2).toBeTruthy();
    const t = templateOfPage(doc, 'p2');
    const r = { ...columnSpan(t, p2.column, 4), ...lineSpan(t, p2.line, 26) };
    for (const f of doc.frames.filter((x) => x.page === 'p2')) {
      const overlap = r.x < f.x + f.width - 0.5 && f.x < r.x + r.width - 0.5 && r.y < f.y + f.height - 0.5 && f.y < r.y + r.height - 0.5;
      expect(overlap, f.id).toBe(false);
    }
    // The front page is full: nothing of 4 × 16 is free until the advertisement goes.
    expect(firstFreePlace(doc, 'p1', 4, 16)).toBeNull();
    doc.frames = doc.frames.filter((f) => !f.id.startsWith('ad-p1'));
    expect(firstFreePlace(doc, 'p1', 4, 16)).toMatchObject({ column: 0 });
  });
});

describe('the place-article tool', () => {
  it('a drag makes the article on the grid, one undo step; Escape makes nothing', () => {
    const ed = new TestEditor(sample(), relayout);
    const before = ed.doc;
    const t = templateOfPage(ed.doc, 'p2');
    // Escape mid-drag: no step, back to Select.
    drawNewArticle(ed.tools, SPEC);
    ed.drag(100, 400, 400, 700, {}, 4, false);
    expect(ed.tools.session.brush).not.toBeNull();
    ed.key('Escape').expectPath('select.idle');
    expect(ed.doc).toBe(before);
    expect(ed.history.undoDepth).toBe(0);

    const made = drawArticle(ed, { ...SPEC, headlineColumns: 8, bodyColumns: 3 }, 0, 6, 30, 30);
    ed.expectPath('select.idle');
    expect(ed.history.undoDepth).toBe(1);
    const article = ed.doc.articles.at(-1)!;
    expect(article.headline!.title.text).toBe('新稿件');
    const [head, body] = made.map((id) => ed.frame(id)!);
    // The drag's width (6 columns) is the headline's span; the body keeps its 3 columns.
    expect(head).toMatchObject({ kind: 'headline', page: 'p2', ...columnSpan(t, 0, 6), ...lineSpan(t, 30, 6) });
    expect(body).toMatchObject({ kind: 'text', columns: 3, ...columnSpan(t, 0, 3), ...lineSpan(t, 36, 24) });
    expect(findings(ed.doc)).toEqual([]);
    ed.history.undo();
    expect(ed.doc).toEqual(before);
  });

  it('refuses a drag too shallow for the headline and body, leaving no step', () => {
    const ed = new TestEditor(sample(), relayout);
    const results: unknown[] = [];
    drawNewArticle(ed.tools, SPEC, (r) => results.push(r));
    const t = templateOfPage(ed.doc, 'p2');
    const cols = columnSpan(t, 0, 4);
    const rows = lineSpan(t, 30, 5);
    ed.drag(cols.x + 2, rows.y + 2, cols.x + cols.width - 2, rows.y + rows.height - 2).expectPath('select.idle');
    expect(ed.history.undoDepth).toBe(0);
    expect(results).toEqual([{ ok: false, message: expect.stringContaining('no room for the body') }]);
    expect(() => drawNewArticle(ed.tools, { ...SPEC, title: ' ' })).toThrow(EditError);
    expect(() => drawNewArticle(ed.tools, { ...SPEC, bodyColumns: 5 })).toThrow('more columns');
  });

  it('places an article with a picture in the first free area', () => {
    const ed = new TestEditor(sample(), relayout);
    const src = ed.doc.frames.find((f) => f.kind === 'image')!;
    const made = placeNewArticle(ed.tools, { ...SPEC, headlineColumns: 6, bodyColumns: 4, image: src.kind === 'image' ? src.src : null });
    expect(made).toHaveLength(3);
    expect(ed.frame(made[2]!)).toMatchObject({ kind: 'image', page: 'p2' });
    expect(ed.history.undoDepth).toBe(1);
    expect(findings(ed.doc)).toEqual([]);
  });
});

describe('an article as one', () => {
  it('Alt-click and Select article select all its frames; a drag then moves them together, one step', () => {
    const ed = new TestEditor(sample(), relayout);
    const made = drawArticle(ed, SPEC, 2, 4, 30, 30);
    ed.tools.select([]);
    const body = ed.frame(made[1]!)!;
    ed.setTool('select').down(body.x + 30, body.y + 30, { alt: true }).up(body.x + 30, body.y + 30, { alt: true }).expectSelection(made);
    ed.tools.select([made[0]!]);
    const ctx = { tools: ed.tools, history: ed.history } as unknown as CommandContext;
    command('object.selectArticle')!.perform(ctx);
    ed.expectSelection(made);
    // Frames of other articles and loose frames are left alone.
    expect(selectArticle(ed.tools).every((id) => articleOfFrame(ed.doc, id) === ed.doc.articles.at(-1)!.id)).toBe(true);
    const depth = ed.history.undoDepth;
    const start = made.map((id) => ({ x: ed.frame(id)!.x, y: ed.frame(id)!.y }));
    ed.drag(body.x + 30, body.y + 30, body.x + 30, body.y + 30 + 40);
    expect(ed.history.undoDepth).toBe(depth + 1);
    const dy = ed.frame(made[0]!)!.y - start[0]!.y;
    expect(dy).toBeGreaterThan(20);
    made.forEach((id, i) => expect(ed.frame(id)).toMatchObject({ x: start[i]!.x, y: start[i]!.y + dy }));
  });
});

describe('the article commands', () => {
  it('are registered in the Object group and perform through the app\'s article actions', () => {
    const ed = new TestEditor(sample(), relayout);
    const calls: string[] = [];
    const ctx = { tools: ed.tools, history: ed.history, articles: { newArticle: () => calls.push('new'), continueArticle: () => calls.push('continue'), fitArticle: () => calls.push('fit') } } as unknown as CommandContext;
    const st = { hasDocument: true, selection: [] as string[], canUndo: false, canRedo: false, tool: 'select' as const, editingText: false };
    for (const n of ['object.newArticle', 'object.continueArticle', 'object.selectArticle', 'object.fitArticle']) expect(command(n)?.group, n).toBe('Object');
    expect(command('object.newArticle')!.enabled(st)).toBe(true);
    expect(command('object.continueArticle')!.enabled(st)).toBe(false);
    expect(command('object.fitArticle')!.enabled({ ...st, selection: ['lead-body-1'] })).toBe(true);
    command('object.newArticle')!.perform(ctx);
    command('object.continueArticle')!.perform(ctx);
    command('object.fitArticle')!.perform(ctx);
    expect(calls).toEqual(['new', 'continue', 'fit']);
    // Select article on the lead's body: the lead's frames on page 1, nothing else.
    ed.page = 'p1';
    ed.tools.select(['lead-body-1']);
    command('object.selectArticle')!.perform(ctx);
    ed.expectSelection(['lead-head', 'lead-body-1', 'lead-image']);
  });
});

describe('continue and fit', () => {
  it('continues an overset article on page 1 (jump lines appear) and fits it within limits', () => {
    const ed = new TestEditor(sample(), relayout);
    const made = drawArticle(ed, { ...SPEC, bodyLines: 10 }, 0, 4, 30, 20);
    const article = ed.doc.articles.at(-1)!.id;
    const story = ed.doc.articles.at(-1)!.body!;
    // The body gets the seed's copy as typed text (the Type tool's input path).
    ed.setTool('text');
    const body = ed.frame(made[1]!)!;
    ed.down(body.x + 10, body.y + 10).up(body.x + 10, body.y + 10).expectPath('text.editing');
    ed.tools.dispatch({ type: 'text_input', text: seedText(40), time: (ed.time += 5000) });
    ed.key('Escape');
    expect(ed.layout()!.stories.find((s) => s.id === story)!.overset).toBeGreaterThan(200);

    // Page 1 has no room: continuing there is refused, nothing recorded.
    const depth = ed.history.undoDepth;
    expect(() => continueInFreeArea(ed.tools, article, 'p1', 4, 16)).toThrow('no free area');
    expect(ed.history.undoDepth).toBe(depth);
    // Make room (the advertisement), then continue by drawing on page 1.
    ed.history.change((d) => void deleteFrames(d, ['ad-p1-box', 'ad-p1-text']));
    ed.page = 'p1';
    const t1 = templateOfPage(ed.doc, 'p1');
    const cols = columnSpan(t1, 0, 4);
    const rows = lineSpan(t1, 86, 6);
    drawContinuation(ed.tools, article, 4, 16);
    ed.drag(cols.x + 2, rows.y + 2, cols.x + cols.width - 2, rows.y + rows.height - 2);
    const cont = ed.tools.session.selection[0]!;
    expect(ed.frame(cont)).toMatchObject({ page: 'p1', kind: 'text', columns: 4, ...cols, ...rows });
    expect(ed.doc.stories.find((s) => s.id === story)!.frames).toEqual([made[1], cont]);
    expect(ed.layout()!.jumps.filter((j) => j.story === story).map((j) => [j.kind, j.page, j.target, j.text])).toEqual([
      ['to', 2, 1, '（下转第1版）'],
      ['from', 1, 2, '（上接第2版）'],
    ]);

    const fit0 = articleFit(ed.doc, ed.layout()!, article)!;
    expect(fit0.over).toBeGreaterThan(0);
    // The canvas badge: on the article's last frame of each page, "+N lines" where it is over.
    expect(fitBadges(ed.doc, ed.layout()!, 'p1').filter((b) => b.article === article)).toEqual([
      { article, frame: cont, over: true, text: `+${fit0.over} line${fit0.over === 1 ? '' : 's'}`, x: cols.x, y: rows.y + rows.height },
    ]);
    expect(fitBadges(ed.doc, ed.layout()!, 'p2').filter((b) => b.article === article).map((b) => b.frame)).toEqual([made[1]]);
    // Articles that are under show their badge only while selected.
    const under = articleFits(ed.doc, ed.layout()!).find((f) => f.under > 0 && f.article !== article)!;
    const underFrame = ed.doc.stories.find((s) => s.id === under.story)!.frames.at(-1)!;
    const underPage = ed.frame(underFrame)!.page;
    expect(fitBadges(ed.doc, ed.layout()!, underPage).some((b) => b.article === under.article)).toBe(false);
    expect(fitBadges(ed.doc, ed.layout()!, underPage, [underFrame]).find((b) => b.article === under.article)).toMatchObject({ over: false, text: `−${under.under} line${under.under === 1 ? '' : 's'}` });
    expect(() => fitArticle(ed.history, article, { tracking: [5, 20], leading: [-0.5, 0.5] }, relayout)).toThrow('≤ 0');
    const steps = ed.history.undoDepth;
    const before = ed.doc;
    const r = fitArticle(ed.history, article, { tracking: [-40, 20], leading: [-1, 0.5] }, relayout);
    const fit1 = articleFit(ed.doc, ed.layout()!, article)!;
    expect(fit1.over).toBe(r.fit.over);
    if (r.fits) expect(fit1.over).toBe(0);
    else expect(r.setting).toEqual({ tracking: -40, leading: -1 });
    expect(fit1.over).toBeLessThan(fit0.over);
    expect(ed.history.undoDepth).toBe(steps + 1);
    expect(findings(ed.doc)).toEqual([]);
    ed.history.undo();
    expect(ed.doc).toEqual(before);
  });
});
