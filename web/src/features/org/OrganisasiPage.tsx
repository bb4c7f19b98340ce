import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { AsOfInput } from '../../components/AsOfInput';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { OpdBadges } from '../../components/OpdBadges';
import { useAsOf } from '../../lib/as-of';
import { fmtAngka } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { LABEL_JENIS_OPD, labelOf } from '../../lib/labels';
import type { OpdNode } from '../../lib/types';
import { useOpdTree } from './org.api';
import { indexOpd, type OpdIndex } from './tree';

/** Organisasi: the OPD tree as of a date, with counts and service-class / sector badges. */
export function OrganisasiPage() {
  const { t, lang } = useI18n();
  const { tanggal } = useAsOf();
  const { data, error, isLoading: loading, refetch } = useOpdTree(tanggal);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');

  const idx = useMemo(() => (data ? indexOpd(data.opd) : null), [data]);

  // While filtering, show matches and their ancestors, all expanded.
  const visible = useMemo(() => {
    if (!idx || !data || filter.trim() === '') return null;
    const term = filter.trim().toLowerCase();
    const keep = new Set<string>();
    for (const n of data.opd) {
      if (n.kode.toLowerCase().includes(term) || n.nama.toLowerCase().includes(term)) {
        let k: string | null = n.kode;
        for (let i = 0; k && i < 64; i++) {
          keep.add(k);
          k = idx.byKode.get(k)?.induk_kode ?? null;
        }
      }
    }
    return keep;
  }, [idx, data, filter]);

  const toggle = (kode: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(kode)) next.delete(kode);
      else next.add(kode);
      return next;
    });

  const roots = idx?.children.get(null) ?? [];
  const totalPegawai = data?.opd.reduce((s, n) => s + n.jumlah_pegawai, 0) ?? 0;

  return (
    <Stack gap="md" data-testid="page-organisasi">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <Title order={2}>{t('org.judul')}</Title>
          {data && (
            <Text c="dimmed" size="sm" data-testid="org-ringkas">
              {t('org.ringkas', {
                opd: fmtAngka(roots.length, lang),
                unit: fmtAngka(data.opd.length - roots.length, lang),
                pegawai: fmtAngka(totalPegawai, lang),
              })}
            </Text>
          )}
        </Box>
        <AsOfInput effective={data?.tanggal} />
      </Group>
      <Group gap="xs" wrap="wrap">
        <TextInput
          placeholder={t('org.saring')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
          data-testid="org-filter"
        />
        <Button
          variant="light"
          size="sm"
          onClick={() => setOpen(new Set(data?.opd.map((n) => n.kode) ?? []))}
          data-testid="org-expand-all"
        >
          {t('org.bukaSemua')}
        </Button>
        <Button variant="subtle" size="sm" onClick={() => setOpen(new Set())} data-testid="org-collapse-all">
          {t('org.tutupSemua')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {idx && (
        <Paper withBorder p={0} data-testid="opd-tree" aria-label={t('org.judul')}>
          {roots.map((n) => (
            <TreeNode
              key={n.kode}
              node={n}
              depth={0}
              idx={idx}
              open={open}
              visible={visible}
              toggle={toggle}
              lang={lang}
            />
          ))}
          {roots.length === 0 && (
            <Text p="md" c="dimmed">
              {t('umum.tidakAdaData')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function TreeNode(props: {
  node: OpdNode;
  depth: number;
  idx: OpdIndex;
  open: ReadonlySet<string>;
  visible: ReadonlySet<string> | null;
  toggle: (kode: string) => void;
  lang: 'id' | 'en';
}) {
  const { node, depth, idx, open, visible, toggle, lang } = props;
  const { t } = useI18n();
  if (visible && !visible.has(node.kode)) return null;
  const kids = idx.children.get(node.kode) ?? [];
  const expanded = visible !== null || open.has(node.kode);
  const total = idx.subtreeCount.get(node.kode) ?? node.jumlah_pegawai;
  return (
    <div>
      <Group
        gap="xs"
        wrap="nowrap"
        px="sm"
        py={6}
        pl={8 + depth * 20}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        data-testid={`opd-node-${node.kode}`}
      >
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={() => toggle(node.kode)}
          disabled={kids.length === 0}
          aria-label={t('org.bukaTutup', { nama: node.nama })}
          aria-expanded={kids.length > 0 ? expanded : undefined}
          data-testid={`opd-toggle-${node.kode}`}
          style={{ visibility: kids.length === 0 ? 'hidden' : 'visible', flexShrink: 0 }}
        >
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden
            style={{ transform: expanded ? 'rotate(90deg)' : 'none', transition: 'transform 120ms' }}
          >
            <path d="M9 6l6 6-6 6" />
          </svg>
        </ActionIcon>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap" align="baseline">
            <Anchor
              component={Link}
              to={`/opd/${encodeURIComponent(node.kode)}`}
              fw={depth === 0 ? 600 : 500}
              size="sm"
              data-testid="opd-link"
            >
              {node.nama}
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace">
              {node.kode}
            </Text>
            <Text size="xs" c="dimmed">
              · {labelOf(LABEL_JENIS_OPD, node.jenis, lang)}
            </Text>
          </Group>
          <Group gap={6} mt={2} wrap="wrap">
            <OpdBadges node={node} size="xs" />
          </Group>
        </Box>
        <Badge
          variant="default"
          size="md"
          style={{ flexShrink: 0 }}
          title={t('org.pegawaiSendiri', { n: fmtAngka(node.jumlah_pegawai, lang) })}
          data-testid="opd-count"
        >
          {fmtAngka(total, lang)}
        </Badge>
      </Group>
      {expanded &&
        kids.map((k) => (
          <TreeNode
            key={k.kode}
            node={k}
            depth={depth + 1}
            idx={idx}
            open={open}
            visible={visible}
            toggle={toggle}
            lang={lang}
          />
        ))}
    </div>
  );
}
