/**
 * Creating and editing paragraph and character styles. Every change is checked against the
 * document schema (so a bad value is refused with the schema's message) and against basedOn
 * cycles. Stories refer to styles by id, so an edit reflows every story that uses the style.
 */
import * as S from '../model/schema';
import type { CharacterStyle, IssueDocument, ParagraphStyle } from '../model/types';
import type { CharacterStyleId, ParagraphStyleId } from '../model/ids';
import { EditError } from './errors';
import { freshId, type NewId } from './ids';

type Kind = 'paragraph' | 'character';

function list(doc: IssueDocument, kind: Kind): (ParagraphStyle | CharacterStyle)[] {
  return kind === 'paragraph' ? doc.paragraphStyles : doc.characterStyles;
}

function check(doc: IssueDocument, kind: Kind, style: ParagraphStyle | CharacterStyle): ParagraphStyle | CharacterStyle {
  const r = (kind === 'paragraph' ? S.ParagraphStyle : S.CharacterStyle).safeParse(style);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new EditError(`${kind} style "${style.name}": ${i.path.join('.') || 'value'}: ${i.message}`);
  }
  const all = list(doc, kind);
  if (all.some((s) => s.name === style.name && s.id !== style.id)) throw new EditError(`a ${kind} style named "${style.name}" already exists`);
  // basedOn must exist and must not lead back to the style itself.
  let at: string | undefined = style.basedOn;
  const seen = new Set<string>([style.id]);
  while (at) {
    if (seen.has(at)) throw new EditError(`${kind} style "${style.name}" would be based on itself (through "${at}")`);
    seen.add(at);
    const next = all.find((s) => s.id === at);
    if (!next) throw new EditError(`${kind} style "${style.name}" is based on the missing style "${at}"`);
    at = next.basedOn;
  }
  return r.data;
}

/** Creates a paragraph style; returns its id. */
export function createParagraphStyle(doc: IssueDocument, props: Omit<ParagraphStyle, 'id'>, newId: NewId): ParagraphStyleId {
  const id = freshId<ParagraphStyleId>(doc, 'paragraphStyle', newId);
  doc.paragraphStyles.push(check(doc, 'paragraph', { ...props, id }) as ParagraphStyle);
  return id;
}

/** Creates a character style; returns its id. */
export function createCharacterStyle(doc: IssueDocument, props: Omit<CharacterStyle, 'id'>, newId: NewId): CharacterStyleId {
  const id = freshId<CharacterStyleId>(doc, 'characterStyle', newId);
  doc.characterStyles.push(check(doc, 'character', { ...props, id }) as CharacterStyle);
  return id;
}

function update<T extends ParagraphStyle | CharacterStyle>(doc: IssueDocument, kind: Kind, id: string, patch: Partial<Omit<T, 'id'>>): void {
  const all = list(doc, kind);
  const i = all.findIndex((s) => s.id === id);
  if (i < 0) throw new EditError(`no ${kind} style "${id}"`);
  const merged: Record<string, unknown> = { ...all[i]!, ...patch, id };
  // An attribute set to undefined is removed (the style inherits it again).
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const checked = check(doc, kind, merged as unknown as T);
  const target = all[i]! as unknown as Record<string, unknown>;
  for (const k of Object.keys(target)) if (!(k in checked)) delete target[k];
  for (const [k, v] of Object.entries(checked)) if (JSON.stringify(target[k]) !== JSON.stringify(v)) target[k] = v;
}

/** Edits a paragraph style (attributes set to undefined are removed). */
export function updateParagraphStyle(doc: IssueDocument, id: string, patch: Partial<Omit<ParagraphStyle, 'id'>>): void {
  update<ParagraphStyle>(doc, 'paragraph', id, patch);
}

/** Edits a character style (attributes set to undefined are removed). */
export function updateCharacterStyle(doc: IssueDocument, id: string, patch: Partial<Omit<CharacterStyle, 'id'>>): void {
  update<CharacterStyle>(doc, 'character', id, patch);
}

/** Deletes a paragraph style; paragraphs and styles based on it move to `replacement`. */
export function deleteParagraphStyle(doc: IssueDocument, id: string, replacement: string): void {
  if (id === replacement) throw new EditError('a style cannot replace itself');
  if (!doc.paragraphStyles.some((s) => s.id === id)) throw new EditError(`no paragraph style "${id}"`);
  if (!doc.paragraphStyles.some((s) => s.id === replacement)) throw new EditError(`no paragraph style "${replacement}"`);
  const r = replacement as ParagraphStyleId;
  for (const s of doc.stories) for (const p of s.paragraphs) if (p.style === id) p.style = r;
  for (const s of doc.paragraphStyles) if (s.basedOn === id) s.basedOn = r;
  for (const a of doc.articles) {
    for (const part of [a.headline?.kicker, a.headline?.title, a.headline?.subhead, a.headline?.deck]) if (part && part.style === id) part.style = r;
  }
  if (doc.issue.jumps.style === id) doc.issue.jumps.style = r;
  for (const f of doc.frames) if (f.kind === 'image' && f.creditStyle === id) f.creditStyle = r;
  doc.paragraphStyles = doc.paragraphStyles.filter((s) => s.id !== id);
}
