/**
 * Print preview: the exact PDF the export writes (same exporter, via the bridge), rendered by
 * pdf.js page by page. Shown instead of the canvas, or beside it ("side by side").
 */
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '../editor';
import { useStore } from '../store/store';
import { openPdf, type PreviewDocument } from './pdf';

export function PrintPreview({ editor }: { editor: Editor }) {
  const revision = useStore((s) => s.document?.revision);
  const pageIndex = useStore((s) => s.session.page);
  const scale = useStore((s) => s.session.effectiveScale);
  const [pdf, setPdf] = useState<PreviewDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PreviewDocument | null = null;
    setError(null);
    void (async () => {
      try {
        const bytes = await editor.previewPdf();
        if (!bytes || cancelled) return;
        opened = await openPdf(bytes);
        if (cancelled) void opened.destroy();
        else setPdf(opened);
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      if (opened) void opened.destroy();
    };
  }, [editor, revision]);

  useEffect(() => {
    const c = canvas.current;
    if (!pdf || !c) return;
    const n = Math.min(pdf.pages, pageIndex + 1);
    const dpr = window.devicePixelRatio || 1;
    c.dataset.rendered = 'false';
    void pdf.render(n, c, scale * dpr).then(() => {
      c.dataset.rendered = 'true';
      c.dataset.page = String(n);
    });
  }, [pdf, pageIndex, scale]);

  return (
    <div className="print-preview" data-testid="print-preview">
      <div className="print-preview-title">Print preview (exported PDF){pdf ? ` · ${pdf.pages} pages` : ''}</div>
      {error ? <p className="error">{error}</p> : <canvas ref={canvas} className="pdf-canvas" data-testid="pdf-canvas" />}
    </div>
  );
}
