#!/usr/bin/env node
// `npm start [-- FILE.broadsheet]`: builds the desktop app (electron-vite → out/) and launches
// Electron on FILE, or on the last document, or (first run) the sample issue; the app itself
// picks the last document (main/launch-args.ts). Where the Electron binary is not installed
// (offline build machines: its installer downloads it from GitHub), says so in one line and
// starts web mode instead: `broadsheet serve` on the same issue, printing the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sample = path.join(root, 'samples', 'jinshan', 'jinshan.broadsheet');
const files = process.argv.slice(2);

/** The Electron binary, if installed (node_modules/electron/path.txt names it inside dist/). */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return undefined;
  const bin = path.join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm start: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** Runs a child until it exits, forwarding Ctrl+C, and exits with its code. */
function hand(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  hand(spawn(electron, [root, ...files], { cwd: root, stdio: 'inherit' }));
} else {
  const issue = files[0] ? path.resolve(files[0]) : sample;
  console.log(`Electron is not installed here (no binary in node_modules/electron/dist), so Broadsheet starts in web mode on ${path.relative(root, issue) || issue}.`);
  if (!existsSync(path.join(root, 'dist', 'cli', 'broadsheet.mjs'))) run(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')]);
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'renderer/vite.config.ts']);
  hand(spawn(process.execPath, [path.join(root, 'bin', 'broadsheet.mjs'), 'serve', issue], { cwd: root, stdio: 'inherit' }));
}
