/**
 * Where the app finds its files. Packaged: the UI and code are in the asar
 * (`resources/app.asar/out/…`), and fonts/, templates/ and samples/ are extraResources beside
 * it (`resources/fonts`, …). In development: everything is in the repository.
 */
import path from 'node:path';

/** The folders and files the shell uses. */
export interface AppPaths {
  /** The built renderer (served by the app protocol). */
  renderer: string;
  /** The preload script (CommonJS: sandboxed preloads cannot be ES modules). */
  preload: string;
  /** The export utility process entry. */
  exportWorker: string;
  fonts: string;
  templates: string;
  sample: string;
  /** Per-user data: state file, recent list, crash recovery. */
  stateFile: string;
  recentFile: string;
  recoveryDir: string;
}

/** Computes the paths from where the main bundle runs (`out/main`) and Electron's folders. */
export function appPaths(opts: { mainDir: string; packaged: boolean; resourcesPath: string; userData: string }): AppPaths {
  const out = path.resolve(opts.mainDir, '..');
  const resources = opts.packaged ? opts.resourcesPath : path.resolve(out, '..');
  return {
    renderer: path.join(out, 'renderer'),
    preload: path.join(out, 'preload', 'index.cjs'),
    exportWorker: path.join(out, 'main', 'export-worker.js'),
    fonts: path.join(resources, 'fonts'),
    templates: path.join(resources, 'templates'),
    sample: path.join(resources, 'samples', 'jinshan', 'jinshan.broadsheet'),
    stateFile: path.join(opts.userData, 'window-state.json'),
    recentFile: path.join(opts.userData, 'recent.json'),
    recoveryDir: path.join(opts.userData, 'recovery'),
  };
}
