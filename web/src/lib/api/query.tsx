import {
  MutationCache,
  QueryClient,
  QueryClientProvider,
  type QueryKey,
  queryOptions,
  useQueryClient,
} from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ZodType } from 'zod';
import { useI18n } from '../i18n';
import { type ApiError, api, type QueryParams } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation fails with an ApiError: the client throws nothing else.
    defaultError: ApiError;
  }
}

/** Retries once a GET that did not reach the server or met a server fault; never a 4xx answer. */
export function retryQuery(failures: number, error: ApiError): boolean {
  return failures < 1 && (error.status === 0 || error.status >= 500);
}

/**
 * The app's query cache. Data stays fresh for 30 s (a page opened again within that shows at once, no
 * request), nothing refetches on window focus, 4xx answers are never retried. After every successful
 * write (any `useMutation`) the cache follows the rule {@link afterWrite}.
 */
export function createQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: retryQuery },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({ onSuccess: () => afterWrite(qc) }),
  });
  return qc;
}

/**
 * What a write does to the cache: the screens on show refetch (keeping their data until the answer
 * arrives), and the data of screens not on show is dropped, so no later screen shows what the server
 * held before the write. Writes are rare next to reads; one rule keeps every screen right without each
 * mutation listing what it may have touched (a leave approval changes the schedule, an employee edit the
 * organisation's counts…).
 */
export function afterWrite(qc: QueryClient): Promise<void> {
  qc.removeQueries({ type: 'inactive' });
  return qc.invalidateQueries({ type: 'active' });
}

/**
 * The GET behind a query: the key names the data, the path and parameters fetch it, and the contract's
 * schema (`@sigap/domain/api/<area>`) parses the answer; the data's type is the schema's.
 */
export function apiQuery<T>(key: QueryKey, path: string, schema: ZodType<T>, query?: QueryParams) {
  return queryOptions({
    queryKey: key,
    queryFn: ({ signal }) => api.get(path, { query, signal, schema }),
  });
}

/** Refetches every query when the language changes: the server words its answers in it. */
function LanguageRefetch() {
  const { lang } = useI18n();
  const qc = useQueryClient();
  const first = useRef(lang);
  useEffect(() => {
    if (first.current === lang) return;
    first.current = lang;
    void qc.invalidateQueries();
  }, [lang, qc]);
  return null;
}

/** The query cache for the app (inside I18nProvider, around the session). */
export function ApiQueryProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [qc] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={qc}>
      <LanguageRefetch />
      {children}
    </QueryClientProvider>
  );
}
