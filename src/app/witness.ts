/**
 * A C2SP tlog-witness (c2sp.org/tlog-witness): for each log it trusts, it keeps the latest
 * checkpoint it cosigned, and cosigns a new one only if its signature verifies with the log's key
 * and an RFC 6962 consistency proof links it to the one it holds. It never cosigns two different
 * trees of one size, nor a tree that does not extend the one it holds: such a checkpoint, signed
 * by the log, is evidence of a split view, and the witness keeps and reports both checkpoints.
 *
 * `addCheckpoint` is the protocol's request → answer, with no I/O beyond the state port (so the
 * HTTP server, `evere witness follow` and tests share it). Check-and-update is atomic per log in
 * this process; one process owns a state directory.
 */
import type { LedgerCrypto, Signer } from '../ledger/crypto.js';
import { fromBase64, toBase64 } from '../ledger/bytes.js';
import { openNote, type VerifierKey } from '../ledger/note.js';
import { parseCheckpointText, type Checkpoint } from '../ledger/checkpoint.js';
import { verifyConsistency } from '../ledger/merkle.js';
import { consistencyProofFromTiles, parseTilePath, tilePath, type Tile } from '../ledger/tiles.js';
import { cosign, splitNote } from '../ledger/cosignature.js';
import type { Clock } from './ports.js';

/** The latest checkpoint a witness cosigned for one log. */
export interface HeldCheckpoint {
  readonly origin: string;
  readonly size: number;
  /** Base64 root hash. */
  readonly root: string;
  /** The log's signed note as it was submitted. */
  readonly note: string;
}

/** Two signed checkpoints of one log that cannot both be honest views of one append-only tree. */
export interface SplitView {
  readonly origin: string;
  readonly detectedAt: string;
  /** Why they conflict: same size with different roots, or no valid consistency proof. */
  readonly reason: 'same size, different roots' | 'not consistent with the checkpoint held';
  readonly held: string;
  readonly offered: string;
}

export interface WitnessState {
  latest(origin: string): Promise<HeldCheckpoint | undefined>;
  /** Persists the new latest checkpoint (before the cosignature is given out). */
  put(held: HeldCheckpoint): Promise<void>;
  addSplitView(evidence: SplitView): Promise<void>;
  splitViews(): Promise<SplitView[]>;
}

export interface TrustedLog {
  readonly origin: string;
  readonly key: VerifierKey;
}

export interface WitnessDeps {
  readonly name: string;
  readonly signer: Signer;
  readonly crypto: LedgerCrypto;
  readonly clock: Clock;
  readonly logs: readonly TrustedLog[];
  readonly state: WitnessState;
  /** Told of every split view found, as it is found. */
  readonly onSplitView?: (evidence: SplitView) => void;
}

export type AddCheckpointAnswer =
  | { readonly status: 200; readonly body: string; readonly contentType: 'text/plain; charset=utf-8'; readonly splitView?: undefined }
  | { readonly status: 409; readonly body: string; readonly contentType: 'text/x.tlog.size'; readonly splitView?: SplitView }
  | { readonly status: 400 | 403 | 404 | 422; readonly body: string; readonly contentType: 'text/plain; charset=utf-8'; readonly splitView?: SplitView };

const MAX_PROOF_LINES = 63;

interface Request {
  readonly oldSize: number;
  readonly proof: Uint8Array[];
  readonly note: string;
  readonly text: string;
  readonly checkpoint: Checkpoint;
}

function refuse(status: 400 | 403 | 404 | 422, reason: string, splitView?: SplitView): AddCheckpointAnswer {
  return { status, body: `${reason}\n`, contentType: 'text/plain; charset=utf-8', ...(splitView ? { splitView } : {}) };
}

/** Parses an add-checkpoint body; returns a reason naming the line for anything malformed. */
export function parseAddCheckpoint(body: string): Request | string {
  const lines = body.split('\n');
  const old = /^old (0|[1-9][0-9]*)$/.exec(lines[0] ?? '');
  if (!old) return 'line 1: expected "old <size>"';
  const oldSize = Number(old[1]);
  if (!Number.isSafeInteger(oldSize)) return 'line 1: old size is too large';
  const proof: Uint8Array[] = [];
  let i = 1;
  for (; i < lines.length && lines[i] !== ''; i++) {
    if (proof.length === MAX_PROOF_LINES) return `line ${i + 1}: more than ${MAX_PROOF_LINES} consistency proof lines`;
    let hash: Uint8Array;
    try {
      hash = fromBase64(lines[i]!);
    } catch {
      return `line ${i + 1}: a consistency proof line must be one base64 hash`;
    }
    if (hash.length !== 32) return `line ${i + 1}: a consistency proof hash must be 32 bytes`;
    proof.push(hash);
  }
  if (i >= lines.length) return 'no empty line before the checkpoint';
  const note = lines.slice(i + 1).join('\n');
  try {
    const { text } = splitNote(note);
    return { oldSize, proof, note, text, checkpoint: parseCheckpointText(text) };
  } catch (error) {
    return `checkpoint: ${(error as Error).message}`;
  }
}

export function addCheckpointBody(oldSize: number, proof: readonly Uint8Array[], note: string): string {
  return `old ${oldSize}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`;
}

export class Witness {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(readonly deps: WitnessDeps) {}

  private exclusive<T>(origin: string, work: () => Promise<T>): Promise<T> {
    const next = (this.locks.get(origin) ?? Promise.resolve()).then(work, work);
    this.locks.set(origin, next.catch(() => undefined));
    return next;
  }

  private async splitView(held: HeldCheckpoint, offered: string, reason: SplitView['reason']): Promise<SplitView> {
    const evidence: SplitView = { origin: held.origin, detectedAt: this.deps.clock.now().toISOString(), reason, held: held.note, offered };
    await this.deps.state.addSplitView(evidence);
    this.deps.onSplitView?.(evidence);
    return evidence;
  }

  /** The protocol's add-checkpoint: an answer with the status, body and content type to send. */
  async addCheckpoint(body: string): Promise<AddCheckpointAnswer> {
    const request = parseAddCheckpoint(body);
    if (typeof request === 'string') return refuse(400, request);
    const { checkpoint, oldSize, proof, note, text } = request;
    const log = this.deps.logs.find((l) => l.origin === checkpoint.origin);
    if (!log) return refuse(404, `unknown log origin: ${checkpoint.origin}`);
    try {
      openNote(this.deps.crypto, note, [log.key]);
    } catch (error) {
      return refuse(403, `the checkpoint is not signed by the log's key: ${(error as Error).message}`);
    }
    if (oldSize > checkpoint.size) return refuse(400, `old size ${oldSize} is larger than the checkpoint size ${checkpoint.size}`);
    return this.exclusive(checkpoint.origin, async (): Promise<AddCheckpointAnswer> => {
      const held = await this.deps.state.latest(checkpoint.origin);
      const root = toBase64(checkpoint.root);
      if (held && held.size === checkpoint.size && held.root !== root) {
        const evidence = await this.splitView(held, note, 'same size, different roots');
        return { status: 409, body: `${held.size}\n`, contentType: 'text/x.tlog.size', splitView: evidence };
      }
      const heldSize = held?.size ?? 0;
      if (oldSize !== heldSize) return { status: 409, body: `${heldSize}\n`, contentType: 'text/x.tlog.size' };
      if (oldSize === 0 && proof.length > 0) return refuse(400, 'the consistency proof must be empty when the old size is 0');
      if (held && oldSize < checkpoint.size && !verifyConsistency(this.deps.crypto, oldSize, checkpoint.size, proof, fromBase64(held.root), checkpoint.root)) {
        const evidence = await this.splitView(held, note, 'not consistent with the checkpoint held');
        return refuse(422, `the consistency proof from size ${oldSize} to ${checkpoint.size} does not verify`, evidence);
      }
      await this.deps.state.put({ origin: checkpoint.origin, size: checkpoint.size, root, note });
      const timestamp = Math.floor(this.deps.clock.now().getTime() / 1000);
      return { status: 200, body: cosign(this.deps.crypto, text, this.deps.name, this.deps.signer, timestamp), contentType: 'text/plain; charset=utf-8' };
    });
  }
}

/** What one round of following a log did. */
export interface FollowResult {
  readonly origin: string;
  readonly size: number;
  readonly status: number;
  /** The witness's cosignature line when it cosigned. */
  readonly cosignature?: string;
  readonly reason?: string;
  readonly splitView?: SplitView;
  /** Whether the log took the cosignature back (its add-cosignature answered 200). */
  readonly delivered?: boolean;
}

export type Fetch = (url: string, init?: { method?: string; body?: string; headers?: Record<string, string> }) => Promise<{ status: number; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * One round of `evere witness follow`: reads the log's checkpoint from its tlog-tiles prefix,
 * computes the consistency proof from the held size out of the log's tiles, submits both to the
 * witness, and gives the cosignature back to the log (`<prefix>/add-cosignature`).
 */
export async function followOnce(witness: Witness, prefix: string, fetch: Fetch): Promise<FollowResult> {
  const base = prefix.replace(/\/+$/, '');
  const response = await fetch(`${base}/checkpoint`);
  if (response.status !== 200) throw new Error(`${base}/checkpoint answered ${response.status}`);
  const note = await response.text();
  const { text } = splitNote(note);
  const checkpoint = parseCheckpointText(text);
  const held = await witness.deps.state.latest(checkpoint.origin);
  const oldSize = held && held.size <= checkpoint.size ? held.size : 0;
  const readTile = async (tile: Tile): Promise<Uint8Array> => {
    const path = tilePath(tile);
    parseTilePath(path);
    const r = await fetch(`${base}/${path}`);
    if (r.status !== 200) throw new Error(`${base}/${path} answered ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const proof = oldSize > 0 && oldSize < checkpoint.size ? await consistencyProofFromTiles(witness.deps.crypto, oldSize, checkpoint.size, readTile) : [];
  let answer = await witness.addCheckpoint(addCheckpointBody(held && held.size > checkpoint.size ? held.size : oldSize, proof, note));
  if (held && held.size > checkpoint.size && answer.status === 400) {
    answer = refuse(400, `the log shows size ${checkpoint.size}, smaller than size ${held.size} already cosigned`);
  }
  const result = {
    origin: checkpoint.origin, size: checkpoint.size, status: answer.status,
    ...(answer.splitView ? { splitView: answer.splitView } : {}),
  };
  if (answer.status !== 200) return { ...result, reason: answer.body.trim() };
  const delivered = await fetch(`${base}/add-cosignature`, {
    method: 'POST', body: `${text}\n${answer.body}`, headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
  return { ...result, cosignature: answer.body, delivered: delivered.status === 200 };
}
