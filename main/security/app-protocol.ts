/**
 * The `app://broadsheet/` protocol: serves the built UI from one folder and nothing else.
 * Every request path is decoded once, checked segment by segment (no `..`, no backslash, no
 * NUL, no drive or absolute path), resolved inside the root, and then resolved again through
 * symlinks (realpath) and checked to still be inside the root. Anything else is a 404/403.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './origin';
import { CONTENT_SECURITY_POLICY } from './web-preferences';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Why a request was refused (for the log and the tests). */
export type Refusal = 'not-app-url' | 'bad-encoding' | 'forbidden-character' | 'traversal' | 'outside-root';

/**
 * Maps an app URL to a path inside `root`, or a refusal. Lexical checks only; the caller
 * must also check the real path (symlinks) — see resolveAppFile.
 */
export function resolveAppPath(root: string, url: string): { ok: true; path: string } | { ok: false; reason: Refusal } {
  const u = parseUrl(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST || u.username || u.password) return { ok: false, reason: 'not-app-url' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, reason: 'bad-encoding' };
  }
  // Backslashes are separators on Windows and NUL truncates paths in C APIs: refuse both
  // (and any control character) rather than guess what the OS would make of them.
  // eslint-disable-next-line no-control-regex
  if (/[\\\x00-\x1f\x7f]/.test(decoded) || /^\/*[A-Za-z]:/.test(decoded)) return { ok: false, reason: 'forbidden-character' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, reason: 'traversal' };
  const rel = segments.length ? segments.join(path.sep) : 'index.html';
  const absRoot = path.resolve(root);
  const abs = path.resolve(absRoot, rel);
  const check = path.relative(absRoot, abs);
  if (check.startsWith('..') || path.isAbsolute(check)) return { ok: false, reason: 'outside-root' };
  return { ok: true, path: abs };
}

/** Resolves an app URL to a real file inside `root` (following symlinks only within it). */
export async function resolveAppFile(root: string, url: string): Promise<{ ok: true; path: string } | { ok: false; reason: Refusal | 'not-found' }> {
  const lexical = resolveAppPath(root, url);
  if (!lexical.ok) return lexical;
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fsp.realpath(lexical.path), fsp.realpath(root)]);
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  const rel = path.relative(realRoot, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, reason: 'outside-root' };
  const st = await fsp.stat(real).catch(() => undefined);
  if (!st?.isFile()) return { ok: false, reason: 'not-found' };
  return { ok: true, path: real };
}

/** Response headers for a served file. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * The protocol handler for `protocol.handle('app', …)`: GET/HEAD of files inside `root`.
 * Uses only the Fetch API's Request/Response, so it runs (and is tested) under plain Node.
 */
export function createAppProtocolHandler(root: string, log: (msg: string) => void = () => undefined): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const r = await resolveAppFile(root, req.url);
    if (!r.ok) {
      if (r.reason !== 'not-found') log(`app protocol refused ${JSON.stringify(req.url)}: ${r.reason}`);
      return new Response(r.reason === 'not-found' ? 'not found' : 'forbidden', { status: r.reason === 'not-found' ? 404 : 403 });
    }
    const body = req.method === 'HEAD' ? null : new Uint8Array(await fsp.readFile(r.path));
    return new Response(body, { status: 200, headers: responseHeaders(r.path) });
  };
}
