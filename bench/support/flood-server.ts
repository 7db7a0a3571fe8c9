/**
 * A server in a process of its own (the record loaded, the product's default answer cache), so
 * that its memory can be measured alone. Prints {"url"} when listening; on a line "report" on
 * stdin prints {"rss","peak","cacheBytes","cacheEntries"} (bytes); on "exit" exits.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { openServices } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { createAnswerCache } from '../../src/api/cache.js';
import { initRecord } from '../../src/app/record-loader.js';
import { tempDir } from '../../tests/support/cli.js';

const config = loadConfig(process.env, { db: join(tempDir('evere-flood-'), 'evere.db') });
const services = await openServices(config);
await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
const cache = createAnswerCache(services.ledger.store, services.bus, config.cacheBytes);
const app = await buildApp({ ...services, dataDir: config.dataDir, cache }, { rateLimit: false });
await app.listen({ port: 0, host: '127.0.0.1' });
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
console.log(JSON.stringify({ url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'report') {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    console.log(JSON.stringify({ rss, peak, cacheBytes: cache.bytes, cacheEntries: cache.size }));
  } else if (line === 'exit') break;
}
clearInterval(sampler);
await app.close();
await services.close();
process.exit(0);
