/**
 * Reading PDFs back in tests with independent tools: qpdf (structure, JSON object dump),
 * poppler (pdffonts, pdfinfo -box, pdftotext, pdftoppm, pdfimages).
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Runs a tool and returns stdout; throws with stderr on a non-zero exit. */
export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** qpdf --check: exit status and output (0 clean, 2 errors, 3 warnings). */
export function qpdfCheck(file: string): { status: number; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Every object of a PDF as qpdf --json=2 reports it (streams: their dictionaries), plus the trailer. */
export function pdfObjects(file: string): { objects: Map<string, Json>; streams: Set<string>; trailer: Record<string, Json> } {
  const data = JSON.parse(run('qpdf', ['--json=2', file])) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Json } }>] };
  const objects = new Map<string, Json>();
  const streams = new Set<string>();
  let trailer: Record<string, Json> = {};
  for (const [k, v] of Object.entries(data.qpdf[1])) {
    if (k === 'trailer') trailer = v.value as Record<string, Json>;
    else if (v.stream) {
      objects.set(k.replace(/^obj:/, ''), v.stream.dict);
      streams.add(k.replace(/^obj:/, ''));
    } else objects.set(k.replace(/^obj:/, ''), v.value ?? null);
  }
  return { objects, streams, trailer };
}

/** Follows an indirect reference ("12 0 R") to its value. */
export function deref(objects: Map<string, Json>, v: Json | undefined): Json | undefined {
  if (typeof v === 'string' && / \d+ R$/.test(v)) return objects.get(v);
  return v;
}

/** Page boxes from `pdfinfo -box`, one entry per page. */
export function pageBoxes(file: string, pages: number): { media: number[]; bleed: number[]; trim: number[] }[] {
  const out: { media: number[]; bleed: number[]; trim: number[] }[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = run('pdfinfo', ['-box', '-f', String(p), '-l', String(p), file]);
    const box = (name: string) => {
      const m = new RegExp(`Page\\s+${p} ${name}:\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)`).exec(text);
      if (!m) throw new Error(`no ${name} for page ${p} in:\n${text}`);
      return m.slice(1, 5).map(Number);
    };
    out.push({ media: box('MediaBox'), bleed: box('BleedBox'), trim: box('TrimBox') });
  }
  return out;
}

/** Whether box a lies inside box b (both [x1 y1 x2 y2]), with a small tolerance. */
export function inside(a: number[], b: number[]): boolean {
  const e = 0.01;
  return (a[0] ?? 0) >= (b[0] ?? 0) - e && (a[1] ?? 0) >= (b[1] ?? 0) - e && (a[2] ?? 0) <= (b[2] ?? 0) + e && (a[3] ?? 0) <= (b[3] ?? 0) + e;
}

/** pdffonts rows: name, type, emb, sub, uni. */
export function fonts(file: string): { name: string; type: string; emb: boolean; sub: boolean; uni: boolean }[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type... encoding emb sub uni objnum gen: read the flags from the end.
    const n = cols.length;
    return { name: cols[0] ?? '', type: cols.slice(1, n - 6).join(' '), emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes', uni: cols[n - 3] === 'yes' };
  });
}

/** Text of one page, whitespace removed. */
export function pageText(file: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).replace(/\s+/g, '');
}

/** The uncompressed text of the whole file (qpdf --qdf), for scanning content-stream operators. */
export function qdfText(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
}
