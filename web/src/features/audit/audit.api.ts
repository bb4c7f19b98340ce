import { HalamanAudit } from '@sigap/domain/api/audit';
import { useQuery } from '@tanstack/react-query';
import { apiQuery, type QueryParams } from '../../lib/api';

/** Query keys of the audit area. */
export const auditKeys = {
  all: ['audit'] as const,
  page: (q: QueryParams) => ['audit', q] as const,
};

/** One page of the audit trail with its filters: GET /api/audit. */
export function useAuditHalaman(q: QueryParams) {
  return useQuery(apiQuery(auditKeys.page(q), '/api/audit', HalamanAudit, q));
}
