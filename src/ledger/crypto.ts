/**
 * The crypto port of the ledger. The ledger computes nothing itself: the server passes an
 * implementation on node:crypto (fast), the browser one on WebCrypto or @noble/*.
 */
export interface LedgerCrypto {
  sha256(data: Uint8Array): Uint8Array;
  /** Ed25519 (RFC 8032) verification of `signature` over `message` by a 32-byte public key. */
  verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** Something that signs with one Ed25519 key; the private key never leaves it. */
export interface Signer {
  /** The 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}
