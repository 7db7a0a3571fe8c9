/** Byte helpers that run in Node and in browsers alike (no Buffer). */
import { LedgerFormatError } from './format-error.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A string's UTF-8 bytes. TextEncoder pays a fixed cost per call (about a microsecond on Node 20)
 * that dominates short strings, and every append encodes several: short ASCII strings are copied
 * by hand (arrays of up to 64 bytes are cheap to allocate).
 */
export function utf8(text: string): Uint8Array {
  if (text.length > 64) return encoder.encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text);
    out[i] = code;
  }
  return out;
}
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

// A typed array of more than 64 bytes gets a backing store of its own, and making one costs about a
// microsecond on Node 20: as much as the rest of building an entry's leaf bytes.
const SLAB_BYTES = 16 * 1024;
let slab = new Uint8Array(0);
let slabUsed = 0;

/**
 * `length` zeroed bytes carved from a shared slab, as Node's Buffer pool does, for the bytes an
 * append makes for every entry. The view does not own its `.buffer`: pass it to a store or a hash,
 * or copy it, but never transfer its buffer to another thread.
 */
export function pooledBytes(length: number): Uint8Array {
  if (length > SLAB_BYTES / 8) return new Uint8Array(length);
  if (slabUsed + length > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += (length + 7) & ~7;
  return out;
}

let scratch = new Uint8Array(1024);

/**
 * A string's UTF-8 bytes in a scratch array that the next call overwrites: for bytes hashed at once
 * (`sha256(utf8Transient(text))`), which then cost no allocation.
 */
export function utf8Transient(text: string): Uint8Array {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const HEX = '0123456789abcdef';
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte >> 4]! + HEX[byte & 15]!;
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`not a hex string: ${hex.slice(0, 20)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4), as signed notes use. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** Each character code's base64 value, -1 for a character outside the alphabet. */
const B64_VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) table[B64.charCodeAt(i)] = i;
  return table;
})();

export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new LedgerFormatError('format.base64_length');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const data = text.length - padding;
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = i; j < i + 4; j++) {
      const code = text.charCodeAt(j);
      const v = j >= data ? 0 : code < 128 ? B64_VALUE[code]! : -1;
      if (v < 0) throw new LedgerFormatError('format.base64_character', { at: j });
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
