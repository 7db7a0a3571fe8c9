/**
 * `evere start` (what `npm start` runs): the record world loaded on first start, then the server.
 * `evere serve`: the server alone.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { toHex } from '../../ledger/bytes.js';
import { initRecord } from '../../app/record-loader.js';
import { trustedProxies } from '../../api/routes/auth.js';
import { buildApp } from '../../api/build-app.js';
import { parseNonNegativeInt } from '../parse.js';
import type { Services } from '../../main.js';

interface ServeOptions { port: number; host: string; web?: boolean }

export function registerStartCommand(program: Command, ctx: () => CliContext): void {
  const serveOptions = (cmd: Command) => cmd
    .option('--port <port>', 'port to listen on (default: $PORT or 8080)', parseNonNegativeInt, Number(process.env.PORT ?? 8080))
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1');

  serveOptions(program.command('start'))
    .description('load the real record on first start, then serve the API and the web app')
    .option('--no-serve', 'only initialise and print the summary and latest checkpoint')
    .action(async (opts: ServeOptions & { serve: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const store = c.config().databaseUrl ? 'PostgreSQL' : c.config().dbPath;
      if (!(await ledger.store.world(c.world))) {
        const bar = c.progress(c.lang === 'fr' ? 'Chargement du registre' : 'Loading the record');
        const result = await initRecord(ledger, c.config().dataDir, { world: c.world, empty: false, progress: (d, t) => bar.update(d, t) });
        bar.stop();
        c.say('cli.world_created', { world: c.world, store });
        c.say('cli.record_loaded', { count: result.entries, files: result.files });
      } else {
        c.say('cli.already_initialised', { world: c.world, store });
      }
      const cp = await ledger.checkpoint(c.world);
      const { logKey } = await ledger.publicKeys(c.world);
      c.say('cli.summary', { world: c.world, size: cp.size, root: toHex(cp.root) });
      if (!opts.serve) {
        c.say('cli.latest_checkpoint');
        c.io.out(cp.note);
        c.say('cli.verifier_key', { key: logKey });
        return;
      }
      c.say('cli.verifier_key', { key: logKey });
      await serve(c, opts);
    });

  serveOptions(program.command('serve'))
    .description('serve the HTTP API (OpenAPI at /openapi.json, docs at /api/docs) and the web app')
    .action(async (opts: ServeOptions) => serve(ctx(), opts));
}

async function serve(c: CliContext, opts: ServeOptions): Promise<void> {
  const services: Services = await c.services();
  const webRoot = join(c.config().dataDir, '..', 'web-dist');
  const app = await buildApp({ ...services, dataDir: services.config.dataDir }, { logger: false, webRoot, cacheBytes: services.config.cacheBytes, trustProxy: trustedProxies(c.io.env.EVERE_TRUST_PROXY) });
  let unsubscribe: (() => Promise<void>) | undefined;
  if (services.config.databaseUrl) {
    // Other instances on the same database: their appends reach our live subscribers too.
    const { subscribeAppends } = await import('../../adapters/postgres/postgres-store.js');
    unsubscribe = await subscribeAppends(services.config.databaseUrl, (notice) => {
      services.ledger.forget(notice.world);
      services.bus.publish(notice.world, notice.size);
    });
  }
  const address = await app.listen({ port: opts.port, host: opts.host });
  c.detach();
  c.say('cli.serving', { url: address.replace('127.0.0.1', 'localhost'), docs: `${address}/api/docs` });
  const stop = async () => {
    await app.close();
    await unsubscribe?.();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
