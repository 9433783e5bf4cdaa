/**
 * pdf.js, loaded on demand with its worker bundled locally (no CDN: the CSP allows only this
 * origin). Renders pages of the exported PDF bytes to canvases.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof PdfJsModule;
let lib: Promise<PdfJs> | undefined;

async function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return lib;
}

/** An opened PDF: page count and a page renderer. */
export interface PreviewDocument {
  pages: number;
  /** Renders page `n` (1-based) into `canvas` at `scale` device px per pt. */
  render(n: number, canvas: HTMLCanvasElement, scale: number): Promise<void>;
  destroy(): Promise<void>;
}

/** Opens PDF bytes for preview. */
export async function openPdf(bytes: Uint8Array): Promise<PreviewDocument> {
  const m = await pdfjs();
  // pdf.js takes ownership of the buffer; give it a copy so the caller's bytes stay usable.
  const task = m.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableAutoFetch: true });
  const pdf = await task.promise;
  return {
    pages: pdf.numPages,
    async render(n, canvas, scale) {
      const page = await pdf.getPage(n);
      const vp = page.getViewport({ scale });
      canvas.width = Math.round(vp.width);
      canvas.height = Math.round(vp.height);
      await page.render({ canvas, viewport: vp }).promise;
    },
    destroy: () => pdf.destroy(),
  };
}
