/**
 * Electron's security checklist as assertions: webPreferences, CSP, permission denial, and a
 * table of hostile URLs against the navigation, new-window and openExternal guards.
 */
import { describe, expect, it } from 'vitest';
import { allowNavigation, allowOpenExternal, installNavigationGuards, type GuardedContents } from '../../main/security/navigation';
import { APP_ENTRY, isTrustedUrl } from '../../main/security/origin';
import { denyAllPermissions, type PermissionSession } from '../../main/security/permissions';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../main/security/web-preferences';

/** URLs no window may navigate to, open, or hand to the OS. */
const HOSTILE = [
  'http://example.com/',
  'https://example.com/',
  'https://example.com.attacker.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'file://server/share/evil.exe',
  '\\\\attacker\\share\\evil.exe',
  'smb://attacker/share',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:https://evil.example/uuid',
  'vbscript:msgbox(1)',
  'ms-settings:privacy',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=evil',
  'obsidian://open?vault=x',
  'broadsheet://open?file=/etc/passwd',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'app://evil/index.html',
  'app://broadsheet.attacker.com/index.html',
  'app://broadsheet@attacker.com/index.html',
  'app://user:pass@broadsheet/index.html',
  'ftp://example.com/file',
  'mailto:someone@example.com',
  'tel:+123',
  'ssh://host',
  'https://аpple.com/', // Cyrillic а: an IDN look-alike
  '',
  'not a url',
];

describe('webPreferences', () => {
  it('turns on every checklist protection', () => {
    const p = secureWebPreferences('/app/out/preload/index.cjs');
    expect(p).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(Object.keys(p)).not.toContain('enableBlinkFeatures');
    expect(Object.keys(p)).not.toContain('additionalArguments');
  });

  it('sends a strict CSP: nothing remote, no eval, no inline script, no frames', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('permissions', () => {
  it('denies every request and check', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    };
    denyAllPermissions(session);
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      let granted: boolean | undefined;
      request!(null, perm, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(check!(null, perm)).toBe(false);
    }
  });
});

describe('hostile URLs', () => {
  it.each(HOSTILE)('navigation to %j is refused', (url) => {
    expect(allowNavigation(url)).toBe(false);
    expect(isTrustedUrl(url)).toBe(false);
  });

  it.each(HOSTILE.filter((u) => !/^https?:\/\/(example\.com|127\.0\.0\.1)/.test(u)))('openExternal(%j) is refused even after a user action', (url) => {
    expect(allowOpenExternal(url, true)).toBe(false);
  });

  it('openExternal allows plain http(s) only after a user action', () => {
    expect(allowOpenExternal('https://github.com/broadsheet-app/broadsheet', true)).toBe(true);
    expect(allowOpenExternal('http://example.com/', true)).toBe(true);
    expect(allowOpenExternal('https://github.com/broadsheet-app/broadsheet', false)).toBe(false);
    expect(allowOpenExternal('https://user:pw@example.com/', true)).toBe(false);
  });

  it('the app origin itself is allowed', () => {
    expect(allowNavigation(APP_ENTRY)).toBe(true);
    expect(allowNavigation('app://broadsheet/index.html#page=2')).toBe(true);
    expect(allowNavigation('app://BROADSHEET/index.html')).toBe(true);
  });

  it('the guards installed on a webContents refuse navigation, redirects, new windows and webviews', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents: GuardedContents = {
      on: ((event: string, l: (e: { preventDefault(): void }, url: string) => void) => listeners.set(event, l)) as GuardedContents['on'],
      setWindowOpenHandler: (h) => void (openHandler = h),
    };
    const log: string[] = [];
    installNavigationGuards(contents, (m) => log.push(m));
    for (const url of HOSTILE) {
      for (const ev of ['will-navigate', 'will-redirect']) {
        let prevented = false;
        listeners.get(ev)!({ preventDefault: () => (prevented = true) }, url);
        expect(prevented, `${ev} ${url}`).toBe(true);
      }
      expect(openHandler!({ url }).action).toBe('deny');
    }
    // Even the app's own URL never opens a second, unmanaged window.
    expect(openHandler!({ url: APP_ENTRY }).action).toBe('deny');
    let allowed = true;
    listeners.get('will-navigate')!({ preventDefault: () => (allowed = false) }, APP_ENTRY);
    expect(allowed).toBe(true);
    let webview = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (webview = true) }, '');
    expect(webview).toBe(true);
    expect(log.length).toBeGreaterThan(HOSTILE.length);
  });
});
