import { describe, expect, it } from 'vitest';
import {
  EditError, alignFrames, copyFrames, counterIds, createFrame, deleteFrames, distributeFrames, duplicateFrames, moveFrames,
  nudgeFrames, pasteClip, reorderFrames, resizeFrame, resizeRect, setFrameProps, setLocked,
} from '../../engine/edit';
import { findings, sample } from './support';

const byId = (doc: ReturnType<typeof sample>, id: string) => doc.frames.find((f) => f.id === id)!;

describe('frame operations', () => {
  it('creates every drawable kind with schema defaults, on top of its page, and the document stays valid', () => {
    const doc = sample();
    const ids = counterIds('t');
    const t = createFrame(doc, { kind: 'text', page: 'p2', x: 600, y: 100, width: 200, height: 100 }, ids);
    const i = createFrame(doc, { kind: 'image', page: 'p2', x: 600, y: 300, width: 200, height: 100, src: 'images/x.jpg' }, ids);
    const r = createFrame(doc, { kind: 'rule', page: 'p2', x: 600, y: 420, width: 200, height: 4 }, ids);
    const b = createFrame(doc, { kind: 'box', page: 'p2', x: 600, y: 430, width: 200, height: 40, fill: 'black' as never }, ids);
    expect([t, i, r, b]).toEqual(['t-frame-1', 't-frame-2', 't-frame-3', 't-frame-4']);
    const maxZ = Math.max(...doc.frames.filter((f) => f.page === 'p2' && ![t, i, r, b].includes(f.id)).map((f) => f.z));
    expect(byId(doc, t).z).toBe(maxZ + 1);
    expect(byId(doc, b).z).toBe(maxZ + 4);
    expect(findings(doc)).toEqual([]);
  });

  it('refuses bad frames with a clear error and leaves the document alone', () => {
    const doc = sample();
    const n = doc.frames.length;
    expect(() => createFrame(doc, { kind: 'text', page: 'p9', x: 0, y: 0, width: 10, height: 10 }, counterIds())).toThrow('no page "p9"');
    expect(() => createFrame(doc, { kind: 'text', page: 'p1', x: 0, y: 0, width: 0.2, height: 10 }, counterIds())).toThrow(EditError);
    expect(() => createFrame(doc, { kind: 'box', page: 'p1', x: NaN, y: 0, width: 5, height: 10 }, counterIds())).toThrow('finite');
    expect(() => moveFrames(doc, ['nope'], 1, 1)).toThrow('no frame "nope"');
    expect(doc.frames.length).toBe(n);
  });

  it('moves, nudges and resizes; locked frames stay put', () => {
    const doc = sample();
    moveFrames(doc, ['lead-image', 'rule-top'], 10.005, -3);
    expect(byId(doc, 'lead-image')).toMatchObject({ x: 315.26, y: 416.5 });
    nudgeFrames(doc, ['rule-top'], 'left', true);
    expect(byId(doc, 'rule-top').x).toBe(53.26);
    setLocked(doc, ['rule-top'], true);
    expect(moveFrames(doc, ['rule-top', 'lead-image'], 5, 5)).toEqual(['lead-image']);
    expect(() => resizeFrame(doc, 'rule-top', { x: 0, y: 0, width: 10, height: 10 })).toThrow('locked');
    expect(resizeRect({ x: 0, y: 0, width: 100, height: 50 }, 'nw', 20, 10)).toEqual({ x: 20, y: 10, width: 80, height: 40 });
    expect(resizeRect({ x: 0, y: 0, width: 100, height: 50 }, 'e', -500, 0).width).toBe(1);
  });

  it('deletes frames with the stories only they showed; article bodies stay', () => {
    const doc = sample();
    deleteFrames(doc, ['ad-p2-text', 'lead-image', 'lead-body-2']);
    expect(doc.stories.find((s) => s.id === 'ad-p2')).toBeUndefined();
    expect(doc.stories.find((s) => s.id === 'lead-caption')).toBeUndefined();
    expect(doc.stories.find((s) => s.id === 'lead-body')!.frames).toEqual(['lead-body-1']);
    expect(doc.articles.find((a) => a.id === 'lead')!.images).toEqual([]);
    deleteFrames(doc, ['lead-body-1']);
    expect(doc.stories.find((s) => s.id === 'lead-body')!.frames).toEqual([]);
    expect(findings(doc)).toEqual([]);
  });

  it('sets frame properties by kind and refuses ones the kind lacks', () => {
    const doc = sample();
    setFrameProps(doc, 'lead-body-1', { columns: 3, gutter: 12, valign: 'justify' });
    expect(byId(doc, 'lead-body-1')).toMatchObject({ columns: 3, gutter: 12, valign: 'justify' });
    expect(() => setFrameProps(doc, 'rule-top', { columns: 2 })).toThrow('a rule frame has no property "columns"');
    expect(() => setFrameProps(doc, 'lead-body-1', { columns: 0 })).toThrow('columns');
    expect(() => setFrameProps(doc, 'rongmei-box', { fill: 'nope' as never })).toThrow('no swatch');
  });

  it('aligns and distributes a selection', () => {
    const doc = sample();
    const ids = counterIds('a');
    const f = [0, 1, 2].map((k) => createFrame(doc, { kind: 'box', page: 'p2', x: 600 + k * 37 + (k === 1 ? 50 : 0), y: 300 + k * 11, width: 20 + k * 10, height: 30 }, ids));
    alignFrames(doc, f, 'top');
    expect(f.map((id) => byId(doc, id).y)).toEqual([300, 300, 300]);
    alignFrames(doc, f, 'right');
    const right = f.map((id) => byId(doc, id).x + byId(doc, id).width);
    expect(new Set(right).size).toBe(1);
    moveFrames(doc, [f[1]!], -300, 0);
    moveFrames(doc, [f[2]!], -100, 0);
    distributeFrames(doc, f, 'h', 'spacing');
    const sorted = f.map((id) => byId(doc, id)).sort((a, b) => a.x - b.x);
    const gaps = [sorted[1]!.x - (sorted[0]!.x + sorted[0]!.width), sorted[2]!.x - (sorted[1]!.x + sorted[1]!.width)];
    expect(gaps[0]).toBeCloseTo(gaps[1]!, 1);
  });

  it('changes z-order: forward, backward, front, back', () => {
    const doc = sample();
    const order = () => doc.frames.filter((f) => f.page === 'p2').map((f, i) => ({ f, i })).sort((a, b) => a.f.z - b.f.z || a.i - b.i).map(({ f }) => f.id);
    expect(order()).toEqual(['lead-body-2', 'ad-p2-box', 'ad-p2-text']);
    reorderFrames(doc, ['lead-body-2'], 'front');
    expect(order()).toEqual(['ad-p2-box', 'ad-p2-text', 'lead-body-2']);
    reorderFrames(doc, ['lead-body-2'], 'backward');
    expect(order()).toEqual(['ad-p2-box', 'lead-body-2', 'ad-p2-text']);
    reorderFrames(doc, ['ad-p2-box'], 'forward');
    expect(order()).toEqual(['lead-body-2', 'ad-p2-box', 'ad-p2-text']);
    reorderFrames(doc, ['ad-p2-text'], 'back');
    expect(order()).toEqual(['ad-p2-text', 'lead-body-2', 'ad-p2-box']);
    expect(() => reorderFrames(doc, ['ad-p2-text', 'rule-top'], 'front')).toThrow('one page');
  });

  it('copies and pastes between pages with fresh ids and no dangling references', () => {
    const doc = sample();
    const clip = copyFrames(doc, ['lead-head', 'lead-body-1', 'lead-image']);
    const pasted = pasteClip(doc, JSON.parse(JSON.stringify(clip)), 'p2', counterIds('c'), { dy: 300 });
    expect(pasted).toHaveLength(3);
    const frames = pasted.map((id) => byId(doc, id));
    expect(frames.every((f) => f.page === 'p2')).toBe(true);
    const art = doc.articles.find((a) => a.id === frames[0]!.article)!;
    expect(art.id).not.toBe('lead');
    expect(art.images).toEqual(frames.filter((f) => f.kind === 'image').map((f) => f.id));
    const body = doc.stories.find((s) => s.id === art.body)!;
    expect(body.frames).toEqual(frames.filter((f) => f.kind === 'text').map((f) => f.id));
    expect(body.paragraphs).toEqual(doc.stories.find((s) => s.id === 'lead-body')!.paragraphs);
    expect(findings(doc)).toEqual([]);
    const dup = duplicateFrames(doc, ['rongmei-box'], counterIds('d'));
    expect(byId(doc, dup[0]!)).toMatchObject({ x: 62.25, y: 874, page: 'p1', kind: 'box' });
    expect(() => pasteClip(doc, { nonsense: true } as never, 'p1', counterIds())).toThrow('no Broadsheet frames');
  });
});
