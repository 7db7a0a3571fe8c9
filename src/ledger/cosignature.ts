/**
 * C2SP tlog-cosignature (c2sp.org/tlog-cosignature), Ed25519 "cosignature/v1": a witness's
 * timestamped statement that the checkpoint is the largest consistent tree it has seen of the log.
 *
 * Key ID = SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4]; the signature line carries
 * key ID ‖ u64 big-endian timestamp ‖ Ed25519 signature over
 * "cosignature/v1\ntime <timestamp>\n" ‖ checkpoint text. Witness keys are written as verifier
 * keys of type 0x04: `name+hash+base64(0x04 ‖ public key)`.
 */
import type { LedgerCrypto, Signer } from './crypto.js';
import { concat, equalBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.js';
import { checkKeyName } from './note.js';
import { LedgerFormatError } from './format-error.js';

export const COSIGNATURE_V1 = 0x04;
const EM_DASH = '\u2014';

export interface WitnessKey {
  readonly name: string;
  readonly id: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function cosignatureKeyId(crypto: LedgerCrypto, name: string, publicKey: Uint8Array): Uint8Array {
  return crypto.sha256(concat(utf8(`${name}\n`), new Uint8Array([COSIGNATURE_V1]), publicKey)).slice(0, 4);
}

export function formatWitnessKey(crypto: LedgerCrypto, name: string, publicKey: Uint8Array): string {
  checkKeyName(name);
  return `${name}+${toHex(cosignatureKeyId(crypto, name, publicKey))}+${toBase64(concat(new Uint8Array([COSIGNATURE_V1]), publicKey))}`;
}

export function parseWitnessKey(crypto: LedgerCrypto, text: string): WitnessKey {
  const match = /^([^+\s]+)\+([^+]*)\+(.+)$/.exec(text.trim());
  if (!match) throw new LedgerFormatError('format.witness_key_form');
  const [, name, hash, key] = match as unknown as [string, string, string, string];
  checkKeyName(name);
  let raw: Uint8Array;
  try {
    raw = fromBase64(key);
  } catch {
    throw new LedgerFormatError('format.witness_key_base64');
  }
  if (raw.length !== 33 || raw[0] !== COSIGNATURE_V1) throw new LedgerFormatError('format.witness_key_type');
  const publicKey = raw.slice(1);
  const id = cosignatureKeyId(crypto, name, publicKey);
  if (!/^[0-9a-f]{8}$/.test(hash) || !equalBytes(fromHex(hash), id)) throw new Error('witness key hash does not match its key');
  return { name, id, publicKey };
}

/** The message a cosignature/v1 signs: header line, time line, then the checkpoint text. */
export function cosignedMessage(checkpointText: string, timestamp: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

function u64(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`timestamp ${value} is not a non-negative integer`);
  const out = new Uint8Array(8);
  let n = BigInt(value);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** A signature line (ending in a newline) cosigning the checkpoint text at `timestamp` (POSIX seconds). */
export function cosign(crypto: LedgerCrypto, checkpointText: string, name: string, signer: Signer, timestamp: number): string {
  if (!checkpointText.endsWith('\n')) throw new LedgerFormatError('format.checkpoint_newline');
  checkKeyName(name);
  const signature = signer.sign(cosignedMessage(checkpointText, timestamp));
  return `${EM_DASH} ${name} ${toBase64(concat(cosignatureKeyId(crypto, name, signer.publicKey), u64(timestamp), signature))}\n`;
}

export interface Cosignature {
  readonly name: string;
  readonly timestamp: number;
  /** The signature line as it appears in the note, with its newline. */
  readonly line: string;
}

/** Splits a signed note into its text and its signature lines (each with its newline). */
export function splitNote(note: string): { text: string; lines: string[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new LedgerFormatError('format.no_signature_block');
  return { text: note.slice(0, split + 1), lines: note.slice(split + 2, -1).split('\n').map((l) => `${l}\n`) };
}

/**
 * The cosignatures in `lines` (signature lines of a note on `text`) that verify with the given
 * witness keys. Lines from unknown keys are ignored; a known key's line that does not verify
 * throws, naming the witness.
 */
export function verifyCosignatures(crypto: LedgerCrypto, text: string, lines: readonly string[], keys: readonly WitnessKey[]): Cosignature[] {
  const out: Cosignature[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)\n?$/u.exec(line);
    if (!match) throw new LedgerFormatError('format.signature_line', { line: line.slice(0, 60) });
    const [, name, b64] = match as unknown as [string, string, string];
    const blob = fromBase64(b64);
    if (blob.length < 4) throw new LedgerFormatError('format.signature');
    const key = keys.find((k) => k.name === name && equalBytes(k.id, blob.slice(0, 4)));
    if (!key) continue;
    if (blob.length !== 4 + 8 + 64) throw new LedgerFormatError('format.cosignature_version', { name });
    let timestamp = 0n;
    for (const byte of blob.slice(4, 12)) timestamp = (timestamp << 8n) | BigInt(byte);
    if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) throw new LedgerFormatError('format.cosignature_timestamp', { name });
    if (!crypto.verifyEd25519(key.publicKey, cosignedMessage(text, Number(timestamp)), blob.slice(12))) {
      throw new LedgerFormatError('format.cosignature_invalid', { name });
    }
    if (!out.some((c) => c.name === name)) out.push({ name, timestamp: Number(timestamp), line: line.endsWith('\n') ? line : `${line}\n` });
  }
  return out;
}
