/**
 * A benchmark child as the product ships: bundled by esbuild as `npm run build` bundles dist/
 * (no names kept, syntax minified). Under the development loader (tsx), every function and
 * closure is wrapped to keep its name, a cost that shipped code does not pay and that falls
 * unequally on the two sides of a comparison (the product makes more closures than a bare floor).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

// One level below the package root, as dist/ is: code that finds the package from its own file
// (src/config.ts) finds it from here too.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const built = new Map<string, string>();

/** The path of `entry` (a TypeScript file) bundled for this run; built once, removed at exit. */
export function bundled(entry: string): string {
  let out = built.get(entry);
  if (!out) {
    const dir = join(ROOT, '.tmp');
    mkdirSync(dir, { recursive: true });
    out = join(dir, `bench-${process.pid}-${basename(entry, '.ts')}.mjs`);
    buildSync({
      entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node20',
      minifyWhitespace: true, minifySyntax: true, packages: 'external', logLevel: 'warning',
    });
    built.set(entry, out);
    if (built.size === 1) process.on('exit', () => { for (const file of built.values()) rmSync(file, { force: true }); });
  }
  return out;
}
