/** JSON Schema text for the file formats, generated from engine/model/schema.ts. */
import { z } from 'zod';
import { schemas } from '../engine/model';

function render(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return JSON.stringify({ $id: id, title, ...json }, null, 2) + '\n';
}

export const issueJsonSchema = () =>
  render(schemas.IssueDocument, 'https://broadsheet.invalid/schema/issue.schema.json', 'Broadsheet issue document (.broadsheet)');
export const templateJsonSchema = () =>
  render(schemas.TemplateFile, 'https://broadsheet.invalid/schema/template.schema.json', 'Broadsheet page template');
