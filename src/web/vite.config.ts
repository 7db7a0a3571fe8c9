/**
 * The web app's build: Vite + React, from src/web to web-dist/ at the repository root, which the
 * server (`evere serve`) serves with /en/* and /fr/* falling back to index.html, and
 * web-dist/shell.json, what the home page's shell adds (./shell-plugin.ts).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { shellDescription } from './shell-plugin.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const base = '/';

export default defineConfig({
  root: here,
  base,
  plugins: [react(), shellDescription(base)],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../web-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/openapi.json': 'http://localhost:8080' },
  },
});
