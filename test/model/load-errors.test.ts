/** Error details of loading: JSON syntax positions and template cross-references. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkTemplateFile, DocumentError, loadDocument } from '../../engine/model';

describe('load errors', () => {
  it('gives line and column of a JSON syntax error', () => {
    const r = checkDocument('{\n  "format": "broadsheet",\n  "version": 1,\n  }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]!.message).toMatch(/\(line 4, column 3\)$/);
    expect(() => loadDocument('{ nope', 'bad.broadsheet')).toThrow(DocumentError);
    expect(() => loadDocument('{ nope', 'bad.broadsheet')).toThrow(/^bad\.broadsheet is not a valid Broadsheet file:\n {2}\(file\): not valid JSON/);
  });

  it('checks references inside a template file', () => {
    const raw = JSON.parse(readFileSync('templates/zh-duikai-8.json', 'utf8'));
    expect(checkTemplateFile(JSON.stringify(raw)).ok).toBe(true);
    raw.paragraphStyles[1].basedOn = 'no-such-style';
    raw.paragraphStyles[0].color = 'no-such-swatch';
    const r = checkTemplateFile(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.findings).toContainEqual({ path: 'paragraphStyles[1].basedOn', message: 'no paragraph style with id "no-such-style"' });
      expect(r.findings).toContainEqual({ path: 'paragraphStyles[0].color', message: 'no swatch with id "no-such-swatch"' });
    }
  });
});
