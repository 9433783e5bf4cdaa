/**
 * The issue's scripted scenario on the sample: build a new article on page 2 from the seed
 * page's text (a template shape, then imported copy), make room on page 1, draw a frame there
 * and thread the article into it with the out-port gesture, see the jump lines appear, then
 * undo back to the start and redo to the end with the document equal at each step.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnSpan, createArticle, lineSpan, storyText, templateOfPage } from '../../engine/edit';
import { placeCopy } from '../../engine/import';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { HANDLE_PX, outPort } from '../../renderer/tools';
import { importCopyBytes } from '../../services/import';
import { TestEditor } from '../tools/test-editor';
import { findings, relayouter, sample } from './support';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

/** The seed page's lead: kicker, title, subhead, then body paragraphs, as Markdown copy. */
function seedCopy(): string {
  const lines = readFileSync('test/fixtures/seed/jinshan-front-page.txt', 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const [kicker, title, subhead, ...body] = lines;
  return [`### ${kicker}`, `# ${title}`, `## ${subhead}`, ...body.slice(0, 10)].join('\n\n');
}

describe('scenario: a new article on page 2, continued on page 1', () => {
  it('builds, threads, shows the jump lines, and undoes/redoes step by step', async () => {
    const ed = new TestEditor(sample(), relayout);
    const states: IssueDocument[] = [ed.doc];
    const step = () => {
      expect(ed.doc).not.toBe(states[states.length - 1]);
      states.push(ed.doc);
    };

    // 1. An article from a template shape on page 2: headline over 8 columns, body in 4.
    let made!: ReturnType<typeof createArticle>;
    ed.history.change((d) => {
      made = createArticle(d, { page: 'p2', column: 0, line: 17, name: '新稿', title: '标题', headline: { columns: 8, lines: 6 }, body: { columns: 4, lines: 8 } }, ed.tools.host.newId);
    });
    step();

    // 2. The seed page's text, imported as Markdown (headings → headline parts).
    const imported = await importCopyBytes(new TextEncoder().encode(seedCopy()), 'seed.md', ed.doc);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.value.copy.headline.title).toBe('金山将推动产业、空间、治理、形象等一系列转型');
    ed.history.change((d) => void placeCopy(d, { article: made.article, replace: true }, imported.value.copy));
    step();
    expect(ed.doc.articles.find((a) => a.id === made.article)!.headline!.kicker!.text).toBe('学习贯彻五届区委十三次全会精神');
    const overset = ed.layout()!.stories.find((s) => s.id === made.story)!.overset;
    expect(overset).toBeGreaterThan(100);

    // 3. Make room on page 1: select the advertisement's frames and delete them.
    ed.page = 'p1';
    ed.setTool('select').drag(40, 1300, 600, 1350).expectSelection(['ad-p1-box', 'ad-p1-text']);
    ed.key('Delete');
    step();

    // 4. Draw a text frame there (it snaps to the grid) …
    const t1 = templateOfPage(ed.doc, 'p1');
    const cols = columnSpan(t1, 0, 4);
    const rows = lineSpan(t1, 86, 16);
    ed.setTool('text-frame').drag(cols.x + 1, rows.y + 1, cols.x + cols.width - 1, rows.y + rows.height - 1).expectPath('text-frame.idle');
    step();
    const target = ed.tools.session.selection[0]!;
    expect(ed.frame(target)).toMatchObject({ page: 'p1', x: cols.x, y: rows.y, width: cols.width, height: rows.height });

    // 5. … and thread the body into it: select the body on page 2, click its out-port, click the frame on page 1.
    ed.page = 'p2';
    const body = ed.frame(made.body)!;
    ed.setTool('select').down(body.x + 20, body.y + 20).up(body.x + 20, body.y + 20).expectSelection([made.body]);
    const port = outPort(body, HANDLE_PX);
    ed.down(port.x + port.size / 2, port.y + port.size / 2).expectPath('thread.picking');
    ed.page = 'p1';
    ed.down(cols.x + 50, rows.y + 50).expectPath('select.idle');
    step();
    expect(ed.doc.stories.find((s) => s.id === made.story)!.frames).toEqual([made.body, target]);

    // The jump lines appear on both pages; less is overset.
    const laid = ed.layout()!;
    expect(laid.jumps.filter((j) => j.story === made.story).map((j) => [j.kind, j.page, j.target, j.text])).toEqual([
      ['to', 2, 1, '（下转第1版）'],
      ['from', 1, 2, '（上接第2版）'],
    ]);
    expect(laid.stories.find((s) => s.id === made.story)!.overset).toBeLessThan(overset);
    expect(findings(ed.doc)).toEqual([]);
    expect(storyText(ed.doc.stories.find((s) => s.id === made.story)!).startsWith('加快开发建设南部滨海地区')).toBe(true);

    // Undo to the start and redo to the end: the document equals the recorded state at each step.
    expect(ed.history.undoDepth).toBe(states.length - 1);
    for (let i = states.length - 2; i >= 0; i--) {
      ed.history.undo();
      expect(ed.doc).toEqual(states[i]);
    }
    expect(ed.history.canUndo).toBe(false);
    expect(ed.layout()!.jumps.filter((j) => j.story === made.story)).toEqual([]);
    for (let i = 1; i < states.length; i++) {
      ed.history.redo();
      expect(ed.doc).toEqual(states[i]);
    }
    expect(ed.layout()!.jumps.filter((j) => j.story === made.story)).toHaveLength(2);
  });
});
