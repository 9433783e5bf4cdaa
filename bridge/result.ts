/**
 * Errors cross the bridge as data, never as thrown exceptions: an IPC or HTTP boundary loses
 * an Error's class and stack, and a renderer must be able to show every failure to the user.
 */
import { z } from 'zod';

/** Machine-readable error kinds. The renderer picks its wording and recovery from the code. */
export const ErrorCode = z.enum([
  /** The request did not match the channel's schema (a bug, or a hostile caller). */
  'invalid-request',
  /** The named file, font or image does not exist. */
  'not-found',
  /** The path is outside what this host may read or write (web mode: the document folder). */
  'forbidden',
  /** The file exists but is not a valid Broadsheet document (message lists the problems). */
  'invalid-document',
  /** Reading or writing failed (permissions, disk full, …). */
  'io',
  /** The user dismissed a dialog. */
  'cancelled',
  /** This host cannot do that (e.g. a save dialog in web mode). */
  'unsupported',
  /** Anything else: a bug on the Node side. The message says what happened. */
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** What the Node side reports when a request fails. */
export const BridgeError = z
  .object({
    code: ErrorCode,
    message: z.string(),
    /** Per-problem detail, e.g. every schema finding of an invalid document. */
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .strict();
export type BridgeError = z.infer<typeof BridgeError>;

/** The envelope of every response: a value, or an error as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** The zod schema of a Result<T>, for checking an envelope received from the other side. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }).strict(),
    z.object({ ok: z.literal(false), error: BridgeError }).strict(),
  ]);
}

/** Builds a success envelope. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure envelope. */
export function fail(code: ErrorCode, message: string, details?: BridgeError['details']): Result<never> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };
}

/** Thrown by the renderer-side client when a call fails, carrying the bridge error. */
export class BridgeCallError extends Error {
  readonly code: ErrorCode;
  readonly details: BridgeError['details'];
  constructor(
    readonly channel: string,
    error: BridgeError,
  ) {
    super(error.message);
    this.name = 'BridgeCallError';
    this.code = error.code;
    this.details = error.details;
  }
}
