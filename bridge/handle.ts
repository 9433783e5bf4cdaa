/**
 * The Node-side half of a channel call, shared by every host (Electron's ipcMain wrapper and
 * the web server): parse the request with the channel's schema, run the handler, turn any
 * throw into an error envelope. A handler body never runs on a malformed request.
 */
import { CHANNELS, type ChannelName, type ResponseOf } from './channels';
import type { z } from 'zod';
import { fail, ok, type BridgeError, type ErrorCode, type Result } from './result';

/** The implementation of every channel. Requests arrive already parsed. */
export type Handlers = {
  [C in ChannelName]: (request: z.output<(typeof CHANNELS)[C]['request']>) => Promise<ResponseOf<C>>;
};

/** Throw this from a handler to answer with a specific error code. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: BridgeError['details'],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Validates `request` for `channel`, runs its handler and returns the envelope; never throws. */
export async function dispatch(handlers: Handlers, channel: string, request: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(CHANNELS, channel)) return fail('invalid-request', `unknown channel "${channel}"`);
  const name = channel as ChannelName;
  const parsed = CHANNELS[name].request.safeParse(request);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(request)', message: i.message }));
    return fail('invalid-request', `malformed request on ${name}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  try {
    const handler = handlers[name] as (r: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (e instanceof ServiceError) return fail(e.code, e.message, e.details);
    return fail('internal', e instanceof Error ? e.message : String(e));
  }
}
