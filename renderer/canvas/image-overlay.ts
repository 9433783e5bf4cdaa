/**
 * Image frames on the interactive overlay: the crossed placeholder of an empty graphics frame
 * (not in the display list: an empty frame prints nothing; hidden in preview), and in content
 * mode (select.content / select.panning) the whole picture's box as a ghost outline, so the
 * part cropped away by the frame shows while panning.
 */
import type { LaidOutIssue, LaidOutPage } from '../../engine/flow/types';
import type { IssueDocument } from '../../engine/model/types';
import { pictureBox } from '../tools/image-content';

/** What the image overlay reads. */
export interface ImageOverlayInput {
  doc: IssueDocument;
  layout: LaidOutIssue;
  page: LaidOutPage;
  /** The tool machine's state path and selection. */
  path: string;
  selection: readonly string[];
  preview: boolean;
  /** Device pixels per page point. */
  k: number;
}

const CONTENT = '#b5651d';

/** Paints empty-frame placeholders and the content-mode picture outline. */
export function paintImageOverlay(ctx: CanvasRenderingContext2D, p: ImageOverlayInput): void {
  const px = 1 / p.k;
  if (!p.preview) {
    ctx.strokeStyle = '#8a8a8a';
    ctx.lineWidth = px;
    for (const f of p.doc.frames) {
      if (f.page !== p.page.id || f.kind !== 'image' || f.src) continue;
      ctx.strokeRect(f.x, f.y, f.width, f.height);
      ctx.beginPath();
      ctx.moveTo(f.x, f.y);
      ctx.lineTo(f.x + f.width, f.y + f.height);
      ctx.moveTo(f.x + f.width, f.y);
      ctx.lineTo(f.x, f.y + f.height);
      ctx.stroke();
    }
  }
  if (p.path !== 'select.content' && p.path !== 'select.panning') return;
  const f = p.doc.frames.find((x) => x.id === p.selection[0]);
  if (f?.kind !== 'image' || f.page !== p.page.id) return;
  const box = pictureBox(p.layout, f);
  if (!box) return;
  ctx.strokeStyle = CONTENT;
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash([5 * px, 3 * px]);
  ctx.strokeRect(box.x, box.y, box.width, box.height);
  ctx.setLineDash([]);
}
