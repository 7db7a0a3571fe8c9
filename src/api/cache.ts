/**
 * A cache of serialised query answers, keyed by the request and what the reader may see, and
 * dropped whenever the log may have changed: an append announced on the bus (this process, or
 * another instance through PostgreSQL's LISTEN), or a commit by another SQLite connection.
 * Answers still come from the indexes; this only spares repeating identical work between appends.
 *
 * Bounded in bytes, least recently used first out: a flood of distinct questions (every day of
 * 75 years, every reader) costs at most `maxBytes` of memory, never more. Bodies are kept as the
 * bytes that go on the wire, so a hit is sent as a bare route sends a prepared buffer.
 */
import type { LedgerStore, AccessFilter } from '../app/ports.js';
import type { AppendBus } from './bus.js';

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
/** What a cached answer costs beside its body: the key, the map slot, the buffer's header. */
const OVERHEAD_BYTES = 160;

export interface AnswerCache {
  get(key: string): Buffer | undefined;
  set(key: string, body: Buffer): void;
  /** Bytes held (bodies, keys and bookkeeping), for tests and metrics. */
  readonly bytes: number;
  readonly size: number;
  clear(): void;
}

export function accessKey(access: AccessFilter): string {
  return `${access.maxRank}:${access.releasableTo.join(',')}${access.withheld?.length ? `-${access.withheld.join(',')}` : ''}`;
}

/** A byte-bounded LRU map of answers (a Map's insertion order is the recency order). */
export function createLru(maxBytes: number): AnswerCache {
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  const cost = (key: string, body: Buffer) => body.byteLength + key.length * 2 + OVERHEAD_BYTES;
  const drop = (key: string) => {
    const body = entries.get(key);
    if (body === undefined) return;
    entries.delete(key);
    bytes -= cost(key, body);
  };
  return {
    get(key) {
      const body = entries.get(key);
      if (body === undefined) return undefined;
      entries.delete(key);
      entries.set(key, body);
      return body;
    },
    set(key, body) {
      drop(key);
      const need = cost(key, body);
      if (need > maxBytes) return;
      for (const oldest of entries.keys()) {
        if (bytes + need <= maxBytes) break;
        drop(oldest);
      }
      entries.set(key, body);
      bytes += need;
    },
    get bytes() { return bytes; },
    get size() { return entries.size; },
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}

export function createAnswerCache(store: LedgerStore, bus: AppendBus, maxBytes = DEFAULT_CACHE_BYTES): AnswerCache {
  const lru = createLru(maxBytes);
  // Looked up once: the store may be a proxy (the audit decorator) that makes a new bound
  // function on every property read, which a hit would otherwise pay for.
  const dataVersion = store.dataVersion?.bind(store);
  let seenVersion = dataVersion?.();
  bus.subscribe(() => lru.clear());
  // Another connection's commits are looked for once a turn of the event loop: the questions
  // handled in one turn were read from sockets found ready before it began, so they are answered
  // as of its first look (a look takes the database file's lock: on a busy server it was a fifth
  // of a cached answer's time). The next turn looks again.
  let looked = false;
  const lookAgain = () => { looked = false; };
  const fresh = () => {
    if (looked || !dataVersion) return;
    looked = true;
    setImmediate(lookAgain);
    const version = dataVersion();
    if (version !== seenVersion) {
      seenVersion = version;
      lru.clear();
    }
  };
  return {
    get(key) {
      fresh();
      return lru.get(key);
    },
    set(key, body) {
      lru.set(key, body);
    },
    get bytes() { return lru.bytes; },
    get size() { return lru.size; },
    clear() { lru.clear(); },
  };
}
