/**
 * Linked files. Images (and a plant's ICC profile) are linked, never embedded: the document
 * stores paths relative to its folder. At each save the store records a fingerprint of each
 * linked file (size, mtime, SHA-256) in `.broadsheet-meta/<name>/links.json`; when the
 * document is opened, checkLinks compares what is on disk with that record and lists the
 * missing and changed files. relinkSearch finds missing files in a folder the user picks.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IssueDocument } from '../engine/model';
import { writeFileAtomic } from './atomic-write';
import { linksRecordFile } from './meta-dir';

/** Where a link is used in the document. */
export type LinkUse = { kind: 'image'; frame: string } | { kind: 'icc' };

/** One distinct linked path and the places that use it. */
export interface Link {
  /** As written in the document (relative to the document's folder, `/` separators). */
  src: string;
  /** Absolute path on this machine. */
  path: string;
  uses: LinkUse[];
}

/** The fingerprint of a linked file at the last save. */
export const Fingerprint = z.object({ size: z.number().nonnegative(), mtimeMs: z.number(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type Fingerprint = z.infer<typeof Fingerprint>;
const LinksRecord = z.object({ version: z.literal(1), links: z.record(z.string(), Fingerprint) });
type LinksRecord = z.infer<typeof LinksRecord>;

/** ok: as recorded; new: no record yet; changed: content differs from the record; missing: not on disk. */
export type LinkState = 'ok' | 'new' | 'changed' | 'missing';

/** The state of one link when the document opens. */
export interface LinkStatus extends Link {
  state: LinkState;
  /** What is on disk now (absent when missing). */
  current?: Fingerprint;
  /** What was there at the last save (absent when never recorded). */
  recorded?: Fingerprint;
}

/** Every link of a document with its state; `problems` are the missing and changed ones. */
export interface LinkReport {
  links: LinkStatus[];
  problems: LinkStatus[];
}

/** Resolves a document-relative link against the document's folder. */
export function resolveLink(docFile: string, src: string): string {
  return path.resolve(path.dirname(path.resolve(docFile)), src.replace(/\\/g, '/'));
}

/** Writes a path relative to the document's folder, with `/` so files move between systems. */
export function relativeLink(docFile: string, abs: string): string {
  return path.relative(path.dirname(path.resolve(docFile)), abs).split(path.sep).join('/');
}

/** The distinct linked files of a document, in document order. */
export function collectLinks(doc: IssueDocument, docFile: string): Link[] {
  const bySrc = new Map<string, Link>();
  const add = (src: string, use: LinkUse) => {
    let l = bySrc.get(src);
    if (!l) bySrc.set(src, (l = { src, path: resolveLink(docFile, src), uses: [] }));
    l.uses.push(use);
  };
  for (const f of doc.frames) if (f.kind === 'image' && f.src) add(f.src, { kind: 'image', frame: f.id });
  if (doc.issue.iccProfile) add(doc.issue.iccProfile, { kind: 'icc' });
  return [...bySrc.values()];
}

/** SHA-256 of a file, streamed (images can be hundreds of MB). */
export async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function fingerprint(file: string, known?: Fingerprint): Promise<Fingerprint | undefined> {
  const st = await fsp.stat(file).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  // Hashing 600 press images on every open is slow; trust size + mtime when both match.
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known;
  return { size: st.size, mtimeMs: st.mtimeMs, sha256: await hashFile(file) };
}

async function readRecord(docFile: string): Promise<LinksRecord['links']> {
  try {
    const parsed = LinksRecord.safeParse(JSON.parse(await fsp.readFile(linksRecordFile(docFile), 'utf8')));
    // A damaged record only loses change detection, never the document; start afresh.
    return parsed.success ? parsed.data.links : {};
  } catch {
    return {};
  }
}

/** Compares each linked file with its record from the last save. Never throws for a bad link. */
export async function checkLinks(doc: IssueDocument, docFile: string): Promise<LinkReport> {
  const record = await readRecord(docFile);
  const links: LinkStatus[] = [];
  for (const l of collectLinks(doc, docFile)) {
    const recorded = record[l.src];
    const current = await fingerprint(l.path, recorded);
    let state: LinkState;
    if (!current) state = 'missing';
    else if (!recorded) state = 'new';
    else state = current.sha256 === recorded.sha256 ? 'ok' : 'changed';
    links.push({ ...l, state, ...(current ? { current } : {}), ...(recorded ? { recorded } : {}) });
  }
  return { links, problems: links.filter((l) => l.state === 'missing' || l.state === 'changed') };
}

/**
 * Records the fingerprints of the links as they are now (called after each save, so the
 * next open compares against what the user last saw). Missing files keep their old record,
 * which relinking uses to recognise the right file by its hash.
 */
export async function recordLinks(doc: IssueDocument, docFile: string): Promise<void> {
  const old = await readRecord(docFile);
  const links: Record<string, Fingerprint> = {};
  for (const l of collectLinks(doc, docFile)) {
    const fp = (await fingerprint(l.path, old[l.src])) ?? old[l.src];
    if (fp) links[l.src] = fp;
  }
  const file = linksRecordFile(docFile);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify({ version: 1, links } satisfies LinksRecord, null, 2) + '\n');
}

/** A proposed fix for one missing link. */
export interface Relink {
  src: string;
  /** The new link, relative to the document's folder. */
  newSrc: string;
  path: string;
  /** True when the found file has the hash recorded at the last save (the same image). */
  verified: boolean;
}

/** Limits for searching a folder tree (a user may pick their home folder). */
export interface SearchLimits {
  maxDepth?: number;
  maxEntries?: number;
}

async function indexFolder(root: string, limits: Required<SearchLimits>): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  let seen = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth || seen > limits.maxEntries) return;
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (++seen > limits.maxEntries) return;
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      // Symlinked folders are not followed: a link loop must not hang the search.
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile()) {
        const key = e.name.toLowerCase();
        byName.set(key, [...(byName.get(key) ?? []), p]);
      }
    }
  };
  await walk(root, 0);
  return byName;
}

/**
 * Looks for each missing link in `folder` (recursively) by file name, case-insensitively.
 * Where several files share the name, the one whose hash matches the last save's record
 * wins; otherwise the shallowest. Returns the fixes found; apply them with applyRelinks.
 */
export async function relinkSearch(report: LinkReport, docFile: string, folder: string, limits: SearchLimits = {}): Promise<Relink[]> {
  const missing = report.links.filter((l) => l.state === 'missing');
  if (!missing.length) return [];
  const index = await indexFolder(path.resolve(folder), { maxDepth: limits.maxDepth ?? 8, maxEntries: limits.maxEntries ?? 200_000 });
  const out: Relink[] = [];
  for (const l of missing) {
    const candidates = (index.get(path.posix.basename(l.src.replace(/\\/g, '/')).toLowerCase()) ?? []).sort(
      (a, b) => a.split(path.sep).length - b.split(path.sep).length || a.localeCompare(b),
    );
    if (!candidates.length) continue;
    let chosen = candidates[0]!;
    let verified = false;
    if (l.recorded) {
      for (const c of candidates) {
        if ((await hashFile(c).catch(() => '')) === l.recorded.sha256) {
          chosen = c;
          verified = true;
          break;
        }
      }
    }
    out.push({ src: l.src, newSrc: relativeLink(docFile, chosen), path: chosen, verified });
  }
  return out;
}

/** Returns a copy of the document with the links replaced (old src → new src). */
export function applyRelinks(doc: IssueDocument, fixes: readonly Pick<Relink, 'src' | 'newSrc'>[]): IssueDocument {
  const map = new Map(fixes.map((f) => [f.src, f.newSrc]));
  const swap = (s: string) => map.get(s) ?? s;
  return {
    ...doc,
    issue: doc.issue.iccProfile ? { ...doc.issue, iccProfile: swap(doc.issue.iccProfile) } : doc.issue,
    frames: doc.frames.map((f) => (f.kind === 'image' && map.has(f.src) ? { ...f, src: swap(f.src) } : f)),
  };
}
