/**
 * Live updates: one EventSource per world (GET /api/worlds/:world/events), shared by every
 * component that listens and closed when none does. Each `entry` event bumps the world's version,
 * which makes the data hooks refetch what they show.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Entry } from '../../ledger/entry.js';

type Listener = () => void;
type EntryListener = (entry: Entry) => void;

interface Hub {
  source: EventSource | undefined;
  version: number;
  connected: boolean;
  refs: number;
  listeners: Set<Listener>;
  entryListeners: Set<EntryListener>;
}

const hubs = new Map<string, Hub>();

function hub(world: string): Hub {
  let h = hubs.get(world);
  if (!h) {
    h = { source: undefined, version: 0, connected: false, refs: 0, listeners: new Set(), entryListeners: new Set() };
    hubs.set(world, h);
  }
  return h;
}

const notify = (h: Hub): void => h.listeners.forEach((l) => l());

function open(world: string): () => void {
  const h = hub(world);
  h.refs += 1;
  if (!h.source && typeof EventSource !== 'undefined') {
    const source = new EventSource(`/api/worlds/${encodeURIComponent(world)}/events`);
    source.addEventListener('open', () => { h.connected = true; notify(h); });
    source.addEventListener('error', () => { h.connected = false; notify(h); });
    source.addEventListener('entry', (event) => {
      h.version += 1;
      try {
        const entry = JSON.parse((event as MessageEvent<string>).data) as Entry;
        h.entryListeners.forEach((l) => l(entry));
      } catch {
        // A malformed event still counts as "something changed".
      }
      notify(h);
    });
    h.source = source;
  }
  return () => {
    h.refs -= 1;
    if (h.refs <= 0 && h.source) {
      h.source.close();
      h.source = undefined;
      h.connected = false;
    }
  };
}

/** Subscribes a React store listener to a world's hub (nothing for a null world). */
const subscribeTo = (world: string | null) => (cb: () => void) => {
  if (!world) return () => undefined;
  const h = hub(world);
  h.listeners.add(cb);
  return () => { h.listeners.delete(cb); };
};

/** The world's live version (0 until something is appended); null world = not live. */
export function useLiveVersion(world: string | null): number {
  useEffect(() => (world ? open(world) : undefined), [world]);
  return useSyncExternalStore(subscribeTo(world), () => (world ? hub(world).version : 0));
}

export function useLiveConnected(world: string | null): boolean {
  return useSyncExternalStore(subscribeTo(world), () => (world ? hub(world).connected : false));
}

/** Calls `listener` for each new entry of the world while mounted. */
export function useLiveEntries(world: string | null, listener: EntryListener): void {
  useEffect(() => {
    if (!world) return undefined;
    const close = open(world);
    const h = hub(world);
    h.entryListeners.add(listener);
    return () => {
      h.entryListeners.delete(listener);
      close();
    };
  }, [world, listener]);
}
