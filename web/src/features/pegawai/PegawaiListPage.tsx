import {
  Anchor,
  Box,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { JABATAN_LEVEL, JENIS_PEGAWAI, LABEL_JABATAN_LEVEL, LABEL_JENIS_PEGAWAI } from '@sigap/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AsOfInput } from '../../components/AsOfInput';
import { ErrorAlert } from '../../components/Feedback';
import { useAsOf } from '../../lib/as-of';
import { fmtAngka } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { labelOf } from '../../lib/labels';
import type { PegawaiPage, PegawaiRow } from '../../lib/types';
import { useOpdTree } from '../org/org.api';
import { type PegawaiFilter, pegawaiKeys, usePegawaiHalaman } from './pegawai.api';

/** Rows per request; the server filters, sorts and counts. */
const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
const ROW_HEIGHT_NARROW = 52;

/**
 * Pegawai: search (debounced) and filters run on the server; the table is virtualised and fetches
 * pages of 200 as they scroll into view, so a Pemda of 15,000 people stays smooth.
 */
export function PegawaiListPage() {
  const { t, lang } = useI18n();
  const { tanggal } = useAsOf();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const rowHeight = narrow ? ROW_HEIGHT_NARROW : ROW_HEIGHT;
  const [params, setParams] = useSearchParams();
  const opd = params.get('opd') ?? '';
  const level = params.get('level') ?? '';
  const jenis = params.get('jenis') ?? '';
  const [qInput, setQInput] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(qInput.trim(), 300);

  const setParam = useCallback(
    (name: string, value: string | null) => {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParam('q', q || null);
  }, [q, params, setParam]);

  const tree = useOpdTree(tanggal);
  const opdOptions = useMemo(
    () => (tree.data?.opd ?? []).map((n) => ({ value: n.kode, label: `${n.kode} — ${n.nama}` })),
    [tree.data],
  );

  const filter = useMemo<PegawaiFilter>(
    () => ({ q, opd, level, jenis, tanggal }),
    [q, opd, level, jenis, tanggal],
  );
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The pages in view (page 0 always: it brings the total); set after the rows are laid out.
  const [pages, setPages] = useState<readonly number[]>([0]);
  const halaman = usePegawaiHalaman(filter, pages, PAGE_SIZE);
  const total = halaman[0]?.data?.total ?? null;
  const error = halaman.find((h) => h.error)?.error ?? null;
  const qc = useQueryClient();

  // A new filter starts from the top of the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: filter is the trigger
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setPages([0]);
  }, [filter]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  // Rows change height between the phone and desktop layouts: forget the old measurements.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rowHeight is the trigger
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const firstPage = items.length ? Math.floor(items[0]!.index / PAGE_SIZE) : 0;
  const lastPage = items.length ? Math.floor(items[items.length - 1]!.index / PAGE_SIZE) : 0;

  useEffect(() => {
    if (total === null) return;
    const next = [0];
    for (let p = Math.max(1, firstPage); p <= lastPage; p++) next.push(p);
    setPages((cur) => (cur.join() === next.join() ? cur : next));
  }, [firstPage, lastPage, total]);

  const rowsOf = new Map(pages.map((p, i) => [p, halaman[i]?.data?.rows]));
  const rowAt = (i: number): PegawaiRow | undefined => rowsOf.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const cols = narrow ? 2 : 6;
  const loadedRows = qc
    .getQueriesData<PegawaiPage>({ queryKey: pegawaiKeys.list(filter) })
    .reduce((s, [, d]) => s + (d?.rows.length ?? 0), 0);

  return (
    <Stack gap="sm" data-testid="page-pegawai-list">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <Title order={2}>{t('pegawai.judul')}</Title>
          <Text
            c="dimmed"
            size="sm"
            data-testid="pegawai-total"
            data-total={total ?? ''}
            data-loaded={loadedRows}
          >
            {total === null ? t('umum.memuat') : t('pegawai.total', { n: fmtAngka(total, lang) })}
          </Text>
        </Box>
        <AsOfInput effective={tree.data?.tanggal} />
      </Group>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          label={t('umum.cari')}
          placeholder={t('pegawai.cari')}
          value={qInput}
          onChange={(e) => setQInput(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
          type="search"
          data-testid="pegawai-search"
        />
        <Select
          label={t('pegawai.opd')}
          placeholder={t('umum.semua')}
          data={opdOptions}
          value={opd || null}
          onChange={(v) => setParam('opd', v)}
          searchable
          clearable
          limit={100}
          w={{ base: '100%', sm: 280 }}
          nothingFoundMessage={t('umum.tidakAdaData')}
          data-testid="pegawai-filter-opd"
        />
        <Select
          label={t('pegawai.level')}
          placeholder={t('umum.semua')}
          data={JABATAN_LEVEL.map((l) => ({ value: l, label: LABEL_JABATAN_LEVEL[l][lang] }))}
          value={level || null}
          onChange={(v) => setParam('level', v)}
          clearable
          w={{ base: 'calc(50% - 5px)', sm: 200 }}
          data-testid="pegawai-filter-level"
        />
        <Select
          label={t('pegawai.jenis')}
          placeholder={t('umum.semua')}
          data={JENIS_PEGAWAI.map((j) => ({ value: j, label: LABEL_JENIS_PEGAWAI[j][lang] }))}
          value={jenis || null}
          onChange={(v) => setParam('jenis', v)}
          clearable
          w={{ base: 'calc(50% - 5px)', sm: 200 }}
          data-testid="pegawai-filter-jenis"
        />
      </Group>
      {error && (
        <ErrorAlert
          error={error}
          onRetry={() => {
            for (const h of halaman) if (h.error) void h.refetch();
          }}
        />
      )}
      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        <Box
          ref={scrollRef}
          h={{ base: 'calc(100dvh - 300px)', sm: 'calc(100dvh - 260px)' }}
          mih={360}
          style={{ overflow: 'auto' }}
          data-testid="pegawai-scroll"
        >
          <Table
            layout="fixed"
            stickyHeader
            highlightOnHover
            miw={narrow ? undefined : 980}
            verticalSpacing={0}
            data-testid="pegawai-table"
          >
            <colgroup>
              {narrow ? (
                <>
                  <col />
                  <col style={{ width: 120 }} />
                </>
              ) : (
                <>
                  <col style={{ width: 170 }} />
                  <col />
                  <col style={{ width: '25%' }} />
                  <col style={{ width: 130 }} />
                  <col style={{ width: 130 }} />
                  <col style={{ width: 170 }} />
                </>
              )}
            </colgroup>
            <Table.Thead>
              {narrow ? (
                <Table.Tr>
                  <Table.Th>
                    {t('pegawai.nama')} / {t('pegawai.nip')}
                  </Table.Th>
                  <Table.Th>{t('pegawai.unit')}</Table.Th>
                </Table.Tr>
              ) : (
                <Table.Tr style={{ whiteSpace: 'nowrap' }}>
                  <Table.Th>{t('pegawai.nip')}</Table.Th>
                  <Table.Th>{t('pegawai.nama')}</Table.Th>
                  <Table.Th>{t('pegawai.jabatan')}</Table.Th>
                  <Table.Th>{t('pegawai.level')}</Table.Th>
                  <Table.Th>{t('pegawai.jenis')}</Table.Th>
                  <Table.Th>{t('pegawai.unit')}</Table.Th>
                </Table.Tr>
              )}
            </Table.Thead>
            <Table.Tbody>
              {paddingTop > 0 && (
                <tr aria-hidden>
                  <td colSpan={cols} style={{ height: paddingTop, padding: 0, border: 0 }} />
                </tr>
              )}
              {items.map((vi) => {
                const r = rowAt(vi.index);
                if (!r) {
                  return (
                    <Table.Tr
                      key={vi.key}
                      style={{ height: rowHeight }}
                      data-testid="pegawai-row-loading"
                      data-index={vi.index}
                    >
                      <Table.Td colSpan={cols}>
                        <Skeleton height={12} radius="sm" />
                      </Table.Td>
                    </Table.Tr>
                  );
                }
                const ident = r.nip ?? r.id_pegawai ?? '';
                const name = (
                  <Anchor
                    component={Link}
                    to={`/pegawai/${r.id}`}
                    size="sm"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {r.nama}
                  </Anchor>
                );
                return (
                  <Table.Tr
                    key={vi.key}
                    style={{ height: rowHeight }}
                    className="sigap-row-link"
                    onClick={() => navigate(`/pegawai/${r.id}`)}
                    data-testid="pegawai-row"
                    data-index={vi.index}
                  >
                    {narrow ? (
                      <>
                        <Table.Td className="sigap-cell">
                          <div className="sigap-cell">{name}</div>
                          <Text ff="monospace" fz={11} c="dimmed" className="sigap-cell">
                            {ident} · {labelOf(LABEL_JENIS_PEGAWAI, r.jenis_pegawai, lang)}
                          </Text>
                        </Table.Td>
                        <Table.Td className="sigap-cell" ff="monospace" fz="xs" title={r.opd_kode}>
                          {r.opd_kode}
                        </Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td className="sigap-cell" ff="monospace" fz="xs">
                          {ident}
                        </Table.Td>
                        <Table.Td className="sigap-cell" title={r.nama}>
                          {name}
                        </Table.Td>
                        <Table.Td className="sigap-cell" fz="sm" title={r.jabatan}>
                          {r.jabatan}
                        </Table.Td>
                        <Table.Td className="sigap-cell" fz="sm">
                          {labelOf(LABEL_JABATAN_LEVEL, r.jabatan_level, lang)}
                        </Table.Td>
                        <Table.Td className="sigap-cell" fz="sm">
                          {labelOf(LABEL_JENIS_PEGAWAI, r.jenis_pegawai, lang)}
                        </Table.Td>
                        <Table.Td className="sigap-cell" ff="monospace" fz="xs" title={r.opd_kode}>
                          {r.opd_kode}
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                );
              })}
              {paddingBottom > 0 && (
                <tr aria-hidden>
                  <td colSpan={cols} style={{ height: paddingBottom, padding: 0, border: 0 }} />
                </tr>
              )}
            </Table.Tbody>
          </Table>
          {total === 0 && (
            <Text p="md" c="dimmed" data-testid="pegawai-kosong">
              {t('umum.tidakAdaData')}
            </Text>
          )}
        </Box>
      </Paper>
    </Stack>
  );
}
