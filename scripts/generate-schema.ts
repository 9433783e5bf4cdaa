/** Writes schema/issue.schema.json (and the template schema) from the zod schemas. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { issueJsonSchema, templateJsonSchema } from './json-schema';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/issue.schema.json', issueJsonSchema());
writeFileSync('schema/template.schema.json', templateJsonSchema());
console.log('wrote schema/issue.schema.json and schema/template.schema.json');
