/**
 * The Node-side implementation of every bridge channel, shared by the web server and the
 * Electron main process. Requests arrive already checked against the bridge's schemas (see
 * bridge/handle.ts `dispatch`); documents are checked again here against engine/model's schema,
 * and every path is confined to the host's folder when one is set (web mode).
 *
 * Export and engine preflight are injected (`exporter`, `preflight`) so this file does not
 * depend on how the PDF writer is wired; without an exporter, export answers 'unsupported'.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ServiceError, type ExportOptions, type Handlers, type PreflightFinding, type Progress, type RecentFile } from '../bridge';
import { DocumentError, schemas, type IssueDocument } from '../engine/model';
import { fontFamilies } from './package';
import { checkLinks } from './links';
import { openDocument, saveDocument, DOCUMENT_EXTENSION } from './document-store';
import { confine, fsError } from './api-paths';
import { writeFileAtomic } from './atomic-write';
import { scanFonts, SYSTEM_FONT_DIRS, type CatalogEntry } from './api-font-catalog';
import { addImage, chooseFile, importCopy, type ChooseKind } from './api-place';

/** Writes a PDF for a document; injected by the host (services/export.ts in practice). */
export type Exporter = (
  doc: IssueDocument,
  docPath: string,
  options: ExportOptions,
  onProgress: (phase: string, done: number, total: number) => void,
) => Promise<{ bytes: Uint8Array; pages: number }>;

/** Runs the engine's preflight rules; injected by the host. */
export type Preflighter = (doc: IssueDocument, docPath: string) => Promise<PreflightFinding[]>;

/** How a host configures the services. */
export interface ServiceOptions {
  mode: 'web' | 'electron';
  version: string;
  /** Web mode: the only folder the services may read or write. Undefined: no confinement. */
  root?: string;
  /** The document the host was started with; `document.open` without a path opens it. */
  documentPath?: string;
  /** The bundled sample issue. */
  samplePath?: string;
  /** Bundled font folders (the app's fonts/). */
  bundledFonts?: string[];
  /** System font folders; default SYSTEM_FONT_DIRS; [] for none. */
  systemFonts?: string[];
  /** Where the recent-files list is kept (JSON); undefined keeps it in memory. */
  recentFile?: string;
  /** Electron: asks the user for a file to open / a place to save. Resolves undefined when cancelled. */
  pickOpenPath?: () => Promise<string | undefined>;
  pickSavePath?: (suggested: string) => Promise<string | undefined>;
  /** Electron: asks the user for a file to place or relink (files.choose). Resolves undefined when cancelled. */
  pickPlaceFile?: (kind: ChooseKind) => Promise<string | undefined>;
  exporter?: Exporter;
  preflight?: Preflighter;
}

/** Largest image the services hand to the renderer. */
const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
const MAX_RECENT = 20;

/** Checks a document JSON from the renderer against the schema; throws invalid-document. */
function checkDoc(doc: unknown): IssueDocument {
  const r = schemas.IssueDocument.safeParse(doc);
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(document)', message: i.message }));
    throw new ServiceError('invalid-document', `the document is not valid: ${details[0]?.path}: ${details[0]?.message}`, details);
  }
  return r.data as IssueDocument;
}

/** The services, plus what the web server needs to know about running jobs. */
export interface Services {
  handlers: Handlers;
  /** Latest progress per job id (HTTP clients poll it). */
  progress: Map<string, Progress>;
  /** Subscribe to progress (Electron main forwards it with webContents.send). */
  onProgress(listener: (p: Progress) => void): () => void;
  /** Starts scanning fonts now rather than on the first fonts.list. */
  warmUp(): Promise<void>;
}

/** Creates the services for one host. */
export function createServices(opts: ServiceOptions): Services {
  const root = opts.root ? path.resolve(opts.root) : undefined;
  const base = root ?? (opts.documentPath ? path.dirname(path.resolve(opts.documentPath)) : process.cwd());
  const progress = new Map<string, Progress>();
  const listeners = new Set<(p: Progress) => void>();
  let memoryRecent: RecentFile[] = [];
  let catalog: Promise<CatalogEntry[]> | undefined;

  const fonts = () => {
    catalog ??= scanFonts({
      document: path.join(base, 'fonts'),
      bundled: opts.bundledFonts ?? [],
      system: opts.systemFonts ?? SYSTEM_FONT_DIRS,
    });
    return catalog;
  };

  async function open(p: string) {
    const abs = await confine(root, base, p);
    if (!abs.endsWith(DOCUMENT_EXTENSION) && !abs.endsWith('.json')) {
      throw new ServiceError('invalid-document', `${p}: not a ${DOCUMENT_EXTENSION} file`);
    }
    try {
      const o = await openDocument(abs);
      const value = { path: o.path, name: path.basename(o.path), doc: o.doc as unknown };
      return o.migratedFrom !== undefined ? { ...value, migratedFrom: o.migratedFrom } : value;
    } catch (e) {
      if (e instanceof DocumentError) {
        throw new ServiceError('invalid-document', e.message, e.findings.map((f) => ({ path: f.path, message: f.message })));
      }
      if (e instanceof ServiceError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw fsError(e, abs, 'reading');
      throw new ServiceError('invalid-document', `${abs}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function save(docJson: unknown, p: string) {
    const doc = checkDoc(docJson);
    const abs = await confine(root, base, p);
    if (!abs.endsWith(DOCUMENT_EXTENSION)) throw new ServiceError('forbidden', `${p}: documents are saved as ${DOCUMENT_EXTENSION} files`);
    try {
      const r = await saveDocument(abs, doc);
      return { path: r.path };
    } catch (e) {
      throw fsError(e, abs, 'saving');
    }
  }

  async function readRecent(): Promise<RecentFile[]> {
    if (!opts.recentFile) return memoryRecent;
    try {
      const raw = JSON.parse(await fsp.readFile(opts.recentFile, 'utf8')) as unknown;
      return Array.isArray(raw) ? (raw as RecentFile[]).filter((r) => typeof r?.path === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  function report(p: Progress) {
    progress.set(p.jobId, p);
    for (const l of listeners) l(p);
  }

  async function exportBytes(docJson: unknown, docPath: string, options: ExportOptions, jobId?: string) {
    if (!opts.exporter) throw new ServiceError('unsupported', 'PDF export is not available in this build');
    const doc = checkDoc(docJson);
    const absDoc = await confine(root, base, docPath);
    const r = await opts.exporter(doc, absDoc, options, (phase, done, total) => {
      if (jobId) report({ jobId, phase, done, total, finished: false });
    });
    if (jobId) report({ jobId, phase: 'done', done: r.pages, total: r.pages, finished: true });
    return r;
  }

  const handlers: Handlers = {
    'app.info': async () => ({
      mode: opts.mode,
      version: opts.version,
      ...(opts.documentPath ? { documentPath: path.resolve(opts.documentPath) } : {}),
    }),
    'document.open': async ({ path: p }) => {
      if (p !== undefined) return open(p);
      if (opts.pickOpenPath) {
        const picked = await opts.pickOpenPath();
        if (!picked) throw new ServiceError('cancelled', 'no file chosen');
        return open(picked);
      }
      if (opts.documentPath) return open(opts.documentPath);
      throw new ServiceError('unsupported', 'no document was given to this server; name one with document.open(path)');
    },
    'document.openSample': async () => {
      if (!opts.samplePath) throw new ServiceError('not-found', 'this build has no sample issue');
      return open(opts.samplePath);
    },
    'document.save': async ({ doc, path: p }) => {
      const target = p ?? opts.documentPath;
      if (!target) throw new ServiceError('invalid-request', 'save needs a path: the document has never been saved');
      return save(doc, target);
    },
    'document.saveAs': async ({ doc, path: p }) => {
      let target = p;
      if (!target && opts.pickSavePath) target = await opts.pickSavePath(opts.documentPath ?? `issue${DOCUMENT_EXTENSION}`);
      if (!target) throw new ServiceError(opts.pickSavePath ? 'cancelled' : 'invalid-request', 'no file name chosen');
      return save(doc, target);
    },
    'fonts.list': async () => ({ fonts: (await fonts()).map(({ path: _p, ...info }) => info) }),
    'fonts.read': async ({ key }) => {
      const entry = (await fonts()).find((f) => f.key === key);
      if (!entry) throw new ServiceError('not-found', `no font with the key "${key}" (fonts.list names the available faces)`);
      try {
        return { bytes: new Uint8Array(await fsp.readFile(entry.path)), key, postscriptName: entry.postscriptName };
      } catch (e) {
        throw fsError(e, entry.path, 'reading the font');
      }
    },
    'images.read': async ({ docPath, src }) => {
      const absDoc = await confine(root, base, docPath);
      const abs = await confine(root, path.dirname(absDoc), src);
      let bytes: Buffer;
      try {
        const st = await fsp.stat(abs);
        if (!st.isFile()) throw new ServiceError('not-found', `${src}: not a file`);
        if (st.size > MAX_IMAGE_BYTES) throw new ServiceError('io', `${src}: image larger than ${MAX_IMAGE_BYTES / 2 ** 20} MB`);
        bytes = await fsp.readFile(abs);
      } catch (e) {
        if (e instanceof ServiceError) throw e;
        throw fsError(e, src, 'reading the image');
      }
      let meta;
      try {
        meta = await sharp(bytes).metadata();
      } catch (e) {
        throw new ServiceError('io', `${src}: not an image this app can read (${e instanceof Error ? e.message : String(e)})`);
      }
      // Points per pixel follow the file's resolution (72 ppi when it has none), as services/engine-host.ts measures for layout.
      const density = meta.density && meta.density > 0 ? meta.density : 72;
      const mime = meta.format === 'jpeg' ? 'image/jpeg' : meta.format === 'png' ? 'image/png' : meta.format === 'webp' ? 'image/webp' : meta.format === 'gif' ? 'image/gif' : meta.format === 'svg' ? 'image/svg+xml' : 'application/octet-stream';
      // Formats a browser cannot show (TIFF, PSD-derived, CMYK JPEG edge cases) are converted for the screen only.
      if (mime === 'application/octet-stream') {
        const png = await sharp(bytes).png().toBuffer();
        return { bytes: new Uint8Array(png), mime: 'image/png', width: meta.width ?? 0, height: meta.height ?? 0, density };
      }
      return { bytes: new Uint8Array(bytes), mime, width: meta.width ?? 0, height: meta.height ?? 0, density };
    },
    'images.add': async ({ docPath, name, bytes }) => addImage(root, base, docPath, name, bytes),
    'import.copy': async ({ name, bytes }) => importCopy(name, bytes),
    'files.choose': async ({ kind }) => chooseFile(opts.pickPlaceFile, kind),
    'export.pdf': async ({ doc, docPath, options, jobId }) => {
      // Check where the PDF goes before spending time on it.
      const absDoc = await confine(root, base, docPath);
      const out = options.path ? await confine(root, path.dirname(absDoc), options.path) : absDoc.replace(/\.[^./\\]+$/, '') + '.pdf';
      const r = await exportBytes(doc, docPath, options, jobId);
      try {
        // Atomic: a reader (or a crash) never sees half a PDF.
        await writeFileAtomic(out, r.bytes);
      } catch (e) {
        throw fsError(e, out, 'writing the PDF');
      }
      return { path: out, pages: r.pages, size: r.bytes.byteLength };
    },
    'export.preview': async ({ doc, docPath, options }) => {
      const r = await exportBytes(doc, docPath, options);
      return { bytes: r.bytes, pages: r.pages };
    },
    'jobs.progress': async ({ jobId }) => progress.get(jobId) ?? null,
    'preflight.run': async ({ doc: docJson, docPath }) => {
      const doc = checkDoc(docJson);
      const absDoc = await confine(root, base, docPath);
      const findings: PreflightFinding[] = [];
      // The engine's rules first; if they cannot run (fonts unreadable, …) say so and still
      // report what the services can check on their own.
      let engineRan = false;
      if (opts.preflight) {
        try {
          findings.push(...(await opts.preflight(doc, absDoc)));
          engineRan = true;
        } catch (e) {
          findings.push({ rule: 'preflight-failed', severity: 'error', message: `preflight could not run: ${e instanceof Error ? e.message : String(e)}` });
        }
      }
      // Links: a missing or changed image is the commonest reason a page goes to press wrong.
      // (The engine has its own image-missing rule; do not report a missing file twice.)
      const links = await checkLinks(doc, absDoc);
      for (const l of links.problems.filter((x) => !(engineRan && x.state === 'missing'))) {
        const use = l.uses.find((u) => u.kind === 'image');
        const frame = use && use.kind === 'image' ? use.frame : undefined;
        const page = frame ? doc.frames.find((f) => f.id === frame)?.page : undefined;
        findings.push({
          rule: l.state === 'missing' ? 'image-missing' : 'image-changed',
          severity: l.state === 'missing' ? 'error' : 'warning',
          message: l.state === 'missing' ? `image "${l.src}" is missing` : `image "${l.src}" changed since the last save`,
          ...(frame ? { frame } : {}),
          ...(page ? { page } : {}),
        });
      }
      // Fonts: every family the styles name must be installed or bundled.
      const families = new Set((await fonts()).map((f) => f.family.toLowerCase()));
      for (const fam of fontFamilies(doc)) {
        if (!families.has(fam.toLowerCase())) {
          findings.push({ rule: 'font-missing', severity: 'error', message: `font family "${fam}" is not installed` });
        }
      }
      return { findings };
    },
    'recent.list': async () => ({ files: await readRecent() }),
    'recent.add': async ({ path: p }) => {
      const abs = await confine(root, base, p);
      const files = [{ path: abs, name: path.basename(abs), openedAt: new Date().toISOString() }, ...(await readRecent()).filter((r) => r.path !== abs)].slice(0, MAX_RECENT);
      if (opts.recentFile) {
        await fsp.mkdir(path.dirname(opts.recentFile), { recursive: true });
        await fsp.writeFile(opts.recentFile, JSON.stringify(files, null, 2));
      } else memoryRecent = files;
      return { files };
    },
  };

  return {
    handlers,
    progress,
    onProgress(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async warmUp() {
      await fonts();
    },
  };
}
