/**
 * The preflight rule list: one function per rule, each returning its findings. Used live by
 * the editor (on every layout) and by `broadsheet preflight` / `broadsheet export`.
 */
import type { DisplayItem, Paint } from '../display/types';
import type { IssueDocument } from '../model/types';
import type { ImageFacts, PreflightFinding, PreflightLayout, PreflightOptions, PreflightRule } from './types';

/** Everything a rule may read. */
export interface RuleContext {
  doc: IssueDocument;
  layout: PreflightLayout;
  images: ReadonlyMap<string, ImageFacts>;
  options: PreflightOptions;
  /** The 1-based page number a document frame is on (0 when unknown). */
  pageOfFrame(frame: string): number;
}

/** A rule: its name and its check. */
export interface Rule {
  rule: PreflightRule;
  check(ctx: RuleContext): PreflightFinding[];
}

const ink = (p: Paint): number => (p.spot ? 0 : (p.cmyk[0] + p.cmyk[1] + p.cmyk[2] + p.cmyk[3]) * (p.tint ?? 1));
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function* items(layout: PreflightLayout): Generator<{ page: number; item: DisplayItem }> {
  for (const p of layout.pages) for (const item of p.display.items) yield { page: p.number, item };
}

function storyLabel(doc: IssueDocument, id: string): string {
  const s = doc.stories.find((x) => x.id === id);
  return s?.name ? `“${s.name}” (${id})` : id;
}

const overset: Rule = {
  rule: 'overset',
  check({ doc, layout, pageOfFrame }) {
    return layout.stories
      .filter((s) => s.overset > 0)
      .map((s) => {
        const last = s.frames[s.frames.length - 1];
        return {
          rule: 'overset',
          severity: 'error',
          page: last ? pageOfFrame(last) : 0,
          ...(last ? { frame: last } : {}),
          story: s.id,
          message: `story ${storyLabel(doc, s.id)} is overset: ${s.overset} character${s.overset === 1 ? '' : 's'} do not fit its frames`,
        };
      });
  },
};

const missingGlyph: Rule = {
  rule: 'missing-glyph',
  check({ doc, layout, pageOfFrame }) {
    const byStory = new Map<string, Set<string>>();
    for (const m of layout.missing) {
      const key = m.story ?? '';
      const set = byStory.get(key) ?? new Set<string>();
      set.add(m.char);
      byStory.set(key, set);
    }
    return [...byStory].map(([story, chars]) => {
      const list = [...chars].map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      const frame = story ? doc.stories.find((s) => s.id === story)?.frames[0] : undefined;
      return {
        rule: 'missing-glyph',
        severity: 'error',
        page: frame ? pageOfFrame(frame) : 0,
        ...(frame ? { frame } : {}),
        ...(story ? { story } : {}),
        message: `no font has ${chars.size === 1 ? 'the character' : 'the characters'} ${list}${story ? ` in story ${storyLabel(doc, story)}` : ' (generated text)'}`,
      };
    });
  },
};

function imageRule(rule: PreflightRule, make: (ctx: RuleContext, item: Extract<DisplayItem, { type: 'image' }>, facts: ImageFacts | undefined, page: number) => PreflightFinding | undefined): Rule {
  return {
    rule,
    check(ctx) {
      const out: PreflightFinding[] = [];
      for (const { page, item } of items(ctx.layout)) {
        if (item.type !== 'image') continue;
        const f = make(ctx, item, ctx.images.get(item.src), page);
        if (f) out.push(f);
      }
      return out;
    },
  };
}

const imageMissing = imageRule('image-missing', (_ctx, item, facts, page) => {
  if (facts?.readable) return undefined;
  return { rule: 'image-missing', severity: 'error', page, frame: item.frame, message: facts ? `image ${item.src} cannot be used: ${facts.message}` : `image ${item.src} was not found` };
});

/** Effective resolution of an image as placed: pixels per inch of the placed size (the lower axis). */
export function effectivePpi(facts: { widthPx: number; heightPx: number }, placed: { width: number; height: number }): number {
  return Math.min(facts.widthPx / (placed.width / 72), facts.heightPx / (placed.height / 72));
}

const imageResolution = imageRule('image-resolution', ({ options }, item, facts, page) => {
  if (!facts?.readable) return undefined;
  const ppi = effectivePpi(facts, item);
  if (ppi >= options.warnPpi) return undefined;
  const severity = ppi < options.errorPpi ? 'error' : 'warning';
  const limit = severity === 'error' ? options.errorPpi : options.warnPpi;
  return { rule: 'image-resolution', severity, page, frame: item.frame, message: `image ${item.src} is ${Math.round(ppi)} ppi as placed (below ${limit} ppi)` };
});

const rgb = imageRule('rgb', ({ options }, item, facts, page) => {
  if (!facts?.readable || facts.colorSpace !== 'rgb' || options.profile !== 'pdfx1a') return undefined;
  return { rule: 'rgb', severity: 'warning', page, frame: item.frame, message: `image ${item.src} is RGB; PDF/X-1a allows only CMYK and grey, so the export converts it with the output profile` };
});

const transparency = imageRule('transparency', ({ options }, item, facts, page) => {
  if (!facts?.readable || !facts.hasAlpha || options.profile !== 'pdfx1a') return undefined;
  return { rule: 'transparency', severity: 'warning', page, frame: item.frame, message: `image ${item.src} has transparency; PDF/X-1a has none, so the export flattens it on white` };
});

function paintsOf(item: DisplayItem): Paint[] {
  if (item.type === 'glyphs' || item.type === 'line') return [item.paint];
  if (item.type === 'rect') return [item.fill, item.stroke].filter((p): p is Paint => p !== undefined);
  return [];
}

const inkCoverage: Rule = {
  rule: 'ink-coverage',
  check({ layout, images, options }) {
    const out: PreflightFinding[] = [];
    for (const { page, item } of items(layout)) {
      let total = 0;
      if (item.type === 'image') {
        const f = images.get(item.src);
        total = f?.readable && f.maxInk !== undefined ? f.maxInk : 0;
      } else for (const p of paintsOf(item)) total = Math.max(total, ink(p));
      if (total > options.inkLimit + 1e-9) {
        const what = item.type === 'glyphs' ? 'text' : item.type === 'image' ? `image ${item.src}` : item.type === 'line' ? 'a rule' : 'a box';
        out.push({ rule: 'ink-coverage', severity: 'error', page, ...(item.frame ? { frame: item.frame } : {}), ...storyOf(item), message: `${what} uses ${fmt(total)} % total ink (limit ${options.inkLimit} %)` });
      }
    }
    return out;
  },
};

function storyOf(item: DisplayItem): { story?: string } {
  return item.type === 'glyphs' && item.source.kind === 'story' ? { story: item.source.story } : {};
}

/** Text meant as black: no spot ink, K ≥ 90 %. */
function isBlackText(p: Paint): boolean {
  return !p.spot && p.cmyk[3] * (p.tint ?? 1) >= 90;
}

const blackText: Rule = {
  rule: 'black-text',
  check({ layout }) {
    const seen = new Set<string>();
    const out: PreflightFinding[] = [];
    for (const { page, item } of items(layout)) {
      if (item.type !== 'glyphs' || !isBlackText(item.paint) || item.glyphs.length === 0) continue;
      const [c, m, y, k] = item.paint.cmyk;
      const tint = item.paint.tint ?? 1;
      let problem = '';
      if (c + m + y > 0 || k * tint < 100) problem = `black text is C${fmt(c * tint)} M${fmt(m * tint)} Y${fmt(y * tint)} K${fmt(k * tint)}, not 100 % K (misregistration blurs it)`;
      else if (!item.overprint) problem = 'black text does not overprint (knock-outs show paper edges when plates shift)';
      if (!problem) continue;
      const key = `${page}|${item.frame ?? ''}|${problem}`;
      if (seen.has(key)) continue; // one finding per frame, not per line
      seen.add(key);
      out.push({ rule: 'black-text', severity: 'warning', page, ...(item.frame ? { frame: item.frame } : {}), ...storyOf(item), message: problem });
    }
    return out;
  },
};

const minTextSize: Rule = {
  rule: 'min-text-size',
  check({ layout, options }) {
    const seen = new Set<string>();
    const out: PreflightFinding[] = [];
    for (const { page, item } of items(layout)) {
      if (item.type !== 'glyphs' || item.size >= options.minTextSize || item.glyphs.length === 0) continue;
      const key = `${page}|${item.frame ?? ''}|${item.size}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ rule: 'min-text-size', severity: 'warning', page, ...(item.frame ? { frame: item.frame } : {}), ...storyOf(item), message: `text set at ${fmt(item.size)} pt, below the ${options.minTextSize} pt minimum` });
    }
    return out;
  },
};

/** The painted extent of an item (approximate for text: baseline box of its glyphs). */
export function itemBounds(item: DisplayItem): { x1: number; y1: number; x2: number; y2: number } {
  switch (item.type) {
    case 'image':
      return { x1: item.clip.x, y1: item.clip.y, x2: item.clip.x + item.clip.width, y2: item.clip.y + item.clip.height };
    case 'rect': {
      const s = item.stroke ? item.strokeWidth / 2 : 0;
      return { x1: item.x - s, y1: item.y - s, x2: item.x + item.width + s, y2: item.y + item.height + s };
    }
    case 'line': {
      const s = item.width / 2;
      return { x1: Math.min(item.x1, item.x2) - s, y1: Math.min(item.y1, item.y2) - s, x2: Math.max(item.x1, item.x2) + s, y2: Math.max(item.y1, item.y2) + s };
    }
    case 'glyphs': {
      let x1 = Infinity;
      let x2 = -Infinity;
      for (const g of item.glyphs) {
        x1 = Math.min(x1, item.x + g.x);
        x2 = Math.max(x2, item.x + g.x + g.advance);
      }
      return { x1, y1: item.y - item.size * 0.88, x2, y2: item.y + item.size * 0.12 };
    }
  }
}

const outsideBleed: Rule = {
  rule: 'outside-bleed',
  check({ layout, options }) {
    const out: PreflightFinding[] = [];
    for (const p of layout.pages) {
      const b = options.bleed ?? p.display.bleed;
      const eps = 0.01;
      for (const item of p.display.items) {
        if (item.type === 'glyphs' && item.glyphs.length === 0) continue;
        const r = itemBounds(item);
        if (r.x1 >= -b - eps && r.y1 >= -b - eps && r.x2 <= p.display.width + b + eps && r.y2 <= p.display.height + b + eps) continue;
        const what = item.type === 'glyphs' ? 'text' : item.type === 'image' ? `image ${item.src}` : item.type === 'line' ? 'a rule' : 'a box';
        out.push({ rule: 'outside-bleed', severity: 'warning', page: p.number, ...(item.frame ? { frame: item.frame } : {}), ...storyOf(item), message: `${what} reaches beyond the ${fmt(b)} pt bleed and will be cut off` });
      }
    }
    return out;
  },
};

const emptyFrame: Rule = {
  rule: 'empty-frame',
  check({ doc, layout, pageOfFrame }) {
    const threaded = new Set(doc.stories.flatMap((s) => s.frames as string[]));
    const out: PreflightFinding[] = [];
    for (const f of doc.frames) {
      if (f.kind === 'text' && !threaded.has(f.id)) {
        out.push({ rule: 'empty-frame', severity: 'warning', page: pageOfFrame(f.id), frame: f.id, message: `text frame ${f.id} holds no story` });
      }
    }
    for (const p of layout.pages) {
      for (const f of p.frames) {
        if (f.kind !== 'text' || f.role !== 'frame' || !f.story || f.lines.length > 0) continue;
        out.push({ rule: 'empty-frame', severity: 'warning', page: p.number, frame: f.source ?? f.id, story: f.story, message: `text frame ${f.source ?? f.id} of story ${storyLabel(doc, f.story)} is empty (the story ends before it)` });
      }
    }
    return out;
  },
};

const jumpUnresolved: Rule = {
  rule: 'jump-unresolved',
  check({ layout }) {
    const n = layout.pages.length;
    return layout.jumps
      .filter((j) => !Number.isInteger(j.target) || j.target < 1 || j.target > n || j.target === j.page)
      .map((j) => ({
        rule: 'jump-unresolved' as const,
        severity: 'error' as const,
        page: j.page,
        frame: j.frame,
        story: j.story,
        message: `jump line (${j.kind === 'to' ? 'continued on' : 'continued from'}) points to page ${j.target}, which ${j.target === j.page ? 'is its own page' : 'is not in this issue'}`,
      }));
  },
};

/** Every rule, in the order findings are listed. */
export const RULES: readonly Rule[] = [overset, missingGlyph, imageMissing, imageResolution, rgb, transparency, inkCoverage, blackText, minTextSize, outsideBleed, emptyFrame, jumpUnresolved];

