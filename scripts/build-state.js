// Whether the compiled server and CLI (dist/) are older than their sources; shared by
// scripts/build.js (`--if-stale`) and the tests that run the compiled CLI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const stamp = join(root, 'dist', '.built');

/** The newest modification time under dir, skipping the web app's sources. */
function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === join(root, 'src', 'web')) continue;
    const s = statSync(path);
    latest = Math.max(latest, s.isDirectory() ? newest(path) : s.mtimeMs);
  }
  return latest;
}

export function serverStale() {
  if (!existsSync(stamp)) return true;
  const inputs = Math.max(newest(join(root, 'src')), ...['tsconfig.json', 'scripts/build.js'].map((f) => statSync(join(root, f)).mtimeMs));
  return statSync(stamp).mtimeMs < inputs;
}
