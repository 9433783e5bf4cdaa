import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mapCopy, parseByline, placeCopy } from '../../engine/import';
import { storyText } from '../../engine/edit';
import { importCopyBytes, importCopyFile } from '../../services/import';
import { chineseScore, decodeText } from '../../services/import-decode';
import { parseMarkdown } from '../../services/import-markdown';
import { findings, sample } from '../edit/support';
import { docx, zip } from './zip';

const COPY = [
  '金山将推动一系列转型',
  '　　本报讯（记者 张三 李四）7月8日，区委召开全会，研究部署下半年工作。',
  '　　会议指出，要坚持以人民为中心的发展思想，推动高质量发展。',
  '會議強調，要堅持穩中求進工作總基調。',
].join('\n');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bs-import-'));
const write = (name: string, bytes: Uint8Array | string) => {
  const f = path.join(tmp, name);
  writeFileSync(f, bytes);
  return f;
};

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, GB 18030 and Big5, and says which', () => {
    const text = '金山区委召开全会，研究部署下半年工作。会议指出要推动高质量发展。';
    expect(decodeText(new TextEncoder().encode(text), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(text, 'gb18030'), 'a.txt')).toEqual({ text, encoding: 'gb18030' });
    const trad = '金山區委召開全會，研究部署下半年工作。會議指出要推動高質量發展。';
    expect(decodeText(iconv.encode(trad, 'big5'), 'b.txt')).toEqual({ text: trad, encoding: 'big5' });
    expect(decodeText(iconv.encode('A\u00e9', 'utf-16le').length ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('金山', 'utf-16le')]) : new Uint8Array(), 'c.txt').text).toBe('金山');
  });

  it('scores the right decode higher', () => {
    const bytes = iconv.encode('这是一个关于金山的新闻报道，记者在现场采访了市民。', 'gb18030');
    expect(chineseScore(iconv.decode(bytes, 'gb18030'))).toBeGreaterThan(chineseScore(iconv.decode(bytes, 'big5')));
  });

  it('refuses binary data and unknown encodings, naming the file', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'photo.png')).toThrow(/^photo\.png: .*binary/);
    expect(() => decodeText(iconv.encode('Café crème brûlée à la carte', 'latin1'), 'menu.txt')).toThrow(/^menu\.txt: .*not in UTF-8, GB 18030 or Big5/);
    expect(() => decodeText(new TextEncoder().encode('ab\u0001\u0002\u0003\u0004cd'), 'x.txt')).toThrow(/binary/);
  });
});

describe('mapping copy to article parts', () => {
  it('maps headings to headline parts, 本报讯（…） to the byline, the rest to body', () => {
    const doc = sample();
    const m = mapCopy(doc, [
      { text: '学习贯彻全会精神', heading: 3 },
      { text: '金山将推动一系列转型', heading: 1 },
      { text: '以“硬招数”提升城市软实力', heading: 2 },
      { text: '本报讯(记者 王五)7月8日，区委召开全会。' },
      { text: '会议指出……' },
      { text: '小标题', heading: 2 },
      { text: '　　正文。' },
    ]);
    expect(m.headline).toEqual({ kicker: '学习贯彻全会精神', title: '金山将推动一系列转型', subhead: '以“硬招数”提升城市软实力' });
    expect(m.byline).toEqual({ pattern: '本报讯（记者 {names}）', names: ['王五'] });
    expect(m.body).toEqual([
      { style: 'body', text: '7月8日，区委召开全会。' },
      { style: 'body', text: '会议指出……' },
      { style: 'crosshead', text: '小标题' },
      { style: 'body', text: '正文。' },
    ]);
    expect(parseByline('记者张三、李四')).toEqual({ pattern: '本报讯（记者 {names}）', names: ['张三', '李四'] });
    expect(parseByline('金玮')).toEqual({ pattern: '本报讯（{names}）', names: ['金玮'] });
  });

  it('parses Markdown headings, paragraphs and inline markup', () => {
    expect(parseMarkdown('# Title\n\nSome *em* text\ncontinues [here](http://x).\n\n金山\n区委\n\nSub\n---\n- item')).toEqual([
      { text: 'Title', heading: 1 },
      { text: 'Some em text continues here.' },
      { text: '金山区委' },
      { text: 'Sub', heading: 2 },
      { text: 'item' },
    ]);
  });
});

describe('importing files', () => {
  it('imports a GB 18030 text file and places it into an article in one change', async () => {
    const doc = sample();
    const f = write('copy-gb.txt', iconv.encode(COPY, 'gb18030'));
    const r = await importCopyFile(f, doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toMatchObject({ format: 'text', encoding: 'gb18030' });
    expect(r.value.copy.byline).toEqual({ pattern: '本报讯（记者 {names}）', names: ['张三', '李四'] });
    expect(r.value.copy.body.map((p) => p.text)[0]).toBe('7月8日，区委召开全会，研究部署下半年工作。');
    placeCopy(doc, { article: 'changwu', replace: true }, r.value.copy);
    expect(storyText(doc.stories.find((s) => s.id === 'changwu-body')!)).toBe(r.value.copy.body.map((p) => p.text).join('\n'));
    expect(doc.articles.find((a) => a.id === 'changwu')!.byline).toMatchObject({ names: ['张三', '李四'], style: 'byline' });
    expect(findings(doc)).toEqual([]);
  });

  it('imports a Big5 file', async () => {
    const r = await importCopyBytes(iconv.encode('金山區委召開全會。\n會議強調要堅持穩中求進。', 'big5'), 'trad.txt', sample());
    expect(r.ok && r.value.encoding).toBe('big5');
  });

  it('imports a DOCX with headings mapped to headline parts', async () => {
    const doc = sample();
    const f = write('copy.docx', docx([
      { text: '金山将推动一系列转型', style: 'Heading1' },
      { text: '以“硬招数”提升城市软实力', style: 'Heading2' },
      { text: '本报讯（记者 张三）7月8日，区委召开全会。' },
      { text: 'A & B <tag> 会议指出。' },
    ]));
    const r = await importCopyFile(f, doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.format).toBe('docx');
    expect(r.value.copy).toEqual({
      headline: { title: '金山将推动一系列转型', subhead: '以“硬招数”提升城市软实力' },
      byline: { pattern: '本报讯（记者 {names}）', names: ['张三'] },
      body: [{ style: 'body', text: '7月8日，区委召开全会。' }, { style: 'body', text: 'A & B <tag> 会议指出。' }],
    });
    placeCopy(doc, { article: 'changwu', replace: true }, r.value.copy);
    expect(doc.articles.find((a) => a.id === 'changwu')!.headline!.title.text).toBe('金山将推动一系列转型');
    expect(findings(doc)).toEqual([]);
  });

  it('refuses a zip that is not DOCX, binary files, empty and missing files, with the file named; nothing placed', async () => {
    const doc = sample();
    const before = JSON.stringify(doc);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['notes.docx', zip({ 'hello.txt': 'hi' }), /^notes\.docx: this is not a Word/],
      ['archive.zip', zip({ 'a.txt': 'a' }), /^archive\.zip: this is not a Word/],
      ['image.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /^image\.txt: .*binary/],
      ['empty.txt', '', /^empty\.txt: the file is empty/],
      ['old.doc', 'x', /^old\.doc: old Word/],
    ];
    for (const [name, bytes, msg] of cases) {
      const r = await importCopyFile(write(name, bytes), doc);
      expect(r.ok ? 'ok' : r.error).toMatch(msg);
    }
    const missing = await importCopyFile(path.join(tmp, 'nope.txt'), doc);
    expect(missing).toEqual({ ok: false, error: 'nope.txt: no such file' });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('placeCopy checks everything before touching the document', () => {
    const doc = sample();
    const before = JSON.stringify(doc);
    expect(() => placeCopy(doc, { article: 'changwu' }, { headline: { title: 'x' }, body: [{ style: 'body', text: 'a' }, { style: 'nope', text: 'b' }] })).toThrow('no paragraph style "nope"');
    expect(() => placeCopy(doc, { article: 'masthead' }, { headline: {}, body: [] })).toThrow('no body story');
    expect(JSON.stringify(doc)).toBe(before);
  });
});
