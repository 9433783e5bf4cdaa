/**
 * Every channel between the renderer and the Node side: its name, the zod schema of its
 * request and of its response value. The Node side (services/api.ts) parses each request
 * with these schemas before doing anything; the renderer-side client (client.ts) parses each
 * response. Channel ids on the wire carry the app prefix (`broadsheet:document.open`), so a
 * preload or an IPC wrapper can refuse anything that is not ours.
 *
 * Documents cross the bridge as plain JSON values (`doc: unknown` here): bridge/ may import
 * only zod, so the document schema itself lives in engine/model and both ends apply it.
 */
import { z } from 'zod';

/** Prefix of every channel and event id on the wire. */
export const CHANNEL_PREFIX = 'broadsheet:';

/** Bytes: a Uint8Array (Electron IPC passes it natively; HTTP sends it as a binary body). */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected bytes (a Uint8Array)");

/** A path as the user or the document wrote it; the Node side resolves and confines it. */
const FilePath = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), 'paths contain no NUL byte');

/** A document as JSON; the Node side checks it against engine/model's schema. */
const DocumentJson = z.unknown().refine((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a document object');

const Empty = z.object({}).strict();

/** An opened document: where it lives and its content. */
export const OpenedDocument = z
  .object({
    /** Absolute path of the .broadsheet file (web mode: as the server knows it). */
    path: z.string(),
    /** File name shown in the title bar. */
    name: z.string(),
    /** The validated document (engine/model IssueDocument as JSON). */
    doc: DocumentJson,
    /** Set when the file was written by an older format version and migrated on load. */
    migratedFrom: z.number().int().optional(),
  })
  .strict();
export type OpenedDocument = z.infer<typeof OpenedDocument>;

/** A font face the host can provide. `key` is what the renderer asks fonts.read for. */
export const FontInfo = z
  .object({
    key: z.string().min(1),
    family: z.string(),
    /** PostScript name of the face (selects the face inside a .ttc collection). */
    postscriptName: z.string(),
    style: z.enum(['normal', 'italic']),
    weight: z.number().int().min(1).max(1000),
    /** File name only (no directories: the renderer has no business with host paths). */
    file: z.string(),
    /** Where it came from: the document's fonts/ folder, the app's bundled fonts, the system. */
    origin: z.enum(['document', 'bundled', 'system']),
  })
  .strict();
export type FontInfo = z.infer<typeof FontInfo>;

/** A preflight finding as shown in the preflight panel. */
export const PreflightFinding = z
  .object({
    rule: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    page: z.string().optional(),
    frame: z.string().optional(),
    story: z.string().optional(),
  })
  .strict();
export type PreflightFinding = z.infer<typeof PreflightFinding>;

/** Options of an export to PDF. */
export const ExportOptions = z
  .object({
    /** Output file; omitted = next to the document, same name with .pdf (Electron: asks). */
    path: FilePath.optional(),
    /** Page ids to export; omitted = all pages. */
    pages: z.array(z.string().min(1)).optional(),
    /** Overrides the output profile. */
    profile: z.enum(['pdfx1a', 'pdfx4']).optional(),
    /** Include the bleed area (crop marks are the PDF writer's business). */
    bleed: z.boolean().optional(),
  })
  .strict();
export type ExportOptions = z.infer<typeof ExportOptions>;

/** Progress of a long job (export), pushed as an event or polled over HTTP. */
export const Progress = z
  .object({
    jobId: z.string().min(1).max(100),
    phase: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
    finished: z.boolean(),
  })
  .strict();
export type Progress = z.infer<typeof Progress>;

/** A recently opened file. */
export const RecentFile = z.object({ path: z.string(), name: z.string(), openedAt: z.string() }).strict();
export type RecentFile = z.infer<typeof RecentFile>;

/** Largest copy file (text, Markdown, DOCX) `import.copy` accepts: copy is text, not a story's pictures. */
export const MAX_COPY_BYTES = 20 * 1024 * 1024;
/** Largest image `images.add` accepts (web mode's request limit is above it, so the message names the file). */
export const MAX_ADD_IMAGE_BYTES = 100 * 1024 * 1024;

/** A file name as the user's file came (no folders: the Node side never sees the renderer's paths). */
const FileName = z.string().min(1).max(255).refine((s) => !s.includes('\0'), 'file names contain no NUL byte');

/** One paragraph of imported copy (engine/import CopyParagraph). */
export const CopyParagraph = z
  .object({
    text: z.string(),
    /** 1–6 for a heading (Markdown #, DOCX Heading n). */
    heading: z.number().int().min(1).max(6).optional(),
    /** The source's own paragraph style name (DOCX). */
    styleName: z.string().optional(),
  })
  .strict();
export type CopyParagraph = z.infer<typeof CopyParagraph>;

/** Copy read from a file: its paragraphs (the renderer maps them onto the document's styles). */
export const ImportedCopy = z
  .object({
    file: z.string(),
    format: z.enum(['text', 'markdown', 'docx']),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']).optional(),
    paragraphs: z.array(CopyParagraph),
  })
  .strict();
export type ImportedCopy = z.infer<typeof ImportedCopy>;

/** Channel table. `binary` channels answer with `{ bytes, ...meta }`; HTTP sends bytes raw. */
export const CHANNELS = {
  /** Which host this is and what it has open. */
  'app.info': {
    request: Empty,
    response: z
      .object({
        mode: z.enum(['web', 'electron']),
        version: z.string(),
        /** The document the host was started with (web mode: the served issue). */
        documentPath: z.string().optional(),
      })
      .strict(),
  },
  /** Open a document: a path, or (no path) the host's choice: a dialog or the served issue. */
  'document.open': { request: z.object({ path: FilePath.optional() }).strict(), response: OpenedDocument },
  /** Open the bundled sample issue. */
  'document.openSample': { request: Empty, response: OpenedDocument },
  /** Save a document to its path (or to `path`). Atomic on the Node side. */
  'document.save': {
    request: z.object({ doc: DocumentJson, path: FilePath.optional() }).strict(),
    response: z.object({ path: z.string() }).strict(),
  },
  /** Save under a new name (Electron: a dialog; web mode: `path` required, inside the folder). */
  'document.saveAs': {
    request: z.object({ doc: DocumentJson, path: FilePath.optional() }).strict(),
    response: z.object({ path: z.string() }).strict(),
  },
  /** The fonts the host can provide. */
  'fonts.list': { request: Empty, response: z.object({ fonts: z.array(FontInfo) }).strict() },
  /** The bytes of one font file (by FontInfo.key). */
  'fonts.read': {
    request: z.object({ key: z.string().min(1).max(500) }).strict(),
    response: z.object({ bytes: Bytes, key: z.string(), postscriptName: z.string() }).strict(),
    binary: true,
  },
  /** The bytes of an image linked from a document (src relative to the document's folder). */
  'images.read': {
    request: z.object({ docPath: FilePath, src: FilePath }).strict(),
    response: z
      .object({
        bytes: Bytes,
        mime: z.string(),
        width: z.number().int().nonnegative(),
        height: z.number().int().nonnegative(),
        /** The file's resolution in ppi (72 when it states none): natural size in pt = px × 72 / density. */
        density: z.number().positive(),
      })
      .strict(),
    binary: true,
  },
  /** Reads copy (plain text in UTF-8/GB 18030/Big5, Markdown, DOCX) from a file's bytes; bad or binary files are refused naming the file. */
  'import.copy': {
    request: z.object({ name: FileName, bytes: Bytes }).strict(),
    response: ImportedCopy,
  },
  /**
   * Copies an image into the document's images/ folder (a unique name; an identical file already
   * there is reused, a different one never overwritten) after checking it is a readable image.
   */
  'images.add': {
    request: z.object({ docPath: FilePath, name: FileName, bytes: Bytes }).strict(),
    response: z
      .object({
        /** Link relative to the document's folder (forward slashes). */
        src: z.string(),
        width: z.number().int().nonnegative(),
        height: z.number().int().nonnegative(),
        density: z.number().positive(),
        /** True when an identical file was already there and is linked instead of a copy. */
        reused: z.boolean(),
      })
      .strict(),
  },
  /**
   * A file the user chooses in the host's own dialog, for Place and Relink (Electron: a menu
   * command carries no user activation, so the page's file input cannot open). Web mode answers
   * 'unsupported' and the renderer uses a file input; a closed dialog answers 'cancelled'.
   */
  'files.choose': {
    request: z.object({ kind: z.enum(['copy', 'image', 'any']) }).strict(),
    response: z.object({ bytes: Bytes, name: z.string() }).strict(),
    binary: true,
  },
  /** Export to a PDF file. Progress arrives as `export.progress` events (or by polling). */
  'export.pdf': {
    request: z.object({ doc: DocumentJson, docPath: FilePath, options: ExportOptions, jobId: z.string().min(1).max(100).optional() }).strict(),
    response: z.object({ path: z.string(), pages: z.number().int().nonnegative(), size: z.number().int().nonnegative() }).strict(),
  },
  /** Export to PDF bytes for the print preview (the same writer as export.pdf). */
  'export.preview': {
    request: z.object({ doc: DocumentJson, docPath: FilePath, options: ExportOptions.omit({ path: true }) }).strict(),
    response: z.object({ bytes: Bytes, pages: z.number().int().nonnegative() }).strict(),
    binary: true,
  },
  /** The latest progress of a job (HTTP has no push; IPC hosts may also answer it). */
  'jobs.progress': { request: z.object({ jobId: z.string().min(1).max(100) }).strict(), response: Progress.nullable() },
  /** Run preflight on a document. */
  'preflight.run': {
    request: z.object({ doc: DocumentJson, docPath: FilePath }).strict(),
    response: z.object({ findings: z.array(PreflightFinding) }).strict(),
  },
  /** Recently opened files, newest first. */
  'recent.list': { request: Empty, response: z.object({ files: z.array(RecentFile) }).strict() },
  /** Remember a file as recently opened; answers the new list. */
  'recent.add': { request: z.object({ path: FilePath }).strict(), response: z.object({ files: z.array(RecentFile) }).strict() },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType; binary?: true }>;

/** A channel's short name (`document.open`). */
export type ChannelName = keyof typeof CHANNELS;
/** The request type of a channel. */
export type RequestOf<C extends ChannelName> = z.input<(typeof CHANNELS)[C]['request']>;
/** The response value type of a channel. */
export type ResponseOf<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['response']>;

/** Events pushed from the Node side (Electron: webContents.send; web mode: polled). */
export const EVENTS = {
  'export.progress': Progress,
} as const;
export type EventName = keyof typeof EVENTS;

/** All channel names, for hosts that register handlers in a loop. */
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** The wire id of a channel or event: `broadsheet:<name>`. */
export function wireId(name: ChannelName | EventName): string {
  return CHANNEL_PREFIX + name;
}

/** The channel a wire id names, or undefined when it is not one of ours. */
export function channelFromWire(id: string): ChannelName | undefined {
  if (!id.startsWith(CHANNEL_PREFIX)) return undefined;
  const name = id.slice(CHANNEL_PREFIX.length);
  return Object.hasOwn(CHANNELS, name) ? (name as ChannelName) : undefined;
}

/** Whether a channel answers with bytes (HTTP: a binary body plus an X-Broadsheet-Meta header). */
export function isBinary(name: ChannelName): boolean {
  return 'binary' in CHANNELS[name];
}
