/** A problem found in a document or template: where (a JSON path) and what. */
export interface Finding {
  /** JSON path in the file, e.g. "frames[3].width" or "stories[0].frames[1]". */
  path: string;
  message: string;
}

/** Formats a path array from zod ("frames", 3, "width") as frames[3].width. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += (out ? '.' : '') + String(p);
  }
  return out || '(document)';
}

/** Every bad field of a file in one error that names the file. */
export class DocumentError extends Error {
  readonly file: string;
  readonly findings: readonly Finding[];
  constructor(file: string, findings: readonly Finding[], summary = 'is not a valid Broadsheet file') {
    const lines = findings.map((f) => `  ${f.path}: ${f.message}`);
    super(`${file} ${summary}:\n${lines.join('\n')}`);
    this.name = 'DocumentError';
    this.file = file;
    this.findings = findings;
  }
}
