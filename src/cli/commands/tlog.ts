/**
 * The log as others check it: `tiles export DIR` (C2SP tlog-tiles as static files) and `cosign`
 * (the log's witnesses: register them, ask them to cosign the latest checkpoint).
 */
import { mkdir, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { json } from '../format.js';
import { exportTiles, gatherCosignatures } from '../../app/tlog.js';
import { parseWitnessKey } from '../../ledger/cosignature.js';
import { nodeCrypto } from '../../adapters/crypto/node-crypto.js';
import { accessFor, FULL_ACCESS } from '../../app/access.js';
import { EvereError, reasonOf, withNested } from '../../app/errors.js';
import { readKeyArgument } from '../key-argument.js';

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
      if (!['public', 'all', 'none'].includes(opts.entries)) throw withNested('cli.usage', {}, 'reason', { code: 'reason.entries_value', params: { value: opts.entries } });
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

  program.command('cosign')
    .description('ask the world’s witnesses (c2sp.org/tlog-witness) to cosign its latest checkpoint; or register, remove or list witnesses')
    .option('--add-witness <key>', 'register a witness by its verifier key (name+hash+base64(0x04 ‖ key), as `evere witness init` prints it), or a file holding it')
    .option('--url <url>', 'with --add-witness: the witness’s URL prefix (its add-checkpoint is URL/add-checkpoint); without one it can only give cosignatures back')
    .option('--remove-witness <name>', 'stop asking and accepting this witness')
    .option('--list', 'list the registered witnesses')
    .option('--json', 'machine-readable output')
    .action(async (opts: { addWitness?: string; url?: string; removeWitness?: string; list?: boolean; json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      await ledger.requireWorld(c.world);
      const store = ledger.store;
      if (opts.url && !opts.addWitness) throw withNested('cli.usage', {}, 'reason', { code: 'reason.url_without_witness', params: {} });
      if (opts.addWitness) {
        const keyText = readKeyArgument(opts.addWitness, '--add-witness');
        let key;
        try {
          key = parseWitnessKey(nodeCrypto, keyText);
        } catch (error) {
          throw withNested('witness.bad_key', {}, 'reason', reasonOf(error));
        }
        if (opts.url && !/^https?:\/\/[^\s]+$/.test(opts.url)) throw withNested('cli.usage', {}, 'reason', { code: 'reason.url_not_http', params: { url: opts.url } });
        const others = (await store.witnesses(c.world)).filter((w) => parseWitnessKey(nodeCrypto, w.key).name !== key.name);
        await store.setWitnesses(c.world, [...others, { key: keyText, ...(opts.url ? { url: opts.url } : {}) }]);
        if (!opts.json) c.say('cli.cosign_witness_added', { name: key.name, world: c.world });
      }
      if (opts.removeWitness) {
        const all = await store.witnesses(c.world);
        const kept = all.filter((w) => parseWitnessKey(nodeCrypto, w.key).name !== opts.removeWitness);
        if (kept.length === all.length) throw new EvereError('witness.not_found', { name: opts.removeWitness, world: c.world });
        await store.setWitnesses(c.world, kept);
        if (!opts.json) c.say('cli.cosign_witness_removed', { name: opts.removeWitness, world: c.world });
      }
      if (opts.list || opts.addWitness || opts.removeWitness) {
        const list = (await store.witnesses(c.world)).map((w) => ({ name: parseWitnessKey(nodeCrypto, w.key).name, ...w }));
        if (opts.json) return c.io.out(json(list));
        if (opts.list) {
          if (list.length === 0) c.say('cli.cosign_no_witnesses', { world: c.world });
          for (const w of list) c.io.out(`${w.key}${w.url ? `  ${w.url}` : ''}${w.lastSize !== undefined ? `  (${w.lastSize})` : ''}\n`);
        }
        return;
      }
      const post = async (url: string, body: string) => {
        const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain; charset=utf-8' } });
        return { status: response.status, text: await response.text() };
      };
      const results = await gatherCosignatures(ledger, c.world, post);
      if (opts.json) return c.io.out(json(results));
      if (results.length === 0) c.say('cli.cosign_no_witnesses', { world: c.world });
      for (const r of results) {
        if (r.cosigned) c.say('cli.cosign_ok', { name: r.witness, size: r.size });
        else c.say('cli.cosign_refused', { name: r.witness, size: r.size, status: String(r.status), reason: r.reason ?? '' });
      }
      if (results.some((r) => !r.cosigned)) process.exitCode = 1;
    });
}
