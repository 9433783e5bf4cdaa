/**
 * Generates the placeholder images of the sample issue (no third-party photos): for every
 * image frame of samples/jinshan/jinshan.broadsheet, a JPEG sized for its frame at 240 ppi
 * (print needs ≥ 200 ppi at the placed size), showing a gradient, a few flat shapes, the
 * caption (or the article's name) and the word "placeholder". Output is deterministic: the
 * shapes come from a hash of the file name, never from a random source.
 *
 *   npx tsx scripts/make-sample-images.ts [path/to/issue.broadsheet]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { loadDocument, toMm } from '../engine/model';

/** Resolution the placeholders are made at, in pixels per inch of the placed size. */
export const PLACEHOLDER_PPI = 240;

/** What a placeholder image shows and how big it is. */
export interface PlaceholderSpec {
  /** Pixel size. */
  width: number;
  height: number;
  /** Main label (the caption), drawn large. */
  title: string;
  /** Small second line, e.g. the placed size. */
  note: string;
  /** Seeds the shapes; the same seed always gives the same picture. */
  seed: string;
}

/** FNV-1a, then a small xorshift generator: deterministic numbers in [0, 1). */
function rng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let s = h || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const escapeXml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The SVG drawing of a placeholder (a sky-to-sea gradient, a skyline, labels). */
export function placeholderSvg(spec: PlaceholderSpec): string {
  const { width: w, height: h } = spec;
  const next = rng(spec.seed);
  const horizon = h * (0.55 + next() * 0.1);
  const shapes: string[] = [];
  let x = w * 0.04;
  while (x < w * 0.96) {
    const bw = w * (0.03 + next() * 0.06);
    const bh = h * (0.08 + next() * 0.3);
    const shade = Math.round(70 + next() * 60);
    shapes.push(`<rect x="${x.toFixed(1)}" y="${(horizon - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="rgb(${shade},${shade + 10},${shade + 25})" fill-opacity="0.85"/>`);
    x += bw + w * next() * 0.02;
  }
  const big = Math.max(12, Math.round(Math.min(w / (spec.title.length + 2), h / 6)));
  const small = Math.max(10, Math.round(big * 0.45));
  const font = "'Noto Sans CJK SC', 'Noto Sans', sans-serif";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e4"/><stop offset="1" stop-color="#f3e2c4"/></linearGradient>
<linearGradient id="sea" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3f7fa6"/><stop offset="1" stop-color="#1d4e6e"/></linearGradient>
</defs>
<rect width="${w}" height="${h}" fill="url(#sky)"/>
<rect y="${horizon.toFixed(1)}" width="${w}" height="${(h - horizon).toFixed(1)}" fill="url(#sea)"/>
${shapes.join('\n')}
<rect x="${(w * 0.03).toFixed(1)}" y="${(h * 0.06).toFixed(1)}" width="${(w * 0.94).toFixed(1)}" height="${(big * 2.6).toFixed(1)}" fill="#ffffff" fill-opacity="0.72"/>
<text x="${w / 2}" y="${(h * 0.06 + big * 1.15).toFixed(1)}" font-family="${font}" font-size="${big}" font-weight="700" text-anchor="middle" fill="#20303c">${escapeXml(spec.title)}</text>
<text x="${w / 2}" y="${(h * 0.06 + big * 1.15 + small * 1.6).toFixed(1)}" font-family="${font}" font-size="${small}" text-anchor="middle" fill="#20303c">${escapeXml(spec.note)}</text>
<text x="${(w * 0.97).toFixed(1)}" y="${(h * 0.95).toFixed(1)}" font-family="${font}" font-size="${small}" font-weight="700" text-anchor="end" fill="#ffffff">PLACEHOLDER · 占位图</text>
</svg>`;
}

/** Renders a placeholder to JPEG bytes (sRGB, 4:2:0, quality 78, density recorded). */
export async function placeholderJpeg(spec: PlaceholderSpec): Promise<Buffer> {
  return sharp(Buffer.from(placeholderSvg(spec)), { density: 72 })
    .resize(spec.width, spec.height, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .withDensity(PLACEHOLDER_PPI)
    .jpeg({ quality: 78, chromaSubsampling: '4:2:0', mozjpeg: true })
    .toBuffer();
}

/** One image to make: where it goes and what it shows. */
export interface PlannedImage {
  file: string;
  spec: PlaceholderSpec;
}

/** The placeholders an issue needs: one per image frame, sized for that frame. */
export function planImages(docText: string, docFile: string): PlannedImage[] {
  const doc = loadDocument(docText, docFile);
  const captions = new Map(doc.stories.map((s) => [s.id as string, s.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ')]));
  const articleNames = new Map(doc.articles.map((a) => [a.id as string, a.name]));
  const out: PlannedImage[] = [];
  for (const f of doc.frames) {
    if (f.kind !== 'image') continue;
    const title = (f.caption && captions.get(f.caption.story)) || (f.article && articleNames.get(f.article)) || f.id;
    const width = Math.ceil((f.width / 72) * PLACEHOLDER_PPI);
    const height = Math.ceil((f.height / 72) * PLACEHOLDER_PPI);
    out.push({
      file: path.resolve(path.dirname(docFile), f.src),
      spec: {
        width,
        height,
        title,
        note: `${width} × ${height} px · ${PLACEHOLDER_PPI} ppi at ${toMm(f.width).toFixed(0)} × ${toMm(f.height).toFixed(0)} mm`,
        seed: f.src,
      },
    });
  }
  return out;
}

async function main(): Promise<void> {
  const docFile = path.resolve(process.argv[2] ?? 'samples/jinshan/jinshan.broadsheet');
  for (const { file, spec } of planImages(readFileSync(docFile, 'utf8'), docFile)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const bytes = await placeholderJpeg(spec);
    writeFileSync(file, bytes);
    console.log(`${path.relative(process.cwd(), file)}: ${spec.width} × ${spec.height} px, ${(bytes.length / 1024).toFixed(0)} KB`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
