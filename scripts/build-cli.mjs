// Bundles cli/main.ts (and what it imports of ours) to dist/cli/broadsheet.mjs.
// Packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { broadsheet: 'cli/main.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
