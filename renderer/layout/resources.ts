/**
 * The bytes a document needs on screen: its fonts (into a FontBook, the same engine code the
 * PDF writer uses, so outlines and metrics are identical) and its images (decoded once into
 * ImageBitmaps for painting, and measured for layout).
 */
import type { BroadsheetApi, FontInfo } from '../../bridge';
import type { FontBook } from '../../engine/fonts';
import type { IssueDocument } from '../../engine/model';

/** Families the engine falls back to (engine/style/defaults.ts), always loaded. */
const DEFAULT_FAMILIES = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'Noto Serif', 'Noto Sans'];

/** Every font family a document names. */
export function documentFamilies(doc: IssueDocument): string[] {
  const out = new Set<string>(DEFAULT_FAMILIES);
  const add = (f?: { cjk?: string; latin?: string }) => {
    if (f?.cjk) out.add(f.cjk);
    if (f?.latin) out.add(f.latin);
  };
  doc.paragraphStyles.forEach((s) => add(s.font));
  doc.characterStyles.forEach((s) => add(s.font));
  doc.templates.forEach((t) => t.folios.forEach((f) => add(f.font)));
  return [...out];
}

/** Loads the fonts of `families` into `book`, one request per font file. Reports progress. */
export async function loadFonts(api: BroadsheetApi, book: FontBook, families: string[], onProgress?: (done: number, total: number) => void): Promise<{ loaded: string[]; missing: string[] }> {
  const all = await api.fonts.list();
  const wanted = new Set(families.map((f) => f.toLowerCase()));
  const byFile = new Map<string, FontInfo>();
  for (const f of all) if (wanted.has(f.family.toLowerCase())) byFile.set(`${f.origin}/${f.file}`, byFile.get(`${f.origin}/${f.file}`) ?? f);
  const have = new Set(book.faces().map((f) => f.source));
  const files = [...byFile.entries()].filter(([src]) => !have.has(src));
  let done = 0;
  onProgress?.(done, files.length);
  await Promise.all(
    files.map(async ([src, info]) => {
      const r = await api.fonts.read(info.key);
      book.addFont(r.bytes, src);
      onProgress?.(++done, files.length);
    }),
  );
  const known = new Set(book.families().map((f) => f.toLowerCase()));
  const missing = families.filter((f) => !known.has(f.toLowerCase()) && !all.some((a) => a.family.toLowerCase() === f.toLowerCase()));
  return { loaded: book.families(), missing };
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
    const srcs = [...new Set(doc.frames.flatMap((f) => (f.kind === 'image' ? [f.src] : [])))].filter((s) => !this.images.has(s));
    await Promise.all(
      srcs.map(async (src) => {
        try {
          const r = await api.images.read(docPath, src);
          const bitmap = await createImageBitmap(new Blob([r.bytes as BlobPart], { type: r.mime }));
          // Natural size at 72 ppi: the fit modes scale to the frame; 'none' is rare in news.
          this.images.set(src, { bitmap, width: r.width || bitmap.width, height: r.height || bitmap.height });
        } catch {
          this.images.set(src, null);
        }
      }),
    );
  }

  /** The decoded image, or undefined when missing or not loaded. */
  get(src: string): LoadedImage | undefined {
    return this.images.get(src) ?? undefined;
  }
}
