/** renderer/layout/doc-delta.ts: a document change as changed paths, applied copy-on-write. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { produce } from 'immer';
import { applyDocDelta, docDelta, reuseEqual } from '../../renderer/layout/doc-delta';
import { insertText, moveFrames, splitParagraph } from '../../engine/edit';
import { sample } from '../edit/support';

describe('docDelta / applyDocDelta', () => {
  it('turns any value into any other (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(applyDocDelta(structuredClone(a), docDelta(a, b))).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps an own "__proto__" key as a key (found by the property test)', () => {
    const b = JSON.parse('{"__proto__":"", "x": {"__proto__": 1}}') as unknown;
    expect(applyDocDelta(structuredClone({}), docDelta({}, b))).toEqual(b);
    expect(applyDocDelta({ x: {} }, docDelta({ x: {} }, b))).toEqual(b);
    expect(reuseEqual({}, b)).toEqual(b);
    expect(Object.getPrototypeOf(reuseEqual({ x: {} }, b))).toBe(Object.prototype);
  });

  it('sends only the changed paragraph for a keystroke, and the receiver keeps every other record', () => {
    const doc = sample();
    const next = produce(doc, (d) => void insertText(d, 'lead-body', 10, '金'));
    const ops = docDelta(doc, next);
    expect(ops).toHaveLength(1);
    expect(ops[0]!.path.slice(0, 3)).toEqual(['stories', doc.stories.findIndex((s) => s.id === 'lead-body'), 'paragraphs']);
    expect(JSON.stringify(ops).length).toBeLessThan(2_000);
    // The worker's copy: a structured clone, as postMessage makes it.
    const theirs = structuredClone(doc);
    const applied = applyDocDelta(theirs, structuredClone(ops));
    expect(applied).toEqual(next);
    expect(applied.frames).toBe(theirs.frames);
    expect(applied.paragraphStyles).toBe(theirs.paragraphStyles);
    const i = doc.stories.findIndex((s) => s.id === 'lead-body');
    expect(applied.stories[i - 1]).toBe(theirs.stories[i - 1]);
    expect(applied.stories[i]!.paragraphs[1]).toBe(theirs.stories[i]!.paragraphs[1]);
    expect(theirs).toEqual(doc); // copy-on-write: the old version is untouched
  });

  it('keeps the paragraphs after a split as the same objects on the receiving side', () => {
    const doc = sample();
    const next = produce(doc, (d) => void splitParagraph(d, 'lead-body', 5));
    const theirs = structuredClone(doc);
    const applied = applyDocDelta(theirs, structuredClone(docDelta(doc, next)));
    expect(applied).toEqual(next);
    const i = doc.stories.findIndex((s) => s.id === 'lead-body');
    const before = theirs.stories[i]!.paragraphs;
    const after = applied.stories[i]!.paragraphs;
    expect(after).toHaveLength(before.length + 1);
    for (let k = 1; k < before.length; k++) expect(after[k + 1]).toBe(before[k]);
  });

  it('describes a frame move by its coordinates only', () => {
    const doc = sample();
    const next = produce(doc, (d) => void moveFrames(d, ['lead-image'], 10, 0));
    const ops = docDelta(doc, next);
    expect(ops.map((o) => o.path.at(-1))).toEqual(['x']);
    expect(docDelta(next, next)).toEqual([]);
  });
});

describe('reuseEqual', () => {
  it('keeps the previous objects of unchanged subtrees and new ones where something changed', () => {
    const prev = { a: { x: 1, y: [1, 2] }, b: { z: 'q' }, list: [{ id: 1 }, { id: 2 }] };
    const next = structuredClone(prev);
    next.list[1]!.id = 3;
    const r = reuseEqual(prev, next);
    expect(r).toEqual(next);
    expect(r.a).toBe(prev.a);
    expect(r.b).toBe(prev.b);
    expect(r.list[0]).toBe(prev.list[0]);
    expect(r.list[1]).not.toBe(prev.list[1]);
  });

  it('returns the previous value when nothing changed, and always equals the new value (property)', () => {
    const prev = { a: [1, { b: null }], c: 'x' };
    expect(reuseEqual(prev, structuredClone(prev))).toBe(prev);
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(reuseEqual(a, b)).toEqual(b);
        expect(reuseEqual(a, structuredClone(a))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});
