// Builds the renderer only (main, preload and the web server are bundled by
// scripts/build.mjs with esbuild). base './' so index.html loads from file://
// inside Electron and from / in the web form alike.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
  },
});
