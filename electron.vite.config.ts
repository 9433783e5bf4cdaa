// electron-vite build of the desktop app (`npx electron-vite build` → out/):
//   out/main/index.js, out/main/export-worker.js   main process and the export utility process (ESM)
//   out/preload/index.cjs                           preload: CommonJS, with bridge/ and zod bundled in,
//                                                   because a sandboxed preload can require nothing
//   out/renderer/                                   the React UI from renderer/ (served by app://)
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: { index: resolve(root, 'main/index.ts'), 'export-worker': resolve(root, 'main/export-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 6000,
      // Inlined assets would need data: script sources under the CSP; keep every asset a file.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    worker: { format: 'es' },
  },
});
