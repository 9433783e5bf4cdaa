/**
 * `npm test`: build the CLI, type-check, lint, check formatting-sensitive generated files,
 * then run every test suite. Prints a closing line "N passed, N failed, N skipped" and
 * exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';

function step(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) console.error(`── ${name} failed (exit ${r.status})`);
  return r.status === 0;
}

const results: [string, boolean][] = [];
results.push(['build', step('build', 'node', ['scripts/build-cli.mjs']) && step('build renderer', 'npx', ['vite', 'build', '-c', 'renderer/vite.config.ts'])]);
results.push(['typecheck', step('typecheck', 'npx', ['tsx', 'scripts/typecheck.ts'])]);
results.push(['lint', step('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])]);
rmSync('test-results/vitest.json', { force: true });
const testsOk = step('tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]);
results.push(['tests', testsOk]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('test-results/vitest.json')) {
  const json = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
}
// The non-test steps count as checks too, so a type error or lint error shows as a failure.
for (const [, ok] of results.slice(0, 3)) {
  if (ok) passed++;
  else failed++;
}
if (!testsOk && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
