/**
 * Channels between the renderer and the shell itself (not the document services): the
 * renderer reports its document's state (dirty flag, and the document for crash recovery),
 * and main pushes menu commands to it. Same wire prefix and the same validated wrapper as
 * the bridge's channels. The preload (main/preload/index.ts) repeats the wire names, since it
 * may import only electron and bridge/; a test checks that the two agree.
 */
import { z } from 'zod';

/** Renderer → main: the document changed (or was saved / reverted). */
export const DocumentState = z
  .object({
    dirty: z.boolean(),
    /** The whole document as JSON, sent when dirty so main can autosave it for recovery. */
    doc: z
      .unknown()
      .refine((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a document object')
      .optional(),
  })
  .strict();
export type DocumentState = z.infer<typeof DocumentState>;

/** Shell channels: short name → request schema. Every one answers an empty object. */
export const SHELL_CHANNELS = {
  'shell.documentState': DocumentState,
  /** The renderer has installed its command listener and its document (close prompt can rely on it). */
  'shell.ready': z.object({ commands: z.array(z.string().min(1).max(100)).max(1000) }).strict(),
} as const;
export type ShellChannel = keyof typeof SHELL_CHANNELS;
export const SHELL_CHANNEL_NAMES = Object.keys(SHELL_CHANNELS) as ShellChannel[];

/** Main → renderer event: run the registered command with this name. */
export const SHELL_COMMAND_EVENT = 'broadsheet:shell.command';
/** Main → renderer event payload. */
export const ShellCommand = z.object({ name: z.string().min(1).max(100) }).strict();
