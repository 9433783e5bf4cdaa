/**
 * Reproducibility: fonts/build.py rebuilds every file byte for byte from the Debian packages.
 * The rebuild takes about four minutes, so it runs only with BROADSHEET_FONTS_REBUILD=1
 * (needs /usr/bin/python3 with fontTools, fonts-noto-cjk and fonts-noto-core).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONTS_DIR } from './helpers';

describe('fonts/build.py', () => {
  it.skipIf(process.env.BROADSHEET_FONTS_REBUILD !== '1')(
    'rebuilds every bundled file byte for byte (verify)',
    () => {
      const run = spawnSync('/usr/bin/python3', [path.join(FONTS_DIR, 'build.py'), 'verify'], { encoding: 'utf8' });
      expect(run.stdout + run.stderr).toContain('verify: identical');
      expect(run.status).toBe(0);
    },
    15 * 60_000,
  );
});
