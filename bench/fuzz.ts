/**
 * `npm run bench:fuzz`: at least 10,000 malformed requests to every operation of the OpenAPI
 * document (FUZZ_RUNS a operation, default 10,000; FUZZ_SEED; FUZZ_ONLY=substring of the path),
 * as fast-check arbitraries over paths, queries, bodies and headers. Any 5xx, or an answer
 * carrying internal text (a stack, a path, an exception's or the database's words), fails the run
 * with the shrunk request that caused it. `npm test` runs a sample of the same
 * (tests/e2e/fuzz-sample.e2e.test.ts).
 */
import { fuzzOperation, fuzzTarget } from '../tests/support/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const ONLY = process.env.FUZZ_ONLY;

const target = await fuzzTarget();
const operations = target.operations.filter((op) => !ONLY || op.path.includes(ONLY));
console.log(`fuzz: ${operations.length} operations × ${RUNS} malformed requests, seed ${SEED}`);
let total = 0;
let failed = 0;
const started = performance.now();
for (const [i, op] of operations.entries()) {
  const label = `${op.method} ${op.path}`;
  try {
    const r = await fuzzOperation(target, op, RUNS, SEED + i);
    total += r.requests;
    const statuses = [...r.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`[${i + 1}/${operations.length}] ${label}: ${r.requests} requests in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.requests / (r.ms / 1000))}/s), no 5xx, no internal text; ${statuses}`);
  } catch (error) {
    failed++;
    const cause = (error as Error).cause as Error | undefined;
    console.log(`[${i + 1}/${operations.length}] ${label}: FAILED\n${(error as Error).message}${cause ? `\nGot: ${cause.message}` : ''}`);
  }
}
console.log(`\n${total} malformed requests to ${operations.length} operations in ${((performance.now() - started) / 1000).toFixed(0)} s; ${failed ? `${failed} operation(s) failed` : 'every answer a 4xx or a well-formed answer, none with internal text'}.`);
await target.server.close();
process.exit(failed ? 1 : 0);
