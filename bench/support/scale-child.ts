/**
 * A child process for `npm run bench:scale`, opened on an existing database the way `evere`
 * opens it (EVERE_DB or DATABASE_URL, EVERE_KEYS_DIR), so that its peak memory is its own.
 *   verify WORLD  → verifies the world and prints {"size","ms","ok","maxRss"}
 *   serve         → serves the API and warms its worlds as `evere serve` does, prints {"url"};
 *                   "report" on stdin waits for the warm-up, prints {"maxRss","warmMs"}; "exit" ends
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { openServices } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { warmWorlds } from '../../src/cli/commands/start.js';

const [mode, world] = process.argv.slice(2);
const services = await openServices(loadConfig(process.env));
/**
 * This process's peak resident memory. Linux keeps getrusage's maxRSS across the exec that
 * started it, so a child forked from a large parent reports the parent's size (a parent of
 * 500 MB gave a child of 40 MB a maxRSS of 503 MB); the kernel's high-water mark of the memory
 * map (VmHWM) starts afresh at the exec.
 */
function maxRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS * 1024;
}
if (mode === 'verify') {
  const t0 = performance.now();
  const result = await services.ledger.verify(world!);
  console.log(JSON.stringify({ size: result.size, ms: performance.now() - t0, ok: result.ok, maxRss: maxRss() }));
} else {
  const app = await buildApp({ ...services, dataDir: services.config.dataDir }, { rateLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }));
  const started = performance.now();
  const warmed = warmWorlds(services, { info: () => undefined, warn: (o, m) => console.error(m, o) }).then(() => performance.now() - started);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'report') console.log(JSON.stringify({ maxRss: maxRss(), warmMs: await warmed }));
    else if (line === 'exit') break;
  }
  await app.close();
}
await services.close();
process.exit(0);
