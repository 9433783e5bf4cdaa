/** `broadsheet serve`: prints the URL with the secret, serves the API, stops cleanly on SIGTERM. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureRenderer } from '../browser/harness';

const CLI = path.resolve('bin/broadsheet.mjs');

describe('broadsheet serve', () => {
  it('serves the sample on a free port until SIGTERM', async () => {
    await ensureRenderer();
    expect(existsSync(path.resolve('dist/cli/broadsheet.mjs'))).toBe(true);
    const child = spawn(process.execPath, [CLI, 'serve', 'samples/jinshan/jinshan.broadsheet', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!/Broadsheet at /.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const m = /Broadsheet at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))/.exec(out);
      expect(m, out).not.toBeNull();
      const [, , port, token] = m!;
      const ok = await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', headers: { 'X-Broadsheet-Token': token! }, body: '{}' });
      expect(await ok.json()).toMatchObject({ ok: true, value: { mode: 'web' } });
      const refused = await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(403);
      const index = await fetch(`http://127.0.0.1:${port}/`);
      expect(await index.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a bad port with the usage exit code', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '70000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(64);
    expect(err).toContain('--port must be a whole number');
  });
});
