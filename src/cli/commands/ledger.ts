/** The ledger's verbs: init, worlds, log, verify, reindex, checkpoint, prove, check-proof, export, import. */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { csv, json, table, type Column } from '../format.js';
import { fromUtf8, fromHex, toBase64, toHex, utf8 } from '../../ledger/bytes.js';
import type { Entry } from '../../ledger/entry.js';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../../ledger/merkle.js';
import { parseVerifierKey } from '../../ledger/note.js';
import { openCheckpoint } from '../../ledger/checkpoint.js';
import { parseWitnessKey, splitNote, verifyCosignatures } from '../../ledger/cosignature.js';
import { withCosignatures } from '../../app/tlog.js';
import { readKeyArgument } from '../key-argument.js';
import { nodeCrypto } from '../../adapters/crypto/node-crypto.js';
import { EvereError, reasonOf, withNested } from '../../app/errors.js';
import type { VerifyProblem } from '../../app/verify-problem.js';
import { renderMessage } from '../../messages/index.js';
import { isDate } from '../../app/time.js';
import { exportWorld, importWorld } from '../../app/transfer.js';
import { initRecord } from '../../app/record-loader.js';
import { parseNonNegativeInt, parseDateOption } from '../parse.js';

type Ctx = () => CliContext;

export function registerLedgerCommands(program: Command, ctx: Ctx): void {
  program.command('init')
    .option('--empty', 'create the world without loading data/')
    .option('--json', 'machine-readable output')
    .action(async (opts: { empty?: boolean; json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const bar = c.progress(c.lang === 'fr' ? 'Chargement' : 'Loading');
      const result = await initRecord(ledger, c.config().dataDir, { world: c.world, empty: Boolean(opts.empty), progress: (d, t) => bar.update(d, t) });
      bar.stop();
      const cp = await ledger.checkpoint(c.world);
      if (opts.json) {
        c.io.out(json({ world: c.world, entries: result.entries, files: result.files, size: cp.size, root: toHex(cp.root), checkpoint: cp.note }));
        return;
      }
      c.say('cli.world_created', { world: c.world, store: ledger.store.kind });
      if (!opts.empty) c.say('cli.record_loaded', { count: result.entries, files: result.files });
      c.say('cli.summary', { world: c.world, size: cp.size, root: toHex(cp.root) });
    });

  program.command('worlds')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const rows = await Promise.all((await ledger.store.worlds()).map(async (w) => ({ ...w, size: await ledger.store.size(w.name) })));
      if (opts.json) return c.io.out(json(rows));
      c.io.out(table(rows, [
        { header: 'world', value: (r) => r.name },
        { header: 'entries', value: (r) => r.size, align: 'right' },
        { header: 'exercise', value: (r) => (r.exercise ? 'EXERCISE' : '') },
        { header: 'origin', value: (r) => r.origin },
        { header: 'created', value: (r) => r.createdAt },
      ]));
    });

  program.command('log')
    .option('--type <type...>', 'only entries of these types')
    .option('--from <date>', 'valid time on or after this date', parseDateOption)
    .option('--to <date>', 'valid time on or before this date', parseDateOption)
    .option('--since <seq>', 'entries from this sequence number', parseNonNegativeInt)
    .option('--limit <n>', 'at most this many entries', parseNonNegativeInt)
    .option('--json', 'machine-readable output (full entries)')
    .option('--csv', 'CSV output')
    .action(async (opts: { type?: string[]; from?: string; to?: string; since?: number; limit?: number; json?: boolean; csv?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      await ledger.requireWorld(c.world);
      const rows = await ledger.store.findEntries(c.world, {
        ...(opts.type ? { types: opts.type } : {}),
        ...(opts.from ? { validFrom: opts.from } : {}),
        ...(opts.to ? { validTo: isDate(opts.to) ? `${opts.to}T23:59:59.999Z` : opts.to } : {}),
        ...(opts.since !== undefined ? { fromSeq: opts.since } : {}),
        ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      });
      const entries = rows.map((r) => JSON.parse(fromUtf8(r.bytes)) as Entry);
      if (opts.json) return c.io.out(json(entries));
      const columns: Column<Entry>[] = [
        { header: 'seq', value: (e) => e.seq, align: 'right' },
        { header: c.lang === 'fr' ? 'date de valeur' : 'valid time', value: (e) => e.validTime },
        { header: 'type', value: (e) => e.type },
        { header: c.lang === 'fr' ? 'pour' : 'for', value: (e) => e.actingFor },
        { header: c.lang === 'fr' ? 'classification' : 'classification', value: (e) => e.classification },
        { header: c.lang === 'fr' ? 'source' : 'source', value: (e) => e.source ?? '' },
      ];
      if (opts.csv) return c.io.out(csv(entries, columns));
      if (entries.length === 0) return c.say('cli.no_entries');
      c.io.out(table(entries, columns));
    });

  program.command('verify')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const bar = c.progress(c.lang === 'fr' ? 'Vérification' : 'Verifying');
      const report = await ledger.verify(c.world, (d, t) => bar.update(d, t));
      // Each problem in the reader's language, where it was found.
      const said = (p: VerifyProblem): string => {
        const problem = renderMessage(p, c.lang);
        return p.seq !== undefined ? c.t('cli.verify_entry', { seq: p.seq, problem }) : c.t('cli.verify_checkpoint', { size: p.checkpointSize ?? '?', problem });
      };
      bar.stop();
      if (opts.json) c.io.out(json(report));
      else if (report.ok) c.say('cli.verify_ok', { world: report.world, size: report.size, signatures: report.signatures, checkpoints: report.checkpoints, indexRows: report.indexRows, root: report.root });
      else {
        c.say('cli.verify_bad', { world: report.world, count: report.problems.length });
        for (const p of report.problems) c.io.out(`  ${said(p)}\n`);
      }
      if (!report.ok) throw new EvereError('ledger.verify_failed', { count: report.problems.length, first: said(report.problems[0]!) });
    });

  program.command('reindex')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const bar = c.progress(c.lang === 'fr' ? 'Reconstruction des index' : 'Rebuilding the indexes');
      const result = await ledger.reindex(c.world, (d, t) => bar.update(d, t));
      bar.stop();
      if (opts.json) c.io.out(json(result));
      else c.say('cli.reindexed', { world: result.world, size: result.size, indexRows: result.indexRows });
    });

  program.command('checkpoint')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const cp = await ledger.checkpoint(c.world);
      const { logKey } = await ledger.publicKeys(c.world);
      if (opts.json) {
        return c.io.out(json({ world: c.world, size: cp.size, rootHash: toBase64(cp.root), rootHex: toHex(cp.root), note: cp.note, verifierKey: logKey, createdAt: cp.createdAt }));
      }
      c.io.out(cp.note);
      c.io.out('\n');
      c.say('cli.verifier_key', { key: logKey });
    });

  program.command('prove')
    .argument('[seq]', 'sequence number (leaf index) of the entry', parseNonNegativeInt)
    .option('--from <size>', 'consistency proof from this earlier tree size', parseNonNegativeInt)
    .option('--size <size>', 'prove against the checkpoint at this tree size', parseNonNegativeInt)
    .option('--json', 'machine-readable output')
    .action(async (seq: number | undefined, opts: { from?: number; size?: number; json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const { logKey } = await ledger.publicKeys(c.world);
      if (opts.from !== undefined) {
        const bare = await ledger.consistencyProof(c.world, opts.from, opts.size);
        const proof = { ...bare, checkpoint2: await withCosignatures(ledger, c.world, bare.checkpoint2, bare.size2) };
        const out = { kind: 'consistency', ...proof, verifierKey: logKey };
        if (opts.json) return c.io.out(json(out));
        c.io.out(`consistency ${proof.size1} → ${proof.size2}\n${proof.hashes.join('\n')}\n`);
        return;
      }
      if (seq === undefined) throw withNested('cli.usage', {}, 'reason', { code: 'reason.seq_or_from', params: {} });
      const bare = await ledger.inclusionProof(c.world, seq, opts.size);
      const proof = { ...bare, checkpoint: await withCosignatures(ledger, c.world, bare.checkpoint, bare.treeSize) };
      const [bytes] = await ledger.store.entryBytes(c.world, seq, seq + 1);
      const out = { kind: 'inclusion', ...proof, entry: bytes ? fromUtf8(bytes) : undefined, verifierKey: logKey };
      if (opts.json) return c.io.out(json(out));
      c.io.out(`leaf ${proof.leafIndex} of ${proof.treeSize}\nleaf hash ${proof.leafHash}\n${proof.hashes.map((h, i) => `  [${i}] ${h}`).join('\n')}\n`);
    });

  program.command('check-proof')
    .argument('<proof>', 'proof file (JSON from `evere prove --json`)')
    .option('--key <key>', 'the log verifier key (name+hash+key), or a file holding it or `evere checkpoint --json` output')
    .option('--entry <file>', 'the entry itself (one line of canonical JSON): its hash must be the proved leaf')
    .option('--witness <key...>', 'a witness verifier key (name+hash+base64(0x04 ‖ key)) or a file holding one; its cosignature on the checkpoint is checked')
    .option('--min-witnesses <n>', 'how many of the --witness keys must have cosigned the checkpoint (default: all of them)', parseNonNegativeInt)
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { key?: string; entry?: string; witness?: string[]; minWitnesses?: number; json?: boolean }) => {
      const c = ctx();
      const result = checkProofFile(file, opts.key, opts.entry, { keys: opts.witness ?? [], ...(opts.minWitnesses !== undefined ? { min: opts.minWitnesses } : {}) });
      if (opts.json) return c.io.out(json({ ok: true, ...result }));
      if (result.kind === 'inclusion') c.say('cli.proof_ok_inclusion', { seq: result.leafIndex ?? 0, size: result.treeSize ?? 0, key: result.keyName });
      else c.say('cli.proof_ok_consistency', { size1: result.size1 ?? 0, size2: result.size2 ?? 0 });
      if (result.witnesses) c.say('cli.proof_cosigned', { count: result.witnesses.length, names: result.witnesses.join(', ') });
    });

  program.command('export')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { out?: string }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const bar = c.progress('Export');
      if (opts.out) {
        const stream = createWriteStream(opts.out);
        const count = await exportWorld(ledger, c.world, (line) => { if (!stream.write(`${line}\n`)) return new Promise<void>((r) => stream.once('drain', () => r())); }, (d, t) => bar.update(d, t));
        await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
        bar.stop();
        c.note('cli.exported', { count, world: c.world });
      } else {
        await exportWorld(ledger, c.world, (line) => c.io.out(`${line}\n`));
      }
    });

  program.command('import')
    .argument('<file>', 'NDJSON export file')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const c = ctx();
      const ledger = await c.ledger();
      const bar = c.progress('Import');
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const result = await importWorld(ledger, lines, file, (d, t) => bar.update(d, t));
      bar.stop();
      if (opts.json) return c.io.out(json(result));
      c.say('cli.imported', { count: result.size, world: result.world, root: result.root });
    });
}

interface CheckedProof {
  kind: 'inclusion' | 'consistency';
  keyName: string;
  leafIndex?: number;
  treeSize?: number;
  size1?: number;
  size2?: number;
  /** The witnesses (of those given) whose cosignature on the checkpoint verified. */
  witnesses?: string[];
}

/**
 * Counts the cosignatures on a checkpoint note by the given witness keys: at least `min` (default:
 * every key given) must verify. A known witness's line that does not verify refuses the proof.
 */
function checkCosignatures(note: string, witnesses: { keys: readonly string[]; min?: number }): string[] | undefined {
  const required = witnesses.min ?? witnesses.keys.length;
  if (witnesses.keys.length === 0) {
    if (required > 0) throw withNested('cli.usage', {}, 'reason', { code: 'reason.min_witnesses_without_keys', params: {} });
    return undefined;
  }
  if (required > witnesses.keys.length) throw withNested('cli.usage', {}, 'reason', { code: 'reason.min_witnesses_too_many', params: { required, count: witnesses.keys.length } });
  let keys;
  try {
    keys = witnesses.keys.map((k) => parseWitnessKey(nodeCrypto, readKeyArgument(k, '--witness')));
  } catch (error) {
    if (error instanceof EvereError) throw error;
    throw withNested('witness.bad_key', {}, 'reason', reasonOf(error));
  }
  let found;
  try {
    const { text, lines } = splitNote(note);
    found = verifyCosignatures(nodeCrypto, text, lines, keys).map((c) => c.name);
  } catch (error) {
    throw withNested('proof.bad_checkpoint', {}, 'reason', reasonOf(error));
  }
  if (found.length < required) {
    throw new EvereError('proof.too_few_cosignatures', { found: found.length, required, names: found.length ? found.join(', ') : '—' });
  }
  return found;
}

/** Offline: needs nothing but the proof file and the log's public key. */
export function checkProofFile(file: string, keyOption: string | undefined, entryFile: string | undefined, witnesses: { keys: readonly string[]; min?: number } = { keys: [] }): CheckedProof {
  const crypto = nodeCrypto;
  let proof: Record<string, unknown>;
  try {
    proof = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw withNested('proof.malformed', {}, 'reason', reasonOf(error));
  }
  const keyText = resolveKey(keyOption ?? (typeof proof.verifierKey === 'string' ? proof.verifierKey : undefined));
  let key;
  try {
    key = parseVerifierKey(crypto, keyText);
  } catch (error) {
    throw withNested('proof.bad_checkpoint', {}, 'reason', reasonOf(error));
  }
  const hashes = (name: string) => {
    const list = proof[name];
    if (!Array.isArray(list) || !list.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) throw withNested('proof.malformed', {}, 'reason', { code: 'reason.proof_hashes', params: { name } });
    return list.map((h: string) => fromHex(h));
  };
  const open = (note: unknown) => {
    if (typeof note !== 'string') throw withNested('proof.malformed', {}, 'reason', { code: 'reason.proof_checkpoint_missing', params: {} });
    try {
      return openCheckpoint(crypto, note, key);
    } catch (error) {
      throw withNested('proof.bad_checkpoint', {}, 'reason', reasonOf(error));
    }
  };
  if (proof.kind === 'inclusion') {
    const cp = open(proof.checkpoint);
    const leafIndex = proof.leafIndex;
    if (typeof leafIndex !== 'number' || typeof proof.leafHash !== 'string') throw withNested('proof.malformed', {}, 'reason', { code: 'reason.proof_leaf', params: {} });
    let leafHash = fromHex(proof.leafHash);
    if (entryFile) {
      const computed = hashLeaf(crypto, utf8(readFileSync(entryFile, 'utf8').replace(/\r?\n$/, '')));
      if (toHex(computed) !== proof.leafHash) throw new EvereError('proof.inclusion_mismatch');
      leafHash = computed;
    }
    if (proof.treeSize !== cp.size || !verifyInclusion(crypto, leafIndex, cp.size, leafHash, hashes('hashes'), cp.root)) throw new EvereError('proof.inclusion_mismatch');
    const cosigned = checkCosignatures(proof.checkpoint as string, witnesses);
    return { kind: 'inclusion', keyName: key.name, leafIndex, treeSize: cp.size, ...(cosigned ? { witnesses: cosigned } : {}) };
  }
  if (proof.kind === 'consistency') {
    const cp2 = open(proof.checkpoint2);
    const size1 = proof.size1;
    if (typeof size1 !== 'number') throw withNested('proof.malformed', {}, 'reason', { code: 'reason.proof_size1', params: {} });
    if (proof.checkpoint1 === undefined) throw withNested('proof.malformed', {}, 'reason', { code: 'reason.proof_checkpoint1', params: {} });
    const cp1 = open(proof.checkpoint1);
    if (cp1.size !== size1 || !verifyConsistency(crypto, cp1.size, cp2.size, hashes('hashes'), cp1.root, cp2.root)) throw new EvereError('proof.consistency_mismatch');
    const cosigned = checkCosignatures(proof.checkpoint2 as string, witnesses);
    return { kind: 'consistency', keyName: key.name, size1: cp1.size, size2: cp2.size, ...(cosigned ? { witnesses: cosigned } : {}) };
  }
  throw withNested('proof.malformed', {}, 'reason', { code: 'reason.proof_kind', params: {} });
}

function resolveKey(option: string | undefined): string {
  if (!option) throw withNested('proof.malformed', {}, 'reason', { code: 'reason.no_verifier_key', params: {} });
  if (/^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/.test(option.trim())) return option.trim();
  let text: string;
  try {
    text = readFileSync(option, 'utf8');
  } catch {
    throw withNested('proof.malformed', {}, 'reason', { code: 'reason.key_option_unreadable', params: { value: option } });
  }
  try {
    const parsed = JSON.parse(text) as { verifierKey?: unknown };
    if (typeof parsed.verifierKey === 'string') return parsed.verifierKey;
  } catch {
    // not JSON: the file holds the key itself
  }
  return text.trim();
}

