// Builds the renderer (React app) to dist/renderer. Relative asset URLs ('./') so the same
// bundle loads from the web-mode server and from Electron's app protocol.
// (No node: imports here: renderer/ is DOM-only by the layer rule; URL does the path work.)
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const dir = (rel: string) => decodeURIComponent(new URL(rel, import.meta.url).pathname);

export default defineConfig({
  root: dir('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: dir('../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // pdf.js and fontkit are large; the warning is noise for a desktop app.
    chunkSizeWarningLimit: 6000,
    // Inlined assets would need data: script/style sources; keep every asset a file.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
