/**
 * The layering is enforced by lint (tools/eslint-layers.mjs) and by per-folder tsconfigs.
 * These tests lint small probe files placed (virtually) in each folder and expect the
 * forbidden imports to be reported, and the allowed ones not.
 */
import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'broadsheet/layers').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['engine/probe.ts', "import fs from 'fs';\nexport const x = fs;"],
    ['engine/probe.ts', "import type { Stats } from 'node:fs';\nexport type X = Stats;"],
    ['engine/text/probe.ts', "import { App } from '../../renderer/App';\nexport const x = App;"],
    ['engine/probe.ts', "import type { Props } from '../renderer/panels/Props';\nexport type X = Props;"],
    ['engine/probe.ts', "export { thing } from '../pdf/writer';"],
    ['engine/probe.ts', "import PDFDocument from 'pdfkit';\nexport const x = PDFDocument;"],
    ['engine/probe.ts', "const m = await import('../main/index');\nexport const x = m;"],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/probe.ts', "import path from 'node:path';\nexport const x = path;"],
    ['renderer/probe.ts', "import { store } from '../main/store';\nexport const x = store;"],
    ['renderer/probe.ts', "import { writePdf } from '../pdf/index';\nexport const x = writePdf;"],
    ['pdf/probe.ts', "import { App } from '../renderer/App';\nexport const x = App;"],
    ['cli/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['cli/probe.ts', "import { createWindow } from '../main/windows';\nexport const x = createWindow;"],
    ['bridge/probe.ts', "import { loadDocument } from '../engine/model';\nexport const x = loadDocument;"],
    ['main/probe.ts', "import { Canvas } from '../renderer/canvas/Canvas';\nexport const x = Canvas;"],
  ])('%s: forbids %j', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['engine/text/probe.ts', "import { parseLength } from '../model/units';\nexport const x = parseLength;"],
    ['engine/probe.ts', "import * as fontkit from 'fontkit';\nexport const x = fontkit;"],
    ['renderer/probe.ts', "import { loadDocument } from '../engine/model';\nexport const x = loadDocument;"],
    ['pdf/probe.ts', "import PDFDocument from 'pdfkit';\nimport type { PageDisplayList } from '../engine/display/types';\nexport type X = PageDisplayList;\nexport const x = PDFDocument;"],
    ['cli/probe.ts', "import { readFile } from 'node:fs/promises';\nimport { loadDocument } from '../engine/model';\nexport const x = [readFile, loadDocument];"],
    ['main/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s: allows %j', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('per-folder tsconfig', () => {
  // The probe compiles with a folder's own compiler options (lib, types) but lives in a
  // temporary folder under node_modules/.cache, so it never disturbs a type check of the real tree.
  function compileWith(folder: string, code: string) {
    const cache = path.join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(path.join(cache, 'broadsheet-probe-'));
    try {
      writeFileSync(path.join(dir, 'probe.ts'), code);
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: path.join(root, folder, 'tsconfig.json'),
          include: [],
          files: [path.join(dir, 'probe.ts')],
        }),
      );
      return spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('engine/ compiles without Node and DOM globals', () => {
    const r = compileWith('engine', 'export const a = process.cwd();\nexport const b = document.title;\n');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/Cannot find name 'process'/);
    expect(r.stdout).toMatch(/Cannot find name 'document'/);
  });

  it('renderer/ has the DOM but not Node', () => {
    const r = compileWith('renderer', 'export const a = process.cwd();\nexport const b = document.title;\n');
    expect(r.stdout).toMatch(/Cannot find name 'process'/);
    expect(r.stdout).not.toMatch(/Cannot find name 'document'/);
  });

  it('services/ has Node (the probe itself is sound)', () => {
    const r = compileWith('services', 'export const a = process.cwd();\n');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});
