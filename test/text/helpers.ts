/** Shared test fixtures: a font book over the Debian Noto faces, styles, a compose shortcut. */
import { readFileSync, existsSync } from 'node:fs';
import { FontBook } from '../../engine/fonts';
import { defaultParagraphStyle } from '../../engine/style';
import type { ParagraphStyle } from '../../engine/model/types';
import { composeParagraph, type ComposedParagraph, type TextEnv } from '../../engine/text';

export const NOTO_SERIF_CJK = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
export const NOTO_SERIF = '/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf';

let book: FontBook | undefined;
/** One font book for all tests (fonts are costly to open). */
export function testFonts(): FontBook {
  if (!book) {
    book = new FontBook();
    for (const f of [NOTO_SERIF_CJK, NOTO_SERIF]) {
      if (existsSync(f)) book.addFont(new Uint8Array(readFileSync(f)), f);
    }
  }
  return book;
}

export function testEnv(): TextEnv {
  return { fonts: testFonts(), fallbackFamilies: ['Noto Serif CJK SC', 'Noto Serif'] };
}

/** Composes plain text with a default style for the language plus overrides. */
export function compose(text: string, width: number, lang = 'zh-Hans', overrides: Partial<ParagraphStyle> = {}, from?: number): ComposedParagraph {
  const style = defaultParagraphStyle(lang, overrides);
  const req = { text, spans: [{ start: 0, end: text.length, attrs: style.chars, offset: 0 }], style, width, ...(from === undefined ? {} : { from }) };
  return composeParagraph(req, testEnv());
}

/** The lines as their source text. */
export const lineTexts = (text: string, p: ComposedParagraph): string[] => p.lines.map((l) => text.slice(l.start, l.end));
