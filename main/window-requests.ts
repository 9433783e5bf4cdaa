/**
 * The per-window part of bridge calls. The services are shared by all windows, but each
 * window shows one document: `document.open` without a path opens that window's document
 * (or the recovered one it was created for) instead of a dialog, and `document.save` without
 * a path saves to it. Pure, so the routing is tested without Electron.
 */
import path from 'node:path';
import { ok, type Result } from '../bridge';

/** What routing needs to know about the calling window. */
export interface WindowDocument {
  path: string | null;
  initialDoc?: unknown;
}

/** Either an answer given here, or the request to pass on to the services (maybe rewritten). */
export type Routed = { answer: Result<unknown> } | { request: unknown };

/** Routes one call from a window. `slot` is undefined for a caller that is not a document window. */
export function routeWindowRequest(slot: WindowDocument | undefined, name: string, request: unknown): Routed {
  const isObject = typeof request === 'object' && request !== null && !Array.isArray(request);
  if (!slot || !isObject) return { request };
  const req = request as Record<string, unknown>;
  if (name === 'document.open' && req.path === undefined && Object.keys(req).length === 0) {
    if (slot.initialDoc !== undefined) {
      return { answer: ok({ path: slot.path ?? '', name: slot.path ? path.basename(slot.path) : 'Untitled (recovered)', doc: slot.initialDoc }) };
    }
    if (slot.path) return { request: { path: slot.path } };
  }
  if (name === 'document.save' && slot.path && req.path === undefined) return { request: { ...req, path: slot.path } };
  return { request };
}
