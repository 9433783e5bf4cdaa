/**
 * Guards for navigation, new windows and opening links outside the app. Each is a pure
 * decision function (tested against a table of hostile URLs) plus a small installer that
 * wires it to a webContents.
 */
import { isTrustedUrl, parseUrl } from './origin';

/** Whether a window may navigate to `url`: only within the app's own origin. */
export function allowNavigation(url: string, trustedExtra: readonly string[] = []): boolean {
  return isTrustedUrl(url, trustedExtra);
}

/**
 * Whether `url` may be handed to the operating system (shell.openExternal): only http(s)
 * with a real host, no credentials, and only as the direct result of a user action (a menu
 * click). Other schemes can launch programs (CVE-2024-37182, CVE-2022-36450).
 */
export function allowOpenExternal(url: string, userAction: boolean): boolean {
  if (!userAction) return false;
  const u = parseUrl(url);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return false;
  if (u.username || u.password || !u.hostname) return false;
  // Refuse look-alike hosts written with non-ASCII (the URL parser punycodes them: xn--).
  if (u.hostname.split('.').some((l) => l.startsWith('xn--'))) return false;
  return true;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: { preventDefault(): void; url?: string }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

/**
 * Installs the guards on a window's contents: navigation and redirects outside the app are
 * refused, every window.open is denied (the app opens its own windows from main), and
 * webviews are never attached. Refusals are reported to `log`.
 */
export function installNavigationGuards(contents: GuardedContents, log: (msg: string) => void, trustedExtra: readonly string[] = []): void {
  const guard = (e: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url, trustedExtra)) {
      e.preventDefault();
      log(`refused navigation to ${JSON.stringify(url)}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e: { preventDefault(): void }) => {
    e.preventDefault();
    log('refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused a new window for ${JSON.stringify(url)}`);
    return { action: 'deny' };
  });
}
