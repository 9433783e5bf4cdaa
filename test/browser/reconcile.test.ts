/** renderer/layout/reconcile.ts: structural sharing restored after a structured clone. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reuseUnchanged } from '../../renderer/layout/reconcile';

describe('reuseUnchanged', () => {
  it('keeps the previous objects of unchanged subtrees and new ones where something changed', () => {
    const prev = { a: { x: 1, y: [1, 2] }, b: { z: 'q' }, list: [{ id: 1 }, { id: 2 }] };
    const next = structuredClone(prev);
    next.list[1]!.id = 3;
    const r = reuseUnchanged(prev, next);
    expect(r).toEqual(next);
    expect(r.a).toBe(prev.a);
    expect(r.b).toBe(prev.b);
    expect(r.list[0]).toBe(prev.list[0]);
    expect(r.list[1]).not.toBe(prev.list[1]);
    expect(r).not.toBe(prev);
  });

  it('returns the previous value when nothing changed', () => {
    const prev = { a: [1, { b: null }], c: 'x' };
    expect(reuseUnchanged(prev, structuredClone(prev))).toBe(prev);
  });

  it('always equals the new value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(reuseUnchanged(a, b)).toEqual(b);
        expect(reuseUnchanged(a, structuredClone(a))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});
