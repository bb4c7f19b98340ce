import { HasilMasuk, type Masuk, Me } from '@sigap/domain/api/akun';
import { Ok } from '@sigap/domain/api/umum';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { aturPemilikAntrean } from './antrean';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api';

/** The service worker's cache of the employee pages' data (web/src/sw.ts): emptied on sign-out. */
export const CACHE_API = 'sigap-api';

type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anon'; readonly expired: boolean }
  | { readonly status: 'in'; readonly me: Me };

interface SessionValue {
  readonly state: SessionState;
  readonly login: (input: Masuk) => Promise<void>;
  readonly logout: () => Promise<void>;
  /** Reads /api/auth/me again (after the Pemda's name or zone changed). */
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/api/auth/me', { schema: Me });
    setCsrfToken(me.csrf_token);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Holds who is signed in (from GET /api/auth/me) and the sign-in / sign-out actions. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Whenever the account changes (sign-in, sign-out, session expiry) no data of the previous one is kept.
  const qc = useQueryClient();

  useEffect(() => {
    let alive = true;
    fetchMe()
      .then((me) => alive && setState(me ? { status: 'in', me } : { status: 'anon', expired: false }))
      .catch(() => alive && setState({ status: 'anon', expired: false }));
    const off = onUnauthorized(() => {
      setCsrfToken(null);
      qc.clear();
      setState({ status: 'anon', expired: true });
    });
    return () => {
      alive = false;
      off();
    };
  }, [qc]);

  const login = useCallback(
    async (input: Masuk) => {
      const r = await api.post('/api/auth/login', input, { schema: HasilMasuk });
      setCsrfToken(r.csrf_token);
      const me = await fetchMe();
      qc.clear();
      setState(me ? { status: 'in', me } : { status: 'anon', expired: false });
    },
    [qc],
  );

  // the offline queue sends only the signed-in account's own work (lib/antrean.ts)
  useEffect(() => {
    aturPemilikAntrean(state.status === 'in' ? `${state.me.pemda.kode}/${state.me.username}` : null);
  }, [state]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { schema: Ok });
    } finally {
      // what the service worker kept of this account's pages goes with the session
      if (typeof caches !== 'undefined') await caches.delete(CACHE_API).catch(() => false);
      setCsrfToken(null);
      qc.clear();
      setState({ status: 'anon', expired: false });
    }
  }, [qc]);

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    if (me) setState({ status: 'in', me });
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state and actions. */
export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in account (only inside the signed-in part of the app). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'in') throw new Error('useMe without a session');
  return state.me;
}

/** Whether the account holds any of the roles. */
export function hasRole(me: Me, roles: readonly string[]): boolean {
  return me.roles.some((r) => roles.includes(r.role));
}
