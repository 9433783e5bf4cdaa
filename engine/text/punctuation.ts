/**
 * Punctuation width adjustment (标点挤压), clreq §3.1.6 – done by the composer, mark by mark,
 * not with the font's `halt` feature (which halves every mark). The font is only asked where
 * each full-width mark's blank lies (Face.punctBlanks, read from its `halt` positioning, so
 * mainland 。，、：； with the blank on the right, brackets with the blank outside); without
 * `halt` a table by kind is used.
 *
 * Presets (names from xeCJK/zhpunc):
 * - quanjiao 全角: every mark keeps its full em; only context compresses.
 * - kaiming 开明: 。．！？ keep the full em; other marks are set half-width.
 * - banjiao 半角: every mark is half-width.
 * Context (all presets): of two adjacent marks with blanks facing each other, one blank goes
 * (2 em → 1.5 em); line-end and line-start blanks are trimmed by the breaker (edges.ts).
 */
import type { PunctuationPreset } from '../model/types';
import type { PunctKind } from './chars';
import type { Unit } from './shape';

const ADJUSTABLE = new Set<PunctKind>(['open', 'close', 'pause', 'stop', 'middle']);

/** Where the blank of a full-width mark lies when the font does not say (mainland positions). */
function tableBlanks(kind: PunctKind, em: number): { left: number; right: number } {
  if (kind === 'open') return { left: em / 2, right: 0 };
  if (kind === 'middle') return { left: em / 4, right: em / 4 };
  return { left: 0, right: em / 2 };
}

/** Sets each mark's blanks from the font, then applies the preset and adjacent compression. */
export function adjustPunctuation(units: Unit[], preset: PunctuationPreset): void {
  for (const u of units) {
    if (!u.cjk || !u.punct || !ADJUSTABLE.has(u.punct) || u.glyphs.length !== 1) continue;
    const em = u.size;
    const glyphAdvance = u.glyphs[0]!.advance;
    // Only full-width marks have blanks to give (a proportional Latin comma has none).
    if (Math.abs(glyphAdvance - em) > em * 0.03) continue;
    const fb = u.face.punctBlanks(u.cp);
    const scale = u.size / u.face.unitsPerEm;
    const b = fb ? { left: fb.left * scale, right: fb.right * scale } : tableBlanks(u.punct, em);
    u.leftBlank = b.left;
    u.rightBlank = b.right;
    const keepFull = preset === 'quanjiao' || (preset === 'kaiming' && u.punct === 'stop');
    if (!keepFull) {
      u.removedLeft += u.leftBlank;
      u.removedRight += u.rightBlank;
      u.leftBlank = 0;
      u.rightBlank = 0;
    }
  }
  for (let i = 1; i < units.length; i++) {
    const a = units[i - 1]!;
    const b = units[i]!;
    if (!a.punct || !b.punct) continue;
    if (a.rightBlank > 0 && (b.leftBlank > 0 || b.punct === 'close' || b.punct === 'pause' || b.punct === 'stop')) {
      // 。」 ）（ ，“ : the first mark's trailing blank goes.
      a.compressed += a.rightBlank;
      a.removedRight += a.rightBlank;
      a.rightBlank = 0;
    } else if (a.leftBlank > 0 && a.rightBlank === 0 && b.leftBlank > 0 && a.punct === 'open') {
      // （「 : the second opening mark's leading blank goes.
      b.compressed += b.leftBlank;
      b.removedLeft += b.leftBlank;
      b.leftBlank = 0;
    }
  }
}

/** Natural width of a unit in the line (advance less removed blanks). */
export function unitWidth(u: Unit): number {
  return u.advance - u.removedLeft - u.removedRight;
}

/** The shrink class of a mark's remaining blanks, in clreq's shrink order (lower goes first). */
export function punctShrinkClass(kind: PunctKind | undefined): ShrinkClass | undefined {
  switch (kind) {
    case 'middle':
      return 1;
    case 'open':
    case 'close':
      return 2;
    case 'pause':
      return 3;
    case 'stop':
      return 5;
    default:
      return undefined;
  }
}

/**
 * Shrink classes in clreq order: 0 Western spaces (to ¼ em), 1 interpunct sides, 2 brackets,
 * 3 ，、；： , 4 the Han–Western gap (to ⅛ em), 5 。？！ (to ½ em). Line-end marks are
 * trimmed before any of these (edges.ts).
 */
export type ShrinkClass = 0 | 1 | 2 | 3 | 4 | 5;
export const SHRINK_CLASSES = 6;
