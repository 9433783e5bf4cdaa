/**
 * electron-builder.yml is valid for electron-builder's schema (validateConfiguration from
 * app-builder-lib, stack-notes §7e) and carries what the issue requires: the four installer
 * targets, extra resources, sharp unpacked from the asar, the file association and the fuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string }[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}

async function loadConfig(): Promise<BuilderConfig> {
  // electron-builder's own YAML loader (js-yaml), so the file is read exactly as it reads it.
  const yaml = require('js-yaml') as { load(s: string): unknown };
  return yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };
    const config = await loadConfig();
    // validateConfiguration coerces in place: give it copies.
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // The validator must actually reject a bad config (it is not a no-op).
    await expect(validateConfiguration({ ...structuredClone(config), electronFuses: { runAsNode: 'no' } }, new DebugLogger(false))).rejects.toThrow();
    await expect(validateConfiguration({ ...structuredClone(config), notAnOption: true }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('builds AppImage + deb, dmg and nsis', async () => {
    const c = await loadConfig();
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.mac.target).toEqual(['dmg']);
    expect(c.win.target).toEqual(['nsis']);
  });

  it('ships fonts, templates and samples as extra resources, and unpacks sharp', async () => {
    const c = await loadConfig();
    expect(c.extraResources.map((r) => r.from).sort()).toEqual(['fonts', 'samples', 'templates']);
    expect(c.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**']));
    expect(c.files).toContain('out/**');
  });

  it('associates .broadsheet files', async () => {
    expect((await loadConfig()).fileAssociations.map((f) => f.ext)).toEqual(['broadsheet']);
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar-only with integrity checks', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at files that exist in the repository', async () => {
    const { existsSync } = await import('node:fs');
    for (const r of (await loadConfig()).extraResources) expect(existsSync(path.join(root, r.from)), r.from).toBe(true);
    expect(existsSync(path.join(root, 'samples/jinshan/jinshan.broadsheet'))).toBe(true);
  });
});
