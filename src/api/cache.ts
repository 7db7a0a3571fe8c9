/**
 * A cache of serialised query answers, keyed by the request and what the reader may see, and
 * dropped whenever the log may have changed: an append announced on the bus (this process, or
 * another instance through PostgreSQL's LISTEN), or a commit by another SQLite connection.
 * Answers still come from the indexes; this only spares repeating identical work between appends.
 */
import type { LedgerStore, AccessFilter } from '../app/ports.js';
import type { AppendBus } from './bus.js';

const MAX_ENTRIES = 5000;

export interface AnswerCache {
  get(key: string): string | undefined;
  set(key: string, body: string): void;
}

export function accessKey(access: AccessFilter): string {
  return `${access.maxRank}:${access.releasableTo.join(',')}`;
}

export function createAnswerCache(store: LedgerStore, bus: AppendBus): AnswerCache {
  const entries = new Map<string, string>();
  let seenVersion = store.dataVersion?.();
  bus.subscribe(() => entries.clear());
  const fresh = () => {
    if (!store.dataVersion) return;
    const version = store.dataVersion();
    if (version !== seenVersion) {
      seenVersion = version;
      entries.clear();
    }
  };
  return {
    get(key) {
      fresh();
      return entries.get(key);
    },
    set(key, body) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, body);
    },
  };
}
