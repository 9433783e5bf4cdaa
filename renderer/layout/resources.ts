/**
 * The bytes a document needs on screen: its fonts (into a FontBook, the same engine code the
 * PDF writer uses, so outlines and metrics are identical) and its images (decoded once into
 * ImageBitmaps for painting, and measured for layout).
 */
import type { BroadsheetApi, FontInfo } from '../../bridge';
import type { FontBook } from '../../engine/fonts';
import type { IssueDocument } from '../../engine/model';

/**
 * Loads the document's and the app's bundled fonts into `book`, in the host's order, one
 * request per font file. This is the set the Node side lays out and exports with
 * (services/engine-host.ts), added in the same order, so fallback choices match the PDF.
 * System fonts are listed by the host but not loaded (they are not embedded in exports).
 */
export async function loadFonts(api: BroadsheetApi, book: FontBook, onProgress?: (done: number, total: number) => void): Promise<{ source: string; bytes: Uint8Array }[]> {
  const all = await api.fonts.list();
  const files = new Map<string, FontInfo>();
  for (const f of all) if (f.origin !== 'system' && !files.has(`${f.origin}/${f.file}`)) files.set(`${f.origin}/${f.file}`, f);
  const have = new Set(book.faces().map((f) => f.source));
  const todo = [...files.entries()].filter(([src]) => !have.has(src));
  let done = 0;
  onProgress?.(done, todo.length);
  // Fetch in parallel, add in order: FontBook order decides fallback.
  const bytes = await Promise.all(
    todo.map(async ([, info]) => {
      const r = await api.fonts.read(info.key);
      onProgress?.(++done, todo.length);
      return r.bytes;
    }),
  );
  todo.forEach(([src], i) => book.addFont(bytes[i]!, src));
  return todo.map(([source], i) => ({ source, bytes: bytes[i]! }));
}

/** A decoded image and its natural size in points. */
export interface LoadedImage {
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

/** Decoded images by src; failures are remembered so a missing image is asked for once. */
export class ImageStore {
  private readonly images = new Map<string, LoadedImage | null>();

  /** Loads every image frame's picture that is not loaded yet. */
  async load(api: BroadsheetApi, docPath: string, doc: IssueDocument): Promise<void> {
    const srcs = [...new Set(doc.frames.flatMap((f) => (f.kind === 'image' && f.src ? [f.src] : [])))].filter((s) => !this.images.has(s));
    await this.loadSrcs(api, docPath, srcs);
  }

  private async loadSrcs(api: BroadsheetApi, docPath: string, srcs: readonly string[]): Promise<void> {
    await Promise.all(
      srcs.map(async (src) => {
        try {
          const r = await api.images.read(docPath, src);
          const bitmap = await createImageBitmap(new Blob([r.bytes as BlobPart], { type: r.mime }));
          const k = 72 / r.density;
          this.images.set(src, { bitmap, width: (r.width || bitmap.width) * k, height: (r.height || bitmap.height) * k });
        } catch {
          this.images.set(src, null);
        }
      }),
    );
  }

  /** Loads pictures `srcs` again, even ones already loaded or remembered as missing (a placed or relinked file). */
  async refresh(api: BroadsheetApi, docPath: string, srcs: readonly string[]): Promise<void> {
    for (const src of srcs) this.images.delete(src);
    await this.loadSrcs(api, docPath, [...new Set(srcs)]);
  }

  /** Whether picture `src` was asked for and could not be read (missing or unreadable). */
  missing(src: string): boolean {
    return this.images.get(src) === null;
  }

  /** Natural sizes in pt of every image asked for (null: missing or unreadable). */
  sizes(): Record<string, { width: number; height: number } | null> {
    const out: Record<string, { width: number; height: number } | null> = {};
    for (const [src, im] of this.images) out[src] = im ? { width: im.width, height: im.height } : null;
    return out;
  }

  /** The decoded image, or undefined when missing or not loaded. */
  get(src: string): LoadedImage | undefined {
    return this.images.get(src) ?? undefined;
  }
}
