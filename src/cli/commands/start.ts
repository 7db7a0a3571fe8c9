/**
 * `evere start` (what `npm start` runs): the record world loaded on first start, then the server.
 * `evere serve`: the server alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../../config.js';
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
    .action(async (opts: ServeOptions) => serve(ctx(), opts));
}

/** The server's log level: $EVERE_LOG (fatal, error, warn, info, debug; off for none), info by default. */
function logLevel(value: string | undefined): false | 'fatal' | 'error' | 'warn' | 'info' | 'debug' {
  if (value === 'off') return false;
  return value === 'fatal' || value === 'error' || value === 'warn' || value === 'debug' ? value : 'info';
}

/**
 * The built web app, building it first when it is missing and the package can build it (Vite
 * installed); undefined after saying why it cannot be served.
 */
export function webApp(c: CliContext, root = PACKAGE_ROOT): string | undefined {
  const webRoot = join(root, 'web-dist');
  const script = join(root, 'scripts', 'build-web.js');
  if (!existsSync(join(webRoot, 'index.html')) && existsSync(script)) {
    spawnSync(process.execPath, [script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (existsSync(join(webRoot, 'index.html'))) return webRoot;
  c.note('cli.web_missing', { dir: webRoot, command: 'npm run build:web' });
  return undefined;
}

/**
 * The start-up check: every world's indexes against the digest its appends kept (one scan of the
 * stored rows, no replay; src/app/index-digest.ts). An edited index row would change what the
 * API answers while the log stays intact, so a difference refuses to serve (exit 1), naming the
 * world and the first difference.
 */
async function checkIndexes(c: CliContext, services: Services): Promise<void> {
  const worlds = await services.ledger.store.worlds();
  const bar = c.progress(c.lang === 'fr' ? 'Vérification des index' : 'Checking the indexes');
  let rows = 0;
  try {
    for (const [i, world] of worlds.entries()) {
      rows += (await services.ledger.checkAtStart(world.name)).indexRows;
      bar.update(i + 1, worlds.length);
    }
  } finally {
    bar.stop();
  }
  c.say('cli.indexes_digest_checked', { worlds: worlds.length, indexRows: rows });
}

/**
 * Each world's model state and kept tree levels, brought up to the store in the background once
 * the server listens, one world at a time: the first command and the first proof then answer as
 * fast as the later ones (at 10M entries, the fold and the read take over a minute and seconds).
 * Requests that arrive meanwhile share the same reads. A failure is logged; the request that
 * needs what failed tries again.
 */
export async function warmWorlds(services: Pick<Services, 'ledger'>, log: { info(o: object, m: string): void; warn(o: object, m: string): void }): Promise<void> {
  try {
    for (const { name } of await services.ledger.store.worlds()) {
      const started = performance.now();
      try {
        const { size } = await services.ledger.warm(name);
        log.info({ world: name, size, ms: Math.round(performance.now() - started) }, 'world warmed: model state and kept tree levels');
      } catch (error) {
        log.warn({ err: error, world: name }, 'world not warmed; the first request that needs it reads it');
      }
    }
  } catch (error) {
    log.warn({ err: error }, 'worlds not warmed; the first request that needs each reads it');
  }
}

async function serve(c: CliContext, opts: ServeOptions): Promise<void> {
  const services: Services = await c.services();
  await checkIndexes(c, services);
  const webRoot = webApp(c);
  let subscription: { listening(): boolean; close(): Promise<void> } | undefined;
  const app = await buildApp({ ...services, dataDir: services.config.dataDir }, {
    logger: logLevel(process.env.EVERE_LOG), ...(webRoot ? { webRoot } : {}), cacheBytes: services.config.cacheBytes, trustProxy: trustedProxies(c.io.env.EVERE_TRUST_PROXY),
    notReady: () => (subscription && !subscription.listening() ? 'live updates from other instances are reconnecting' : undefined),
  });
  if (services.config.databaseUrl) {
    // Other instances on the same database: their appends reach our live subscribers too. The
    // subscription reconnects by itself; until it does, /readyz says not ready.
    const { followAppends } = await import('../follow-appends.js');
    subscription = await followAppends(services.config.databaseUrl, services, {
      onError: (error) => app.log.warn({ err: error }, 'live updates: connection lost; reconnecting'),
      onReconnect: () => void warmWorlds(services, app.log),
    });
  }
  const address = await app.listen({ port: opts.port, host: opts.host });
  c.detach();
  c.say('cli.serving', { url: address.replace('127.0.0.1', 'localhost'), docs: `${address}/api/docs` });
  void warmWorlds(services, app.log);
  const stop = async () => {
    await app.close();
    await subscription?.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
