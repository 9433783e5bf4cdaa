/** The checked-in JSON Schemas are what scripts/json-schema.ts generates (run `npm run schema`). */
import { describe, expect, it } from 'vitest';
import { issueJsonSchema, templateJsonSchema } from '../../scripts/json-schema';
import { readRepo } from './helpers';

describe('schema/*.json', () => {
  it('schema/issue.schema.json is current', () => {
    expect(readRepo('schema/issue.schema.json')).toBe(issueJsonSchema());
  });
  it('schema/template.schema.json is current', () => {
    expect(readRepo('schema/template.schema.json')).toBe(templateJsonSchema());
  });
  it('describes the document’s top-level records', () => {
    const s = JSON.parse(readRepo('schema/issue.schema.json')) as { properties: Record<string, unknown>; required: string[] };
    for (const k of ['issue', 'templates', 'pages', 'frames', 'stories', 'articles', 'paragraphStyles', 'swatches']) expect(Object.keys(s.properties)).toContain(k);
    expect(s.required).toEqual(expect.arrayContaining(['format', 'version', 'issue', 'pages']));
  });
});
