import { useQuery } from '@tanstack/react-query';
import { type ApiError, api } from './api';

// TRANSITIONAL: removed once every area reads through its `<area>.api.ts` hooks.
export interface ApiState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useApi<T>(path: string | null): ApiState<T> {
  const q = useQuery({
    queryKey: ['legacy', path],
    queryFn: ({ signal }) => api.get<T>(path ?? '', { signal }),
    enabled: path !== null,
  });
  return { data: q.data ?? null, error: q.error, loading: q.isLoading, reload: () => void q.refetch() };
}
