/**
 * Shape: turn itemized characters into units (the composer's atoms) with glyphs and
 * advances in pt. Han and CJK punctuation are shaped one character at a time (cached per
 * face by code point: they need no context beyond `locl`); Western text is shaped one word
 * at a time (cached per face, features and word) and split into clusters, so a ligature is
 * one unit. Every fontkit call goes through the face's cache.
 */
import { featureKey } from '../fonts/face';
import type { Face } from '../fonts/face';
import type { ResolvedCharAttrs, StyledSpan } from '../style/types';
import type { CharClass, PunctKind } from './chars';
import type { CharItem } from './itemize';

/** One glyph of a unit, in pt, relative to the unit's pen position. */
export interface UnitGlyph {
  id: number;
  advance: number;
  dx: number;
  dy: number;
  /** Source text of the glyph ('' for later glyphs of a cluster). */
  text: string;
  /** Offset of that text in the paragraph text. */
  at: number;
}

/** An atom of composition: one CJK character, one Western cluster, or one space. */
export interface Unit {
  start: number;
  end: number;
  cp: number;
  cls: CharClass;
  cjk: boolean;
  punct: PunctKind | undefined;
  face: Face;
  attrs: ResolvedCharAttrs;
  span: StyledSpan;
  size: number;
  glyphs: UnitGlyph[];
  /** Natural advance including tracking, pt. */
  advance: number;
  /** Blank inside the em box still present, pt (set by punctuation.ts). */
  leftBlank: number;
  rightBlank: number;
  /** Blank already removed (preset, adjacent punctuation), pt: the glyph shifts left by removedLeft. */
  removedLeft: number;
  removedRight: number;
  /** Blank removed by adjacent-punctuation compression (restorable on a grid line), pt. */
  compressed: number;
  missing: boolean;
}

const fkeys = new WeakMap<object, string>();
function fkeyOf(features: Readonly<Record<string, boolean>>): string {
  let k = fkeys.get(features);
  if (k === undefined) {
    k = featureKey(features);
    fkeys.set(features, k);
  }
  return k;
}

/** OpenType language system tag for a BCP 47 tag (CJK only; Latin uses the default). */
export function otLanguage(lang: string): string | undefined {
  if (otCache.has(lang)) return otCache.get(lang);
  const v = otLanguageOf(lang);
  otCache.set(lang, v);
  return v;
}
const otCache = new Map<string, string | undefined>();

function otLanguageOf(lang: string): string | undefined {
  const l = lang.toLowerCase();
  if (l.startsWith('zh')) {
    if (/-(hant|tw|mo)/.test(l)) return 'ZHT ';
    if (/-hk/.test(l)) return 'ZHH ';
    return 'ZHS ';
  }
  if (l.startsWith('ja')) return 'JAN ';
  if (l.startsWith('ko')) return 'KOR ';
  return undefined;
}

/** Zero-width format characters (ZWSP, ZWJ, soft hyphen…): units without glyphs. */
const isFormat = (cp: number): boolean => cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff;

function makeUnit(c: CharItem, end: number, glyphs: UnitGlyph[], advance: number): Unit {
  return {
    start: c.start,
    end,
    cp: c.cp,
    cls: c.cls,
    cjk: c.cjk,
    punct: c.punct,
    face: c.face,
    attrs: c.attrs,
    span: c.span,
    size: c.attrs.size,
    glyphs,
    advance,
    leftBlank: 0,
    rightBlank: 0,
    removedLeft: 0,
    removedRight: 0,
    compressed: 0,
    missing: c.missing,
  };
}

/** Shapes itemized characters into units. */
export function shapeUnits(text: string, items: readonly CharItem[]): Unit[] {
  const units: Unit[] = [];
  let k = 0;
  while (k < items.length) {
    const c = items[k]!;
    const scale = c.attrs.size / c.face.unitsPerEm;
    const track = (c.attrs.tracking * c.attrs.size) / 1000;
    if (isFormat(c.cp)) {
      units.push(makeUnit(c, c.end, [], 0));
      k++;
    } else if (c.cjk || c.cls === 'space') {
      const ch = c.end - c.start === 1 ? text[c.start]! : text.slice(c.start, c.end);
      const shaped = c.face.shapeChar(c.cls === 'space' ? 0x20 : c.cp, fkeyOf(c.attrs.features), c.attrs.features, c.cjk ? 'hani' : 'latn', (c.cjk ? otLanguage(c.attrs.lang) : undefined) ?? '');
      const glyphs: UnitGlyph[] = [];
      let adv = 0;
      for (const g of shaped) {
        glyphs.push({ id: g.id, advance: g.advance * scale, dx: g.xOffset * scale, dy: g.yOffset * scale, text: glyphs.length === 0 ? ch : '', at: c.start });
        adv += g.advance * scale;
      }
      if (glyphs.length > 0) {
        glyphs[glyphs.length - 1]!.advance += track;
        adv += track;
      }
      units.push(makeUnit(c, c.end, glyphs, adv));
      k++;
    } else {
      // A Western word: same face and attributes, no spaces, no CJK, no format characters.
      let e = k + 1;
      while (e < items.length) {
        const d = items[e]!;
        if (d.cjk || d.cls === 'space' || isFormat(d.cp) || d.face !== c.face || d.attrs !== c.attrs) break;
        e++;
      }
      const wStart = c.start;
      const wEnd = items[e - 1]!.end;
      const word = text.slice(wStart, wEnd);
      const shaped = c.face.shapeKeyed(word, fkeyOf(c.attrs.features), c.attrs.features, 'latn', '');
      // Walk glyphs, grouping them into clusters by the characters they start.
      let pos = wStart;
      let idx = k;
      let gi = 0;
      while (gi < shaped.length) {
        const first = shaped[gi]!;
        const clusterStart = pos;
        let chars = first.chars;
        const glyphs: UnitGlyph[] = [];
        let adv = 0;
        do {
          const g = shaped[gi]!;
          const gText = g.chars > 0 ? text.slice(pos, pos + g.chars) : '';
          glyphs.push({ id: g.id, advance: g.advance * scale, dx: g.xOffset * scale, dy: g.yOffset * scale, text: gText, at: pos });
          adv += g.advance * scale;
          pos += g.chars;
          gi++;
          if (gi < shaped.length && shaped[gi]!.chars > 0) break;
        } while (gi < shaped.length);
        chars = pos - clusterStart;
        if (chars === 0) {
          // Glyphs with no characters before any character (unusual): attach to the next cluster.
          continue;
        }
        // Track once per cluster (letter-spacing between clusters).
        glyphs[glyphs.length - 1]!.advance += track;
        adv += track;
        const u = makeUnit(items[idx]!, pos, glyphs, adv);
        units.push(u);
        while (idx < e && items[idx]!.start < pos) {
          if (items[idx]!.missing) u.missing = true;
          idx++;
        }
      }
      if (pos < wEnd) {
        // Defensive: characters fontkit reported no glyph for become an empty unit.
        units.push(makeUnit(items[idx] ?? c, wEnd, [], 0));
      }
      k = e;
    }
  }
  return units;
}
