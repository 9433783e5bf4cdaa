/** Reading input files for the commands, with one wording for every failure. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError, loadDocument } from '../engine/model';
import type { IssueDocument } from '../engine/model/types';
import { EXIT, type CommandIO } from './command';

/** Why a file could not be read, in words ("no such file", "is a folder", …). */
export function readErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** Reads and validates an issue; on failure prints why (naming the file) and returns the exit code. */
export async function loadIssue(file: string, io: CommandIO): Promise<{ doc: IssueDocument; abs: string } | number> {
  const abs = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    io.err(`${file}: ${readErrorReason(e)}\n`);
    return EXIT.noInput;
  }
  try {
    return { doc: loadDocument(text, file), abs };
  } catch (e) {
    if (e instanceof DocumentError) {
      io.err(`${e.message}\n`);
      return EXIT.invalid;
    }
    throw e;
  }
}
