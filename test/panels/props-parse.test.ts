/**
 * The properties panel's value parsing (renderer/panels/props/parse.ts) and its document
 * changes (props/apply.ts): good values become one history step each, bad ones give a message
 * and leave the document alone.
 */
import { describe, expect, it } from 'vitest';
import type { ImageFrame, TextFrame } from '../../engine/model/types';
import { History } from '../../renderer/history';
import { placeImage } from '../../engine/flow/image';
import { resetPanZoom, setFit, setGeometry, setProps, setZoom } from '../../renderer/panels/props/apply';
import { parseColumns, parseGeometry, parseNonNegativeLength, parseZoomPercent } from '../../renderer/panels/props/parse';
import { sample } from '../edit/support';

describe('parsing', () => {
  it('columns: whole numbers 1–20', () => {
    expect(parseColumns(' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseColumns('20')).toEqual({ ok: true, value: 20 });
    for (const bad of ['0', '21', '2.5', '-1', '', 'abc']) expect(parseColumns(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/Columns/) });
  });

  it('lengths in the panel unit come back in points', () => {
    expect(parseNonNegativeLength('4.2', 'mm', 'Gutter')).toEqual({ ok: true, value: 11.91 });
    expect(parseNonNegativeLength('12', 'pt', 'Gutter')).toEqual({ ok: true, value: 12 });
    expect(parseNonNegativeLength('3,5', 'pt', 'Gutter')).toEqual({ ok: true, value: 3.5 });
    expect(parseNonNegativeLength('0', 'mm', 'Gutter')).toEqual({ ok: true, value: 0 });
    expect(parseNonNegativeLength('-1', 'mm', 'Gutter')).toEqual({ ok: false, message: 'Gutter must not be negative' });
    expect(parseNonNegativeLength('x', 'mm', 'The top inset')).toMatchObject({ ok: false, message: expect.stringMatching(/^The top inset must be a number in mm/) });
    expect(parseNonNegativeLength(' ', 'pt', 'Gutter')).toMatchObject({ ok: false });
    expect(parseNonNegativeLength('5000', 'pt', 'Gutter')).toMatchObject({ ok: false });
  });

  it('zoom in percent', () => {
    expect(parseZoomPercent('120')).toEqual({ ok: true, value: 1.2 });
    expect(parseZoomPercent('75 %')).toEqual({ ok: true, value: 0.75 });
    for (const bad of ['0', '-5', '', 'big', '5000']) expect(parseZoomPercent(bad).ok).toBe(false);
  });
});

describe('geometry', () => {
  it('parses positions and sides in the panel unit', () => {
    expect(parseGeometry('-10', 'pt', 'X')).toEqual({ ok: true, value: -10 });
    expect(parseGeometry('25.4', 'mm', 'W', 1)).toEqual({ ok: true, value: 72 });
    expect(parseGeometry('0', 'pt', 'W', 1)).toEqual({ ok: false, message: 'W must be at least 1 pt' });
    expect(parseGeometry('', 'mm', 'H', 1)).toMatchObject({ ok: false, message: expect.stringMatching(/^H must be a number in mm/) });
  });

  it('W of an image frame crops (the picture stays put); X moves frame and picture; one step each', () => {
    const h = new History(sample());
    const natural = { width: 800, height: 600 };
    const f0 = h.current.frames.find((f) => f.id === 'lead-image') as ImageFrame;
    const pic = placeImage(f0, natural);
    setGeometry(h, 'lead-image', 'width', 400, pic);
    const f1 = h.current.frames.find((f) => f.id === 'lead-image') as ImageFrame;
    expect(f1.width).toBe(400);
    const after = placeImage(f1, natural);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(after[k]).toBeCloseTo(pic[k], 6);
    setGeometry(h, 'lead-image', 'x', f1.x + 10, placeImage(f1, natural));
    expect(placeImage(h.current.frames.find((f) => f.id === 'lead-image') as ImageFrame, natural).x).toBeCloseTo(pic.x + 10, 6);
    expect(h.undoDepth).toBe(2);
  });
});

describe('applying', () => {
  const text = (h: History<ReturnType<typeof sample>>) => h.current.frames.find((f) => f.id === 'lead-body-1') as TextFrame;
  const image = (h: History<ReturnType<typeof sample>>) => h.current.frames.find((f) => f.id === 'lead-image') as ImageFrame;

  it('each change is one step; undo restores exactly', () => {
    const h = new History(sample());
    const start = h.current;
    setProps(h, 'lead-body-1', { columns: 3 });
    setProps(h, 'lead-body-1', { valign: 'justify', insets: { top: 2, right: 0, bottom: 0, left: 0 } });
    setProps(h, 'lead-image', { wrap: { mode: 'box', offsets: { top: 6, right: 6, bottom: 6, left: 6 } } });
    expect(text(h)).toMatchObject({ columns: 3, valign: 'justify', insets: { top: 2 } });
    expect(image(h).wrap).toEqual({ mode: 'box', offsets: { top: 6, right: 6, bottom: 6, left: 6 } });
    expect(h.undoDepth).toBe(3);
    h.undo();
    h.undo();
    h.undo();
    expect(h.current).toEqual(start);
  });

  it('a refused value changes nothing and says why', () => {
    const h = new History(sample());
    const start = h.current;
    expect(() => setProps(h, 'lead-body-1', { columns: 0 })).toThrow(/columns must be a whole number/);
    expect(() => setProps(h, 'lead-image', { columns: 2 })).toThrow(/image frame has no property "columns"/);
    expect(() => setZoom(h, 'lead-image', 0)).toThrow(/positive/);
    expect(h.current).toBe(start);
    expect(h.undoDepth).toBe(0);
  });

  it('fit, zoom and Reset', () => {
    const h = new History(sample());
    h.change((d) => {
      const f = d.frames.find((x) => x.id === 'lead-image') as ImageFrame;
      f.offsetX = 30;
    });
    setZoom(h, 'lead-image', 1.5);
    expect(image(h)).toMatchObject({ scale: 1.5, offsetX: 30 });
    resetPanZoom(h, 'lead-image');
    expect(image(h)).toMatchObject({ scale: 1, offsetX: 0, offsetY: 0 });
    setFit(h, 'lead-image', 'fit');
    expect(image(h).fit).toBe('fit');
    expect(h.undoDepth).toBe(4);
  });
});
