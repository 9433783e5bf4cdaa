/**
 * The web-mode transport: each call is `POST /api/<channel>` on the page's own origin, with
 * the per-launch secret (read once from the URL fragment `#token=…`) in a header. Binary
 * channels answer raw bytes plus their other fields in the X-Broadsheet-Meta header; requests
 * carrying `bytes` are sent the same way.
 */
import { isBinary, type ChannelName, type Transport } from '../../bridge';

const TOKEN_KEY = 'broadsheet.token';

/** Reads the secret from the fragment (then removes it from the address bar) or the session. */
export function takeToken(): string | undefined {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    // Keep the secret out of screenshots, bookmarks and history.
    history.replaceState(null, '', location.pathname + location.search);
    return m[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** A Transport over fetch to this origin. */
export function httpTransport(token: string): Transport {
  return {
    clientId: crypto.randomUUID(),
    pollIntervalMs: 150,
    async invoke(channel: ChannelName, request: unknown): Promise<unknown> {
      const { bytes, ...meta } = (request ?? {}) as { bytes?: unknown };
      // Bytes go raw (import.copy, images.add): the body is the bytes, the other fields the meta header.
      const binary = bytes instanceof Uint8Array;
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: binary
          ? { 'Content-Type': 'application/octet-stream', 'X-Broadsheet-Token': token, 'X-Broadsheet-Meta': encodeURIComponent(JSON.stringify(meta)) }
          : { 'Content-Type': 'application/json', 'X-Broadsheet-Token': token },
        body: binary ? (bytes as BlobPart) : JSON.stringify(request ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
      const type = res.headers.get('Content-Type') ?? '';
      if (res.ok && isBinary(channel) && type.startsWith('application/octet-stream')) {
        const meta = JSON.parse(decodeURIComponent(res.headers.get('X-Broadsheet-Meta') ?? '%7B%7D')) as Record<string, unknown>;
        return { ok: true, value: { ...meta, bytes: new Uint8Array(await res.arrayBuffer()) } };
      }
      if (!type.startsWith('application/json')) {
        return { ok: false, error: { code: 'io', message: `the server answered ${res.status} ${res.statusText}` } };
      }
      return (await res.json()) as unknown;
    },
  };
}
