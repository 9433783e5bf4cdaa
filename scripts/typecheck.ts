/** Type-checks every folder with its own tsconfig (each folder has its own lib/types). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['engine', 'bridge', 'pdf', 'services', 'cli', 'main', 'renderer', 'test', 'scripts', 'bench'];
let failed = 0;
for (const p of projects) {
  if (!existsSync(`${p}/tsconfig.json`)) continue;
  const r = spawnSync('npx', ['tsc', '-p', p], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typecheck: ${p}/ has type errors`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
