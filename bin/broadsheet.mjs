#!/usr/bin/env node
// The `broadsheet` command. The CLI is built to dist/ by `npm run build:cli` (run by
// `prepare` after `npm ci`); this shim only loads it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/broadsheet.mjs', import.meta.url));
if (!existsSync(built)) {
  console.error('broadsheet: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you).');
  process.exit(70);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
