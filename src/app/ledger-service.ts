/**
 * The ledger's use cases: create a world, append signed entries with their index changes,
 * checkpoint, prove, verify, export and import. Storage, keys, clock and randomness come in as
 * ports; nothing here knows which database is behind them.
 */
import { concat, fromBase64, toBase64, toHex } from '../ledger/bytes.js';
import type { LedgerCrypto, Signer } from '../ledger/crypto.js';
import type { Classification, Releasability } from '../ledger/classification.js';
import {
  checkDraftFields, signedEntryBytes, signingAndBodyBytes, ENTRY_VERSION,
  type Entry, type EntryBody, type Json,
} from '../ledger/entry.js';
import {
  appendLeaf, emptyFrontier, evaluatePlan, frontierNodeIds, frontierRoot, hashLeaf, nodeKey, planConsistency,
  planInclusion, planNodes, type Frontier, type NodeId, type RangePlan,
} from '../ledger/merkle.js';
import { KeptNodes } from '../ledger/kept-nodes.js';
import { keyHint, formatVerifierKey, parseVerifierKey } from '../ledger/note.js';
import { openCheckpoint, signCheckpoint } from '../ledger/checkpoint.js';
import { equalBytes, fromUtf8 } from '../ledger/bytes.js';
import {
  StaleSizeError,
  type AppendRecord, type Clock, type KeyStore, type LedgerStore, type Principal, type PrincipalKind,
  type EntryColumns, type RandomBytes, type StoredCheckpoint, type StoredEntry, type WorldInfo,
} from './ports.js';
import { bareModel, type WorldModel } from './world-model.js';
import { EvereError, reasonOf, withNested } from './errors.js';
import { FactMarkings, type Marking } from './fact-marking.js';
import { DigestScan, entryIndexHash, type DigestReport } from './index-digest.js';
import { inProcessChecker, type EntryChecker } from './entry-check.js';
import { IndexComparison, IndexRebuild, entryColumnsOf, entryColumnsProblem, normaliseFacts, type RebuiltRow } from './index-check.js';
import { fieldMessages, finding, verifyProblem, type VerifyProblem } from './verify-problem.js';

export interface LedgerDeps {
  readonly store: LedgerStore;
  readonly keys: KeyStore;
  readonly crypto: LedgerCrypto;
  readonly clock: Clock;
  readonly random: RandomBytes;
  readonly model?: WorldModel<unknown>;
  /** Told after every append that this process made (live updates). */
  readonly onAppended?: (world: string, size: number) => void;
  /** Signs many entries at once (spread over cores) for large appends; else one at a time. */
  readonly signMany?: SignMany;
  /** Checks entries for `verify`, e.g. spread over cores; defaults to in-process. */
  readonly checkEntries?: EntryChecker;
}

/** Signatures by the world's principals over the given messages, in order. */
export type SignMany = (world: string, jobs: readonly { readonly actor: string; readonly message: Uint8Array }[]) => Promise<Uint8Array[]>;

/** Below this many entries, signing in the calling thread is quicker than handing off. */
const PARALLEL_SIGNING_FROM = 64;

export interface SignatureCheck {
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

/** Where a decision is taken: the log's size, and the current marking of each index row. */
export interface DecisionPoint {
  readonly size: number;
  readonly marking: (kind: string, key: string) => Marking | undefined;
}

/** What a caller asks to write; the service fills in seq, times, salt, key and signature. */
export interface Draft {
  readonly type: string;
  readonly validTime: string;
  readonly actor: string;
  readonly actingFor: string;
  readonly classification?: Classification;
  readonly releasability?: Releasability;
  readonly source?: string;
  readonly payload: Json;
}

export interface InclusionProof {
  readonly world: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly hashes: readonly string[];
  readonly checkpoint: string;
}

export interface ConsistencyProof {
  readonly world: string;
  readonly size1: number;
  readonly size2: number;
  readonly hashes: readonly string[];
  readonly checkpoint1?: string;
  readonly checkpoint2: string;
}

export type { VerifyProblem } from './verify-problem.js';

export interface VerifyReport {
  readonly world: string;
  readonly size: number;
  readonly root: string;
  readonly checkpoints: number;
  readonly signatures: number;
  /** Rows of the facts index rebuilt from the log and compared with the stored ones. */
  readonly indexRows: number;
  readonly ok: boolean;
  readonly problems: readonly VerifyProblem[];
}

export type Progress = (done: number, total: number) => void;

interface WorldCache {
  frontier: Frontier;
  state: unknown;
  lastRecordTime: string;
  /** Current marking of every index row: rows never become less restricted (fact-marking.ts). */
  markings: FactMarkings;
}

const LOG_PRINCIPAL = 'log';
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const ARCHIVE_PRINCIPAL = 'archive';
const VERIFY_CHUNK = 4096;
/**
 * The lowest tree level a ledger keeps in memory (see KeptNodes): one hash per 16 entries at that
 * level, 4 bytes per entry in all; a proof reads from the store only the nodes below it. With
 * level 6 (a byte per entry), an inclusion proof read six rows and its p99 grew 1.27× and 1.30×
 * from 1M to 10M entries on SQLite, where consistency proofs, reading about three, grew 1.07×
 * and 1.16×: the growth is the store's, a row at a time.
 */
export const KEPT_NODE_LEVEL = 4;
/** Node hashes asked of the store at a time while the kept levels are filled. */
const KEPT_FILL_CHUNK = 4096;

const MAX_PROBLEMS = 20;

/** Whether the stored nodes of an entry are these completed nodes, end to end (no joined copy). */
function nodesMatch(completed: readonly Uint8Array[], stored: Uint8Array): boolean {
  let offset = 0;
  for (const node of completed) {
    if (offset + node.length > stored.length) return false;
    for (let i = 0; i < node.length; i++) if (node[i] !== stored[offset + i]) return false;
    offset += node.length;
  }
  return offset === stored.length;
}

export class LedgerService {
  private readonly caches = new Map<string, WorldCache>();
  private readonly infos = new Map<string, WorldInfo>();
  private readonly principalCache = new Map<string, Map<string, Principal>>();
  /** Each world's signers by principal, once the key store has given them (a principal's key never changes). */
  private readonly signerCache = new Map<string, Map<string, Signer>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Tree nodes of KEPT_NODE_LEVEL and above, per world (see hashesFor). */
  private readonly keptNodes = new Map<string, KeptNodes>();
  /** A world's kept nodes being read from the store, so that concurrent proofs read them once. */
  private readonly keptFills = new Map<string, Promise<void>>();
  /** A world's cache being caught up with the store, so that concurrent callers fold the log once. */
  private readonly loads = new Map<string, Promise<WorldCache>>();
  readonly model: WorldModel<unknown>;

  constructor(readonly deps: LedgerDeps) {
    this.model = deps.model ?? bareModel;
  }

  get store(): LedgerStore {
    return this.deps.store;
  }

  /** Forgets the cached state of every world (after a lost connection: notices were missed). */
  forgetAll(): void {
    this.caches.clear();
    this.infos.clear();
    this.principalCache.clear();
    this.signerCache.clear();
    this.keptNodes.clear();
  }

  /** Forgets cached state (after another writer, e.g. an import, changed the store). */
  forget(world: string): void {
    this.caches.delete(world);
    this.infos.delete(world);
    this.principalCache.delete(world);
    this.signerCache.delete(world);
    this.keptNodes.delete(world);
  }

  private async principalsOf(world: string, refresh = false): Promise<Map<string, Principal>> {
    let found = refresh ? undefined : this.principalCache.get(world);
    if (!found) {
      found = new Map((await this.deps.store.principals(world)).map((p) => [p.id, p]));
      this.principalCache.set(world, found);
    }
    return found;
  }

  /**
   * Runs one write at a time per world within this process; across processes the store's size
   * check guards. (Not `async`: the chained promise is returned as it is, without another turn.)
   */
  private exclusive<T>(world: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(world) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.locks.set(world, next.catch(() => undefined));
    return next;
  }

  async createWorld(name: string, options: { origin?: string; exercise?: boolean; forkedFrom?: WorldInfo['forkedFrom'] } = {}): Promise<WorldInfo> {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw new EvereError('world.invalid_name', { name });
    if (await this.deps.store.world(name)) throw new EvereError('world.exists', { name });
    const info: WorldInfo = {
      name,
      origin: options.origin ?? `evere.local/${name}`,
      createdAt: this.deps.clock.now().toISOString(),
      exercise: options.exercise ?? false,
      ...(options.forkedFrom ? { forkedFrom: options.forkedFrom } : {}),
    };
    const log = await this.newPrincipal(info, LOG_PRINCIPAL, 'log', undefined, info.origin);
    const archive = await this.newPrincipal(info, ARCHIVE_PRINCIPAL, 'archive', 'ARCHIVE');
    await this.deps.store.createWorld(info, [log, archive]);
    return info;
  }

  private async newPrincipal(world: WorldInfo, id: string, kind: PrincipalKind, actingFor?: string, keyName?: string): Promise<Principal> {
    const signer = await this.deps.keys.create(world.name, id);
    const name = keyName ?? `${world.origin}/${id}`;
    return {
      id, kind, ...(actingFor ? { actingFor } : {}), keyName: name,
      publicKey: toBase64(signer.publicKey), kid: keyHint(this.deps.crypto, name, signer.publicKey),
      createdAt: this.deps.clock.now().toISOString(),
    };
  }

  /** The principal with this id, made (with a new key) if the world does not have it yet. */
  async ensurePrincipal(world: string, id: string, kind: PrincipalKind, actingFor?: string): Promise<Principal> {
    const info = await this.requireWorld(world);
    const existing = (await this.deps.store.principals(world)).find((p) => p.id === id);
    if (existing) return existing;
    const principal = await this.newPrincipal(info, id, kind, actingFor);
    try {
      await this.deps.store.addPrincipal(world, principal);
    } catch (error) {
      // Another server on the same database registered it first (with the same key file).
      const added = (await this.deps.store.principals(world)).find((p) => p.id === id);
      if (!added) throw error;
      this.principalCache.delete(world);
      return added;
    }
    this.principalCache.delete(world);
    return principal;
  }

  /** The world's description if this service holds it already (no store read), else undefined. */
  knownWorld(name: string): WorldInfo | undefined {
    return this.infos.get(name);
  }

  async requireWorld(name: string): Promise<WorldInfo> {
    const cached = this.infos.get(name);
    if (cached) return cached;
    const info = await this.deps.store.world(name);
    if (!info) throw new EvereError('world.not_found', { name });
    this.infos.set(name, info);
    return info;
  }

  async publicKeys(world: string): Promise<{ logKey: string; principals: Principal[] }> {
    const principals = await this.deps.store.principals(world);
    const log = principals.find((p) => p.id === LOG_PRINCIPAL);
    if (!log) throw new EvereError('world.no_log_key', { name: world });
    return { logKey: formatVerifierKey(this.deps.crypto, log.keyName, fromBase64(log.publicKey)), principals };
  }

  /**
   * Loads the frontier and the model state for a world, replaying only what the cache lacks.
   * Writers trust the cache (the store's size check catches another writer); readers pass
   * `fresh` to see other processes' entries.
   */
  private async cache(world: string, fresh = false): Promise<WorldCache> {
    const cache = this.caches.get(world);
    if (cache && !fresh) return cache;
    const size = await this.deps.store.size(world);
    if (cache && cache.frontier.size === size) return cache;
    // One catch-up at a time per world: a caller that finds one running waits for it, then checks
    // again (the log may have grown meanwhile), rather than folding the same entries a second time.
    const running = this.loads.get(world);
    if (running) {
      const loaded = await running;
      return loaded.frontier.size >= size ? loaded : this.cache(world, true);
    }
    const load = this.load(world, cache, size).finally(() => this.loads.delete(world));
    this.loads.set(world, load);
    return load;
  }

  private async load(world: string, known: WorldCache | undefined, size: number): Promise<WorldCache> {
    let cache = known;
    if (!cache || cache.frontier.size > size) cache = { frontier: emptyFrontier, state: this.model.initialState(), lastRecordTime: '', markings: new FactMarkings() };
    const markings = cache.markings.fork();
    const from = cache.frontier.size;
    // The frontier comes straight from stored nodes; the model state by folding the missing entries.
    const { nodes } = await this.storedFrontier(world, size);
    let state = cache.state;
    let lastRecordTime = cache.lastRecordTime;
    for (let start = from; start < size; start += VERIFY_CHUNK) {
      for (const bytes of await this.deps.store.entryBytes(world, start, Math.min(size, start + VERIFY_CHUNK))) {
        const entry = JSON.parse(fromUtf8(bytes)) as Entry;
        markings.mark(entry, this.model.project(state, entry));
        state = this.model.evolve(state, entry);
        lastRecordTime = entry.recordTime;
      }
    }
    cache = { frontier: { size, nodes }, state, lastRecordTime, markings: markings.commit() };
    // An append made while this ran (within this process) left a newer cache: keep that one.
    const current = this.caches.get(world);
    if (!current || current.frontier.size <= size) this.caches.set(world, cache);
    return cache;
  }

  /**
   * Brings a world's caches up to the store before they are asked for: the model state (the
   * first command otherwise folds the whole log) and the kept levels of the tree (the first proof
   * otherwise reads them). A server calls it for each world when it starts, in the background;
   * commands and proofs that arrive meanwhile share the same reads.
   */
  async warm(world: string): Promise<{ size: number }> {
    const { frontier } = await this.cache(world, true);
    await this.keptFor(world, frontier.size);
    return { size: frontier.size };
  }

  /** The tree's frontier at `size`, read from the stored nodes (a few reads, whatever the size). */
  private async storedFrontier(world: string, size: number): Promise<Frontier> {
    const ids = frontierNodeIds(size);
    const found = await this.deps.store.nodes(world, ids);
    return {
      size,
      nodes: ids.map((id) => {
        const hash = found.get(nodeKey(id));
        if (!hash) throw new EvereError('ledger.node_missing', { world, node: nodeKey(id) });
        return { level: id.level, hash };
      }),
    };
  }

  /**
   * The tree's current frontier: the cached one if the log has not grown since, else from the
   * stored nodes. A checkpoint needs no model state, so a fresh process answers a proof without
   * folding the whole log first.
   */
  private async frontier(world: string): Promise<Frontier> {
    const size = await this.deps.store.size(world);
    const cached = this.caches.get(world);
    return cached && cached.frontier.size === size ? cached.frontier : this.storedFrontier(world, size);
  }

  /** The model's current state of a world (for deciding commands). */
  async state(world: string): Promise<unknown> {
    return (await this.cache(world, true)).state;
  }

  /**
   * Appends drafts as signed entries. `decide`, when given, is called with the current state
   * under the world's write lock and returns the drafts (so that a command is decided on the
   * state it will be appended to); if another process appended first, it is called again.
   */
  async appendDecided(world: string, decide: (state: unknown, at: DecisionPoint) => readonly Draft[] | Promise<readonly Draft[]>): Promise<Entry[]> {
    // What is cached is taken without an await (each costs a turn of the event loop's microtasks,
    // and a single append is a few dozen microseconds).
    const info = this.infos.get(world) ?? await this.requireWorld(world);
    return this.exclusive(world, async () => {
      for (let attempt = 0; ; attempt++) {
        const cache = this.caches.get(world) ?? await this.cache(world);
        const decided = decide(cache.state, { size: cache.frontier.size, marking: (kind, key) => cache.markings.markingOf(kind, key) });
        const drafts = Array.isArray(decided) ? decided : await decided;
        if (drafts.length === 0) return [];
        let principals = this.principalCache.get(world) ?? await this.principalsOf(world);
        if (drafts.some((d) => !principals.has(d.actor))) principals = await this.principalsOf(world, true);
        for (const { actor } of drafts) if (!principals.has(actor)) throw new EvereError('ledger.unknown_actor', { actor, world });
        const signers = this.signersFor(world, drafts);
        const built = await this.build(info, cache, drafts, principals, signers instanceof Map ? signers : await signers);
        try {
          await this.deps.store.append(world, cache.frontier.size, built.records);
        } catch (error) {
          if (error instanceof StaleSizeError && attempt < 100) {
            // Another writer won the race: catch up from where the cache is, back off a little
            // (randomly, so that two writers do not keep colliding), and decide again.
            await this.cache(world, true);
            if (attempt > 1) await pause((this.deps.random(1)[0]! % (4 * attempt)) + 1);
            continue;
          }
          throw error;
        }
        this.caches.set(world, { ...built.cache, markings: built.cache.markings.commit() });
        this.deps.onAppended?.(world, built.cache.frontier.size);
        return built.records.map((r) => r.entry);
      }
    });
  }

  append(world: string, drafts: readonly Draft[]): Promise<Entry[]> {
    return this.appendDecided(world, () => drafts);
  }

  /** The signer of each actor of `drafts`, from the cache or else the key store. */
  private signersFor(world: string, drafts: readonly Draft[]): Map<string, Signer> | Promise<Map<string, Signer>> {
    let known = this.signerCache.get(world);
    if (!known) this.signerCache.set(world, (known = new Map()));
    for (const d of drafts) if (!known.has(d.actor)) return this.loadSigners(world, drafts, known);
    return known;
  }

  private async loadSigners(world: string, drafts: readonly Draft[], known: Map<string, Signer>): Promise<Map<string, Signer>> {
    for (const { actor } of drafts) {
      if (known.has(actor)) continue;
      const signer = await this.deps.keys.signer(world, actor);
      if (!signer) throw new EvereError('ledger.no_private_key', { actor, world });
      known.set(actor, signer);
    }
    return known;
  }

  private async build(info: WorldInfo, cache: WorldCache, drafts: readonly Draft[], principals: Map<string, Principal>, signers: Map<string, Signer>) {
    const { crypto, random } = this.deps;
    let recordTime = this.deps.clock.now().toISOString();
    if (recordTime < cache.lastRecordTime) recordTime = cache.lastRecordTime;
    let frontier = cache.frontier;
    let state = cache.state;
    const markings = cache.markings.fork();
    const records: AppendRecord[] = [];
    const bodies: { body: EntryBody; signing: Uint8Array; canonical: Uint8Array; signer: Signer }[] = [];
    // Every entry's salt drawn in one call: a call to the system's generator costs more than its 16 bytes.
    const salts = drafts.length ? random(16 * drafts.length) : new Uint8Array(0);
    for (const draft of drafts) {
      // appendDecided found a principal and a signer for every actor.
      const principal = principals.get(draft.actor)!;
      const signer = signers.get(draft.actor)!;
      const body: EntryBody = {
        v: ENTRY_VERSION, world: info.name, seq: frontier.size + bodies.length, type: draft.type, validTime: draft.validTime,
        recordTime, actor: draft.actor, actingFor: draft.actingFor, kid: principal.kid,
        classification: draft.classification ?? 'PUBLIC', releasability: draft.releasability ?? ['PUBLIC'],
        ...(info.exercise ? { exercise: true } : {}),
        salt: toBase64(salts.subarray(16 * bodies.length, 16 * bodies.length + 16)),
        ...(draft.source ? { source: draft.source } : {}),
        payload: draft.payload,
      };
      // The ledger sets the other fields itself; those from the draft are checked.
      const problems = checkDraftFields(body);
      if (problems.length) throw withNested('ledger.entry_invalid', {}, 'problems', fieldMessages(problems));
      bodies.push({ body, ...signingAndBodyBytes(body), signer });
    }
    // Signing dominates an append: large batches are signed on every core, in slices, so that this
    // thread encodes and hashes one slice while the next is being signed.
    const slices: Promise<Uint8Array[]>[] = [];
    const signMany = this.deps.signMany;
    const sliceSize = Math.ceil(bodies.length / Math.min(8, Math.ceil(bodies.length / PARALLEL_SIGNING_FROM)));
    if (signMany && bodies.length >= PARALLEL_SIGNING_FROM) {
      for (let start = 0; start < bodies.length; start += sliceSize) {
        const slice = signMany(info.name, bodies.slice(start, start + sliceSize).map(({ body, signing }) => ({ actor: body.actor, message: signing })));
        // A failure is reported where the slice is awaited; later slices must not go unhandled.
        slice.catch(() => undefined);
        slices.push(slice);
      }
    }
    let signed: Uint8Array[] = [];
    for (const [i, { body, signing, canonical, signer }] of bodies.entries()) {
      if (slices.length && i % sliceSize === 0) signed = await slices[i / sliceSize]!;
      const sig = toBase64(slices.length ? signed[i % sliceSize]! : signer.sign(signing));
      const entry: Entry = { ...body, sig };
      // The body was canonicalised once, to be signed; the leaf bytes are that text with `sig`.
      const bytes = signedEntryBytes(canonical, body.seq, sig);
      const leafHash = hashLeaf(crypto, bytes);
      const appended = appendLeaf(crypto, frontier, leafHash);
      const facts = markings.mark(entry, normaliseFacts(this.model.project(state, entry)));
      state = this.model.evolve(state, entry);
      frontier = appended.frontier;
      records.push({ entry, bytes, leafHash, nodes: concat(...appended.completed), facts, indexHash: entryIndexHash(crypto, entry, facts) });
    }
    return { records, cache: { frontier, state, lastRecordTime: recordTime, markings } };
  }

  /** Signs and stores a checkpoint of the current tree, unless the latest one already covers it. */
  async checkpoint(world: string): Promise<StoredCheckpoint> {
    const info = await this.requireWorld(world);
    return this.exclusive(world, async () => {
      const frontier = await this.frontier(world);
      const latest = await this.deps.store.latestCheckpoint(world);
      if (latest && latest.size === frontier.size) return latest;
      const signer = await this.deps.keys.signer(world, LOG_PRINCIPAL);
      if (!signer) throw new EvereError('ledger.no_private_key', { actor: LOG_PRINCIPAL, world });
      const root = frontierRoot(this.deps.crypto, frontier);
      const note = signCheckpoint(this.deps.crypto, { origin: info.origin, size: frontier.size, root }, info.origin, signer);
      const checkpoint = { size: frontier.size, root, note, createdAt: this.deps.clock.now().toISOString() };
      await this.deps.store.addCheckpoint(world, checkpoint);
      return checkpoint;
    });
  }

  /**
   * The hashes of proof plans over a tree of `size` leaves. Nodes from KEPT_NODE_LEVEL up come
   * from memory, read from the store once (on the first proof after a start, then a few at a time
   * as the log grows); a proof reads only its nodes below that level, which all lie within 16
   * entries of the leaf it proves, as few and as close together at 10M entries as at 1M.
   */
  private async hashesFor(world: string, plans: readonly RangePlan[], size: number): Promise<Uint8Array[]> {
    return (await this.nodesFor(world, plans, size)).evaluate();
  }

  /**
   * The nodes `plans` need (kept ones from memory, the others in one store read), and those of
   * `also` in the same read; `evaluate` computes the plans' hashes from them.
   */
  private async nodesFor(world: string, plans: readonly RangePlan[], size: number, also: readonly NodeId[] = []): Promise<{ also: (Uint8Array | undefined)[]; evaluate(): Uint8Array[] }> {
    const kept = await this.keptFor(world, size);
    const ids = [...planNodes(plans), ...also].filter((id) => !kept.get(id));
    const found = ids.length ? await this.deps.store.nodes(world, ids) : new Map<string, Uint8Array>();
    const lookup = (id: NodeId) => {
      const hash = kept.get(id) ?? found.get(nodeKey(id));
      if (!hash) throw new EvereError('ledger.node_missing', { world, node: nodeKey(id) });
      return hash;
    };
    return {
      also: also.map((id) => kept.get(id) ?? found.get(nodeKey(id))),
      evaluate: () => plans.map((plan) => evaluatePlan(this.deps.crypto, plan, lookup)),
    };
  }

  /** The world's kept nodes, holding every complete node from KEPT_NODE_LEVEL up of a tree of `size`. */
  private async keptFor(world: string, size: number): Promise<KeptNodes> {
    let kept = this.keptNodes.get(world);
    if (!kept) this.keptNodes.set(world, kept = new KeptNodes(KEPT_NODE_LEVEL));
    while (kept.covered < size) {
      const running = this.keptFills.get(world);
      if (running) { await running; continue; }
      const fill = this.fillKept(world, kept, size).finally(() => this.keptFills.delete(world));
      this.keptFills.set(world, fill);
      await fill;
    }
    return kept;
  }

  private async fillKept(world: string, kept: KeptNodes, size: number): Promise<void> {
    const read = async (chunk: NodeId[]) => {
      const found = await this.deps.store.nodes(world, chunk);
      for (const id of chunk) {
        const hash = found.get(nodeKey(id));
        if (hash) kept.add(id, hash);
      }
    };
    let chunk: NodeId[] = [];
    for (const id of kept.missing(size)) {
      chunk.push(id);
      if (chunk.length === KEPT_FILL_CHUNK) { await read(chunk); chunk = []; }
    }
    if (chunk.length) await read(chunk);
    // Covered even where the store lacked a node: each proof that needs it asks the store again.
    kept.covered = Math.max(kept.covered, size);
  }

  /** Inclusion proof of entry `seq` in the tree of the latest checkpoint (made if needed). */
  async inclusionProof(world: string, seq: number, treeSize?: number): Promise<InclusionProof> {
    const checkpoint = await this.checkpointAt(world, treeSize);
    if (!Number.isSafeInteger(seq) || seq < 0 || seq >= checkpoint.size) {
      throw new EvereError('ledger.seq_out_of_range', { seq: String(seq), size: checkpoint.size });
    }
    // The leaf's hash is a stored node like the proof's others: read with them, in one read, not
    // with the entry's bytes (on PostgreSQL those are another, far larger table).
    const nodes = await this.nodesFor(world, planInclusion(seq, checkpoint.size), checkpoint.size, [{ level: 0, index: seq }]);
    const [leafHash] = nodes.also;
    if (!leafHash) throw new EvereError('ledger.seq_out_of_range', { seq: String(seq), size: checkpoint.size });
    return { world, leafIndex: seq, treeSize: checkpoint.size, leafHash: toHex(leafHash), hashes: nodes.evaluate().map(toHex), checkpoint: checkpoint.note };
  }

  /** A fast inclusion proof against a given size, without checkpoint bookkeeping (benchmarks, API). */
  async inclusionHashes(world: string, seq: number, size: number): Promise<Uint8Array[]> {
    return this.hashesFor(world, planInclusion(seq, size), size);
  }

  async consistencyHashes(world: string, size1: number, size2: number): Promise<Uint8Array[]> {
    return this.hashesFor(world, planConsistency(size1, size2), size2);
  }

  async consistencyProof(world: string, size1: number, size2?: number): Promise<ConsistencyProof> {
    const checkpoint2 = await this.checkpointAt(world, size2);
    if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > checkpoint2.size) {
      throw new EvereError('ledger.size_out_of_range', { size: String(size1), max: checkpoint2.size });
    }
    const checkpoint1 = (await this.deps.store.checkpoints(world)).find((c) => c.size === size1);
    const hashes = await this.consistencyHashes(world, size1, checkpoint2.size);
    return {
      world, size1, size2: checkpoint2.size, hashes: hashes.map(toHex),
      ...(checkpoint1 ? { checkpoint1: checkpoint1.note } : {}), checkpoint2: checkpoint2.note,
    };
  }

  private async checkpointAt(world: string, size?: number): Promise<StoredCheckpoint> {
    if (size === undefined) return this.checkpoint(world);
    const found = (await this.deps.store.checkpoints(world)).find((c) => c.size === size);
    if (!found) throw new EvereError('ledger.no_checkpoint_at', { size });
    return found;
  }

  /**
   * Verifies a whole world: every entry's bytes, canonical form, leaf hash, signature, stored
   * tree nodes, and every checkpoint's root and signature; and the derived state queries answer
   * from: the facts index and the entries' derived columns are rebuilt from the log and compared
   * with what is stored. Problems name the entry and the fault (for the index: the fact's kind
   * and key, the column, the stored and the rebuilt value).
   */
  async verify(world: string, progress?: Progress): Promise<VerifyReport> {
    const info = await this.requireWorld(world);
    const { crypto } = this.deps;
    const check = this.deps.checkEntries ?? inProcessChecker(crypto);
    const size = await this.deps.store.size(world);
    const principals = await this.deps.store.principals(world);
    const keys = new Map(principals.map((p) => [p.kid, { id: p.id, publicKey: p.publicKey }]));
    const log = principals.find((p) => p.id === LOG_PRINCIPAL);
    const checkpoints = await this.deps.store.checkpoints(world);
    const rootsAt = new Map<number, Uint8Array>();
    const wanted = new Set(checkpoints.map((c) => c.size));
    const problems: VerifyProblem[] = [];
    const report = (p: VerifyProblem) => { if (problems.length < MAX_PROBLEMS) problems.push(p); };
    const index = this.indexCheck(world, size, report);
    let frontier = emptyFrontier;
    let signatures = 0;
    let lastRecordTime = '';
    if (wanted.has(0)) rootsAt.set(0, frontierRoot(crypto, frontier));
    // Entries are checked in parallel (leaf hash, form, signature) a chunk ahead of the tree,
    // which is rebuilt in order from the recomputed leaf hashes; the stored nodes must agree.
    // Meanwhile this thread replays the chunk through the model and compares the indexes.
    const fetch = async (start: number) => {
      const end = Math.min(size, start + VERIFY_CHUNK);
      const [rows, columns] = await Promise.all([this.deps.store.entries(world, start, end), this.deps.store.entryColumns(world, start, end)]);
      return { start, rows, columns, checks: check(world, rows, keys) };
    };
    let next = size > 0 ? fetch(0) : undefined;
    while (next) {
      const { start, rows, columns, checks } = await next;
      const end = Math.min(size, start + VERIFY_CHUNK);
      next = end < size && rows.length === end - start ? fetch(end) : undefined;
      if (rows.length !== end - start) {
        report(verifyProblem({ seq: start + rows.length }, finding('verify.entry_missing')));
        await checks;
        break;
      }
      await index.ready(end - 1);
      index.feed(rows, columns);
      const results = await checks;
      rows.forEach((row, i) => {
        const r = results[i]!;
        const seq = row.seq;
        if (!equalBytes(r.leafHash, row.leafHash)) report(verifyProblem({ seq }, finding('verify.leaf_mismatch')));
        for (const found of r.problems) report(verifyProblem({ seq }, found));
        if (r.signed) signatures++;
        if (r.recordTime !== undefined) {
          if (r.recordTime < lastRecordTime) report(verifyProblem({ seq }, finding('verify.record_time_backwards')));
          lastRecordTime = r.recordTime;
        }
        const appended = appendLeaf(crypto, frontier, r.leafHash);
        frontier = appended.frontier;
        if (!nodesMatch(appended.completed, row.nodes)) report(verifyProblem({ seq }, finding('verify.nodes_mismatch')));
        if (wanted.has(frontier.size)) rootsAt.set(frontier.size, frontierRoot(crypto, frontier));
      });
      progress?.(end, size);
    }
    if (size === 0) progress?.(0, 0);
    await index.finish();
    const logKey = log ? parseVerifierKey(crypto, formatVerifierKey(crypto, log.keyName, fromBase64(log.publicKey))) : undefined;
    for (const cp of checkpoints) {
      if (cp.size > size) { report(verifyProblem({ checkpointSize: cp.size }, finding('verify.checkpoint_beyond'))); continue; }
      const root = rootsAt.get(cp.size);
      if (!root || !equalBytes(root, cp.root)) report(verifyProblem({ checkpointSize: cp.size }, finding('verify.checkpoint_root')));
      try {
        if (!logKey) throw new Error('no log key');
        const opened = openCheckpoint(crypto, cp.note, logKey);
        if (opened.origin !== info.origin || opened.size !== cp.size || !equalBytes(opened.root, cp.root)) {
          report(verifyProblem({ checkpointSize: cp.size }, finding('verify.checkpoint_note')));
        }
      } catch (error) {
        report(verifyProblem({ checkpointSize: cp.size }, finding('verify.checkpoint_signature', {}, { reason: reasonOf(error) })));
      }
    }
    return {
      world, size, root: toHex(frontierRoot(crypto, frontier)), checkpoints: checkpoints.length, signatures,
      indexRows: index.rows(), ok: problems.length === 0, problems: sortProblems(problems),
    };
  }

  /**
   * Replays entries through the model beside the stored index: each chunk of entries is fed in
   * order (after `ready`), and `finish` reports what is left.
   */
  private indexCheck(world: string, size: number, report: (p: VerifyProblem) => void) {
    const rebuild = new IndexRebuild(this.model);
    const comparison = new IndexComparison(this.deps.store.indexRows(world), size, (p) => report(verifyProblem({ seq: p.seq }, p)));
    rebuild.onClose = (row) => comparison.closed(row);
    let broken = false;
    return {
      ready: (seq: number) => (broken ? Promise.resolve() : comparison.ready(seq)),
      feed: (rows: readonly StoredEntry[], columns: readonly EntryColumns[]) => {
        rows.forEach((row, i) => {
          if (broken) return;
          let entry: Entry;
          try {
            entry = JSON.parse(fromUtf8(row.bytes)) as Entry;
          } catch {
            // Reported as a malformed entry by the entry checks; what follows cannot be rebuilt.
            broken = true;
            return;
          }
          const column = columns[i]?.seq === row.seq ? columns[i] : columns.find((c) => c.seq === row.seq);
          const problem = entryColumnsProblem(column, entry);
          if (problem) report(verifyProblem({ seq: row.seq }, problem));
          comparison.compare(row.seq, rebuild.feed(entry));
        });
      },
      finish: async () => { if (!broken) await comparison.finish(rebuild.current()); },
      rows: () => comparison.rows,
    };
  }

  /**
   * The start-up check of a serving process: the facts index and the entries' derived columns
   * rebuilt from the log and compared with what is stored (no signatures: `verify` does those).
   */
  async checkIndexes(world: string, progress?: Progress): Promise<{ world: string; size: number; indexRows: number; ok: boolean; problems: readonly VerifyProblem[] }> {
    await this.requireWorld(world);
    const size = await this.deps.store.size(world);
    const problems: VerifyProblem[] = [];
    const index = this.indexCheck(world, size, (p) => { if (problems.length < MAX_PROBLEMS) problems.push(p); });
    for (let start = 0; start < size; start += VERIFY_CHUNK) {
      const end = Math.min(size, start + VERIFY_CHUNK);
      const [rows, columns] = await Promise.all([this.deps.store.entries(world, start, end), this.deps.store.entryColumns(world, start, end)]);
      if (rows.length !== end - start) {
        problems.push(verifyProblem({ seq: start + rows.length }, finding('verify.entry_missing')));
        return { world, size, indexRows: index.rows(), ok: false, problems };
      }
      await index.ready(end - 1);
      index.feed(rows, columns);
      progress?.(end, size);
    }
    await index.finish();
    return { world, size, indexRows: index.rows(), ok: problems.length === 0, problems: sortProblems(problems) };
  }

  /**
   * The start-up check of a serving process, without replaying the log: one scan of the stored
   * index rows and entry columns, summed into the index digest and compared with the sum of the
   * index hashes the appends kept beside the entries (src/app/index-digest.ts).
   */
  async checkIndexDigest(world: string): Promise<DigestReport> {
    await this.requireWorld(world);
    const scan = new DigestScan(this.deps.crypto);
    await this.deps.store.scanIndex(world, scan);
    const report = scan.report(world);
    const size = await this.deps.store.size(world);
    // Entries appended by another process after the scan's snapshot leave `size` ahead: not a fault.
    return report.size > size ? { ...report, ok: false } : report;
  }

  /**
   * What a serving process checks before it listens: the index digest (one scan, no replay). On a
   * difference the full comparison names it (replay); a world written before the digest existed
   * (entries without an index hash) is compared in full once and then reindexed, which writes the
   * hashes. Throws (refusing to serve) when the indexes are not what the log supports.
   */
  async checkAtStart(world: string): Promise<{ world: string; size: number; indexRows: number; replayed: boolean }> {
    const digest = await this.checkIndexDigest(world);
    if (digest.ok) return { world, size: digest.size, indexRows: digest.indexRows, replayed: false };
    const full = await this.checkIndexes(world);
    if (!full.ok) {
      const first = full.problems[0]!;
      throw withNested('ledger.index_mismatch', { world, count: full.problems.length, seq: first.seq ?? '?' }, 'first', first);
    }
    if (digest.unhashed > 0) {
      const rebuilt = await this.reindex(world);
      return { world, size: rebuilt.size, indexRows: rebuilt.indexRows, replayed: true };
    }
    const what = digest.size !== full.size
      ? `${digest.size} entries scanned, ${full.size} in the log`
      : `kept ${digest.kept.slice(0, 16)}…, stored ${digest.stored.slice(0, 16)}…`;
    throw new EvereError('ledger.index_digest_mismatch', { world, what });
  }

  /**
   * Rebuilds a world's indexes from its log: every facts row and every entry's derived columns,
   * replacing what is stored in one transaction (retried if another writer appended meanwhile).
   */
  async reindex(world: string, progress?: Progress): Promise<{ world: string; size: number; indexRows: number }> {
    await this.requireWorld(world);
    for (let attempt = 0; ; attempt++) {
      const size = await this.deps.store.size(world);
      const rebuild = new IndexRebuild(this.model, this.deps.crypto);
      const rows: RebuiltRow[] = [];
      const columns: EntryColumns[] = [];
      for (let start = 0; start < size; start += VERIFY_CHUNK) {
        const end = Math.min(size, start + VERIFY_CHUNK);
        const stored = await this.deps.store.entryBytes(world, start, end);
        if (stored.length !== end - start) throw new EvereError('ledger.node_missing', { world, node: `0/${start + stored.length}` });
        for (const bytes of stored) {
          const entry = JSON.parse(fromUtf8(bytes)) as Entry;
          rows.push(...rebuild.feed(entry));
          columns.push({ ...entryColumnsOf(entry), indexHash: rebuild.indexHash! });
        }
        progress?.(end, size);
      }
      if (size === 0) progress?.(0, 0);
      try {
        await this.deps.store.replaceIndex(world, size, rows, columns);
      } catch (error) {
        if (error instanceof StaleSizeError && attempt < 10) continue;
        throw error;
      }
      this.forget(world);
      return { world, size, indexRows: rows.length };
    }
  }
}

/** Problems in log order (an index row superseded later is reported where it was asserted). */
function sortProblems(problems: VerifyProblem[]): VerifyProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.seq ?? Number.MAX_SAFE_INTEGER) - (b.p.seq ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ p }) => p);
}


