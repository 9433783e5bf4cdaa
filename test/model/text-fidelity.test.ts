/**
 * Text fidelity of the sample: every non-white-space character of the seed front page is in
 * the sample's stories, headline parts and bylines, and nothing else is, except the jump line
 * "(下转第2版)" (which the engine generates from issue.jumps) and the material that is
 * clearly not seed text (the masthead's paper name, the advert placeholders).
 */
import { describe, expect, it } from 'vitest';
import { loadDocument, type Article, type IssueDocument } from '../../engine/model';
import { readRepo, SAMPLE, SEED } from './helpers';

const doc: IssueDocument = loadDocument(readRepo(SAMPLE), SAMPLE);
const seed = readRepo(SEED);
const JUMP = '(下转第2版)';
/** Records that are the sample's own, not the seed's: the masthead name and the advert placeholders. */
const NOT_SEED = new Set(['masthead', 'ad-p1', 'ad-p2']);

const strip = (s: string) => s.replace(/\s+/gu, '');

/** Expands an article's byline pattern, e.g. 本报讯(记者 {names}) → 本报讯(记者 项竹彦). */
const expandByline = (a: Article) => a.byline!.pattern.replace('{names}', a.byline!.names.join(' '));

/** The sample's text pieces, each a paragraph or headline part, in document order per record. */
function pieces(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const inlineByline = new Map<string, string>();
  for (const a of doc.articles) {
    if (NOT_SEED.has(a.id)) continue;
    const h = a.headline;
    if (h) for (const part of ['kicker', 'title', 'subhead', 'deck'] as const) if (h[part]) out.push({ where: `${a.id}.${part}`, text: h[part].text });
    if (a.byline && a.body) {
      if (a.byline.placement === 'inline') inlineByline.set(a.body, expandByline(a));
      else out.push({ where: `${a.id}.byline`, text: expandByline(a) });
    }
  }
  for (const s of doc.stories) {
    if (NOT_SEED.has(s.id)) continue;
    s.paragraphs.forEach((p, i) => {
      const t = p.runs.map((r) => r.text).join('');
      out.push({ where: `${s.id}[${i}]`, text: i === 0 && inlineByline.has(s.id) ? inlineByline.get(s.id)! + t : t });
    });
  }
  return out;
}

function count(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of s) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

describe('text fidelity of the sample', () => {
  it('has the seed jump line exactly once, and only there', () => {
    expect(seed.split(JUMP).length).toBe(2);
  });

  it('holds exactly the characters of the seed (as a multiset), less the generated jump line', () => {
    const expected = count(strip(seed).replace(JUMP, ''));
    const actual = count(strip(pieces().map((p) => p.text).join('')));
    const diff: Record<string, number> = {};
    for (const ch of new Set([...expected.keys(), ...actual.keys()])) {
      const d = (actual.get(ch) ?? 0) - (expected.get(ch) ?? 0);
      if (d !== 0) diff[ch] = d;
    }
    expect(diff).toEqual({});
  });

  it('keeps every paragraph as a run of the seed text, in seed order within each story', () => {
    const caption = '金山滨海国际文化旅游度假区效果图';
    // The extraction put the photo caption inside a paragraph; without it the paragraph is contiguous.
    const clean = strip(seed).replace(JUMP, '').replace(caption, '');
    let lastStory = '';
    let lastPos = -1;
    for (const p of pieces()) {
      const t = strip(p.text);
      const hay = p.text === caption ? strip(seed) : clean;
      const pos = hay.indexOf(t);
      expect(pos, `${p.where} "${p.text.slice(0, 16)}…" is not in the seed`).toBeGreaterThanOrEqual(0);
      const story = p.where.split('[')[0]!;
      if (p.where.includes('[') && story === lastStory) expect(pos, `${p.where} is out of seed order`).toBeGreaterThan(lastPos);
      lastStory = story;
      lastPos = pos;
    }
  });

  it('keeps the seed’s ASCII punctuation as it is', () => {
    const all = pieces().map((p) => p.text).join('');
    for (const ch of [',', '(', ')', ';', ':']) expect(all.split(ch).length - 1, ch).toBe(seed.split(ch).length - 1 - (JUMP.includes(ch) ? 1 : 0));
  });

  it('detects a lost character', () => {
    const lead = doc.stories.find((s) => s.id === 'lead-body')!;
    const original = lead.paragraphs[0]!.runs[0]!.text;
    try {
      lead.paragraphs[0]!.runs[0]!.text = original.slice(1);
      const a = count(strip(pieces().map((p) => p.text).join('')));
      const e = count(strip(seed).replace(JUMP, ''));
      expect(a.get(original[0]!)).toBe((e.get(original[0]!) ?? 0) - 1);
    } finally {
      lead.paragraphs[0]!.runs[0]!.text = original;
    }
  });
});
