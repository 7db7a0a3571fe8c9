#!/usr/bin/env node
// Builds Evere: the server and CLI (src/ → dist/, TypeScript compiled by tsc with
// tsconfig.build.json) and the web app (src/web → web-dist/, scripts/build-web.js).
// `npm install` runs it (the `prepare` step). `--if-stale` (what `npm start` runs first) rebuilds
// only what is older than its sources. `--server` or `--web` builds one of the two.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { root, serverStale, stamp } from './build-state.js';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const only = args.includes('--server') ? 'server' : args.includes('--web') ? 'web' : undefined;
function buildServer() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // An install without development dependencies keeps what was built before.
    if (existsSync(stamp)) { console.error('TypeScript is not installed: keeping the existing build in dist/.'); return; }
    console.error('Evere needs building but TypeScript is not installed: run `npm install` (with development dependencies).');
    process.exit(1);
  }
  console.error('Building the server and CLI (src/ → dist/)…');
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (only !== 'web' && (!ifStale || serverStale())) buildServer();
if (only !== 'server') {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-web.js'), ...(ifStale ? ['--if-stale'] : [])], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
