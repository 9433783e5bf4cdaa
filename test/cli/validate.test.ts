/**
 * `broadsheet validate` on the sample, the templates and corrupted copies: exit 0 for valid
 * files, 2 for invalid ones (66 for a missing file), every finding printed with the file name
 * and the field's path. Runs the bundled CLI as a child process, built once in beforeAll into
 * a private folder (so it never races another test over dist/), and also main() in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { CommandIO } from '../../cli/command';

const root = path.resolve(import.meta.dirname, '../..');
const SAMPLE = 'samples/jinshan/jinshan.broadsheet';
let outDir: string;
let cli: string;
let work: string;

beforeAll(async () => {
  // Inside the repository so that the bundle's external packages resolve from node_modules.
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  outDir = mkdtempSync(path.join(root, 'test-results', 'cli-validate-'));
  cli = path.join(outDir, 'broadsheet.mjs');
  await build({
    stdin: {
      contents: "import { main } from './cli/main';\nprocess.exitCode = await main(process.argv.slice(2));\n",
      resolveDir: root,
      loader: 'ts',
    },
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  work = mkdtempSync(path.join(outDir, 'files-'));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Writes a corrupted copy of the sample into the scratch folder; returns its path. */
function copy(name: string, change: (raw: Record<string, unknown> & { frames: Record<string, unknown>[] }) => void): string {
  const raw = JSON.parse(readFileSync(path.join(root, SAMPLE), 'utf8')) as Parameters<typeof change>[0];
  change(raw);
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(raw, null, 2));
  return file;
}

describe('broadsheet validate (built CLI)', () => {
  it('the sample is valid: exit 0', () => {
    const r = run('validate', SAMPLE);
    expect(r).toMatchObject({ code: 0, out: `${SAMPLE}: valid document\n`, err: '' });
  });

  it('every template is valid: exit 0, one line each', () => {
    const r = run('validate', 'templates/zh-duikai-8.json', 'templates/zh-sikai-6.json', 'templates/en-broadsheet-6.json', 'templates/en-berliner-6.json', 'templates/en-tabloid-5.json', 'templates/zh-duikai-8-front.json');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(6);
    expect(r.out).not.toContain('invalid');
    expect(r.out).toContain('templates/zh-duikai-8.json: valid template');
  });

  it('a wrong type: exit 2, naming the file and the field', () => {
    const file = copy('wrong-type.broadsheet', (d) => (d.frames[0]!.width = 'wide'));
    const r = run('validate', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe(`${file}: invalid document (1 problem)\n  frames[0].width: "wide" is not a length (use pt, mm, cm, in, pc, q or a 号 size such as 五号)\n`);
  });

  it('bad JSON: exit 2', () => {
    const file = path.join(work, 'bad.broadsheet');
    writeFileSync(file, '{"format": "broadsheet", "version": 1,');
    const r = run('validate', file);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid document \\(1 problem\\)\n {2}\\(file\\): not valid JSON: `));
  });

  it('several files (a missing story reference, a future version, a valid one): each reported, exit 2', () => {
    const missing = copy('missing-story.broadsheet', (d) => ((d.articles as { body?: string }[])[0]!.body = 'ghost'));
    const future = copy('future.broadsheet', (d) => (d.version = 7));
    const r = run('validate', SAMPLE, missing, future);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${SAMPLE}: valid document\n`);
    expect(r.out).toContain(`${missing}: invalid document (1 problem)\n  articles[0].body: no story with id "ghost"\n`);
    expect(r.out).toContain(`${future}: invalid document (1 problem)\n  version: the file is format version 7, newer than this Broadsheet reads (1)`);
  });

  it('--json prints the findings as data', () => {
    const bad = copy('json.broadsheet', (d) => (d.version = 7));
    const r = run('validate', '--json', bad);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out) as { files: { file: string; valid: boolean; findings: { path: string }[] }[] };
    expect(report.files).toEqual([{ file: bad, kind: 'document', valid: false, findings: [{ path: 'version', message: expect.any(String) }] }]);
  });

  it('a missing file: exit 66; no file at all: usage, exit 64', () => {
    const r = run('validate', 'no/such/file.broadsheet');
    expect(r.code).toBe(66);
    expect(r.out).toContain('no/such/file.broadsheet: invalid file (1 problem)\n  (file): no such file');
    const u = run('validate');
    expect(u.code).toBe(64);
    expect(u.err).toContain('Usage: broadsheet validate');
  });
});

describe('broadsheet validate (in process)', () => {
  it('gives the same verdicts through main() with a captured io', async () => {
    let out = '';
    let err = '';
    const io: CommandIO = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, cwd: root };
    expect(await main(['validate', SAMPLE], io)).toBe(0);
    expect(out).toBe(`${SAMPLE}: valid document\n`);
    const file = copy('inproc.broadsheet', (d) => (d.frames[0]!.page = 'p9'));
    out = '';
    expect(await main(['validate', file], io)).toBe(2);
    expect(out).toContain('frames[0].page: no page with id "p9"');
    expect(err).toBe('');
  });
});
