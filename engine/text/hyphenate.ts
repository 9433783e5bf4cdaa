// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the shims must reach every project that imports the composer
/// <reference path="./shims.d.ts" />
/**
 * Hyphenation points for Western words, from the `hyphen` package's Liang patterns.
 * en-us and en-gb are built in; other languages can be registered by the host.
 */
import enUs from 'hyphen/en-us/index.js';
import enGb from 'hyphen/en-gb/index.js';

/** Returns the word with U+00AD at each allowed hyphenation point. */
export type Hyphenator = (word: string) => string;

const registry = new Map<string, Hyphenator>([
  ['en', (w) => enUs.hyphenateSync(w, { hyphenChar: '\u00ad' })],
  ['en-us', (w) => enUs.hyphenateSync(w, { hyphenChar: '\u00ad' })],
  ['en-gb', (w) => enGb.hyphenateSync(w, { hyphenChar: '\u00ad' })],
]);

/** Adds (or replaces) the hyphenator for a language tag (lower-case, e.g. "de"). */
export function registerHyphenator(lang: string, fn: Hyphenator): void {
  registry.set(lang.toLowerCase(), fn);
  cache.clear();
}

/** The hyphenator for a tag: exact, then the primary language; undefined if none. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const l = lang.toLowerCase();
  return registry.get(l) ?? registry.get(l.split('-')[0]!);
}

const cache = new Map<string, number[]>();
/** Minimum characters kept before and after a hyphen (Western book practice: 2 and 3). */
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;

/**
 * Offsets inside `word` (UTF-16) where it may be hyphenated, ascending. Cached per
 * language and word. Words shorter than 5 letters are never hyphenated.
 */
export function hyphenationPoints(word: string, lang: string): number[] {
  if (word.length < LEFT_MIN + RIGHT_MIN) return [];
  const key = `${lang}\u0000${word}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fn = hyphenatorFor(lang);
  const out: number[] = [];
  if (fn) {
    const h = fn(word);
    let pos = 0;
    for (const ch of h) {
      if (ch === '\u00ad') {
        if (pos >= LEFT_MIN && word.length - pos >= RIGHT_MIN) out.push(pos);
      } else pos += ch.length;
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, out);
  return out;
}
