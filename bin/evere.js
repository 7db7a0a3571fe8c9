#!/usr/bin/env node
// The `evere` command runs the compiled CLI in dist/ (built by `npm install`, or `npm run build`
// after changing src/). `npm run evere -- ARGS` runs the TypeScript sources instead.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('Evere is not built: run `npm run build` (npm install does it), then try again.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
