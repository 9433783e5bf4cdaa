/**
 * Web mode security: the secret, the Host check, traversal, CSP, and no request leaving
 * 127.0.0.1 while the editor runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import type { WebServer } from '../../services/web-server';
import { CONTENT_SECURITY_POLICY } from '../../services/web-server';
import { launch, sampleCopy, serveIssue, waitReady } from './harness';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveIssue(await sampleCopy());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A raw HTTP request (node:http lets a test forge the Host header, which fetch forbids). */
function raw(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (name: string, headers: Record<string, string>, body = '{}') => raw({ path: `/api/${name}`, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('web mode security', () => {
  it('answers API calls only with the secret', async () => {
    expect((await api('app.info', { 'X-Broadsheet-Token': server.secret })).status).toBe(200);
    expect((await api('app.info', {})).status).toBe(403);
    expect((await api('app.info', { 'X-Broadsheet-Token': server.secret.slice(0, -1) + 'x' })).status).toBe(403);
    expect((await api('document.open', { 'X-Broadsheet-Token': 'guess' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const t = { 'X-Broadsheet-Token': server.secret };
    expect((await raw({ path: '/', headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await api('app.info', { ...t, Host: `attacker.test:${server.port}` })).status).toBe(403);
    expect((await api('app.info', { ...t, Host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await api('app.info', { ...t, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', { ...t, Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses path traversal in static requests', async () => {
    for (const p of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fpackage.json', '/%00index.html', '/..\\..\\package.json']) {
      const r = await raw({ path: p });
      expect([403, 404], p).toContain(r.status);
      expect(r.body).not.toMatch(/root:|"name": "broadsheet"/);
    }
  });

  it('sends a strict Content-Security-Policy with every response', async () => {
    const r = await raw({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).not.toMatch(/<script>(?!<\/script>)/); // no inline script in index.html
  });

  it('rejects malformed requests as data with status 400', async () => {
    const t = { 'X-Broadsheet-Token': server.secret };
    const r = await api('document.open', t, '{"path": 5}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await api('document.open', t, 'not json')).status).toBe(400);
    expect((await api('no.such.channel', t)).status).toBe(400);
  });

  it('the editor makes no request outside the server and violates no CSP rule', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (!(u.protocol === 'blob:' || u.protocol === 'data:' || (u.hostname === '127.0.0.1' && u.port === String(server.port)))) foreign.push(req.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url);
    await waitReady(page);
    // The secret left the address bar once read.
    expect(page.url()).not.toContain('token=');
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
