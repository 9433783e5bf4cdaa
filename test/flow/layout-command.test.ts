/** `broadsheet layout`: JSON shape of issue 4, page selection, summary, and errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false, cwd: process.cwd() });
  return { code, out, err };
}

const SAMPLE = 'samples/jinshan/jinshan.broadsheet';

describe('broadsheet layout', () => {
  it('prints the JSON of issue 4', async () => {
    const r = await run(['layout', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['pages', 'stories', 'jumps']);
    expect(j.pages.map((p: { number: number; label: string }) => [p.number, p.label])).toEqual([[1, '第1版'], [2, '第2版']]);
    const frame = j.pages[0].frames.find((f: { id: string }) => f.id === 'lead-body-1');
    expect(Object.keys(frame)).toEqual(['id', 'kind', 'story', 'x', 'y', 'width', 'height', 'lines']);
    expect(Object.keys(frame.lines[0])).toEqual(['text', 'x', 'y', 'width', 'hyphen']);
    expect(j.jumps).toEqual([
      { story: 'lead-body', kind: 'to', page: 1, target: 2, text: '（下转第2版）' },
      { story: 'lead-body', kind: 'from', page: 2, target: 1, text: '（上接第1版）' },
    ]);
    expect(j.stories.every((s: { overset: number }) => s.overset === 0)).toBe(true);
    // Jump lines and folios are frames of their own, not story lines.
    const ids = j.pages[1].frames.map((f: { id: string }) => f.id);
    expect(ids).toContain('jump:from:lead-body-2');
    expect(ids.some((id: string) => id.startsWith('folio:'))).toBe(true);
  });

  it('selects pages with --pages', async () => {
    const j = JSON.parse((await run(['layout', SAMPLE, '--json', '--pages', '2'])).out);
    expect(j.pages.map((p: { number: number }) => p.number)).toEqual([2]);
    expect(j.jumps.map((x: { page: number }) => x.page)).toEqual([2]);
  });

  it('prints a readable summary with overset and jumps', async () => {
    const r = await run(['layout', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Overset: none/);
    expect(r.out).toMatch(/lead-body: page 1 → page 2 {2}（下转第2版）/);
  });

  it('reports a bad document with the DocumentError message and exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-layout-'));
    const bad = path.join(dir, 'bad.broadsheet');
    writeFileSync(bad, '{"format":"broadsheet","version":1,"issue":{}}');
    const r = await run(['layout', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad} is not a valid Broadsheet file`);
  });

  it('rejects a missing file (66) and a bad page list (64)', async () => {
    expect((await run(['layout', 'no/such.broadsheet'])).code).toBe(66);
    const r = await run(['layout', SAMPLE, '--pages', '3']);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/page 3 does not exist/);
    expect((await run(['layout', SAMPLE, '--pages', 'x'])).code).toBe(64);
  });
});
