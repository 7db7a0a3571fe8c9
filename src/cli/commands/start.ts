/** `evere start`: what `npm start` runs — the record world ready on the embedded default. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { toHex } from '../../ledger/bytes.js';
import { initRecord } from '../../app/record-loader.js';

export function registerStartCommand(program: Command, ctx: () => CliContext): void {
  program.command('start')
    .description('initialise the record world if needed (loading data/), then print its summary and latest checkpoint')
    .action(async () => {
      const c = ctx();
      const ledger = await c.ledger();
      if (!(await ledger.store.world(c.world))) {
        const bar = c.progress(c.lang === 'fr' ? 'Chargement du registre' : 'Loading the record');
        const result = await initRecord(ledger, c.config().dataDir, { world: c.world, empty: false, progress: (d, t) => bar.update(d, t) });
        bar.stop();
        c.say('cli.world_created', { world: c.world, store: c.config().databaseUrl ? 'PostgreSQL' : c.config().dbPath });
        c.say('cli.record_loaded', { count: result.entries, files: result.files });
      } else {
        c.say('cli.already_initialised', { world: c.world, store: c.config().databaseUrl ? 'PostgreSQL' : c.config().dbPath });
      }
      const cp = await ledger.checkpoint(c.world);
      const { logKey } = await ledger.publicKeys(c.world);
      c.say('cli.summary', { world: c.world, size: cp.size, root: toHex(cp.root) });
      c.say('cli.latest_checkpoint');
      c.io.out(cp.note);
      c.say('cli.verifier_key', { key: logKey });
    });
}
