/**
 * Picks the host: Electron's preload (`window.broadsheet`, a full BroadsheetApi or a bare
 * `{ invoke }`) or, in a browser, the web-mode HTTP bridge.
 */
import { createApiClient, type BroadsheetApi, type Transport } from '../../bridge';
import { httpTransport, takeToken } from './http-transport';

declare global {
  interface Window {
    broadsheet?: BroadsheetApi | Pick<Transport, 'invoke' | 'onProgress'>;
  }
}

/** Which host the renderer runs in. */
export type HostKind = 'electron' | 'web';

/** The API and where it came from; throws when neither host is available. */
export function connectHost(): { api: BroadsheetApi; kind: HostKind } {
  const exposed = window.broadsheet;
  if (exposed && 'document' in exposed) return { api: exposed, kind: 'electron' };
  if (exposed && 'invoke' in exposed) return { api: createApiClient(exposed), kind: 'electron' };
  const token = takeToken();
  if (!token) throw new Error('This page needs the address printed by `broadsheet serve` (it carries a one-time secret).');
  return { api: createApiClient(httpTransport(token)), kind: 'web' };
}
