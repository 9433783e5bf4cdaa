/**
 * Style resolution: a paragraph style's basedOn chain is merged (nearest wins), then the
 * language defaults fill what is left. Character styles merge over the paragraph's attributes.
 * Results are cached per style id; a StyleSheet is built once per document version.
 */
import type { SwatchId } from '../model/ids';
import type { CharacterStyle, Cmyk, IssueDocument, Paragraph, ParagraphStyle, Swatch } from '../model/types';
import { languageDefaults } from './defaults';
import type { ResolvedCharAttrs, ResolvedParagraphStyle, StyledSpan } from './types';

/** The styles of one document, resolved on demand. */
export interface StyleSheet {
  /** The resolved paragraph style; unknown ids resolve to the language default style. */
  paragraph(id: string): ResolvedParagraphStyle;
  /** The spans of a paragraph: one per run (adjacent runs with the same style merged). */
  spans(paragraph: Paragraph, storyOffset: number): StyledSpan[];
  /** Character attributes of a character style applied over a paragraph style. */
  charAttrs(paragraphStyle: string, characterStyle?: string): ResolvedCharAttrs;
}

/** What resolution needs: the style records, swatches and the document language. */
export interface StyleSources {
  lang: string;
  paragraphStyles: readonly ParagraphStyle[];
  characterStyles?: readonly CharacterStyle[];
  swatches?: readonly Swatch[];
}

const BLACK: Cmyk = [0, 0, 0, 100];

/** Resolves the styles of an issue document. */
export function resolveStyles(doc: IssueDocument): StyleSheet {
  return resolveStyleSources({
    lang: doc.issue.lang,
    paragraphStyles: doc.paragraphStyles,
    characterStyles: doc.characterStyles,
    swatches: doc.swatches,
  });
}

type Partial2<T> = { -readonly [K in keyof T]?: T[K] };

/** Merges a basedOn chain, nearest style last-wins; cycles and unknown ids stop the chain. */
function chain<T extends { id: string; basedOn?: string | undefined }>(byId: Map<string, T>, id: string): Partial2<T> {
  const seen = new Set<string>();
  const list: T[] = [];
  let cur = byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    list.unshift(cur);
    cur = cur.basedOn ? byId.get(cur.basedOn) : undefined;
  }
  const out: Partial2<T> = {};
  for (const s of list) {
    for (const [k, v] of Object.entries(s)) {
      if (v === undefined) continue;
      const o = out as Record<string, unknown>;
      // Objects (font, features) merge key by key so a child can change only the weight.
      if ((k === 'features' || k === 'font') && o[k]) o[k] = { ...(o[k] as object), ...(v as unknown as object) };
      else o[k] = v;
    }
  }
  return out;
}

/** Resolves styles from loose sources (the CLI's built-in sets, template files). */
export function resolveStyleSources(src: StyleSources): StyleSheet {
  const pById = new Map(src.paragraphStyles.map((s) => [s.id as string, s]));
  const cById = new Map((src.characterStyles ?? []).map((s) => [s.id as string, s]));
  const swatches = new Map((src.swatches ?? []).map((s) => [s.id as string, s]));
  const pCache = new Map<string, ResolvedParagraphStyle>();
  const cCache = new Map<string, ResolvedCharAttrs>();

  function colour(id: SwatchId | undefined): Cmyk {
    if (id === undefined) return BLACK;
    const sw = swatches.get(id);
    return sw ? ([...sw.cmyk] as Cmyk) : BLACK;
  }

  function paragraph(id: string): ResolvedParagraphStyle {
    const hit = pCache.get(id);
    if (hit) return hit;
    const p = chain(pById, id);
    const lang = p.lang ?? src.lang;
    const d = languageDefaults(lang);
    const size = p.size ?? d.size;
    const cmyk = colour(p.color);
    const chars: ResolvedCharAttrs = {
      font: {
        cjk: p.font?.cjk ?? d.cjkFamily,
        latin: p.font?.latin ?? d.latinFamily,
        weight: p.font?.weight ?? 400,
        style: p.font?.style ?? 'normal',
      },
      size,
      tracking: p.tracking ?? 0,
      color: p.color,
      cmyk,
      overprint: p.overprint ?? isSolidBlack(cmyk),
      features: { ...d.features, ...(p.features ?? {}) },
      lang,
      baselineShift: p.baselineShift ?? 0,
    };
    const r: ResolvedParagraphStyle = {
      id,
      name: p.name ?? id,
      chars,
      lang,
      leading: p.leading ?? round2(size * d.leadingFactor),
      align: p.align ?? d.align,
      firstLineIndent: p.firstLineIndent ?? d.firstLineIndent,
      leftIndent: p.leftIndent ?? 0,
      rightIndent: p.rightIndent ?? 0,
      spaceBefore: p.spaceBefore ?? 0,
      spaceAfter: p.spaceAfter ?? 0,
      rules: p.rules ?? d.rules,
      punctuation: p.punctuation ?? d.punctuation,
      hanLatinSpacing: p.hanLatinSpacing ?? d.hanLatinSpacing,
      hyphenate: p.hyphenate ?? d.hyphenate,
      breaking: p.breaking ?? 'total-fit',
      keepWithNext: p.keepWithNext ?? false,
      keepTogether: p.keepTogether ?? false,
      orphans: p.orphans ?? 2,
      widows: p.widows ?? 2,
      avoidSingleCharLastLine: p.avoidSingleCharLastLine ?? d.avoidSingleCharLastLine,
      gridAlign: p.gridAlign ?? false,
      dropCap: p.dropCap ? { lines: p.dropCap.lines, chars: p.dropCap.chars } : undefined,
    };
    pCache.set(id, r);
    return r;
  }

  function charAttrs(pid: string, cid?: string): ResolvedCharAttrs {
    const base = paragraph(pid).chars;
    if (!cid) return base;
    const key = `${pid}\u0000${cid}`;
    const hit = cCache.get(key);
    if (hit) return hit;
    const c = chain(cById, cid);
    const cmyk = c.color !== undefined ? colour(c.color) : base.cmyk;
    const r: ResolvedCharAttrs = {
      font: {
        cjk: c.font?.cjk ?? base.font.cjk,
        latin: c.font?.latin ?? base.font.latin,
        weight: c.font?.weight ?? base.font.weight,
        style: c.font?.style ?? base.font.style,
      },
      size: c.size ?? base.size,
      tracking: c.tracking ?? base.tracking,
      color: c.color ?? base.color,
      cmyk,
      overprint: c.overprint ?? (c.color !== undefined ? isSolidBlack(cmyk) : base.overprint),
      features: { ...base.features, ...(c.features ?? {}) },
      lang: c.lang ?? base.lang,
      baselineShift: c.baselineShift ?? base.baselineShift,
    };
    cCache.set(key, r);
    return r;
  }

  function spans(para: Paragraph, storyOffset: number): StyledSpan[] {
    const out: StyledSpan[] = [];
    let pos = 0;
    let prevStyle: string | undefined | null = null;
    for (const run of para.runs) {
      if (run.text.length === 0) continue;
      const last = out[out.length - 1];
      if (last && prevStyle === run.style) {
        last.end += run.text.length;
      } else {
        out.push({ start: pos, end: pos + run.text.length, attrs: charAttrs(para.style, run.style), offset: storyOffset + pos });
      }
      prevStyle = run.style;
      pos += run.text.length;
    }
    return out;
  }

  return { paragraph, spans, charAttrs };
}

/** 100 % K with no other ink: overprints by newspaper default (no knock-out halos). */
export function isSolidBlack(c: Cmyk): boolean {
  return c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 100;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The default paragraph style for a language (what a blank document or the CLI starts from). */
export function defaultParagraphStyle(lang: string, overrides: Partial<ParagraphStyle> = {}): ResolvedParagraphStyle {
  const style = { id: 'body', name: 'Body', ...overrides } as ParagraphStyle;
  return resolveStyleSources({ lang, paragraphStyles: [style] }).paragraph(style.id);
}
