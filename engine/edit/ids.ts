/**
 * Fresh ids for new records. The generator is passed in by the caller (the editor uses a
 * counter or random source; tests use a deterministic one): the engine has no randomness.
 */
import type { IssueDocument } from '../model/types';
import { EditError } from './errors';

/** What kind of record an id is for. */
export type IdKind = 'frame' | 'story' | 'article' | 'paragraphStyle' | 'characterStyle';

/** Returns a candidate id for a record of `kind`; called again if the candidate is taken. */
export type NewId = (kind: IdKind) => string;

/** A deterministic generator: `${prefix}-${kind}-${n}`; handy for tests and scripts. */
export function counterIds(prefix = 'n'): NewId {
  let n = 0;
  return (kind) => `${prefix}-${kind}-${++n}`;
}

function taken(doc: IssueDocument, kind: IdKind): Set<string> {
  switch (kind) {
    case 'frame':
      return new Set(doc.frames.map((f) => f.id));
    case 'story':
      return new Set(doc.stories.map((s) => s.id));
    case 'article':
      return new Set(doc.articles.map((a) => a.id));
    case 'paragraphStyle':
      return new Set(doc.paragraphStyles.map((s) => s.id));
    case 'characterStyle':
      return new Set(doc.characterStyles.map((s) => s.id));
  }
}

/** A fresh id of `kind` not used in `doc` (nor in `also`). */
export function freshId<T extends string>(doc: IssueDocument, kind: IdKind, newId: NewId, also: ReadonlySet<string> = new Set()): T {
  const used = taken(doc, kind);
  for (let i = 0; i < 1000; i++) {
    const id = newId(kind);
    if (!/^[^\s]+$/.test(id) || id.length > 200) throw new EditError(`the id generator gave an invalid id "${id}"`);
    if (!used.has(id) && !also.has(id)) return id as T;
  }
  throw new EditError(`the id generator gave no unused ${kind} id in 1000 tries`);
}
