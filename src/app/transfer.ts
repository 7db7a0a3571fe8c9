/**
 * Export and import of a world as NDJSON: a header line (the world, its principals' public keys,
 * its signed checkpoints), then each entry's exact canonical bytes, one per line. Private keys
 * are never exported. An import checks every line before it writes anything, so a malformed or
 * forged line is refused with its line number and nothing is imported; a round trip gives the
 * same entries, hence the same root hash.
 */
import { concat, equalBytes, fromBase64, toHex, utf8 } from '../ledger/bytes.js';
import { bodyOf, canonicalJson, checkEntryShape, signingBytes, type Entry } from '../ledger/entry.js';
import { appendLeaf, emptyFrontier, frontierRoot, hashLeaf } from '../ledger/merkle.js';
import { formatVerifierKey, parseVerifierKey } from '../ledger/note.js';
import { openCheckpoint } from '../ledger/checkpoint.js';
import { fromUtf8 } from '../ledger/bytes.js';
import { entryIndexHash } from './index-digest.js';
import type { AppendRecord, Principal, StoredCheckpoint, WorldInfo } from './ports.js';
import type { LedgerService, Progress } from './ledger-service.js';
import { EvereError, reasonOf, withNested } from './errors.js';
import type { ViolationParams } from '../domain/decider.js';
import type { ImportReason } from '../messages/codes/verify.js';
import type { MessageRef } from '../messages/index.js';
import { fieldMessages } from './verify-problem.js';
import { parseJsonLine } from './json-line.js';
import { normaliseInstant } from './time.js';
import { FactMarkings } from './fact-marking.js';

export interface ExportHeader {
  readonly evere: 'export';
  readonly version: 1;
  readonly world: WorldInfo;
  readonly principals: readonly Principal[];
  readonly checkpoints: readonly { readonly size: number; readonly note: string; readonly createdAt: string }[];
}

const BATCH = 2000;

export async function exportWorld(ledger: LedgerService, world: string, write: (line: string) => void | Promise<void>, progress?: Progress): Promise<number> {
  const store = ledger.store;
  const info = await ledger.requireWorld(world);
  const size = await store.size(world);
  const header: ExportHeader = {
    evere: 'export', version: 1, world: info, principals: await store.principals(world),
    checkpoints: (await store.checkpoints(world)).map((c) => ({ size: c.size, note: c.note, createdAt: c.createdAt })),
  };
  await write(JSON.stringify(header));
  for (let start = 0; start < size; start += BATCH) {
    for (const bytes of await store.entryBytes(world, start, Math.min(size, start + BATCH))) await write(fromUtf8(bytes));
    progress?.(Math.min(size, start + BATCH), size);
  }
  return size;
}

export async function importWorld(
  ledger: LedgerService,
  lines: AsyncIterable<string> | Iterable<string>,
  file: string,
  progress?: Progress,
): Promise<{ world: string; size: number; root: string }> {
  const { crypto } = ledger.deps;
  const fail = (line: number, reason: ImportReason, params: ViolationParams = {}): never => {
    throw withNested('import.malformed_line', { file, line }, 'reason', { code: reason, params });
  };
  // A reason that names other messages (an entry's bad fields), each said in the reader's language.
  const failNested = (line: number, reason: ImportReason, name: string, nested: readonly MessageRef[]): never => {
    throw withNested('import.malformed_line', { file, line }, 'reason', { code: reason, params: {}, nested: { [name]: nested } });
  };
  let lineNo = 0;
  let header: ExportHeader | undefined;
  let byKid = new Map<string, Principal>();
  let frontier = emptyFrontier;
  let state = ledger.model.initialState();
  let lastRecordTime = '';
  const roots = new Map<number, Uint8Array>();
  const records: AppendRecord[] = [];
  const markings = new FactMarkings();
  for await (const raw of lines) {
    lineNo++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') fail(lineNo, 'import.reason.empty_line');
    const parsed = parseJsonLine(text);
    if (!parsed.ok) throw withNested('import.malformed_line', { file, line: lineNo }, 'reason', parsed.reason);
    const value = parsed.value;
    if (!header) {
      header = checkHeader(value, (reason, params) => fail(lineNo, reason, params));
      byKid = new Map(header.principals.map((p) => [p.kid, p]));
      continue;
    }
    const problems = checkEntryShape(value);
    if (problems.length) failNested(lineNo, 'import.reason.malformed', 'details', fieldMessages(problems));
    const entry = value as Entry;
    const bytes = utf8(text);
    if (canonicalJson(entry) !== text) fail(lineNo, 'import.reason.not_canonical');
    if (entry.world !== header.world.name) fail(lineNo, 'import.reason.wrong_world', { said: entry.world, expected: header.world.name });
    if (entry.seq !== frontier.size) fail(lineNo, 'import.reason.wrong_seq', { said: String(entry.seq), expected: frontier.size });
    if (entry.recordTime < lastRecordTime) fail(lineNo, 'import.reason.record_time_backwards');
    lastRecordTime = entry.recordTime;
    const principal = byKid.get(entry.kid);
    if (!principal || principal.id !== entry.actor) fail(lineNo, 'import.reason.unknown_key', { kid: entry.kid });
    const signature = fromBase64(entry.sig);
    if (!crypto.verifyEd25519(fromBase64(principal!.publicKey), signingBytes(bodyOf(entry)), signature)) fail(lineNo, 'import.reason.bad_signature');
    const leafHash = hashLeaf(crypto, bytes);
    const appended = appendLeaf(crypto, frontier, leafHash);
    const facts = markings.mark(entry, ledger.model.project(state, entry).map((f) => (f.op === 'assert'
      ? { ...f, validFrom: normaliseInstant(f.validFrom), ...(f.validTo ? { validTo: normaliseInstant(f.validTo) } : {}) }
      : f)));
    state = ledger.model.evolve(state, entry);
    frontier = appended.frontier;
    roots.set(frontier.size, frontierRoot(crypto, frontier));
    markings.commit();
    records.push({ entry, bytes, leafHash, nodes: concat(...appended.completed), facts, indexHash: entryIndexHash(crypto, entry, facts) });
    if (lineNo % 5000 === 0) progress?.(lineNo, 0);
  }
  if (!header) fail(1, 'import.reason.empty_file');
  const h = header!;
  const log = h.principals.find((p) => p.id === 'log');
  if (!log) fail(1, 'import.reason.no_log_principal');
  const logKey = parseVerifierKey(crypto, formatVerifierKey(crypto, log!.keyName, fromBase64(log!.publicKey)));
  const checkpoints: StoredCheckpoint[] = [];
  for (const cp of h.checkpoints) {
    let opened;
    try {
      opened = openCheckpoint(crypto, cp.note, logKey);
    } catch (error) {
      throw withNested('import.malformed_line', { file, line: 1 }, 'reason', { code: 'import.reason.checkpoint_invalid', params: { size: cp.size }, nested: { detail: reasonOf(error) } });
    }
    const root = opened!.size === 0 ? frontierRoot(crypto, emptyFrontier) : roots.get(opened!.size);
    if (opened!.size !== cp.size || !root || !equalBytes(root, opened!.root)) fail(1, 'import.reason.checkpoint_mismatch', { size: cp.size });
    checkpoints.push({ size: cp.size, root: opened!.root, note: cp.note, createdAt: cp.createdAt });
  }
  const store = ledger.store;
  if (await store.world(h.world.name)) throw new EvereError('import.world_exists', { name: h.world.name });
  await store.createWorld(h.world, h.principals);
  for (let start = 0; start < records.length; start += BATCH) {
    await store.append(h.world.name, start, records.slice(start, start + BATCH));
    progress?.(Math.min(records.length, start + BATCH), records.length);
  }
  for (const cp of checkpoints) await store.addCheckpoint(h.world.name, cp);
  ledger.forget(h.world.name);
  return { world: h.world.name, size: records.length, root: toHex(frontierRoot(crypto, frontier)) };
}

function checkHeader(value: unknown, fail: (reason: ImportReason, params?: ViolationParams) => never): ExportHeader {
  if (typeof value !== 'object' || value === null) return fail('import.reason.not_header');
  const h = value as Partial<ExportHeader>;
  if (h.evere !== 'export' || h.version !== 1) return fail('import.reason.header_version');
  if (!h.world || typeof h.world.name !== 'string' || typeof h.world.origin !== 'string') return fail('import.reason.header_world');
  if (!Array.isArray(h.principals)) return fail('import.reason.header_principals');
  for (const [i, p] of h.principals.entries()) {
    if (typeof p?.id !== 'string' || typeof p.publicKey !== 'string' || typeof p.kid !== 'string' || typeof p.keyName !== 'string') {
      return fail('import.reason.header_principal', { index: i });
    }
  }
  if (!Array.isArray(h.checkpoints)) return fail('import.reason.header_checkpoints');
  return h as ExportHeader;
}
