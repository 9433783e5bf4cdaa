/**
 * The Node host of the layout engine, shared by the CLI and the desktop app: the bundled
 * fonts loaded into one FontBook (once per process) and, per document, a LayoutEnv with the
 * text typesetter and the natural sizes of the document's linked images.
 */
import path from 'node:path';
import sharp from 'sharp';
import { FontBook } from '../engine/fonts';
import { createTextTypesetter } from '../engine/flow/text-typesetter';
import type { LayoutEnv } from '../engine/flow/types';
import type { IssueDocument } from '../engine/model/types';
import { loadBundledFonts } from './font-files';

/** The engine's Node host: fonts, and a layout environment per document. */
export interface NodeLayoutHost {
  fonts: FontBook;
  /** The LayoutEnv for a document in folder `docDir` (image links are relative to it). */
  envFor(doc: IssueDocument, docDir: string): Promise<LayoutEnv>;
}

let shared: Promise<FontBook> | undefined;

/** The bundled fonts in one FontBook; loaded on first use and shared afterwards. */
export function bundledFontBook(): Promise<FontBook> {
  shared ??= loadBundledFonts().then((fonts) => {
    const book = new FontBook();
    for (const f of fonts) book.addFont(f.bytes, f.entry.file);
    return book;
  });
  return shared;
}

/** Natural size of an image in pt (pixels at the file's resolution, 72 dpi when it has none); null if unreadable. */
export async function imageSizePt(file: string): Promise<{ width: number; height: number } | null> {
  try {
    const m = await sharp(file).metadata();
    if (!m.width || !m.height) return null;
    const dpi = m.density && m.density > 0 ? m.density : 72;
    return { width: (m.width * 72) / dpi, height: (m.height * 72) / dpi };
  } catch {
    return null;
  }
}

/** Creates the Node layout host over the bundled fonts (or a given FontBook). */
export async function createNodeLayoutEnv(fonts?: FontBook): Promise<NodeLayoutHost> {
  const book = fonts ?? (await bundledFontBook());
  return {
    fonts: book,
    async envFor(doc, docDir) {
      const sizes = new Map<string, { width: number; height: number } | null>();
      await Promise.all(
        doc.frames.flatMap((f) => (f.kind === 'image' && f.src && !sizes.has(f.src) ? [f.src] : [])).map(async (src) => {
          sizes.set(src, await imageSizePt(path.resolve(docDir, src)));
        }),
      );
      return { typesetter: createTextTypesetter(doc, book), imageSize: (src) => sizes.get(src) ?? null };
    },
  };
}
