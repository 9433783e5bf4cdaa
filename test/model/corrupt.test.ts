/**
 * Corrupted copies of the sample are refused with one clear DocumentError that names the
 * file and every bad field: bad JSON, a wrong type, a missing reference, a future version.
 */
import { describe, expect, it } from 'vitest';
import { DocumentError, loadDocument, loadTemplateFile } from '../../engine/model';
import { indexOfId, readRepo, SAMPLE, sampleJson } from './helpers';

const FILE = 'copies/broken.broadsheet';

/** Loads text expecting failure; returns the error. */
function refuse(text: string, file = FILE): DocumentError {
  try {
    loadDocument(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    return e as DocumentError;
  }
  throw new Error('the document loaded, but it should have been refused');
}

/** The sample with a change applied to its raw JSON. */
function corrupt(change: (raw: Record<string, unknown> & { frames: Record<string, unknown>[]; articles: Record<string, unknown>[]; stories: Record<string, unknown>[] }) => void): string {
  const raw = sampleJson() as Parameters<typeof change>[0];
  change(raw);
  return JSON.stringify(raw, null, 2);
}

describe('corrupted copies of the sample', () => {
  it('bad JSON: names the file and says where the syntax breaks', () => {
    const text = readRepo(SAMPLE);
    const e = refuse(text.slice(0, text.length / 2));
    expect(e.file).toBe(FILE);
    expect(e.message).toMatch(new RegExp(`^${FILE.replace('.', '\\.')} is not a valid Broadsheet file:\n`));
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]!.path).toBe('(file)');
    expect(e.message).toContain('(file): not valid JSON');
  });

  it('a wrong type: names the field by its path', () => {
    const i = indexOfId(sampleJson().frames, 'lead-body-1');
    const e = refuse(corrupt((d) => (d.frames[i]!.columns = 'two')));
    expect(e.findings).toEqual([{ path: `frames[${i}].columns`, message: expect.stringMatching(/expected number/i) }]);
    expect(e.message).toContain(`  frames[${i}].columns: `);
  });

  it('a length that is not a length: says why', () => {
    const i = indexOfId(sampleJson().frames, 'lead-image');
    const e = refuse(corrupt((d) => (d.frames[i]!.width = 'wide')));
    expect(e.message).toContain(`frames[${i}].width: "wide" is not a length`);
  });

  it('a missing story reference: names the field and the id', () => {
    const a = indexOfId(sampleJson().articles, 'lead');
    const e = refuse(corrupt((d) => (d.articles[a]!.body = 'no-such-story')));
    expect(e.message).toContain(`articles[${a}].body: no story with id "no-such-story"`);
  });

  it('a deleted story: every record that named it is reported, in one error', () => {
    const s = indexOfId(sampleJson().stories, 'lead-caption');
    const f = indexOfId(sampleJson().frames, 'lead-image');
    const e = refuse(corrupt((d) => d.stories.splice(s, 1)));
    expect(e.findings).toContainEqual({ path: `frames[${f}].caption.story`, message: 'no story with id "lead-caption"' });
  });

  it('a story threaded through a missing frame, and a bad style: all findings together', () => {
    const s = indexOfId(sampleJson().stories, 'lead-body');
    const e = refuse(
      corrupt((d) => {
        (d.stories[s]!.frames as string[]).push('lead-body-9');
        (d.stories[s]!.paragraphs as { style: string }[])[0]!.style = 'no-style';
      }),
    );
    expect(e.findings).toEqual(
      expect.arrayContaining([
        { path: `stories[${s}].frames[2]`, message: 'no frame with id "lead-body-9"' },
        { path: `stories[${s}].paragraphs[0].style`, message: 'no paragraph style with id "no-style"' },
      ]),
    );
  });

  it('a future version: refused with a message, never half-read', () => {
    const e = refuse(corrupt((d) => (d.version = 99)));
    expect(e.findings).toEqual([{ path: 'version', message: expect.stringContaining('format version 99, newer than this Broadsheet reads (1)') }]);
  });

  it('not a Broadsheet file at all', () => {
    expect(refuse('{"hello": "world"}').message).toContain('format: expected "broadsheet"');
    expect(refuse('[1, 2]').message).toContain('(document): expected a JSON object');
  });

  it('a corrupted template names the template file', () => {
    const raw = JSON.parse(readRepo('templates/zh-duikai-8.json')) as { template: { columns: unknown } };
    raw.template.columns = 0;
    expect(() => loadTemplateFile(JSON.stringify(raw), 'templates/broken.json')).toThrow(
      /^templates\/broken\.json is not a valid Broadsheet template:\n {2}template\.columns: /,
    );
  });
});
