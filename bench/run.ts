/** `npm run bench`: every benchmark, each against its limit measured in the same run. */
import { ledgerBenchmarks } from './ledger.bench.js';
import { queryBenchmarks } from './queries.bench.js';
import { serverBenchmarks } from './server.bench.js';
import { webBenchmarks } from './web.bench.js';
import { scenarioBenchmarks } from './scenarios.bench.js';
import { cliBenchmarks } from './cli.bench.js';
import { results } from './support.js';

const only = process.argv.slice(2);
const suites: Record<string, () => Promise<void>> = { ledger: ledgerBenchmarks, queries: queryBenchmarks, server: serverBenchmarks, scenarios: scenarioBenchmarks, web: webBenchmarks, cli: cliBenchmarks };
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await suite();
}
const missed = results.filter((r) => r.goal && !r.met);
console.log(`\n${results.filter((r) => r.goal).length - missed.length} of ${results.filter((r) => r.goal).length} goals met${missed.length ? `; not met: ${missed.map((r) => r.name).join('; ')}` : ''}.`);
