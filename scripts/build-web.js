#!/usr/bin/env node
// Builds the web app (src/web → web-dist/) with Vite's JS API.
// `--if-stale` (what `npm start` runs first) builds only when web-dist is missing or older than
// its sources (src/web, and src/messages and src/ledger, which it bundles), so a start with an
// up-to-date build costs a few file stats.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What the bundle is built from: the app, and the two layers it may import for their code (the
// lint's layer rule keeps it to these; the domain, app and API it imports for types only).
const sources = ['web', 'messages', 'ledger'].map((dir) => join(root, 'src', dir));
const out = join(root, 'web-dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    latest = Math.max(latest, s.isDirectory() ? newest(path) : s.mtimeMs);
  }
  return latest;
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(out)) {
  const inputs = Math.max(...sources.map(newest), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (statSync(out).mtimeMs >= inputs) process.exit(0);
}

let vite;
try {
  vite = await import('vite');
} catch {
  // Without dev dependencies the API still starts; only the web app is missing (or stale).
  console.error('The web app needs building but Vite is not installed: run `npm install` to get it. Serving the API only.');
  process.exit(0);
}
console.error('Building the web app (src/web → web-dist/)…');
await vite.build({ configFile: join(root, 'src', 'web', 'vite.config.ts'), logLevel: 'warn' });
console.error('Web app built.');
