/**
 * The app:// protocol serves the renderer folder and nothing outside it: encoded `..`,
 * `%2e%2e`, backslashes, absolute and drive paths, UNC, symlinks out of the root, NUL bytes.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../main/security/app-protocol';

const base = mkdtempSync(path.join(os.tmpdir(), 'bs-proto-'));
const root = path.join(base, 'renderer');
const SECRET = 'TOP SECRET: outside the root';
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Broadsheet</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(base, 'secret.txt'), SECRET);
mkdirSync(path.join(base, 'renderer-evil'));
writeFileSync(path.join(base, 'renderer-evil', 'x.js'), SECRET);
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
symlinkSync(base, path.join(root, 'up'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler(root);
const get = async (url: string) => {
  const res = await handler(new Request(url));
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy') };
};

const TRAVERSALS = [
  'app://broadsheet/../secret.txt',
  'app://broadsheet/%2e%2e/secret.txt',
  'app://broadsheet/%2E%2E/secret.txt',
  'app://broadsheet/assets/..%2f..%2fsecret.txt',
  'app://broadsheet/..%2fsecret.txt',
  'app://broadsheet/%2e%2e%2fsecret.txt',
  'app://broadsheet/%252e%252e/secret.txt',
  'app://broadsheet/..%5csecret.txt',
  'app://broadsheet/%5c..%5csecret.txt',
  'app://broadsheet/assets\\..\\..\\secret.txt',
  `app://broadsheet/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
  `app://broadsheet//${path.join(base, 'secret.txt')}`,
  'app://broadsheet/C:%5cWindows%5cwin.ini',
  'app://broadsheet/c:/Windows/win.ini',
  'app://broadsheet/%5c%5cserver%5cshare%5csecret.txt',
  'app://broadsheet/assets/link.txt',
  'app://broadsheet/up/secret.txt',
  'app://broadsheet/up/renderer-evil/x.js',
  'app://broadsheet/../renderer-evil/x.js',
  'app://broadsheet/index.html%00.png',
  'app://broadsheet/%00../secret.txt',
  'app://broadsheet/%E0%A4%A',
  'app://evil/secret.txt',
  'app://broadsheet@evil/index.html',
  'https://broadsheet/index.html',
];

describe('app:// protocol', () => {
  it('serves the UI with its type and the CSP header', async () => {
    const r = await get('app://broadsheet/index.html');
    expect(r).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(r.body).toContain('<title>Broadsheet</title>');
    expect(r.csp).toContain("default-src 'none'");
    expect((await get('app://broadsheet/')).body).toContain('<title>Broadsheet</title>');
    expect(await get('app://broadsheet/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get('app://broadsheet/missing.js')).status).toBe(404);
    expect((await handler(new Request('app://broadsheet/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it.each(TRAVERSALS)('serves nothing outside the root for %s', async (url) => {
    let r;
    try {
      r = await get(url);
    } catch {
      return; // not even a valid Request: nothing served
    }
    expect(r.status).not.toBe(200);
    expect(r.body).not.toContain(SECRET);
  });

  it('refuses lexically before touching the disk', () => {
    expect(resolveAppPath(root, 'app://broadsheet/..%2fsecret.txt')).toEqual({ ok: false, reason: 'traversal' });
    expect(resolveAppPath(root, 'app://broadsheet/a%5cb')).toEqual({ ok: false, reason: 'forbidden-character' });
    expect(resolveAppPath(root, 'app://broadsheet/a%00b')).toEqual({ ok: false, reason: 'forbidden-character' });
    expect(resolveAppPath(root, 'app://broadsheet/%E0%A4%A')).toEqual({ ok: false, reason: 'bad-encoding' });
    expect(resolveAppPath(root, 'app://other/index.html')).toEqual({ ok: false, reason: 'not-app-url' });
  });

  it('never serves the secret for any generated path (property)', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%5c', '..%5c', '%00', 'up', 'assets', 'link.txt', 'secret.txt', 'renderer-evil', 'x.js', '', '%252e'),
      fc.stringMatching(/^[A-Za-z0-9._%-]{0,8}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segs) => {
        let r;
        try {
          r = await get(`app://broadsheet/${segs.join('/')}`);
        } catch {
          return;
        }
        expect(r.body).not.toContain(SECRET);
      }),
      { numRuns: 500 },
    );
  });
});
