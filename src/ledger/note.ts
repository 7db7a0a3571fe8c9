/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, and the verifier-key text form
 * `name+hash+base64(0x01 ‖ public key)` that outside tools (e.g. Go's golang.org/x/mod/sumdb/note)
 * read. Key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].
 */
import type { LedgerCrypto, Signer } from './crypto.js';
import { concat, equalBytes, fromBase64, fromHex, fromUtf8, toBase64, toHex, utf8 } from './bytes.js';
import { LedgerFormatError } from './format-error.js';

const ED25519 = 0x01;
const EM_DASH = '\u2014';

export function checkKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name)) throw new LedgerFormatError('format.key_name', { name: JSON.stringify(name) });
}

export function keyId(crypto: LedgerCrypto, name: string, publicKey: Uint8Array): Uint8Array {
  return crypto.sha256(concat(utf8(`${name}\n`), new Uint8Array([ED25519]), publicKey)).slice(0, 4);
}

export function keyHint(crypto: LedgerCrypto, name: string, publicKey: Uint8Array): string {
  return toHex(keyId(crypto, name, publicKey));
}

export interface VerifierKey {
  readonly name: string;
  readonly id: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function formatVerifierKey(crypto: LedgerCrypto, name: string, publicKey: Uint8Array): string {
  checkKeyName(name);
  return `${name}+${keyHint(crypto, name, publicKey)}+${toBase64(concat(new Uint8Array([ED25519]), publicKey))}`;
}

export function parseVerifierKey(crypto: LedgerCrypto, text: string): VerifierKey {
  // The key part is base64 and may itself contain '+': split at the first two only.
  const match = /^([^+\s]+)\+([^+]*)\+(.+)$/.exec(text.trim());
  if (!match) throw new LedgerFormatError('format.verifier_key_form');
  const [, name, hash, key] = match as unknown as [string, string, string, string];
  checkKeyName(name);
  const raw = fromBase64(key);
  if (raw.length !== 33 || raw[0] !== ED25519) throw new LedgerFormatError('format.verifier_key_type');
  const publicKey = raw.slice(1);
  const id = keyId(crypto, name, publicKey);
  if (!/^[0-9a-f]{8}$/.test(hash) || !equalBytes(fromHex(hash), id)) throw new LedgerFormatError('format.verifier_key_hash');
  return { name, id, publicKey };
}

export function signNote(crypto: LedgerCrypto, text: string, name: string, signer: Signer): string {
  if (!text.endsWith('\n')) throw new LedgerFormatError('format.note_newline');
  checkKeyName(name);
  const signature = signer.sign(utf8(text));
  const blob = concat(keyId(crypto, name, signer.publicKey), signature);
  return `${text}\n${EM_DASH} ${name} ${toBase64(blob)}\n`;
}

export interface OpenedNote {
  readonly text: string;
  /** Names of the known keys whose signature verified. */
  readonly verifiedBy: readonly string[];
}

/**
 * Verifies a signed note against known keys. Signatures from unknown keys are ignored; a known
 * key's bad signature rejects the note; at least one known key must have signed.
 */
export function openNote(crypto: LedgerCrypto, note: string, keys: readonly VerifierKey[]): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new LedgerFormatError('format.no_signature_block');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const verifiedBy: string[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) throw new LedgerFormatError('format.signature_line', { line: line.slice(0, 60) });
    const [, name, b64] = match as unknown as [string, string, string];
    const blob = fromBase64(b64);
    if (blob.length < 5) throw new LedgerFormatError('format.signature');
    const id = blob.slice(0, 4);
    const key = keys.find((k) => k.name === name && equalBytes(k.id, id));
    if (!key) continue;
    if (!crypto.verifyEd25519(key.publicKey, utf8(text), blob.slice(4))) {
      throw new LedgerFormatError('format.signature_invalid', { name });
    }
    verifiedBy.push(name);
  }
  if (verifiedBy.length === 0) throw new LedgerFormatError('format.no_known_signature');
  return { text, verifiedBy };
}

export { fromUtf8 };
