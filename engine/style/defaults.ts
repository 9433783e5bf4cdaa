/**
 * Language defaults for paragraph styles. Chinese follows clreq and mainland newspaper
 * practice; everything else gets Western book/newspaper defaults. See engine/text/README.md.
 */
import type { Alignment, BreakRules, PunctuationPreset } from '../model/types';

/** Default families: the bundled faces (fonts/fonts.json). Missing ones fall back in the composer. */
export const DEFAULT_FAMILIES = {
  cjkSerif: 'Noto Serif CJK SC',
  cjkSans: 'Noto Sans CJK SC',
  latinSerif: 'Noto Serif',
  latinSans: 'Noto Sans',
} as const;

/** The defaults one language gets when a style leaves a field unset. */
export interface LanguageDefaults {
  cjkFamily: string;
  latinFamily: string;
  size: number;
  /** Leading as a multiple of the size. */
  leadingFactor: number;
  align: Alignment;
  firstLineIndent: number;
  rules: BreakRules;
  punctuation: PunctuationPreset;
  hanLatinSpacing: number;
  hyphenate: boolean;
  avoidSingleCharLastLine: boolean;
  features: Record<string, boolean>;
}

/** Whether a language tag is set with CJK composition rules. */
export function isCjkLang(lang: string): boolean {
  return /^(zh|ja|ko|yue|lzh|wuu)(-|$)/i.test(lang);
}

/** Traditional Chinese (Taiwan, Hong Kong, Macao, Hant). */
function isTraditional(lang: string): boolean {
  return /^zh-(Hant|TW|HK|MO)/i.test(lang) || /-Hant/i.test(lang);
}

/**
 * Defaults per language.
 * - Chinese (mainland): 新五号 9 pt on 1.5× leading; justified; 2 em indent (clreq §1.5);
 *   GB prohibition rules (GB/T 15834 via clreq); 全角 punctuation (every mark takes a full
 *   grid cell, as newspaper body text on a character grid does) with clreq's contextual
 *   compression (adjacent marks, line end half-width); ¼ em Han–Latin gap; no one-character
 *   last lines.
 * - Traditional Chinese: basic rules (clreq: TW/HK practice is looser), same otherwise.
 * - Latin: 9 pt on 1.2×, justified with hyphenation, 1 em indent.
 */
export function languageDefaults(lang: string): LanguageDefaults {
  if (isCjkLang(lang)) {
    return {
      cjkFamily: DEFAULT_FAMILIES.cjkSerif,
      latinFamily: DEFAULT_FAMILIES.latinSerif,
      size: 9,
      leadingFactor: 1.5,
      align: 'justify',
      firstLineIndent: 2,
      rules: isTraditional(lang) ? 'basic' : 'gb',
      punctuation: 'quanjiao',
      hanLatinSpacing: 0.25,
      hyphenate: false,
      avoidSingleCharLastLine: true,
      features: { kern: true, locl: true, liga: false },
    };
  }
  return {
    cjkFamily: DEFAULT_FAMILIES.cjkSerif,
    latinFamily: DEFAULT_FAMILIES.latinSerif,
    size: 9,
    leadingFactor: 1.2,
    align: 'justify',
    firstLineIndent: 1,
    rules: 'basic',
    punctuation: 'quanjiao',
    hanLatinSpacing: 0.25,
    hyphenate: true,
    avoidSingleCharLastLine: false,
    features: { kern: true, liga: true, locl: true },
  };
}
