/**
 * A witness's state on disk, in one directory that one process owns:
 *   witness.json         its name and the logs it trusts (origin and verifier key)
 *   witness.key          its Ed25519 private key (PKCS#8 PEM, mode 0600)
 *   logs/<origin>.json   the latest checkpoint it cosigned for each log
 *   split-views/*.json   evidence: both signed checkpoints of every split view it found
 * Every file is written through a temporary name and renamed, so a crash leaves the old or the
 * new state, never half of one; the checkpoint is on disk before its cosignature is given out.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigner, signerFromPem, nodeCrypto } from './crypto/node-crypto.js';
import { formatWitnessKey } from '../ledger/cosignature.js';
import { checkKeyName, parseVerifierKey } from '../ledger/note.js';
import { toHex, utf8 } from '../ledger/bytes.js';
import { Witness, type HeldCheckpoint, type SplitView, type WitnessState } from '../app/witness.js';
import type { Clock } from '../app/ports.js';
import { EvereError, reasonOf, withNested } from '../app/errors.js';

interface WitnessConfigFile {
  readonly name: string;
  readonly logs: readonly { readonly origin: string; readonly key: string }[];
}

const fileName = (origin: string) => `${toHex(utf8(origin))}.json`;

async function writeAtomically(path: string, text: string, mode?: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, mode === undefined ? {} : { mode });
  await rename(temporary, path);
}

async function readConfig(dir: string): Promise<WitnessConfigFile> {
  try {
    return JSON.parse(await readFile(join(dir, 'witness.json'), 'utf8')) as WitnessConfigFile;
  } catch (error) {
    throw new EvereError('witness.no_state', { dir, reason: (error as Error).message });
  }
}

export function fileWitnessState(dir: string): WitnessState {
  return {
    async latest(origin) {
      try {
        return JSON.parse(await readFile(join(dir, 'logs', fileName(origin)), 'utf8')) as HeldCheckpoint;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async put(held) {
      await mkdir(join(dir, 'logs'), { recursive: true });
      await writeAtomically(join(dir, 'logs', fileName(held.origin)), `${JSON.stringify(held, null, 2)}\n`);
    },
    async addSplitView(evidence) {
      await mkdir(join(dir, 'split-views'), { recursive: true });
      const name = `${evidence.detectedAt.replace(/[:.]/g, '-')}-${fileName(evidence.origin)}`;
      await writeAtomically(join(dir, 'split-views', name), `${JSON.stringify(evidence, null, 2)}\n`);
    },
    async splitViews() {
      let names: string[];
      try {
        names = (await readdir(join(dir, 'split-views'))).filter((n) => n.endsWith('.json')).sort();
      } catch {
        return [];
      }
      return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, 'split-views', n), 'utf8')) as SplitView));
    },
  };
}

/** Makes a witness directory with a new key; returns the witness's verifier key (type 0x04). */
export async function initWitnessDir(dir: string, name: string): Promise<string> {
  try {
    checkKeyName(name);
  } catch (error) {
    throw withNested('witness.bad_key', {}, 'reason', reasonOf(error));
  }
  if (existsSync(join(dir, 'witness.json'))) throw new EvereError('witness.exists', { dir });
  await mkdir(dir, { recursive: true });
  const { signer, pem } = generateSigner();
  await writeAtomically(join(dir, 'witness.key'), pem, 0o600);
  await writeAtomically(join(dir, 'witness.json'), `${JSON.stringify({ name, logs: [] } satisfies WitnessConfigFile, null, 2)}\n`);
  return formatWitnessKey(nodeCrypto, name, signer.publicKey);
}

/** Adds (or replaces) a log the witness trusts; its origin is the key's name unless given. */
export async function trustLog(dir: string, keyText: string, origin?: string): Promise<{ origin: string; key: string }> {
  const config = await readConfig(dir);
  let key;
  try {
    key = parseVerifierKey(nodeCrypto, keyText);
  } catch (error) {
    throw withNested('witness.bad_key', {}, 'reason', reasonOf(error));
  }
  const entry = { origin: origin ?? key.name, key: keyText.trim() };
  const logs = [...config.logs.filter((l) => l.origin !== entry.origin), entry];
  await writeAtomically(join(dir, 'witness.json'), `${JSON.stringify({ ...config, logs }, null, 2)}\n`);
  return entry;
}

export async function openWitness(dir: string, clock: Clock, onSplitView?: (evidence: SplitView) => void): Promise<{ witness: Witness; key: string }> {
  const config = await readConfig(dir);
  const signer = signerFromPem(await readFile(join(dir, 'witness.key'), 'utf8'));
  const witness = new Witness({
    name: config.name, signer, crypto: nodeCrypto, clock, state: fileWitnessState(dir),
    logs: config.logs.map((l) => ({ origin: l.origin, key: parseVerifierKey(nodeCrypto, l.key) })),
    ...(onSplitView ? { onSplitView } : {}),
  });
  return { witness, key: formatWitnessKey(nodeCrypto, config.name, signer.publicKey) };
}
