/**
 * Reading and writing `.broadsheet` files. Loading is all-or-nothing: JSON syntax, the
 * format version, every schema field and every cross-reference are checked, and all
 * problems are reported together in one DocumentError that names the file.
 */
import type { z } from 'zod';
import { DocumentError, formatPath, type Finding } from './findings';
import { migrate } from './migrate';
import { checkReferences, checkTemplateReferences } from './references';
import { FORMAT_VERSION, IssueDocument, TemplateFile } from './schema';
import type { IssueDocument as Doc, TemplateFile as TemplateFileT } from './types';

export type CheckResult<T> = { ok: true; value: T; migratedFrom?: number } | { ok: false; findings: Finding[] };

function parseJson(text: string): { ok: true; raw: unknown } | { ok: false; findings: Finding[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, raw: JSON.parse(src) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, findings: [{ path: '(file)', message: `not valid JSON: ${msg}${jsonErrorWhere(src, msg)}` }] };
  }
}

/** "(line 12, column 5)" for a JSON.parse message that gives a character position. */
function jsonErrorWhere(src: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = src.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function zodFindings(error: z.ZodError): Finding[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Checks the raw JSON of an issue document; never throws. */
export function checkDocument(text: string): CheckResult<Doc> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const raw = json.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, findings: [{ path: '(document)', message: 'expected a JSON object' }] };
  }
  const rec = raw as Record<string, unknown>;
  if (rec.format !== 'broadsheet') {
    return {
      ok: false,
      findings: [{ path: 'format', message: `expected "broadsheet", got ${JSON.stringify(rec.format)} (is this a Broadsheet issue?)` }],
    };
  }
  const migrated = migrate(rec);
  if (!migrated.ok) return { ok: false, findings: [{ path: 'version', message: migrated.message.replace(/^version: /, '') }] };
  const parsed = IssueDocument.safeParse(migrated.raw);
  if (!parsed.success) return { ok: false, findings: zodFindings(parsed.error) };
  const refs = checkReferences(parsed.data);
  if (refs.length) return { ok: false, findings: refs };
  return migrated.from !== FORMAT_VERSION
    ? { ok: true, value: parsed.data, migratedFrom: migrated.from }
    : { ok: true, value: parsed.data };
}

/** Loads an issue document or throws a DocumentError listing every problem. */
export function loadDocument(text: string, file: string): Doc {
  const r = checkDocument(text);
  if (!r.ok) throw new DocumentError(file, r.findings);
  return r.value;
}

/** Checks a template file (templates/*.json). */
export function checkTemplateFile(text: string): CheckResult<TemplateFileT> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const rec = json.raw as Record<string, unknown> | null;
  if (typeof rec !== 'object' || rec === null || rec.format !== 'broadsheet-template') {
    return { ok: false, findings: [{ path: 'format', message: 'expected "broadsheet-template"' }] };
  }
  const migrated = migrate(rec);
  if (!migrated.ok) return { ok: false, findings: [{ path: 'version', message: migrated.message.replace(/^version: /, '') }] };
  const parsed = TemplateFile.safeParse(migrated.raw);
  if (!parsed.success) return { ok: false, findings: zodFindings(parsed.error) };
  const refs = checkTemplateReferences(parsed.data);
  if (refs.length) return { ok: false, findings: refs };
  return { ok: true, value: parsed.data };
}

export function loadTemplateFile(text: string, file: string): TemplateFileT {
  const r = checkTemplateFile(text);
  if (!r.ok) throw new DocumentError(file, r.findings, 'is not a valid Broadsheet template');
  return r.value;
}

/**
 * Checks either kind of file, telling them apart by their "format" field.
 * Used by `broadsheet validate`.
 */
export function checkAnyFile(text: string): { kind: 'document' | 'template'; result: CheckResult<unknown> } {
  const looksTemplate = /"format"\s*:\s*"broadsheet-template"/.test(text.slice(0, 2000));
  return looksTemplate
    ? { kind: 'template', result: checkTemplateFile(text) }
    : { kind: 'document', result: checkDocument(text) };
}

/**
 * Serialises a document for saving: pretty-printed UTF-8 JSON with the schema's key order,
 * so that saves diff well; always at the current format version.
 */
export function serializeDocument(doc: Doc): string {
  return JSON.stringify({ ...doc, version: FORMAT_VERSION }, null, 2) + '\n';
}
