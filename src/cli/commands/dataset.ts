/**
 * `evere dataset --out DIR`: the world as a Frictionless data package (datapackage.json and one
 * CSV per topic under data/), taken at a signed checkpoint. Nothing is written unless the whole
 * package was built, and never into a directory holding other files (unless --force).
 */
import type { Command } from 'commander';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { json } from '../format.js';
import { readRecordLines } from '../../app/record-loader.js';
import { buildDataset, sourceClassIndex, tableCsv } from '../../app/dataset.js';
import { accessFor, PUBLIC_ACCESS, SYSTEM } from '../../app/access.js';
import { EvereError } from '../../app/errors.js';

type Ctx = () => CliContext;

export function registerDatasetCommand(program: Command, ctx: Ctx): void {
  program.command('dataset')
    .requiredOption('--out <dir>', 'directory to write the data package to (created if missing; must be empty unless --force)')
    .option('--force', 'write into a directory that is not empty, replacing datapackage.json and data/*.csv')
    .option('--public', 'only what the public may read (what the server offers to anyone), for publishing')
    .option('--json', 'machine-readable summary')
    .action(async (opts: { out: string; force?: boolean; public?: boolean; json?: boolean }) => {
      const c = ctx();
      const dir = resolve(opts.out);
      checkOut(dir, Boolean(opts.force));
      const ledger = await c.ledger();
      const world = await ledger.requireWorld(c.world);
      const { lines } = readRecordLines(join(c.config().dataDir, 'record'));
      const bar = c.progress(c.lang === 'fr' ? 'Paquet de données' : 'Data package');
      const dataset = await buildDataset(ledger, c.world, {
        access: opts.public ? PUBLIC_ACCESS : accessFor(SYSTEM, world),
        sourceClassOf: sourceClassIndex(lines),
        progress: (d, t) => bar.update(d, t),
      });
      bar.stop();
      // Written beside the target first, then moved into place: a failure leaves DIR as it was.
      const staging = `${dir}.partial-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(join(staging, 'data'), { recursive: true });
      try {
        writeFileSync(join(staging, 'datapackage.json'), json(dataset.descriptor));
        for (const t of dataset.tables) writeFileSync(join(staging, t.path), tableCsv(t));
        mkdirSync(join(dir, 'data'), { recursive: true });
        for (const t of dataset.tables) renameSync(join(staging, t.path), join(dir, t.path));
        renameSync(join(staging, 'datapackage.json'), join(dir, 'datapackage.json'));
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
      const rows = dataset.tables.reduce((n, t) => n + t.rows.length, 0);
      const cp = dataset.checkpoint;
      if (opts.json) {
        return c.io.out(json({
          dir, world: c.world, treeSize: cp.treeSize, rootHex: cp.rootHex, rootHash: cp.rootHash, citation: cp.citation,
          tables: dataset.tables.map((t) => ({ name: t.name, path: t.path, rows: t.rows.length })), rows,
        }));
      }
      c.say('cli.dataset_written', { world: c.world, dir, tables: dataset.tables.length, rows, size: cp.treeSize, root: cp.rootHex });
      c.say('cli.dataset_cite', { citation: cp.citation });
    });
}

/** The output directory is new, empty, or (with --force) replaced; anything else changes nothing. */
function checkOut(dir: string, force: boolean): void {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new EvereError('dataset.out_not_directory', { dir });
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof EvereError) throw error;
    return;
  }
  if (entries.length > 0 && !force) throw new EvereError('dataset.out_not_empty', { dir });
}
