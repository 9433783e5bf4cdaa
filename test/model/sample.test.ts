/**
 * The sample issue samples/jinshan/jinshan.broadsheet: it validates, is saved in canonical
 * form, round-trips, is laid out on the 对开 grid, threads the lead story to page 2, and its
 * embedded templates are the ones in templates/.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, loadDocument, loadTemplateFile, serializeDocument, type IssueDocument } from '../../engine/model';
import { readRepo, SAMPLE } from './helpers';

const text = readRepo(SAMPLE);
const doc: IssueDocument = loadDocument(text, SAMPLE);
const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const r = list.find((x) => x.id === id);
  if (!r) throw new Error(`no "${id}"`);
  return r;
};
const storyText = (id: string) => byId(doc.stories, id).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));

describe('the sample issue', () => {
  it('validates with no findings', () => {
    const r = checkDocument(text);
    expect(r.ok ? [] : r.findings).toEqual([]);
  });

  it('is saved in canonical form: serializing what was loaded gives the file byte for byte', () => {
    expect(serializeDocument(doc)).toBe(text);
  });

  it('round-trips: load → serialize → load is equal', () => {
    expect(loadDocument(serializeDocument(doc), 'copy.broadsheet')).toEqual(doc);
  });

  it('is a two-page 金山报 issue with jump lines 下转/上接 and 版 labels', () => {
    expect(doc.issue).toMatchObject({ paper: '金山报', date: '2021-07-09', lang: 'zh-Hans', pageLabels: { style: 'ban' }, numerals: 'arabic' });
    expect(doc.issue.jumps).toEqual({ to: '（下转第{page}版）', from: '（上接第{page}版）', style: 'jump' });
    expect(doc.pages.map((p) => [p.id, p.template, p.section])).toEqual([
      ['p1', 'zh-duikai-8-front', '要闻'],
      ['p2', 'zh-duikai-8', '综合'],
    ]);
  });

  it('embeds the templates and styles of templates/ unchanged', () => {
    for (const t of doc.templates) {
      const file = `templates/${t.id}.json`;
      const tf = loadTemplateFile(readRepo(file), file);
      expect(t).toEqual(tf.template);
      for (const s of tf.paragraphStyles) expect(byId(doc.paragraphStyles, s.id)).toEqual(s);
      for (const s of tf.swatches) expect(byId(doc.swatches, s.id)).toEqual(s);
    }
  });

  it('threads the lead story from page 1 to page 2, and stores no jump-line text', () => {
    const lead = byId(doc.stories, 'lead-body');
    const pages = lead.frames.map((f) => byId(doc.frames, f).page);
    expect(pages[0]).toBe('p1');
    expect(pages.at(-1)).toBe('p2');
    for (const s of doc.stories) for (const t of storyText(s.id)) expect(t).not.toMatch(/下转|上接/);
    expect(byId(doc.articles, 'lead').body).toBe('lead-body');
  });

  it('has the lead headline block 引题 / 主题 / 副题 and a 小标题 inside the story', () => {
    const h = byId(doc.articles, 'lead').headline!;
    expect([h.kicker?.text, h.title.text, h.subhead?.text]).toEqual([
      '学习贯彻五届区委十三次全会精神',
      '金山将推动产业、空间、治理、形象等一系列转型',
      '以“硬招数”提升城市软实力',
    ]);
    const cross = byId(doc.stories, 'lead-body').paragraphs.filter((p) => p.style === 'crosshead');
    expect(cross.map((p) => p.runs[0]!.text)).toEqual(['以“硬核”新兴产业支撑城市“软实力”']);
  });

  it('rejoins the paragraphs the extraction split', () => {
    const lead = storyText('lead-body').join('\n');
    expect(lead).toContain('延伸配套性好');
    expect(lead).toContain('C地块');
    expect(lead).toContain('更好促进');
    expect(storyText('changwu-body').join('\n')).toContain('严格执行');
    // The caption is not inside the story.
    expect(lead).not.toContain('效果图');
  });

  it('models the 本报讯 bylines with the article byline pattern', () => {
    const bylines = doc.articles.filter((a) => a.byline).map((a) => [a.id, a.byline!.pattern, a.byline!.names, a.byline!.placement]);
    expect(bylines).toEqual([
      ['changwei', '本报讯({names})', ['金玮'], 'inline'],
      ['quanqu', '本报讯(记者 {names})', ['项竹彦'], 'inline'],
      ['changwu', '本报讯({names})', ['金甫'], 'inline'],
    ]);
    for (const id of ['changwei-body', 'quanqu-body', 'changwu-body']) expect(storyText(id)[0]).toMatch(/^7月[78]日/);
  });

  it('captions the photo 金山滨海国际文化旅游度假区效果图 with a caption story', () => {
    const img = byId(doc.frames, 'lead-image');
    expect(img.kind).toBe('image');
    if (img.kind !== 'image') return;
    expect(img.caption?.story).toBe('lead-caption');
    expect(storyText('lead-caption')).toEqual(['金山滨海国际文化旅游度假区效果图']);
    expect(byId(doc.stories, 'lead-caption').frames).toEqual([]);
  });

  it('has the 融媒互动 box with its two items', () => {
    expect(byId(doc.articles, 'rongmei').headline?.title.text).toBe('融媒互动');
    expect(doc.frames.filter((f) => f.kind === 'box' && f.article === 'rongmei').length).toBeGreaterThan(0);
    expect(byId(doc.articles, 'rongmei-red-map').headline?.title.text).toBe('金山7处“点位”入选2021版上海红色文化地图');
    expect(byId(doc.articles, 'rongmei-park').headline?.title.text).toBe('金山工业区生活教育、产业配套等工程项目最新进展');
  });

  it('labels its filler clearly as advert placeholders', () => {
    for (const id of ['ad-p1', 'ad-p2']) expect(storyText(id).join('')).toMatch(/^广告.*占位/);
  });

  describe('geometry on the 对开 grid', () => {
    const t = byId(doc.templates, 'zh-duikai-8');
    const grid = t.grid;
    if (grid.kind !== 'character') throw new Error('expected a character grid');
    const { size, leading } = grid;
    const colWidth = size * grid.charsPerLine!;
    const colStarts = Array.from({ length: t.columns }, (_, c) => t.margins.left + c * (colWidth + t.gutter));
    const colEnds = colStarts.map((x) => x + colWidth);
    const near = (v: number, list: number[]) => list.some((x) => Math.abs(x - v) < 1e-6);
    const onLine = (y: number) => Number.isInteger(Math.round(((y - t.margins.top) / leading) * 1e6) / 1e6);

    it.each(doc.frames.filter((f) => f.kind !== 'rule').map((f) => [f.id, f] as const))('%s sits on columns and grid lines', (_id, f) => {
      expect(near(f.x, colStarts), `left edge ${f.x}`).toBe(true);
      expect(near(f.x + f.width, colEnds), `right edge ${f.x + f.width}`).toBe(true);
      expect(onLine(f.y), `top ${f.y}`).toBe(true);
      // Height covers whole character cells: n lines × leading − the last line gap.
      expect(onLine(f.y + f.height + (leading - size)), `bottom ${f.y + f.height}`).toBe(true);
    });

    it('keeps every frame inside the type area', () => {
      for (const f of doc.frames) {
        expect(f.x).toBeGreaterThanOrEqual(t.margins.left - 1e-6);
        expect(f.x + f.width).toBeLessThanOrEqual(t.trim.width - t.margins.right + 1e-6);
        expect(f.y).toBeGreaterThanOrEqual(t.margins.top - 1e-6);
        expect(f.y + f.height).toBeLessThanOrEqual(t.trim.height - t.margins.bottom + 1e-6);
      }
    });

    it('does not overlap content frames on a page, except frames drawn over a box', () => {
      const content = doc.frames.filter((f) => f.kind === 'text' || f.kind === 'headline' || f.kind === 'image');
      const overlaps: string[] = [];
      for (const a of content)
        for (const b of content) {
          if (a.id >= b.id || a.page !== b.page) continue;
          if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(`${a.id} × ${b.id}`);
        }
      // Advert labels sit in their box; the 融媒互动 heading sits on its red band (boxes are not content).
      expect(overlaps).toEqual([]);
    });

    it('spans the lead headline across all 8 columns', () => {
      const h = byId(doc.frames, 'lead-head');
      expect(h.width).toBeCloseTo(t.trim.width - t.margins.left - t.margins.right, 6);
    });
  });
});
