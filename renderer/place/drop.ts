/**
 * Dropping files on the page: the frame under the drop point is the target (copy → a text
 * frame's story, a picture → an image frame, or a new frame centred on the drop point).
 * Files dropped anywhere else in the window are refused with a message: the browser would
 * otherwise open the file in place of the editor.
 */
import type { Editor } from '../editor';
import { framesAt } from '../tools/hit';
import { placeFile, type PlaceTarget } from './place';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** The page point under a drop on the page viewport (the canvas's `data-origin` holds "ox oy scale"), or null elsewhere. */
export function pagePointOf(e: { clientX: number; clientY: number; target: EventTarget | null }): { x: number; y: number } | null {
  const viewport = e.target instanceof Element ? e.target.closest('[data-testid=page-viewport]') : null;
  const canvas = viewport?.querySelector('[data-testid=page-canvas]');
  if (!viewport || !canvas) return null;
  const [ox, oy, k] = (canvas.getAttribute('data-origin') ?? '').split(' ').map(Number) as [number, number, number];
  if (![ox, oy, k].every(Number.isFinite) || !(k > 0)) return null;
  const r = viewport.getBoundingClientRect();
  return { x: (e.clientX - r.left - ox) / k, y: (e.clientY - r.top - oy) / k };
}

/** The place target for a drop at page point `p`: the topmost frame there, else the page at `p`. */
export function dropTarget(editor: Editor, p: { x: number; y: number }): PlaceTarget {
  const hit = framesAt(editor.history.current, editor.tools.host.page(), p.x, p.y)[0];
  return hit && (hit.kind === 'text' || hit.kind === 'image') ? { kind: 'frame', frame: hit.id } : { kind: 'page', at: p };
}

/** Installs the drop handling on the window; returns the uninstaller. */
export function installFileDrop(editor: Editor): () => void {
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = pagePointOf(e) ? 'copy' : 'none';
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    const p = pagePointOf(e);
    if (!editor.s.get().document || !files.length) return;
    if (!p) return editor.s.session({ error: 'Drop files on the page to place them.' });
    if (files.length > 1) return editor.s.session({ error: `${files.length} files dropped: place one file at a time.` });
    void placeFile(editor, files[0]!, dropTarget(editor, p));
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
