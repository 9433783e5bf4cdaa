/**
 * Itemize: decide per character whether it is set as CJK or Western (quotes, dashes and
 * ellipses follow their neighbours), and pick its face along the fallback chain
 * (the span's face for its script → the span's other face → the host's fallback families).
 * A character no face has is marked missing: it is drawn as .notdef and reported.
 */
import type { Face } from '../fonts/face';
import type { FontBook } from '../fonts/font-book';
import type { ResolvedCharAttrs, StyledSpan } from '../style/types';
import { isCjkLang } from '../style/defaults';
import { baseClass, isAmbiguous, punctKind, type CharClass, type PunctKind } from './chars';

/** One code point after itemizing. */
export interface CharItem {
  /** [start, end) in the paragraph text (UTF-16). */
  start: number;
  end: number;
  cp: number;
  cls: CharClass;
  /** Set with CJK rules (Han, CJK punctuation, ambiguous marks in CJK context). */
  cjk: boolean;
  punct: PunctKind | undefined;
  face: Face;
  attrs: ResolvedCharAttrs;
  span: StyledSpan;
  missing: boolean;
}

/** Faces of the chain for one span and script, resolved once per compose. */
function chainFor(fonts: FontBook, attrs: ResolvedCharAttrs, cjk: boolean, fallback: readonly string[]): Face[] {
  const { weight, style } = attrs.font;
  const fams = cjk ? [attrs.font.cjk, attrs.font.latin, ...fallback] : [attrs.font.latin, attrs.font.cjk, ...fallback];
  const out: Face[] = [];
  for (const fam of fams) {
    const f = fonts.resolve(fam, weight, style);
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** Itemizes the paragraph; throws only when the font book has no face at all. */
export function itemize(text: string, spans: readonly StyledSpan[], fonts: FontBook, fallback: readonly string[], paraLang: string): CharItem[] {
  const cps: { start: number; end: number; cp: number; cls: CharClass; span: StyledSpan }[] = [];
  let si = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    while (si < spans.length - 1 && spans[si]!.end <= i) si++;
    cps.push({ start: i, end: i + len, cp, cls: baseClass(cp), span: spans[si]! });
    i += len;
  }
  const cjkPara = isCjkLang(paraLang);
  // Chains per attributes object and script (attrs objects are shared by every span of a style).
  const chains = new Map<ResolvedCharAttrs, [Face[] | undefined, Face[] | undefined]>();
  const out: CharItem[] = [];
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k]!;
    let cjk = c.cls === 'han' || c.cls === 'punct';
    if (isAmbiguous(c.cp)) cjk = ambiguousIsCjk(cps, k, cjkPara);
    const attrs = c.span.attrs;
    let pair = chains.get(attrs);
    if (!pair) {
      pair = [undefined, undefined];
      chains.set(attrs, pair);
    }
    let chain = pair[cjk ? 0 : 1];
    if (!chain) {
      chain = chainFor(fonts, attrs, cjk, fallback);
      if (chain.length === 0) {
        const any = fonts.faces()[0];
        if (!any) throw new Error('the font book is empty: no face to set text with');
        chain = [fonts.face(any.key)];
      }
      pair[cjk ? 0 : 1] = chain;
    }
    let face = chain.find((f) => f.hasChar(c.cp));
    const missing = face === undefined && c.cls !== 'space';
    face ??= chain[0]!;
    const cls: CharClass = c.cls === 'latin' && cjk ? 'punct' : c.cls;
    out.push({ start: c.start, end: c.end, cp: c.cp, cls, cjk, punct: cjk ? punctKind(c.cp) : undefined, face, attrs, span: c.span, missing });
  }
  return out;
}

/** Ambiguous marks follow the nearest decisive neighbour; CJK paragraphs default to CJK. */
function ambiguousIsCjk(cps: readonly { cp: number; cls: CharClass }[], k: number, cjkPara: boolean): boolean {
  const decisive = (j: number): boolean | undefined => {
    const c = cps[j]!;
    if (c.cls === 'space') return false;
    if (isAmbiguous(c.cp)) return undefined;
    return c.cls === 'han' || c.cls === 'punct';
  };
  let left: boolean | undefined;
  for (let j = k - 1; j >= 0 && left === undefined; j--) {
    left = decisive(j);
    if (cps[j]!.cls === 'space') break;
  }
  let right: boolean | undefined;
  for (let j = k + 1; j < cps.length && right === undefined; j++) {
    right = decisive(j);
    if (cps[j]!.cls === 'space') break;
  }
  if (left === true || right === true) return true;
  if (left === false || right === false) return false;
  return cjkPara;
}
