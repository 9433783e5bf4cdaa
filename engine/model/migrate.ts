/**
 * Forward migrations of the file format. Each step takes the raw JSON of version n and
 * returns version n + 1; loading runs the steps from the file's version to FORMAT_VERSION
 * before validation. A file from a newer version is refused, never half-read.
 */
import { FORMAT_VERSION } from './schema';

export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. Version 1 is the first released format. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; raw: Record<string, unknown>; from: number }
  | { ok: false; message: string };

export function migrate(
  raw: Record<string, unknown>,
  target = FORMAT_VERSION,
  steps: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrationResult {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'version: expected a whole number ≥ 1 (the format version)' };
  }
  if (version > target) {
    return {
      ok: false,
      message: `version: the file is format version ${version}, newer than this Broadsheet reads (${target}); open it with a newer Broadsheet`,
    };
  }
  let cur = raw;
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `version: no migration from format version ${v}` };
    cur = { ...step(cur), version: v + 1 };
  }
  return { ok: true, raw: cur, from: version };
}
