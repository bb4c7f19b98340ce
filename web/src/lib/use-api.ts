import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './api';
import { useI18n } from './i18n';

export interface ApiState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * GETs `path` (null = nothing to fetch) and refetches when it or the language changes; a newer
 * request cancels the older one, so a slow answer never overwrites a newer one.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const { lang } = useI18n();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const last = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: lang and tick are refetch triggers
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    if (last.current !== path) setData(null);
    last.current = path;
    api<T>(path, { signal: ctl.signal })
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'JARINGAN', String(e)));
        setLoading(false);
      });
    return () => ctl.abort();
  }, [path, lang, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
