/** The ledger's crypto port on node:crypto (OpenSSL): SHA-256 and Ed25519. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify, type KeyObject } from 'node:crypto';
import type { LedgerCrypto, Signer } from '../../ledger/crypto.js';

const publicKeys = new Map<string, KeyObject>();
const byArray = new WeakMap<Uint8Array, KeyObject>();

function publicKeyObject(raw: Uint8Array): KeyObject {
  const known = byArray.get(raw);
  if (known) return known;
  const x = Buffer.from(raw).toString('base64url');
  let key = publicKeys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(x, key);
  }
  byArray.set(raw, key);
  return key;
}

export const nodeCrypto: LedgerCrypto = {
  // One call, no hash object to build and no copy of the 32 bytes: a ledger hashes every entry and
  // tree node through here (verify, appends, proofs).
  sha256(data) {
    const digest = hash('sha256', data, 'buffer');
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
  },
  verifyEd25519(publicKey, message, signature) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return verify(null, message, publicKeyObject(publicKey), signature);
    } catch {
      return false;
    }
  },
};

export function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

/** A signer over a node:crypto key; the key stays reachable for worker threads (parallel signing). */
export interface NodeSigner extends Signer {
  readonly keyObject: KeyObject;
}

export function signerFromPrivateKey(privateKey: KeyObject): NodeSigner {
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { publicKey, keyObject: privateKey, sign: (message) => new Uint8Array(sign(null, message, privateKey)) };
}

export function signerFromPem(pem: string): NodeSigner {
  return signerFromPrivateKey(createPrivateKey(pem));
}

/** A new Ed25519 key pair: the signer and its private key as PKCS#8 PEM, for the key store. */
export function generateSigner(): { signer: NodeSigner; pem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { signer: signerFromPrivateKey(privateKey), pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}
