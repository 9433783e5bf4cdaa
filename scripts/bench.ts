/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `bench()` returning named
 * numbers) and prints the results. Benchmarks measure speed; tests never time anything.
 * `npm run bench -- text` runs only the files whose name contains "text".
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const filter = process.argv[2];
const dir = path.resolve(import.meta.dirname, '../bench');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

let failed = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    bench?: () => Promise<Record<string, number | string>>;
  };
  if (typeof mod.bench !== 'function') continue;
  console.log(`\n${file}`);
  try {
    const results = await mod.bench();
    for (const [name, value] of Object.entries(results)) {
      const shown = typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)) : value;
      console.log(`  ${name.padEnd(60)} ${shown}`);
    }
  } catch (e) {
    failed = true;
    console.error(`  failed: ${e instanceof Error ? e.stack : String(e)}`);
  }
}
process.exit(failed ? 1 : 0);
