/**
 * Web mode: the renderer in a browser, the services over HTTP. Bound to 127.0.0.1 only, and
 * guarded three ways so that no other web page (or another user's process guessing the port)
 * can reach the services:
 *  - a per-launch secret (random 32 bytes), given in the URL fragment (never sent to a server
 *    or logged); the renderer sends it as the X-Broadsheet-Token header on every API call;
 *  - a Host-header check (only 127.0.0.1:PORT and localhost:PORT), which defeats DNS rebinding;
 *  - an Origin check on API calls, and a strict Content-Security-Policy on every response.
 * Static files come from the built renderer (dist/renderer) with traversal-safe resolution.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promises as fsp } from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { dispatch, isBinary, type ChannelName, CHANNELS } from '../bridge';
import { CONTENT_SECURITY_POLICY } from '../bridge/csp';
import type { Services } from './api';
import { isInside } from './api-paths';

/** The Content-Security-Policy of every response (bridge/csp.ts): nothing but this server, no inline script. */
export { CONTENT_SECURITY_POLICY };

/** Header carrying the per-launch secret. */
export const TOKEN_HEADER = 'x-broadsheet-token';
/** Header carrying a binary response's non-byte fields, as URI-encoded JSON. */
export const META_HEADER = 'x-broadsheet-meta';
/** Largest request body (a document with every story is a few MB; leave room). */
const MAX_BODY = 128 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
};

/** How to start the server. */
export interface WebServerOptions {
  services: Services;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 = a free port. */
  port?: number;
  /** Fixed secret (tests); default: 32 random bytes. */
  secret?: string;
  /** Called for each refused request (logging, tests). */
  onRefused?: (reason: string, req: IncomingMessage) => void;
}

/** A running server. */
export interface WebServer {
  port: number;
  secret: string;
  /** The URL to open, secret included (in the fragment). */
  url: string;
  close(): Promise<void>;
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): void {
  baseHeaders(res);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

const STATUS: Record<string, number> = {
  'invalid-request': 400,
  'invalid-document': 422,
  'not-found': 404,
  forbidden: 403,
  cancelled: 409,
  unsupported: 501,
  io: 500,
  internal: 500,
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A binary request: the body is the `bytes` field, the meta header (URI-encoded JSON object) the rest. */
export function binaryRequest(raw: Buffer, meta: string | string[] | undefined): unknown {
  if (typeof meta !== 'string') throw new Error(`a binary request needs the ${META_HEADER} header`);
  const fields = JSON.parse(decodeURIComponent(meta)) as unknown;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new Error(`${META_HEADER} must hold a JSON object`);
  return { ...fields, bytes: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) };
}

/** Resolves a URL path to a file under `dir`, or undefined when it would leave it. */
export function staticPath(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const abs = path.resolve(dir, rel);
  return isInside(path.resolve(dir), abs) && abs !== path.resolve(dir) ? abs : undefined;
}

/** Starts the web-mode server on 127.0.0.1. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const secret = opts.secret ?? randomBytes(32).toString('base64url');
  const staticDir = path.resolve(opts.staticDir);
  const realStatic = await fsp.realpath(staticDir).catch(() => staticDir);
  let port = 0;
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string) => {
    opts.onRefused?.(reason, req);
    send(res, status, JSON.stringify({ ok: false, error: { code: 'forbidden', message: reason } }), 'application/json');
  };

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(req, res, 405, 'API calls are POST');
    const token = req.headers[TOKEN_HEADER];
    if (typeof token !== 'string' || !sameSecret(token, secret)) return refuse(req, res, 403, 'missing or wrong secret');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return refuse(req, res, 403, `foreign origin ${origin}`);
    }
    let body: unknown;
    try {
      const raw = await readBody(req);
      // A request carrying bytes (import.copy, images.add) comes raw, its other fields in the meta header.
      if ((req.headers['content-type'] ?? '').startsWith('application/octet-stream')) body = binaryRequest(raw, req.headers[META_HEADER]);
      else body = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid-request', message: `unreadable request: ${msg}` } }), 'application/json');
    }
    const result = await dispatch(opts.services.handlers, name, body);
    const noStore = { 'Cache-Control': 'no-store' };
    if (!result.ok) return send(res, STATUS[result.error.code] ?? 500, JSON.stringify(result), 'application/json', noStore);
    if (Object.hasOwn(CHANNELS, name) && isBinary(name as ChannelName)) {
      const { bytes, ...meta } = result.value as { bytes: Uint8Array };
      return send(res, 200, bytes, 'application/octet-stream', { ...noStore, [META_HEADER]: encodeURIComponent(JSON.stringify(meta)) });
    }
    send(res, 200, JSON.stringify(result), 'application/json', noStore);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'static files are GET');
    const file = staticPath(staticDir, urlPath);
    if (!file) return refuse(req, res, 403, `path outside the app: ${urlPath}`);
    try {
      const real = await fsp.realpath(file);
      if (!isInside(realStatic, real)) return refuse(req, res, 403, `path outside the app: ${urlPath}`);
      const st = await fsp.stat(real);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const body = await fsp.readFile(real);
      send(res, 200, body, MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream', { 'Cache-Control': 'no-cache' });
    } catch {
      send(res, 404, 'not found', 'text/plain; charset=utf-8');
    }
  }

  const server = createServer((req, res) => {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      refuse(req, res, 403, `foreign Host header ${host ?? '(none)'}`);
      return;
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const urlPath = q >= 0 ? url.slice(0, q) : url;
    const task = urlPath.startsWith('/api/') ? api(req, res, urlPath.slice(5)) : serveStatic(req, res, urlPath);
    task.catch((e: unknown) => {
      if (!res.headersSent) {
        send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }), 'application/json');
      } else res.destroy();
    });
  });
  // Small JSON answers must not wait for Nagle's algorithm and the peer's delayed ACK.
  server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/#token=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
