/**
 * Ledger entries: what one append writes. An entry's canonical bytes (RFC 8785 JSON
 * canonicalisation) are its Merkle leaf; the actor's Ed25519 signature covers the same
 * canonical form without the signature, behind a domain-separation prefix.
 */
import canonicalizeModule from 'canonicalize';
import type { LedgerCrypto, Signer } from './crypto.js';
import { concat, fromBase64, pooledBytes, toBase64, utf8 } from './bytes.js';
import { checkReleasability, isClassification, type Classification, type Releasability } from './classification.js';

// The package is CommonJS whose default export is the function; its typings say `export default`.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

export const ENTRY_VERSION = 1;
const SIGNING_PREFIX_TEXT = 'evere/entry/v1\n';
const SIGNING_PREFIX = utf8(SIGNING_PREFIX_TEXT);

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface EntryBody {
  readonly v: typeof ENTRY_VERSION;
  readonly world: string;
  /** 0-based position in the log: the Merkle leaf index. */
  readonly seq: number;
  readonly type: string;
  /** When it holds in the world (ISO 8601 date or UTC date-time). */
  readonly validTime: string;
  /** When it was written (ISO 8601 UTC date-time). */
  readonly recordTime: string;
  /** The signing principal. */
  readonly actor: string;
  /** The Ally or body the act is for. */
  readonly actingFor: string;
  /** Key hint of the actor's key that signed (C2SP key ID, 8 hex digits). */
  readonly kid: string;
  readonly classification: Classification;
  readonly releasability: Releasability;
  /** Marks every entry of a scenario world. */
  readonly exercise?: boolean;
  /** 16 random bytes, base64: the leaf hash reveals nothing guessable about the content. */
  readonly salt: string;
  /** Public source of a recorded fact. */
  readonly source?: string;
  readonly payload: Json;
}

export interface Entry extends EntryBody {
  /** Ed25519 signature, base64, over SIGNING_PREFIX ‖ canonical(body). */
  readonly sig: string;
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

export function signingBytes(body: EntryBody): Uint8Array {
  return concat(SIGNING_PREFIX, utf8(canonicalJson(body)));
}

/**
 * A body's signing bytes and, inside them, its canonical bytes (what `signingBytes` signs, less
 * its prefix), from one encoding.
 */
export function signingAndBodyBytes(body: EntryBody): { signing: Uint8Array; canonical: Uint8Array } {
  const signing = utf8(SIGNING_PREFIX_TEXT + canonicalJson(body));
  return { signing, canonical: signing.subarray(SIGNING_PREFIX.length) };
}

/**
 * The leaf bytes of a signed entry from its body's canonical bytes, without canonicalising again:
 * RFC 8785 sorts members, so `"sig"` goes right after the top-level `"seq"` member, which is the
 * last `"seq":<n>,` of the text (`payload` comes before it; the members after it are scalars, and
 * a quote inside a string is escaped). Equal to `entryBytes({ ...body, sig })`.
 */
export function signedEntryBytes(canonicalBody: Uint8Array, seq: number, sig: string): Uint8Array {
  const after = `"seq":${seq},`;
  const at = lastIndexOfAscii(canonicalBody, after);
  if (at < 0) throw new Error(`entry body has no seq ${seq}`);
  const cut = at + after.length;
  const member = `"sig":${JSON.stringify(sig)},`;
  // One array (from the pool: an append makes one per entry), the body copied in whole and its
  // tail moved along to make room for the member, written in place (a signature is base64: ASCII).
  const out = pooledBytes(canonicalBody.length + member.length);
  out.set(canonicalBody);
  out.copyWithin(cut + member.length, cut, canonicalBody.length);
  for (let j = 0; j < member.length; j++) {
    const code = member.charCodeAt(j);
    if (code > 0x7f) throw new Error('an entry signature is base64');
    out[cut + j] = code;
  }
  return out;
}

/** The last index of an ASCII needle in bytes, or -1. */
function lastIndexOfAscii(haystack: Uint8Array, needle: string): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function signEntry(body: EntryBody, signer: Signer): Entry {
  return { ...body, sig: toBase64(signer.sign(signingBytes(body))) };
}

/** The leaf bytes: the canonical JSON of the whole signed entry. */
export const entryBytes = (entry: Entry): Uint8Array => utf8(canonicalJson(entry));

export function bodyOf(entry: Entry): EntryBody {
  const { sig: _sig, ...body } = entry;
  return body;
}

export function verifyEntrySignature(crypto: LedgerCrypto, entry: Entry, publicKey: Uint8Array): boolean {
  let signature: Uint8Array;
  try {
    signature = fromBase64(entry.sig);
  } catch {
    return false;
  }
  return signature.length === 64 && crypto.verifyEd25519(publicKey, signingBytes(bodyOf(entry)), signature);
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z)?$/;

const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** An ISO 8601 date, or a UTC date-time, that names a real day and time (checked without Date: verify calls it for every entry). */
export function isIsoTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_TIME.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  return m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59 && (m[6] === undefined || Number(m[6]) <= 59));
}

const ENTRY_FIELDS = new Set(['v', 'world', 'seq', 'type', 'validTime', 'recordTime', 'actor', 'actingFor', 'kid', 'classification', 'releasability', 'exercise', 'salt', 'source', 'payload', 'sig']);

/** An entry's fields, of any value (a body, or JSON of unknown shape). */
type Fields = { readonly [K in keyof Entry]?: unknown };

/**
 * The rules an entry's field can break. The ledger names the field and the rule; the message
 * catalogue says it in the reader's language (`entry_field.<rule>`).
 */
export type FieldRule =
  | 'not_object' | 'version' | 'non_empty_string' | 'non_negative_integer' | 'utc_time' | 'iso_time' | 'true_or_absent'
  | 'classification' | 'non_empty_list' | 'releasability_token' | 'string' | 'missing' | 'unknown_field';

/** A field that breaks a rule; `value` is the offending part where the rule names one. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: FieldRule;
  readonly value?: string;
}

const nonEmpty = (e: Fields, field: keyof Entry, problems: FieldProblem[]): void => {
  const value = e[field];
  if (typeof value !== 'string' || value.length === 0) problems.push({ field, rule: 'non_empty_string' });
};

/**
 * Problems with the fields of an entry that an append takes from its draft (type, times of
 * validity, acting-for, marking, source, payload), each naming its field.
 */
export function checkDraftFields(e: Fields, problems: FieldProblem[] = []): FieldProblem[] {
  nonEmpty(e, 'type', problems);
  nonEmpty(e, 'actingFor', problems);
  if (!isIsoTime(e.validTime)) problems.push({ field: 'validTime', rule: 'iso_time' });
  if (!isClassification(e.classification)) problems.push({ field: 'classification', rule: 'classification' });
  const rel = checkReleasability(e.releasability);
  if (rel) problems.push({ field: 'releasability', ...rel });
  if (e.source !== undefined && typeof e.source !== 'string') problems.push({ field: 'source', rule: 'string' });
  if (!('payload' in e)) problems.push({ field: 'payload', rule: 'missing' });
  return problems;
}

/** Problems with an entry's shape, each naming its field; empty when well-formed. */
export function checkEntryShape(value: unknown): FieldProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field: '', rule: 'not_object' }];
  const e = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  if (e.v !== ENTRY_VERSION) problems.push({ field: 'v', rule: 'version', value: String(ENTRY_VERSION) });
  for (const field of ['world', 'actor', 'kid', 'salt', 'sig'] as const) nonEmpty(e, field, problems);
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 0) problems.push({ field: 'seq', rule: 'non_negative_integer' });
  if (!isIsoTime(e.recordTime)) problems.push({ field: 'recordTime', rule: 'utc_time' });
  if (e.exercise !== undefined && e.exercise !== true) problems.push({ field: 'exercise', rule: 'true_or_absent' });
  checkDraftFields(e, problems);
  for (const key of Object.keys(e)) if (!ENTRY_FIELDS.has(key)) problems.push({ field: key, rule: 'unknown_field' });
  return problems;
}
