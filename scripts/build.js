#!/usr/bin/env node
// Builds Evere: the server and CLI (src/ → dist/, bundled by esbuild) and the web app (src/web →
// web-dist/, scripts/build-web.js). `npm install` runs it (the `prepare` step). `--if-stale`
// (what `npm start` runs first) rebuilds only what is older than its sources. `--server` or
// `--web` builds one of the two. Type checking is `npm run typecheck` (part of `npm test`).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, serverStale, stamp } from './build-state.js';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const only = args.includes('--server') ? 'server' : args.includes('--web') ? 'web' : undefined;

// The few pure-JavaScript packages every CLI verb loads are bundled in: loading them as some
// twenty separate files cost more than the rest of `evere --help`. Every other package stays a
// package (native drivers, Fastify and its plugins, which read files beside their own code).
const BUNDLED = new Set(['commander', 'canonicalize', 'intl-messageformat', '@formatjs/icu-messageformat-parser',
  '@formatjs/icu-skeleton-parser', '@formatjs/fast-memoize', '@formatjs/ecma402-abstract', 'tslib']);
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

async function buildServer() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without development dependencies keeps what was built before.
    if (existsSync(stamp)) { console.error('esbuild is not installed: keeping the existing build in dist/.'); return; }
    console.error('Evere needs building but esbuild is not installed: run `npm install` (with development dependencies).');
    process.exit(1);
  }
  console.error('Building the server and CLI (src/ → dist/)…');
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      // The CLI and server, and the entry-check worker (src/adapters/crypto/parallel-checker.ts
      // starts dist/check-worker.js). Each module a verb imports on demand becomes a file of its
      // own, so a verb still loads only what it needs (src/cli/run.ts).
      entryPoints: [{ in: 'src/main.ts', out: 'main' }, { in: 'src/adapters/crypto/check-worker.ts', out: 'check-worker' }],
      outdir: 'dist',
      // Every file directly in dist/, one level below the package root as src/config.ts is
      // below it (PACKAGE_ROOT).
      chunkNames: '[name]-[hash]',
      bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
      minifyWhitespace: true, minifySyntax: true, sourcemap: 'linked',
      // Bundled CommonJS (commander) requires Node's built-in modules through `require`.
      banner: { js: "import { createRequire as __evereCreateRequire } from 'node:module'; const require = __evereCreateRequire(import.meta.url);" },
      logLevel: 'warning',
      plugins: [{
        name: 'evere-externals',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
            (path.startsWith('node:') || !BUNDLED.has(packageOf(path)) ? { path, external: true } : undefined));
        },
      }],
    });
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (only !== 'web' && (!ifStale || serverStale())) await buildServer();
if (only !== 'server') {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-web.js'), ...(ifStale ? ['--if-stale'] : [])], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
