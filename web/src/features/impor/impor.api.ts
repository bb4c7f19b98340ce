import { ImporDimulai, TugasImpor } from '@sigap/domain/api/impor';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { afterWrite, api, uploadFile } from '../../lib/api';

const POLL_MS = 500;

/** Query keys of the import area. */
export const imporKeys = { job: (id: string) => ['impor', id] as const };

/** Uploads an OPD/employee file (with progress) and starts its import job: POST /api/impor/:jenis. */
export function useUnggahImpor() {
  return useMutation({
    mutationFn: (v: {
      jenis: 'opd' | 'pegawai';
      file: File;
      contentType: string;
      onProgress: (loaded: number, total: number) => void;
    }) =>
      uploadFile(
        `/api/impor/${v.jenis}?nama=${encodeURIComponent(v.file.name)}`,
        v.file,
        v.contentType,
        v.onProgress,
        ImporDimulai,
      ),
  });
}

/**
 * An import job, polled every 500 ms while it runs (GET /api/impor/:id). When it ends, the cache follows
 * the write rule once more: the rows it saved are on the server only now, after the upload answered.
 */
export function useImporJob(id: string | null) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: imporKeys.job(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/api/impor/${encodeURIComponent(id ?? '')}`, { signal, schema: TugasImpor }),
    enabled: id !== null,
    staleTime: 0,
    retry: false,
    refetchInterval: (query) =>
      query.state.error || (query.state.data && query.state.data.status !== 'berjalan') ? false : POLL_MS,
  });
  const selesai = q.data !== undefined && q.data.status !== 'berjalan';
  useEffect(() => {
    if (selesai) void afterWrite(qc);
  }, [selesai, qc]);
  return q;
}
