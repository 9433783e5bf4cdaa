/** Shared helpers of the model tests: repository paths and the sample issue. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const SAMPLE = 'samples/jinshan/jinshan.broadsheet';
export const SEED = 'test/fixtures/seed/jinshan-front-page.txt';

/** A repository file as UTF-8 text. */
export const readRepo = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');

/** The template files, as repository-relative paths. */
export const templateFiles = (): string[] =>
  readdirSync(path.join(root, 'templates'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `templates/${f}`);

/** The sample as raw JSON, for tests that corrupt or tweak it. */
export const sampleJson = (): Record<string, unknown> => JSON.parse(readRepo(SAMPLE)) as Record<string, unknown>;

/** Index of the record with this id in a list of records. */
export function indexOfId(list: unknown, id: string): number {
  const i = (list as { id: string }[]).findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`no record "${id}"`);
  return i;
}
