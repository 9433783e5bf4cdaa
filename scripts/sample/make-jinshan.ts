/**
 * Builds samples/jinshan/jinshan.broadsheet: a two-page 对开 issue that reproduces the seed
 * front page of 金山报 with its real text (see jinshan-text.ts for the cleaning).
 *
 * Run once with `npx tsx scripts/sample/make-jinshan.ts`; it made the first version of the file.
 * After that the .broadsheet file is the source of truth (its geometry is tuned by hand in the
 * editor), so rerunning this script overwrites those changes: rerun it only to start over.
 * Then run scripts/make-sample-images.ts, which sizes the placeholder images from the frames.
 *
 * Geometry is on the zh-duikai-8 grid: column c starts at 53.25 + 126c pt (13 characters of
 * 9 pt + a 9 pt gutter), grid line k starts at 82 + 13.5k pt. Page 1 reads like the real page:
 * masthead top left, the 常委会 report in the 报眼 (top right), the lead article under a headline
 * across all 8 columns with its photo, the 全区 report under the photo, the 融媒互动 box in the
 * left columns, the 常务会议 report below, and a labelled advert placeholder at the foot.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDocument, loadTemplateFile, serializeDocument } from '../../engine/model';
import { readSeed, type Byline } from './jinshan-text';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

// ── the grid ────────────────────────────────────────────────────────────────────────────
const COL = 117;
const GUT = 9;
const PITCH = 13.5;
const CHAR = 9;
const LEFT = 53.25;
const TOP = 82;
/** Left edge and width of columns c0..c1 (0-based, inclusive). */
const cols = (c0: number, c1: number) => ({ x: LEFT + c0 * (COL + GUT), width: (c1 - c0 + 1) * (COL + GUT) - GUT });
/** Top and height of grid lines k0..k1 (0-based, inclusive): whole character cells. */
const lines = (k0: number, k1: number) => ({ y: TOP + k0 * PITCH, height: (k1 - k0 + 1) * PITCH - (PITCH - CHAR) });
/**
 * A rectangle on the grid. Headline frames get one grid line more than their block's cells:
 * flow/headline.ts counts a cell as a full pitch including the line gap under it, so a block
 * of n cells needs a frame of n + 1 character lines in this convention.
 */
const cell = (c0: number, c1: number, k0: number, k1: number) => ({ ...cols(c0, c1), ...lines(k0, k1) });

type Json = Record<string, unknown>;
const frames: Json[] = [];
const stories: Json[] = [];
const articles: Json[] = [];

const text = (id: string, page: string, box: Json, more: Json = {}) => frames.push({ id, page, kind: 'text', ...box, ...more });
const headline = (id: string, page: string, article: string, box: Json, more: Json = {}) =>
  frames.push({ id, page, kind: 'headline', article, ...box, ...more });
const rule = (id: string, page: string, c0: number, c1: number, k: number, more: Json = {}) =>
  frames.push({ id, page, kind: 'rule', ...cols(c0, c1), y: TOP + k * PITCH, height: CHAR, ...more });
const story = (id: string, name: string, frameIds: string[], paragraphs: { style: string; text: string }[]) =>
  stories.push({ id, name, frames: frameIds, paragraphs: paragraphs.map((p) => ({ style: p.style, runs: [{ text: p.text }] })) });
const body = (paras: string[]) => paras.map((t) => ({ style: 'body', text: t }));
const byline = (b: Byline) => ({ ...b, placement: 'inline', style: 'byline' });

const seed = readSeed(read('test/fixtures/seed/jinshan-front-page.txt'));

// ── page 1 ──────────────────────────────────────────────────────────────────────────────
// Masthead: the paper's name as a headline block; date, issue number and page label come
// from the front-page template's folio fields under it, so they follow the issue's data.
articles.push({ id: 'masthead', name: '报头', headline: { title: { text: '金山报', style: 'masthead-title' }, linesPerLine: 10 } });
headline('masthead-name', 'p1', 'masthead', cell(0, 3, 0, 10), { valign: 'center' });

// 报眼: the 常委会 report.
const w = seed.changwei;
articles.push({ id: 'changwei', name: '区委常委会会议', headline: { title: { text: w.title, style: 'title-3' }, subhead: { text: w.subhead, style: 'subhead-3' }, linesPerLine: 2 }, byline: byline(w.byline), body: 'changwei-body' });
headline('changwei-head', 'p1', 'changwei', cell(4, 7, 0, 3));
text('changwei-body-1', 'p1', cell(4, 7, 4, 13), { columns: 4, gutter: GUT, balance: true, article: 'changwei' });
story('changwei-body', '胡卫国主持召开第163次区委常委会会议', ['changwei-body-1'], body(w.paragraphs));

rule('rule-top', 'p1', 0, 7, 14, { thickness: 2, style: 'double', color: 'black' });

// The lead article: headline across the page, body in columns 1–2, photo in columns 3–8.
const l = seed.lead;
articles.push({
  id: 'lead',
  name: '头条：金山将推动一系列转型',
  headline: { kicker: { text: l.kicker, style: 'lead-kicker' }, title: { text: l.title, style: 'lead-title' }, subhead: { text: l.subhead, style: 'lead-subhead' }, linesPerLine: 3 },
  body: 'lead-body',
  images: ['lead-image'],
});
headline('lead-head', 'p1', 'lead', cell(0, 7, 15, 24));
text('lead-body-1', 'p1', cell(0, 1, 25, 56), { columns: 2, gutter: GUT, article: 'lead' });
frames.push({ id: 'lead-image', page: 'p1', kind: 'image', ...cell(2, 7, 25, 50), article: 'lead', src: 'images/resort-rendering.jpg', fit: 'fill', caption: { story: 'lead-caption', placement: 'below', gap: 4 } });
story('lead-caption', '图片说明：效果图', [], [{ style: 'caption', text: l.caption }]);
story(
  'lead-body',
  '头条正文',
  ['lead-body-1', 'lead-body-2'],
  l.paragraphs.map((p) => ({ style: p.crosshead ? 'crosshead' : 'body', text: p.text })),
);

// The 全区 report under the photo.
const q = seed.quanqu;
articles.push({ id: 'quanqu', name: '全区深入学习贯彻全会精神', headline: { kicker: { text: q.kicker, style: 'kicker' }, title: { text: q.title, style: 'title-2' }, linesPerLine: 3 }, byline: byline(q.byline), body: 'quanqu-body' });
headline('quanqu-head', 'p1', 'quanqu', cell(2, 7, 52, 57));
text('quanqu-body-1', 'p1', cell(2, 7, 58, 69), { columns: 6, gutter: GUT, balance: true, article: 'quanqu' });
story('quanqu-body', '全区深入学习贯彻五届区委十三次全会精神', ['quanqu-body-1'], body(q.paragraphs));

// The 融媒互动 box in columns 1–2: a red band with the heading, then two items, each a
// title, a thumbnail placeholder and its blurb.
const r = seed.rongmei;
articles.push({ id: 'rongmei', name: '融媒互动', headline: { title: { text: r.heading, style: 'box-heading' }, linesPerLine: 2 } });
frames.push({ id: 'rongmei-box', page: 'p1', kind: 'box', ...cell(0, 1, 58, 83), article: 'rongmei', stroke: 'masthead-red', strokeWidth: 0.75 });
frames.push({ id: 'rongmei-band', page: 'p1', kind: 'box', ...cell(0, 1, 58, 60), z: 1, article: 'rongmei', fill: 'masthead-red' });
headline('rongmei-head', 'p1', 'rongmei', cell(0, 1, 58, 60), { z: 2 });
const itemIds = ['rongmei-red-map', 'rongmei-park'] as const;
const itemNames = ['融媒互动：红色文化地图', '融媒互动：金山工业区工程进展'];
r.items.forEach((item, i) => {
  const id = itemIds[i]!;
  const k = 61 + i * 11;
  articles.push({ id, name: itemNames[i], headline: { title: { text: item.title, style: 'item-title' }, linesPerLine: 2 }, body: `${id}-body`, images: [`${id}-thumb`] });
  headline(`${id}-head`, 'p1', id, cell(0, 1, k, k + 2), { z: 1 });
  frames.push({ id: `${id}-thumb`, page: 'p1', kind: 'image', ...cell(0, 0, k + 3, k + 9), z: 1, article: id, src: `images/rongmei-${i + 1}.jpg`, fit: 'fill' });
  text(`${id}-text`, 'p1', cell(1, 1, k + 3, k + 9), { z: 1, article: id });
  story(`${id}-body`, `融媒互动 ${i + 1}`, [`${id}-text`], [{ style: 'brief', text: item.text }]);
});

// The 常务会议 report beside the box.
const g = seed.changwu;
articles.push({ id: 'changwu', name: '区政府常务会议', headline: { title: { text: g.title, style: 'title-3' }, subhead: { text: g.subhead, style: 'subhead-3' }, linesPerLine: 2 }, byline: byline(g.byline), body: 'changwu-body' });
rule('rule-changwu', 'p1', 2, 7, 70, { thickness: 0.5, color: 'black' });
headline('changwu-head', 'p1', 'changwu', cell(2, 7, 71, 75));
text('changwu-body-1', 'p1', cell(2, 7, 76, 83), { columns: 6, gutter: GUT, balance: true, article: 'changwu' });
story('changwu-body', '刘健主持召开第118次区政府常务会议', ['changwu-body-1'], body(g.paragraphs));

// Advert placeholder at the foot (not seed text: clearly labelled as a placeholder).
const advert = (page: string, id: string, box: Json) => {
  frames.push({ id: `${id}-box`, page, kind: 'box', ...box, fill: 'black', tint: 8, stroke: 'black', strokeWidth: 0.5 });
  text(`${id}-text`, page, box, { z: 1, valign: 'center' });
  story(id, '广告位（占位）', [`${id}-text`], [
    { style: 'ad-label', text: '广告' },
    { style: 'ad-note', text: '广告位 · 样张占位，非真实广告' },
  ]);
};
rule('rule-foot', 'p1', 0, 7, 84, { thickness: 1, color: 'black' });
advert('p1', 'ad-p1', cell(0, 7, 85, 103));

// ── page 2: the lead story's continuation, room for more, a half-page advert ───────────
text('lead-body-2', 'p2', cell(0, 3, 0, 15), { columns: 4, gutter: GUT, balance: true, article: 'lead' });
advert('p2', 'ad-p2', cell(0, 7, 52, 103));

// ── styles: the template's, plus the sample's own headline sizes ──────────────────────
const duikai = loadTemplateFile(read('templates/zh-duikai-8.json'), 'templates/zh-duikai-8.json');
const front = loadTemplateFile(read('templates/zh-duikai-8-front.json'), 'templates/zh-duikai-8-front.json');
const serifBold = { cjk: 'Noto Serif CJK SC', latin: 'Noto Serif', weight: 700 };
const sansBold = { cjk: 'Noto Sans CJK SC', latin: 'Noto Sans', weight: 700 };
const sans = { cjk: 'Noto Sans CJK SC', latin: 'Noto Sans', weight: 400 };
const sampleStyles: Json[] = [
  { id: 'masthead-title', name: '报头', font: serifBold, size: 96, leading: 104, tracking: 250, color: 'masthead-red', overprint: false, lang: 'zh-Hans', align: 'center', gridAlign: false },
  { id: 'lead-kicker', name: '引题（头条）', basedOn: 'kicker', size: '小二', leading: 24 },
  { id: 'lead-title', name: '主题（头条）', basedOn: 'title', size: '小初', leading: 44 },
  { id: 'lead-subhead', name: '副题（头条）', basedOn: 'subhead', size: '小二', leading: 24 },
  { id: 'title-2', name: '主题（二条）', basedOn: 'title', size: '二号', leading: 28 },
  { id: 'title-3', name: '主题（三条）', basedOn: 'title', size: '小二', leading: 24 },
  { id: 'subhead-3', name: '副题（三条）', basedOn: 'subhead', size: '小四', leading: 16 },
  { id: 'box-heading', name: '栏目题（反白）', font: sansBold, size: '小四', leading: 13.5, color: 'paper', overprint: false, lang: 'zh-Hans', align: 'center' },
  { id: 'item-title', name: '栏目条目题', basedOn: 'body', font: sansBold, size: '五号', leading: 13.5, align: 'left', firstLineIndent: 0, avoidSingleCharLastLine: false },
  { id: 'brief', name: '简讯正文', basedOn: 'body', firstLineIndent: 0 },
  { id: 'ad-label', name: '广告标签', font: sansBold, size: '一号', leading: 32, color: 'black', lang: 'zh-Hans', align: 'center' },
  { id: 'ad-note', name: '广告说明', font: sans, size: '小五', leading: 13.5, color: 'black', lang: 'zh-Hans', align: 'center' },
];

const doc = {
  format: 'broadsheet',
  version: 1,
  issue: {
    paper: '金山报',
    // The seed reports a meeting of 7月8日 as news: the paper of Friday 9 July 2021.
    date: '2021-07-09',
    // Placeholder: the seed does not show the issue number.
    number: 1,
    lang: 'zh-Hans',
    pageLabels: { style: 'ban', prefix: '' },
    numerals: 'arabic',
    jumps: { to: '（下转第{page}版）', from: '（上接第{page}版）', style: 'jump' },
    outputProfile: 'pdfx1a',
  },
  templates: [front.template, duikai.template],
  pages: [
    { id: 'p1', section: '要闻', template: 'zh-duikai-8-front' },
    { id: 'p2', section: '综合', template: 'zh-duikai-8' },
  ],
  frames,
  stories,
  articles,
  paragraphStyles: [...duikai.paragraphStyles, ...sampleStyles],
  characterStyles: duikai.characterStyles,
  swatches: duikai.swatches,
};

const out = path.join(root, 'samples/jinshan/jinshan.broadsheet');
// Validate through the real loader, then save in the canonical form.
const checked = loadDocument(JSON.stringify(doc), out);
writeFileSync(out, serializeDocument(checked));
console.log(`wrote ${path.relative(root, out)}: ${checked.frames.length} frames, ${checked.stories.length} stories, ${checked.articles.length} articles`);
