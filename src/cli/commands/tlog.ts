/** The log as others check it: `tiles export DIR` (C2SP tlog-tiles as static files). */
import { mkdir, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { json } from '../format.js';
import { exportTiles } from '../../app/tlog.js';
import { accessFor, FULL_ACCESS } from '../../app/access.js';
import { EvereError } from '../../app/errors.js';

type Ctx = () => CliContext;

/** Writes a file through a temporary name, so that a reader never sees half of it. */
async function writeAtomically(root: string, path: string, bytes: Uint8Array | string): Promise<void> {
  const target = join(root, ...path.split('/'));
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}

export function registerTlogCommands(program: Command, ctx: Ctx): void {
  const tiles = program.command('tiles');
  tiles.command('export')
    .description('write the tree of the latest checkpoint as C2SP tlog-tiles static files: checkpoint, tile/L/N[.p/W], tile/entries/N[.p/W]')
    .argument('<dir>', 'directory to write into (created if missing); serve it as the log prefix')
    .option('--entries <which>', 'entry bundles to write: public (only bundles whose every entry is public), all, or none', 'public')
    .option('--json', 'machine-readable summary')
    .action(async (dir: string, opts: { entries: string; json?: boolean }) => {
      const c = ctx();
      if (!['public', 'all', 'none'].includes(opts.entries)) throw new EvereError('cli.usage', { reason: `--entries must be public, all or none, not "${opts.entries}"` });
      const ledger = await c.ledger();
      const info = await ledger.requireWorld(c.world);
      const root = resolve(dir);
      const access = opts.entries === 'none' ? 'none' as const : opts.entries === 'all' ? FULL_ACCESS : accessFor(undefined, info);
      const bar = c.progress(c.lang === 'fr' ? 'Tuiles' : 'Tiles');
      const result = await exportTiles(ledger, c.world, (path, bytes) => writeAtomically(root, path, bytes), access, (d, t) => bar.update(d, t));
      bar.stop();
      if (opts.json) return c.io.out(json({ ...result, dir: root }));
      c.say('cli.tiles_exported', { world: result.world, size: result.size, dir: root, tiles: result.tiles, bundles: result.bundles, withheld: result.withheld });
    });
}
