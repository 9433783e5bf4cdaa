/**
 * The image overlay (renderer/canvas/image-overlay.ts) with a recording 2D context: an empty
 * graphics frame gets its crossed placeholder (not in preview); in content mode the whole
 * picture's box is outlined, dashed, where the layout placed it — and not outside content mode.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LaidOutIssue } from '../../engine/flow/types';
import type { ImageFrame, IssueDocument } from '../../engine/model/types';
import { paintImageOverlay } from '../../renderer/canvas/image-overlay';
import { pictureBox } from '../../renderer/tools/image-content';
import { relayouter, sample } from '../edit/support';

let relayout: (doc: IssueDocument, previous?: LaidOutIssue) => LaidOutIssue;
beforeAll(async () => {
  relayout = await relayouter();
});

/** A 2D context that records strokeRect, moveTo/lineTo and dashes. */
function recorder() {
  const calls: { op: string; args: number[]; dash: number }[] = [];
  let dash = 0;
  const ctx = {
    strokeStyle: '',
    lineWidth: 1,
    setLineDash: (d: number[]) => void (dash = d.length),
    strokeRect: (...args: number[]) => void calls.push({ op: 'strokeRect', args, dash }),
    beginPath: () => {},
    moveTo: (...args: number[]) => void calls.push({ op: 'moveTo', args, dash }),
    lineTo: (...args: number[]) => void calls.push({ op: 'lineTo', args, dash }),
    stroke: () => {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('image overlay', () => {
  const doc = sample();
  doc.frames.push({ ...(doc.frames.find((f) => f.id === 'lead-image') as ImageFrame), id: 'empty' as ImageFrame['id'], src: '', x: 60, y: 100, width: 80, height: 40 });

  it('draws the crossed placeholder of an empty frame, not in preview', () => {
    const layout = relayout(doc);
    const page = layout.pages[0]!;
    const r = recorder();
    paintImageOverlay(r.ctx, { doc, layout, page, path: 'select.idle', selection: [], preview: false, k: 1 });
    expect(r.calls).toContainEqual({ op: 'strokeRect', args: [60, 100, 80, 40], dash: 0 });
    expect(r.calls).toContainEqual({ op: 'lineTo', args: [140, 140], dash: 0 });
    expect(r.calls.filter((c) => c.op === 'strokeRect')).toHaveLength(1);
    const p = recorder();
    paintImageOverlay(p.ctx, { doc, layout, page, path: 'select.idle', selection: [], preview: true, k: 1 });
    expect(p.calls).toHaveLength(0);
  });

  it('outlines the whole picture in content mode only', () => {
    const layout = relayout(doc);
    const page = layout.pages[0]!;
    const box = pictureBox(layout, doc.frames.find((f) => f.id === 'lead-image') as ImageFrame)!;
    const r = recorder();
    paintImageOverlay(r.ctx, { doc, layout, page, path: 'select.panning', selection: ['lead-image'], preview: false, k: 2 });
    expect(r.calls).toContainEqual({ op: 'strokeRect', args: [box.x, box.y, box.width, box.height], dash: 2 });
    const idle = recorder();
    paintImageOverlay(idle.ctx, { doc, layout, page, path: 'select.idle', selection: ['lead-image'], preview: false, k: 2 });
    expect(idle.calls.some((c) => c.dash)).toBe(false);
  });
});
