/**
 * Property tests of saving: for documents made by varying the sample (text, geometry, units,
 * ids, key order), serializeDocument is a fixed point — serialize(load(serialize(d))) equals
 * serialize(d) — and the saved text does not depend on the key order of the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../engine/model';
import { sampleJson } from './helpers';

type Raw = Record<string, unknown> & {
  frames: Record<string, unknown>[];
  stories: { id: string; paragraphs: { style: string; runs: { text: string }[] }[] }[];
  paragraphStyles: Record<string, unknown>[];
};

const base = sampleJson() as Raw;

/** Any text a user might type, including CJK, emoji, quotes, backslashes and controls. */
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(...'金山报“”‘’（）《》、，。\\"\n\t\u2028 ab1'), fc.constantFrom('😀', '\u0000', '\uffff'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });
/** A length as a number or with a unit the schema accepts. */
const anyLength = fc.oneof(
  fc.double({ min: 0.001, max: 5000, noNaN: true }),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n / 10}mm`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n}p${n % 12}`),
  fc.constantFrom('小五', '新五号', '五号', '小初', '0.5in', '12q'),
);

/** Rebuilds an object with its keys in a shuffled order (recursively). */
function shuffleKeys(v: unknown, rnd: () => number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rnd));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, shuffleKeys(x, rnd)]));
  }
  return v;
}

const variant = fc.record({
  texts: fc.array(fc.tuple(fc.nat(), fc.nat(), anyText), { maxLength: 8 }),
  geometry: fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', 'y', 'width', 'height'), anyLength), { maxLength: 8 }),
  sizes: fc.array(fc.tuple(fc.nat(), anyLength), { maxLength: 4 }),
  extraParagraph: fc.option(anyText, { nil: undefined }),
  seed: fc.integer(),
});

type Variant = typeof variant extends fc.Arbitrary<infer V> ? V : never;

function build(v: Variant): Raw {
  const d = structuredClone(base);
  for (const [si, pi, t] of v.texts) {
    const s = d.stories[si % d.stories.length]!;
    if (s.paragraphs.length) s.paragraphs[pi % s.paragraphs.length]!.runs = [{ text: t }];
  }
  for (const [fi, key, len] of v.geometry) {
    const f = d.frames[fi % d.frames.length]!;
    // width/height must stay positive; x/y may be anything.
    f[key] = len;
  }
  for (const [i, len] of v.sizes) d.paragraphStyles[i % d.paragraphStyles.length]!.size = len;
  if (v.extraParagraph !== undefined) d.stories[0]!.paragraphs.push({ style: 'body', runs: [{ text: v.extraParagraph }, { text: '' }] });
  return d;
}

describe('serializeDocument', () => {
  it('is a fixed point: serialize(load(serialize(d))) === serialize(d)', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const d = loadDocument(JSON.stringify(build(v)), 'variant.broadsheet');
        const once = serializeDocument(d);
        const twice = serializeDocument(loadDocument(once, 'saved.broadsheet'));
        expect(twice).toBe(once);
        expect(loadDocument(once, 'saved.broadsheet')).toEqual(d);
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the key order of the input (stable key order for diffs)', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const raw = build(v);
        let s = v.seed >>> 0 || 1;
        const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000);
        const a = serializeDocument(loadDocument(JSON.stringify(raw), 'a.broadsheet'));
        const b = serializeDocument(loadDocument(JSON.stringify(shuffleKeys(raw, rnd)), 'b.broadsheet'));
        expect(b).toBe(a);
      }),
      { numRuns: 40 },
    );
  });

  it('writes pretty-printed UTF-8 JSON with one field per line and a final newline', () => {
    const text = serializeDocument(loadDocument(JSON.stringify(base), 'x.broadsheet'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "issue": {\n    "paper": "金山报",');
    // CJK is written as itself, not as \u escapes, so that diffs are readable.
    expect(text).not.toMatch(/\\u[0-9a-f]{4}/i);
  });
});
