/** Loading and saving the document model. */
import { readFileSync, existsSync } from 'node:fs';
import { loadDocument, serializeDocument } from '../engine/model';

export async function bench(): Promise<Record<string, number | string>> {
  const file = 'samples/jinshan/jinshan.broadsheet';
  if (!existsSync(file)) return { 'load sample': 'sample missing' };
  const text = readFileSync(file, 'utf8');
  const runs = 50;
  loadDocument(text, file);
  let t = performance.now();
  for (let i = 0; i < runs; i++) loadDocument(text, file);
  const load = (performance.now() - t) / runs;
  const doc = loadDocument(text, file);
  t = performance.now();
  for (let i = 0; i < runs; i++) serializeDocument(doc);
  const save = (performance.now() - t) / runs;
  return { 'load + validate sample (ms)': load, 'serialise sample (ms)': save };
}
