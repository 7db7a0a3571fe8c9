/**
 * Who is signed in: the account from GET /api/auth/session (none for the public) and the session's
 * CSRF token, which every write sends. Signing in or out forgets cached reads.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Account } from '../../app/access.js';
import { api, ApiError, SESSION_PATH, setCsrf } from './api.js';
import { cachedAnswer, clearCache, fetchCached } from './data.js';

export interface Session {
  readonly account: Account | undefined;
  readonly ready: boolean;
  signIn(username: string, password: string): Promise<Account>;
  signOut(): Promise<void>;
  /** Reads the account again (a new scenario adds a world to it) and forgets cached reads. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session>({
  account: undefined, ready: false,
  signIn: () => Promise.reject(new Error('no session provider')),
  signOut: () => Promise.resolve(),
  refresh: () => Promise.resolve(),
});

type SessionAnswer = { signedIn: boolean; account?: Account; csrf?: string };

export function SessionProvider({ children }: { children: ReactNode }) {
  // The server may have put the answer in the page (./boot.ts): then the first render knows it.
  const [booted] = useState(() => cachedAnswer<SessionAnswer>(SESSION_PATH));
  const [account, setAccount] = useState<Account | undefined>(() => (booted?.signedIn ? booted.account : undefined));
  const [ready, setReady] = useState(booted !== undefined);

  useEffect(() => {
    if (booted) {
      setCsrf(booted.csrf);
      return;
    }
    api<SessionAnswer>(SESSION_PATH).then(
      (me) => { setCsrf(me.csrf); setAccount(me.signedIn ? me.account : undefined); setReady(true); },
      (error: unknown) => {
        if (!(error instanceof ApiError)) console.warn(error);
        setReady(true);
      },
    );
  }, [booted]);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api<{ account: Account; csrf: string }>('/api/auth/login', { method: 'POST', body: { username, password } });
    setCsrf(r.csrf);
    clearCache();
    setAccount(r.account);
    return r.account;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } finally {
      setCsrf(undefined);
      clearCache();
      setAccount(undefined);
    }
  }, []);

  const refresh = useCallback(async () => {
    const me = await api<SessionAnswer>(SESSION_PATH);
    setCsrf(me.csrf);
    clearCache();
    // The list of worlds is read before the account changes, so that a page of the new world is
    // not taken for an unknown one.
    await fetchCached('/api/worlds', true);
    setAccount(me.signedIn ? me.account : undefined);
  }, []);

  const value = useMemo(() => ({ account, ready, signIn, signOut, refresh }), [account, ready, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
