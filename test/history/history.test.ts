import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { History } from '../../renderer/history';

interface Doc {
  frames: { id: string; x: number; y: number }[];
  text: string;
}
const start = (): Doc => ({ frames: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 10, y: 10 }], text: '' });

describe('History', () => {
  it('undoes and redoes recorded steps with the document equal at each step', () => {
    const h = new History(start());
    const states: Doc[] = [h.current];
    h.change((d) => { d.frames[0]!.x = 5; });
    states.push(h.current);
    h.change((d) => { d.frames.push({ id: 'c', x: 1, y: 2 }); });
    states.push(h.current);
    h.change((d) => { d.frames.splice(0, 1); });
    states.push(h.current);
    for (let i = states.length - 2; i >= 0; i--) {
      expect(h.undo()).toBe(true);
      expect(h.current).toEqual(states[i]);
    }
    expect(h.undo()).toBe(false);
    for (let i = 1; i < states.length; i++) {
      expect(h.redo()).toBe(true);
      expect(h.current).toEqual(states[i]);
    }
    expect(h.redo()).toBe(false);
  });

  it('a recipe that changes nothing leaves no step', () => {
    const h = new History(start());
    h.change((d) => { d.frames[0]!.x = 0; });
    expect(h.canUndo).toBe(false);
  });

  it('a whole drag squashed to its mark is one step', () => {
    const h = new History(start());
    h.change((d) => { d.text = 'x'; });
    h.mark('drag');
    for (let i = 1; i <= 20; i++) h.change((d) => { d.frames[1]!.x = 10 + i; d.frames[1]!.y = 10 + 2 * i; });
    h.squashToMark('drag');
    expect(h.undoDepth).toBe(2);
    h.undo();
    expect(h.current).toEqual({ ...start(), text: 'x' });
    h.redo();
    expect(h.current.frames[1]).toEqual({ id: 'b', x: 30, y: 50 });
  });

  it('a cancelled gesture (bail to mark) leaves no step and restores the document', () => {
    const h = new History(start());
    h.change((d) => { d.text = 'x'; });
    h.undo();
    const before = h.current;
    h.mark('drag');
    h.change((d) => { d.frames[0]!.x = 99; }, { capture: 'squash' });
    h.change((d) => { d.frames[0]!.x = 100; }, { capture: 'squash' });
    expect(h.bailToMark('drag')).toBe(true);
    expect(h.current).toEqual(before);
    expect(h.canUndo).toBe(false);
    expect(h.bailToMark('drag')).toBe(false);
  });

  it('a typing burst is one step; a pause, another story or another kind of edit starts a new one', () => {
    const h = new History(start());
    let t = 1000;
    const type = (ch: string, key = 's1') => h.change((d) => { d.text += ch; }, { burst: { key, at: t, window: 800 } });
    for (const ch of '今天天气') { type(ch); t += 100; }
    expect(h.undoDepth).toBe(1);
    t += 2000;
    type('好');
    expect(h.undoDepth).toBe(2);
    t += 10;
    type('!', 's2');
    expect(h.undoDepth).toBe(3);
    h.change((d) => { d.frames[0]!.x = 1; });
    t += 10;
    type('?', 's2');
    expect(h.undoDepth).toBe(5);
    h.undo(); h.undo(); h.undo(); h.undo();
    expect(h.current.text).toBe('今天天气');
    h.undo();
    expect(h.current).toEqual(start());
  });

  it('undone steps are not merged into a later burst after redo', () => {
    const h = new History(start());
    h.change((d) => { d.text += 'a'; }, { burst: { key: 's', at: 0, window: 500 } });
    h.undo();
    h.redo();
    h.change((d) => { d.text += 'b'; }, { burst: { key: 's', at: 10, window: 500 } });
    expect(h.undoDepth).toBe(2);
  });

  it('selection and other session state never clear redo; a new edit does', () => {
    const h = new History(start());
    const session = { selection: null as string | null };
    h.change((d) => { d.frames[0]!.x = 3; });
    h.undo();
    session.selection = 'a';
    h.mark('select');
    expect(h.canRedo).toBe(true);
    h.redo();
    expect(h.current.frames[0]!.x).toBe(3);
    h.undo();
    h.change((d) => { d.text = 'new'; });
    expect(h.canRedo).toBe(false);
  });

  it('loading a document (reset) is never undoable', () => {
    const h = new History(start());
    h.change((d) => { d.text = 'edit'; });
    const other: Doc = { frames: [], text: 'loaded' };
    h.reset(other);
    expect(h.current).toBe(other);
    expect(h.canUndo).toBe(false);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe(false);
  });

  it("'never' changes apply without a step", () => {
    const h = new History(start());
    h.change((d) => { d.text = 'cached'; }, { capture: 'never' });
    expect(h.current.text).toBe('cached');
    expect(h.canUndo).toBe(false);
  });

  it('a throwing recipe leaves document and history untouched', () => {
    const h = new History(start());
    const before = h.current;
    expect(() => h.change((d) => { d.frames[0]!.x = 7; throw new Error('bad'); })).toThrow('bad');
    expect(h.current).toBe(before);
    expect(h.canUndo).toBe(false);
  });

  it('notifies listeners with the cause', () => {
    const h = new History(start());
    const causes: string[] = [];
    h.subscribe((_d, c) => causes.push(c));
    h.change((d) => { d.text = '1'; });
    h.undo();
    h.redo();
    h.reset(start());
    expect(causes).toEqual(['change', 'undo', 'redo', 'reset']);
  });

  it('property: any script of edits, undos and redos keeps each state reachable', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('move' as const), i: fc.nat(3), x: fc.integer({ min: -50, max: 50 }) }),
      fc.record({ t: fc.constant('add' as const), x: fc.integer() }),
      fc.record({ t: fc.constant('del' as const), i: fc.nat(3) }),
      fc.record({ t: fc.constant('undo' as const) }),
      fc.record({ t: fc.constant('redo' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const h = new History(start());
        // A model: the list of states and a cursor.
        let states: Doc[] = [h.current];
        let cursor = 0;
        for (const o of ops) {
          if (o.t === 'undo') { if (h.undo()) cursor--; }
          else if (o.t === 'redo') { if (h.redo()) cursor++; }
          else {
            const before = h.current;
            h.change((d) => {
              if (o.t === 'move') { const f = d.frames[o.i % Math.max(1, d.frames.length)]; if (f) f.x += o.x; }
              else if (o.t === 'add') d.frames.push({ id: `n${o.x}`, x: o.x, y: 0 });
              else if (d.frames.length) d.frames.splice(o.i % d.frames.length, 1);
            });
            if (h.current !== before) { states = states.slice(0, cursor + 1); states.push(h.current); cursor++; }
          }
          expect(h.current).toEqual(states[cursor]);
        }
        while (h.undo()) cursor--;
        expect(cursor).toBe(0);
        expect(h.current).toEqual(start());
      }),
      { numRuns: 200 },
    );
  });
});
