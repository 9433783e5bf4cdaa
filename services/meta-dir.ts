/**
 * Where the store keeps per-document data next to a document: backups and the linked-file
 * fingerprints live in `<folder>/.broadsheet-meta/<file name>/`. Beside the document (not in
 * the app data folder) so they travel with the issue when the folder is copied to another
 * machine, and a user can find them without the app. "Package" leaves this folder out.
 */
import path from 'node:path';

/** The hidden folder beside documents that holds their backups and link records. */
export const META_FOLDER = '.broadsheet-meta';

/** The meta folder of one document: `<dir>/.broadsheet-meta/<basename>`. */
export function metaDir(file: string): string {
  return path.join(path.dirname(path.resolve(file)), META_FOLDER, path.basename(file));
}

/** The backups folder of one document. */
export function backupsDir(file: string): string {
  return path.join(metaDir(file), 'backups');
}

/** The file holding the fingerprints of a document's linked files at its last save. */
export function linksRecordFile(file: string): string {
  return path.join(metaDir(file), 'links.json');
}
