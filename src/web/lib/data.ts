/**
 * Reading the API from components: a cache keyed by URL (what was shown stays shown while it is
 * refreshed), refetching when the world's live version changes.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { api } from './api.js';
import { useLiveVersion } from './live.js';

const cache = new Map<string, unknown>();
/** Requests under way, by path; `joinable` while the turn that sent it lasts. */
const inflight = new Map<string, { promise: Promise<unknown>; joinable: boolean }>();

/**
 * The answer at `path`: the one held unless `fresh`. Readers asking in the same turn (every
 * reader of one change) share one request; a fresh read asked for later sends its own, since
 * whatever made it ask (an act of this page, a live entry) may postdate the request under way:
 * joined, it showed the state from before a paused clock, and nothing asked again. The newest
 * request alone fills the cache.
 */
export function fetchCached<T>(path: string, fresh = false): Promise<T> {
  if (!fresh && cache.has(path)) return Promise.resolve(cache.get(path) as T);
  const running = inflight.get(path);
  if (running && (running.joinable || !fresh)) return running.promise as Promise<T>;
  const request = { promise: Promise.resolve<unknown>(undefined), joinable: true };
  request.promise = api<T>(path).then((data) => {
    if (inflight.get(path) === request) {
      cache.set(path, data);
      inflight.delete(path);
    }
    return data;
  }, (error: unknown) => {
    if (inflight.get(path) === request) inflight.delete(path);
    throw error;
  });
  inflight.set(path, request);
  setTimeout(() => { request.joinable = false; }, 0);
  return request.promise as Promise<T>;
}

/** An answer the page already holds (the server's, in the HTML): read from the cache like a fetched one. */
export const prime = (path: string, data: unknown): void => { cache.set(path, data); };

/** An answer already held (fetched, or put in the page by the server), if any. */
export const cachedAnswer = <T>(path: string): T | undefined => cache.get(path) as T | undefined;

/** Signing in or out changes what one may read: every mounted reader fetches again. */
let sessionEpoch = 0;
const epochListeners = new Set<() => void>();
const subscribeEpoch = (listener: () => void) => {
  epochListeners.add(listener);
  return () => { epochListeners.delete(listener); };
};

/** Forget cached reads (after signing in or out: what one may read changes). */
export const clearCache = (): void => {
  cache.clear();
  sessionEpoch += 1;
  epochListeners.forEach((l) => l());
};

export interface Query<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  reload(): void;
}

/**
 * `path` null = nothing to fetch yet. `liveWorld`: refetch on each new entry of that world.
 */
export function useApi<T>(path: string | null, liveWorld: string | null = null): Query<T> {
  const version = useLiveVersion(liveWorld);
  const epoch = useSyncExternalStore(subscribeEpoch, () => sessionEpoch, () => 0);
  const [state, setState] = useState<{ path: string | null; data: T | undefined; error: Error | undefined; loading: boolean }>(() => ({
    path, data: path && cache.has(path) ? (cache.get(path) as T) : undefined, error: undefined, loading: path !== null && !cache.has(path),
  }));
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!path) {
      setState({ path, data: undefined, error: undefined, loading: false });
      return undefined;
    }
    const fresh = version > 0 || tick > 0;
    // Already held (read before, or put in the page by the server): shown as it is, no new render.
    if (!fresh && cache.has(path)) {
      const data = cache.get(path) as T;
      setState((s) => (s.path === path && s.data === data && !s.loading && !s.error ? s : { path, data, error: undefined, loading: false }));
      return undefined;
    }
    let cancelled = false;
    setState((s) => ({
      path,
      data: s.path === path ? s.data : (cache.get(path) as T | undefined),
      error: undefined,
      loading: true,
    }));
    fetchCached<T>(path, fresh).then(
      (data) => { if (!cancelled) setState({ path, data, error: undefined, loading: false }); },
      (error: unknown) => { if (!cancelled) setState((s) => ({ ...s, path, error: error instanceof Error ? error : new Error(String(error)), loading: false })); },
    );
    return () => { cancelled = true; };
  }, [path, version, tick, epoch]);

  const current = state.path === path;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !current || state.loading, reload };
}
