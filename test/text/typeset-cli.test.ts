/**
 * `broadsheet typeset` in-process through main(): the exact JSON shape, lengths in pt, mm,
 * em and 号, built-in styles, the PDF page, and clear errors for bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../cli/command';
import { main } from '../../cli/main';

let dir: string;
const ZH = ['金山将推动产业、空间、治理、形象等一系列转型，以“硬招数”提升城市软实力。', '记者从7月8日召开的五届区委十三次全会上获悉，计划总投资260亿元。'];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = { out: (t) => (out += t), err: (t) => (err += t), isTTY: false, cwd: dir };
  const code = await main(['typeset', ...args], io);
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'typeset-'));
  writeFileSync(path.join(dir, 'zh.txt'), `${ZH[0]}\n\n${ZH[1]}\n`);
  writeFileSync(path.join(dir, 'en.txt'), 'International typography depends on hyphenation and justification working together in narrow newspaper columns.\n');
  writeFileSync(path.join(dir, 'gbk.txt'), Buffer.from([0xbd, 0xf0, 0xc9, 0xbd, 0x0a]));
  writeFileSync(path.join(dir, 'odd.txt'), '金山\uE000区\n');
});

describe('broadsheet typeset', () => {
  it('prints the exact JSON shape; line texts rebuild each paragraph', async () => {
    const r = await run(['zh.txt', '--measure', '17em', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { measure: number; lines: { paragraph: number; text: string; width: number; hyphen: boolean; last: boolean }[] };
    expect(Object.keys(j)).toEqual(['measure', 'lines']);
    expect(j.measure).toBe(153);
    for (const l of j.lines) expect(Object.keys(l)).toEqual(['paragraph', 'text', 'width', 'hyphen', 'last']);
    for (const p of [0, 1]) {
      const lines = j.lines.filter((l) => l.paragraph === p);
      expect(lines.map((l) => l.text).join('')).toBe(ZH[p]);
      expect(lines.filter((l) => l.last)).toHaveLength(1);
      for (const l of lines.slice(0, -1)) expect(l.width).toBeCloseTo(153, 2);
    }
  });

  it('accepts mm, pt and 号 lengths, and the font size as the em', async () => {
    const mm = JSON.parse((await run(['zh.txt', '--measure', '54mm', '--json'])).out) as { measure: number };
    expect(mm.measure).toBeCloseTo((54 * 72) / 25.4, 3);
    const hao = JSON.parse((await run(['zh.txt', '--measure', '10em', '--size', '五号', '--json'])).out) as { measure: number };
    expect(hao.measure).toBe(105);
  });

  it('uses a built-in style by id or name, and English hyphenation', async () => {
    expect((await run(['zh.txt', '--measure', '17em', '--style', '正文'])).code).toBe(0);
    const en = JSON.parse((await run(['en.txt', '--lang', 'en', '--measure', '12em', '--json'])).out) as { lines: { text: string; hyphen: boolean }[] };
    expect(en.lines.some((l) => l.hyphen)).toBe(true);
    for (const l of en.lines) expect(l.text.endsWith('-') && l.hyphen).toBe(false);
  });

  it('writes a PDF page', async () => {
    const r = await run(['zh.txt', '--measure', '17em', '--pdf', 'out.pdf']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports bad input clearly', async () => {
    const missing = await run(['nope.txt', '--measure', '17em']);
    expect(missing.code).toBe(66);
    expect(missing.err).toContain('nope.txt: no such file');
    const gbk = await run(['gbk.txt', '--measure', '17em']);
    expect(gbk.code).toBe(66);
    expect(gbk.err).toContain('gbk.txt: not UTF-8');
    const bad = await run(['zh.txt', '--measure', '17 furlongs']);
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('--measure');
    expect((await run(['zh.txt'])).err).toContain('--measure is required');
    expect((await run(['zh.txt', '--measure', '10em', '--align', 'sideways'])).err).toContain('--align');
    expect((await run(['zh.txt', '--measure', '10em', '--font', 'Comic Sans'])).err).toContain('Comic Sans');
    expect((await run(['zh.txt', '--measure', '10em', '--style', 'nope'])).err).toContain('no style "nope"');
  });

  it('reports characters no font has', async () => {
    const r = await run(['odd.txt', '--measure', '10em']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('\uE000');
  });
});
