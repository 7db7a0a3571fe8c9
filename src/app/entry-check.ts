/**
 * The per-entry half of verification, pure and independent of its neighbours, so that it can run
 * on every core: the leaf hash of the stored bytes, the entry's shape, canonical form, position,
 * world, and its signature by the key it names. The tree and the checkpoints are checked in order
 * by the caller.
 */
import type { LedgerCrypto } from '../ledger/crypto.js';
import { fromBase64, fromUtf8 } from '../ledger/bytes.js';
import { bodyOf, canonicalJson, checkEntryShape, signingBytes, type Entry } from '../ledger/entry.js';
import { hashLeaf } from '../ledger/merkle.js';
import { finding, malformed, type Finding } from './verify-problem.js';

export interface EntryKey {
  readonly id: string;
  /** 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
}

export interface EntryCheck {
  readonly seq: number;
  readonly leafHash: Uint8Array;
  readonly recordTime?: string;
  readonly signed: boolean;
  readonly problems: readonly Finding[];
}

const decodedKeys = new Map<string, Uint8Array>();
function publicKeyBytes(base64: string): Uint8Array {
  let key = decodedKeys.get(base64);
  if (!key) {
    key = fromBase64(base64);
    if (decodedKeys.size > 1000) decodedKeys.clear();
    decodedKeys.set(base64, key);
  }
  return key;
}

const SIGNING_PREFIX = new TextEncoder().encode('evere/entry/v1\n');

/**
 * The bytes the signature covers: for a canonical entry, its text less the top-level `"sig"`
 * member (RFC 8785 sorts members, and `sig` is never the last one, since `type`, `v`,
 * `validTime` and `world` follow it; the last match is the top-level one, as `payload` comes
 * before it). This spares canonicalising every entry twice.
 */
function signedBytesOf(entry: Entry, text: string, bytes: Uint8Array): Uint8Array {
  const member = `"sig":${JSON.stringify(entry.sig)},`;
  const at = text.lastIndexOf(member);
  if (at < 0) return signingBytes(bodyOf(entry));
  // All-ASCII text (one byte a character, the usual case): the stored bytes are cut where the text
  // is, with no second encoding.
  const ascii = bytes.length === text.length;
  const body = ascii ? undefined : new TextEncoder().encode(text.slice(0, at) + text.slice(at + member.length));
  const out = new Uint8Array(SIGNING_PREFIX.length + (body ? body.length : bytes.length - member.length));
  out.set(SIGNING_PREFIX);
  if (body) out.set(body, SIGNING_PREFIX.length);
  else {
    out.set(bytes.subarray(0, at), SIGNING_PREFIX.length);
    out.set(bytes.subarray(at + member.length), SIGNING_PREFIX.length + at);
  }
  return out;
}

export function checkEntry(crypto: LedgerCrypto, world: string, seq: number, bytes: Uint8Array, keys: ReadonlyMap<string, EntryKey>): EntryCheck {
  const leafHash = hashLeaf(crypto, bytes);
  const problems: Finding[] = [];
  let text: string;
  let entry: Entry;
  try {
    text = fromUtf8(bytes);
    entry = JSON.parse(text) as Entry;
  } catch {
    return { seq, leafHash, signed: false, problems: [finding('verify.not_json')] };
  }
  const shape = checkEntryShape(entry);
  if (shape.length) return { seq, leafHash, signed: false, problems: [malformed(shape)] };
  if (entry.seq !== seq) problems.push(finding('verify.wrong_seq', { said: String(entry.seq) }));
  if (entry.world !== world) problems.push(finding('verify.wrong_world', { said: entry.world }));
  const key = keys.get(entry.kid);
  let signed = false;
  if (!key || key.id !== entry.actor) problems.push(finding('verify.unknown_key', { kid: entry.kid, actor: entry.actor }));
  else {
    let signature: Uint8Array;
    try {
      signature = fromBase64(entry.sig);
    } catch {
      signature = new Uint8Array(0);
    }
    signed = true;
    // The signature covers the text less its `sig` member; the signer only ever signs the
    // canonical form, so a valid signature also proves the bytes canonical. Only a failure needs
    // the slower canonicalisation, to say which of the two is wrong.
    if (!crypto.verifyEd25519(publicKeyBytes(key.publicKey), signedBytesOf(entry, text, bytes), signature)) {
      problems.push(finding(canonicalJson(entry) !== text ? 'verify.not_canonical' : 'verify.bad_signature'));
    }
  }
  return { seq, leafHash, recordTime: entry.recordTime, signed, problems };
}

/** Checks many entries; an adapter may spread them over worker threads. */
export type EntryChecker = (
  world: string,
  rows: readonly { readonly seq: number; readonly bytes: Uint8Array }[],
  keys: ReadonlyMap<string, EntryKey>,
) => Promise<EntryCheck[]>;

export function inProcessChecker(crypto: LedgerCrypto): EntryChecker {
  return async (world, rows, keys) => rows.map((r) => checkEntry(crypto, world, r.seq, r.bytes, keys));
}
