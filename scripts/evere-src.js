#!/usr/bin/env node
// `npm run evere -- ARGS`: the CLI from the TypeScript sources through tsx (a development
// dependency), without building. `bin/evere.js` runs the compiled dist/ and starts much faster.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
