/** Forward migration of old files, and refusal of files newer than this build reads. */
import { describe, expect, it } from 'vitest';
import { checkDocument, FORMAT_VERSION, migrate, MIGRATIONS, type Migration } from '../../engine/model';
import { sampleJson } from './helpers';

// An invented history: v1 called the issue's paper "title"; v2 kept swatches under "colours".
const steps: Record<number, Migration> = {
  1: (raw) => {
    const { title, ...issue } = raw.issue as Record<string, unknown>;
    return { ...raw, issue: { ...issue, paper: title } };
  },
  2: (raw) => {
    const { colours, ...rest } = raw;
    return { ...rest, swatches: colours };
  },
};

describe('migrate', () => {
  it('runs every step from the file’s version to the target, in order', () => {
    const v1 = { version: 1, issue: { title: '金山报', lang: 'zh-Hans' }, colours: [{ id: 'black' }] };
    const r = migrate(v1, 3, steps);
    expect(r).toEqual({ ok: true, from: 1, raw: { version: 3, issue: { paper: '金山报', lang: 'zh-Hans' }, swatches: [{ id: 'black' }] } });
    // The input is not modified.
    expect(v1.issue.title).toBe('金山报');
  });

  it('starts from the file’s own version', () => {
    const r = migrate({ version: 2, colours: [] }, 3, steps);
    expect(r).toEqual({ ok: true, from: 2, raw: { version: 3, swatches: [] } });
  });

  it('leaves a current file alone', () => {
    expect(migrate({ version: 3, x: 1 }, 3, steps)).toEqual({ ok: true, from: 3, raw: { version: 3, x: 1 } });
  });

  it('reports a gap in the step table', () => {
    const r = migrate({ version: 1, issue: { title: 'x' } }, 3, { 1: steps[1]! });
    expect(r).toEqual({ ok: false, message: 'version: no migration from format version 2' });
  });

  it('refuses a newer version, and a missing or bad one', () => {
    expect(migrate({ version: 4 }, 3, steps)).toMatchObject({ ok: false, message: expect.stringContaining('newer than this Broadsheet reads (3)') });
    for (const version of [undefined, 0, 1.5, '1']) {
      expect(migrate({ version }, 3, steps)).toMatchObject({ ok: false, message: expect.stringContaining('whole number') });
    }
  });

  it('the real table: this build writes version 1, the first released format, so no steps yet', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('loading the sample with a newer version is refused, not half-read', () => {
    const raw = { ...sampleJson(), version: FORMAT_VERSION + 1 };
    const r = checkDocument(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings).toEqual([{ path: 'version', message: expect.stringMatching(/^the file is format version 2, newer/) }]);
  });
});
