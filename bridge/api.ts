/**
 * The typed API the renderer calls. Each method is one channel of channels.ts; failures
 * reject with a BridgeCallError carrying the error code. Hosts provide it two ways:
 * Electron's preload exposes `window.broadsheet` built with createApiClient over
 * ipcRenderer.invoke; web mode builds the same client over HTTP (renderer/host/).
 */
import type { ExportOptions, FontInfo, ImportedCopy, OpenedDocument, PreflightFinding, Progress, RecentFile, ResponseOf } from './channels';

/** The renderer's view of the Node side. */
export interface BroadsheetApi {
  app: {
    info(): Promise<ResponseOf<'app.info'>>;
  };
  document: {
    /** No path: the host chooses (Electron: an open dialog; web mode: the served issue). */
    open(path?: string): Promise<OpenedDocument>;
    openSample(): Promise<OpenedDocument>;
    save(doc: unknown, path?: string): Promise<{ path: string }>;
    saveAs(doc: unknown, path?: string): Promise<{ path: string }>;
  };
  fonts: {
    list(): Promise<FontInfo[]>;
    read(key: string): Promise<{ bytes: Uint8Array; key: string; postscriptName: string }>;
  };
  images: {
    read(docPath: string, src: string): Promise<{ bytes: Uint8Array; mime: string; width: number; height: number; density: number }>;
    /** Copies an image file (its name and bytes) into the document's images/ folder; answers the link to use. */
    add(docPath: string, name: string, bytes: Uint8Array): Promise<ResponseOf<'images.add'>>;
  };
  files: {
    /** A file chosen in the host's own dialog (Electron); rejects 'unsupported' in web mode, 'cancelled' when closed. */
    choose(kind: 'copy' | 'image' | 'any'): Promise<{ bytes: Uint8Array; name: string }>;
  };
  import: {
    /** Reads copy from a file's name and bytes (all or nothing; refusals name the file). */
    copy(name: string, bytes: Uint8Array): Promise<ImportedCopy>;
  };
  export: {
    /** Writes a PDF; `onProgress` is called as pages are written. */
    pdf(
      doc: unknown,
      docPath: string,
      options: ExportOptions,
      onProgress?: (p: Progress) => void,
    ): Promise<{ path: string; pages: number; size: number }>;
    /** The PDF bytes the export would write, for the print preview. */
    preview(doc: unknown, docPath: string, options?: Omit<ExportOptions, 'path'>): Promise<{ bytes: Uint8Array; pages: number }>;
  };
  preflight: {
    run(doc: unknown, docPath: string): Promise<PreflightFinding[]>;
  };
  recent: {
    list(): Promise<RecentFile[]>;
    add(path: string): Promise<RecentFile[]>;
  };
}
