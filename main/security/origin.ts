/**
 * The app's own origin. The UI is served from the custom scheme `app://broadsheet/` (never
 * file://, which would give a page access to every file on the machine), and it is the only
 * origin allowed to navigate, to call IPC, or to load in a window.
 */

/** The custom scheme the UI is served from. */
export const APP_SCHEME = 'app';
/** The host part of app URLs (standard schemes need one). */
export const APP_HOST = 'broadsheet';
/** `app://broadsheet`, the origin of every trusted page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page each window loads. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Parses a URL, or undefined (never throws: hostile input is expected here). */
export function parseUrl(url: unknown): URL | undefined {
  if (typeof url !== 'string' || url.length > 8192) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` belongs to a trusted origin: the app origin, or (development only) the
 * electron-vite dev server's origin passed in `extra`. Compares parsed origins exactly,
 * never prefixes: `app://broadsheet.evil` and `app://broadsheet@evil` are not ours.
 */
export function isTrustedUrl(url: unknown, extra: readonly string[] = []): boolean {
  const u = parseUrl(url);
  if (!u || u.username || u.password) return false;
  // Node leaves the host of a non-special scheme as written; Chromium lowercases standard schemes.
  if (u.protocol === `${APP_SCHEME}:`) return u.host.toLowerCase() === APP_HOST;
  return extra.some((o) => {
    const t = parseUrl(o);
    return t !== undefined && (t.protocol === 'http:' || t.protocol === 'https:') && t.origin === u.origin;
  });
}
