/**
 * A deterministic broadsheet issue for benchmarks and stress tests: `pages` pages on the
 * 对开 8-column template, each with about six articles (headline block, byline, body), two
 * images with captions (text wraps round them) and one jump: every page's lead story
 * continues on the next page. Texts, styles, swatches and templates come from the Jinshan
 * sample; a seeded PRNG picks them, so the same options always give the same document.
 *
 *   npx tsx scripts/generate-issue.ts [--pages 24] [--seed 1] [OUT.broadsheet]
 *
 * Image links point at the sample's images/ folder: write the output into samples/jinshan/
 * (or pass imagePrefix) for the pictures to resolve.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../engine/model';
import type { IssueDocument } from '../engine/model/types';
import { prng } from './prng';

/** Options of generateIssue. */
export interface GenerateOptions {
  pages: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** The document texts, styles and templates are taken from (default: the Jinshan sample). */
  source?: IssueDocument;
  /** Prefix of image links (default "images/", the sample's folder). */
  imagePrefix?: string;
}

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../samples/jinshan/jinshan.broadsheet');
const NAMES = ['项竹彦', '金玮', '张国萍', '李文', '王晓燕', '陈杰', '周敏', '刘洋'];
const SECTIONS = ['要闻', '综合', '经济', '社会', '文化', '民生', '专版', '体育'];


// The 对开 8-column grid: columns of 117 pt with 9 pt gutters from x 53.25; grid cells of
// 13.5 pt from y 82; a block of n grid lines is n pitches less the 4.5 pt line gap.
const colX = (c: number): number => 53.25 + c * 126;
const colsW = (n: number): number => n * 117 + (n - 1) * 9;
const lineY = (k: number): number => 82 + k * 13.5;
const linesH = (n: number): number => n * 13.5 - 4.5;

/** Generates the issue. Throws if the result is not a valid document (a bug in the generator). */
export function generateIssue(options: GenerateOptions): IssueDocument {
  const src = options.source ?? loadDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE);
  const rand = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const bodyParas = src.stories.flatMap((s) => s.paragraphs.filter((p) => p.style === 'body').map((p) => p.runs.map((r) => r.text).join('')));
  const titles = src.articles.flatMap((a) => (a.headline && a.body ? [a.headline.title.text] : []));
  const kickers = src.articles.flatMap((a) => (a.headline?.kicker ? [a.headline.kicker.text] : []));
  const imagePrefix = options.imagePrefix ?? 'images/';
  const images = ['resort-rendering.jpg', 'rongmei-1.jpg', 'rongmei-2.jpg'];
  const template = src.templates.find((t) => t.id === 'zh-duikai-8') ?? src.templates[0]!;

  /** About `chars` characters of body text, in whole paragraphs from the seed page. */
  const bodyText = (chars: number): { style: string; runs: { text: string }[] }[] => {
    const out: { style: string; runs: { text: string }[] }[] = [];
    let n = 0;
    let i = Math.floor(rand() * bodyParas.length);
    while (n < chars) {
      let t = bodyParas[i++ % bodyParas.length]!;
      if (n + t.length > chars + 40) t = t.slice(0, Math.max(20, chars - n)).replace(/[，、,；：]?$/, '。');
      out.push({ style: 'body', runs: [{ text: t }] });
      n += t.length;
    }
    return out;
  };

  const frames: Record<string, unknown>[] = [];
  const stories: Record<string, unknown>[] = [];
  const articles: Record<string, unknown>[] = [];
  const pages: Record<string, unknown>[] = [];
  let captionN = 0;

  /** One article: headline frame, text frames (chain), optional image with caption. */
  const article = (id: string, page: string, col: number, cols: number, line: number, lines: number, chars: number, opts: { image?: { col: number; cols: number; lines: number }; more?: string[]; title?: string } = {}): string => {
    // Room for a kicker and a two-line title in narrow articles, a kicker and one line in wide ones.
    const head = cols <= 4 ? 8 : 6;
    frames.push({ id: `${id}-head`, page, kind: 'headline', article: id, x: colX(col), y: lineY(line), width: colsW(cols), height: linesH(head), valign: 'center' });
    const bodyId = `${id}-body`;
    frames.push({ id: `${id}-text`, page, kind: 'text', article: id, x: colX(col), y: lineY(line + head), width: colsW(cols), height: linesH(lines - head), columns: cols, gutter: 9 });
    const imageIds: string[] = [];
    if (opts.image) {
      const im = opts.image;
      const capStory = `${id}-caption`;
      frames.push({
        id: `${id}-image`, page, kind: 'image', article: id, src: imagePrefix + images[captionN++ % images.length], x: colX(im.col), y: lineY(line + head), width: colsW(im.cols), height: linesH(im.lines),
        fit: 'fill', caption: { story: capStory, placement: 'below', gap: 4 }, credit: `记者 ${pick(NAMES)} 摄`, creditStyle: 'credit',
        wrap: { mode: 'box', offsets: { top: 0, right: 9, bottom: 9, left: 9 } },
      });
      stories.push({ id: capStory, frames: [], paragraphs: [{ style: 'caption', runs: [{ text: pick(kickers) + '（资料图）' }] }] });
      imageIds.push(`${id}-image`);
    }
    stories.push({ id: bodyId, frames: [`${id}-text`, ...(opts.more ?? [])], paragraphs: bodyText(chars) });
    articles.push({
      id, name: opts.title ?? pick(titles),
      headline: { ...(rand() < 0.5 ? { kicker: { text: pick(kickers), style: 'kicker' } } : {}), title: { text: opts.title ?? pick(titles), style: 'title-2' }, linesPerLine: 3 },
      byline: { pattern: '本报讯（记者 {names}）', names: [pick(NAMES)], placement: 'inline', style: 'byline' },
      body: bodyId, images: imageIds,
    });
    return bodyId;
  };

  for (let p = 1; p <= options.pages; p++) {
    const page = `p${p}`;
    pages.push({ id: page, section: SECTIONS[(p - 1) % SECTIONS.length], template: template.id });
    const last = p === options.pages;
    // The lead continues on the next page, in the continuation frame there (cols 5–7, lines 76–103).
    const cont = last ? [] : [`a${p + 1}-6-cont`];
    article(`a${p}-1`, page, 0, 5, 0, 40, last ? 1100 : 2000, { image: { col: 2, cols: 3, lines: 18 }, more: cont });
    article(`a${p}-2`, page, 5, 3, 0, 40, 1050);
    article(`a${p}-3`, page, 0, 4, 40, 32, 1050);
    article(`a${p}-4`, page, 4, 4, 40, 32, 600, { image: { col: 6, cols: 2, lines: 14 } });
    article(`a${p}-5`, page, 0, 5, 72, 32, 1300);
    if (p === 1) article(`a${p}-6`, page, 5, 3, 72, 32, 800);
    else frames.push({ id: `a${p}-6-cont`, page, kind: 'text', x: colX(5), y: lineY(76), width: colsW(3), height: linesH(28), columns: 3, gutter: 9 });
  }

  const input = {
    format: 'broadsheet',
    version: 1,
    issue: { ...src.issue, paper: src.issue.paper },
    templates: [template],
    pages,
    frames,
    stories,
    articles,
    paragraphStyles: src.paragraphStyles,
    characterStyles: src.characterStyles,
    swatches: src.swatches,
  };
  return loadDocument(JSON.stringify(input), `generated ${options.pages}-page issue`);
}

// Run as a script: write the document to a file or stdout.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const pages = Number(opt('--pages') ?? 24);
  const seed = Number(opt('--seed') ?? 1);
  if (!Number.isInteger(pages) || pages < 1 || !Number.isInteger(seed)) {
    console.error('usage: tsx scripts/generate-issue.ts [--pages N] [--seed S] [OUT.broadsheet]');
    process.exit(64);
  }
  const text = JSON.stringify(generateIssue({ pages, seed }), null, 2) + '\n';
  if (args[0]) writeFileSync(args[0], text);
  else process.stdout.write(text);
}
