/**
 * Proof verification in the browser, with WebCrypto doing every hash and signature check.
 *
 * The ledger's own verifiers (src/ledger: merkle.ts, note.ts, checkpoint.ts) are synchronous over
 * a crypto port, and WebCrypto is asynchronous. The adapter runs a verifier against a memo of
 * results; when the verifier asks for a result not yet known, the run stops, WebCrypto computes
 * it, and the verifier runs again. The verifiers are deterministic and need O(log n) hashes, so a
 * few dozen short runs verify a proof with exactly the code the server and the CLI use.
 */
import type { LedgerCrypto } from '../../ledger/crypto.js';
import { concat, fromHex, toHex, utf8 } from '../../ledger/bytes.js';
import { verifyInclusion } from '../../ledger/merkle.js';
import { entryBytes, type Entry } from '../../ledger/entry.js';
import { openCheckpoint, parseCheckpointText, type Checkpoint } from '../../ledger/checkpoint.js';
import { parseVerifierKey } from '../../ledger/note.js';
import { parseWitnessKey, splitNote, verifyCosignatures } from '../../ledger/cosignature.js';

type Request =
  | { readonly op: 'sha256'; readonly key: string; readonly data: Uint8Array }
  | { readonly op: 'ed25519'; readonly key: string; readonly publicKey: Uint8Array; readonly message: Uint8Array; readonly signature: Uint8Array };

class NeedResult extends Error {
  constructor(readonly request: Request) {
    super('result needed');
  }
}

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(data)));
}

async function ed25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', buffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, buffer(signature), buffer(message));
}

/** Does this browser's WebCrypto verify Ed25519 (RFC 8032 test vector 1)? */
export async function ed25519Supported(): Promise<boolean> {
  try {
    const pk = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const sig = fromHex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    return await ed25519(pk, new Uint8Array(0), sig);
  } catch {
    return false;
  }
}

/** Runs a synchronous verifier with WebCrypto behind it (see the file comment). */
export async function withWebCrypto<T>(verifier: (crypto: LedgerCrypto) => T): Promise<T> {
  const memo = new Map<string, Uint8Array | boolean>();
  const port: LedgerCrypto = {
    sha256(data) {
      const key = `h:${toHex(data)}`;
      const known = memo.get(key);
      if (known instanceof Uint8Array) return known;
      throw new NeedResult({ op: 'sha256', key, data });
    },
    verifyEd25519(publicKey, message, signature) {
      const key = `e:${toHex(publicKey)}:${toHex(signature)}:${toHex(message)}`;
      const known = memo.get(key);
      if (typeof known === 'boolean') return known;
      throw new NeedResult({ op: 'ed25519', key, publicKey, message, signature });
    },
  };
  for (let round = 0; round < 10_000; round++) {
    try {
      return verifier(port);
    } catch (error) {
      if (!(error instanceof NeedResult)) throw error;
      const r = error.request;
      memo.set(r.key, r.op === 'sha256' ? await sha256(r.data) : await ed25519(r.publicKey, r.message, r.signature));
    }
  }
  throw new Error('verification did not converge');
}

export interface InclusionProofResponse {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly hashes: readonly string[];
  readonly checkpoint: string;
  /** The entry's bytes exactly as stored (canonical JSON): the Merkle leaf. */
  readonly entry: string;
  readonly verifierKey: string;
}

export interface Verification {
  readonly ok: boolean;
  readonly leafHash: string;
  readonly leafMatchesServer: boolean;
  readonly pathOk: boolean;
  readonly proofLength: number;
  readonly treeSize: number;
  readonly root: string;
  /** true: the checkpoint's Ed25519 signature verified; false: it did not; undefined: not supported here. */
  readonly signature: boolean | undefined;
  readonly keyName: string;
  readonly error?: string;
  /** The witnesses the reader asked for, when any: who cosigned this checkpoint, against the minimum. */
  readonly witnesses?: WitnessCheck;
}

export interface WitnessCheck {
  readonly required: number;
  readonly asked: number;
  /** Names of the given witnesses whose cosignature on this checkpoint verified. */
  readonly cosigned: readonly string[];
  readonly ok: boolean;
  readonly error?: string;
}

/** Witness verifier keys (C2SP tlog-cosignature, name+hash+base64) and how many must have cosigned. */
export interface WitnessPolicy {
  readonly keys: readonly string[];
  readonly min: number;
}

/** The witnesses' cosignatures on a checkpoint note, checked against the reader's keys with WebCrypto. */
async function checkWitnesses(note: string, policy: WitnessPolicy): Promise<WitnessCheck> {
  const base = { required: policy.min, asked: policy.keys.length };
  if (!(await ed25519Supported())) return { ...base, cosigned: [], ok: false, error: 'Ed25519' };
  try {
    const cosigned = await withWebCrypto((c) => {
      const keys = policy.keys.map((k) => parseWitnessKey(c, k));
      const { text, lines } = splitNote(note);
      return verifyCosignatures(c, text, lines, keys).map((x) => x.name);
    });
    return { ...base, cosigned, ok: cosigned.length >= policy.min };
  } catch (error) {
    return { ...base, cosigned: [], ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export async function verifyInclusionProof(proof: InclusionProofResponse, witnesses?: WitnessPolicy): Promise<Verification> {
  const leafHash = await sha256(concat(new Uint8Array([0]), utf8(proof.entry)));
  const keyName = proof.verifierKey.split('+')[0] ?? '';
  const base = { leafHash: toHex(leafHash), leafMatchesServer: toHex(leafHash) === proof.leafHash, proofLength: proof.hashes.length, treeSize: proof.treeSize, keyName };
  let checkpoint: Checkpoint;
  let signature: boolean | undefined;
  try {
    if (await ed25519Supported()) {
      checkpoint = await withWebCrypto((c) => openCheckpoint(c, proof.checkpoint, parseVerifierKey(c, proof.verifierKey)));
      signature = true;
    } else {
      checkpoint = parseCheckpointText(proof.checkpoint.slice(0, proof.checkpoint.lastIndexOf('\n\n') + 1));
      signature = undefined;
    }
  } catch (error) {
    return { ...base, ok: false, pathOk: false, root: '', signature: false, error: error instanceof Error ? error.message : String(error) };
  }
  const hashes = proof.hashes.map(fromHex);
  const pathOk = checkpoint.size === proof.treeSize &&
    await withWebCrypto((c) => verifyInclusion(c, proof.leafIndex, proof.treeSize, leafHash, hashes, checkpoint.root));
  const witnessCheck = witnesses && witnesses.keys.length > 0 ? await checkWitnesses(proof.checkpoint, witnesses) : undefined;
  return { ...base, ok: pathOk && (witnessCheck?.ok ?? true), pathOk, root: toHex(checkpoint.root), signature, ...(witnessCheck ? { witnesses: witnessCheck } : {}) };
}

/** An entry's Merkle leaf hash (RFC 6962: SHA-256 of 0x00 ‖ the entry's canonical JSON), in hex. */
export async function leafHashOf(entry: Entry): Promise<string> {
  return toHex(await sha256(concat(new Uint8Array([0]), entryBytes(entry))));
}
