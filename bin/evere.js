#!/usr/bin/env node
// The `evere` command runs the compiled CLI in dist/ (built by `npm install`, or `npm run build`
// after changing src/). `npm run evere -- ARGS` runs the TypeScript sources instead.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('Evere is not built: run `npm run build` (npm install does it), then try again.\n');
  process.exit(2);
}
// A reader that stops reading (`evere sources | head`) ends the command quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
