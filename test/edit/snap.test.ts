import { describe, expect, it } from 'vitest';
import { columnSpan, lineSpan, snap, snapTargets, templateOfPage } from '../../engine/edit';
import { sample } from './support';

describe('snapping', () => {
  const doc = sample();
  const targets = snapTargets(doc, 'p2', ['lead-body-2']);
  const t = templateOfPage(doc, 'p2');

  it('pulls a dragged frame to a column edge and a grid cell top within tolerance, with guides', () => {
    const col = columnSpan(t, 2, 1);
    const line = lineSpan(t, 30, 1);
    const r = snap({ x: col.x + 2.4, y: line.y - 1.5, width: 100, height: 80 }, targets, 3);
    expect(r.dx).toBeCloseTo(-2.4, 5);
    expect(r.dy).toBeCloseTo(1.5, 5);
    expect(r.guides.some((g) => g.axis === 'x' && g.source === 'column' && Math.abs(g.value - col.x) < 0.01)).toBe(true);
    expect(r.guides.some((g) => g.axis === 'y' && g.source === 'grid')).toBe(true);
  });

  it('does nothing beyond the tolerance', () => {
    const col = columnSpan(t, 2, 1);
    // Half-way between two grid lines and far from columns: nothing within 0.5 pt.
    const r = snap({ x: col.x + col.width / 2 - 50 + 0.2, y: lineSpan(t, 10, 1).y + 5, width: 100, height: 13.5 * 3 + 1 }, targets, 0.5);
    expect(r).toEqual({ dx: 0, dy: 0, guides: [] });
  });

  it("snaps to other frames' edges and centres (smart guides span both)", () => {
    const box = doc.frames.find((f) => f.id === 'ad-p2-box')!;
    const r = snap({ x: box.x + box.width / 2 - 50 + 1, y: box.y - 300, width: 100, height: 20 }, targets, 2, { x: ['mid'], y: [] });
    expect(r.dx).toBeCloseTo(-1, 5);
    const g = r.guides.find((x) => x.source === 'center')!;
    expect(g.value).toBeCloseTo(box.x + box.width / 2, 5);
    expect(g.to).toBeCloseTo(box.y + box.height, 5);
    expect(g.from).toBeCloseTo(box.y - 300, 5);
  });

  it('snaps margins and page edges; a resize snaps only the dragged edge', () => {
    const r = snap({ x: 1051, y: 600, width: 3, height: 20 }, targets, 3, { x: ['max'], y: [] });
    expect(r.dx).toBeCloseTo(t.trim.width - t.margins.right - 1054, 5);
    expect(r.guides[0]!.source).toBe('margin');
  });

  it('grid spans hold exactly the asked number of lines (as the sample frames do)', () => {
    const p1 = templateOfPage(doc, 'p1');
    const lead = doc.frames.find((f) => f.id === 'lead-body-1')!;
    expect({ ...columnSpan(p1, 0, 2), ...lineSpan(p1, 25, 32) }).toEqual({ x: lead.x, width: lead.width, y: lead.y, height: lead.height });
    expect(() => columnSpan(p1, 7, 2)).toThrow('outside the page');
  });
});
