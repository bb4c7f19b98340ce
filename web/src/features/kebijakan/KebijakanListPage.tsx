import { Anchor, Badge, Box, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type Kebijakan, uraikanBerlaku } from '@sigap/domain';
import { Link, useNavigate } from 'react-router';
import { AsOfInput } from '../../components/AsOfInput';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { useAsOf } from '../../lib/as-of';
import { fmtTanggal, todayIn } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { KEBIJAKAN_WRITE_ROLES } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import type { KebijakanRingkas } from '../../lib/types';
import { StatusBadge } from './bagian';
import { dalamMasaBerlaku } from './dokumen';
import { useDaftarKebijakan } from './kebijakan.api';

/** The versions of a policy as badges: "v2 Aktif", "v1 Diganti". */
function VersiBadges({ k }: { k: KebijakanRingkas }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="xs" c={k.versi_aktif ? undefined : 'dimmed'} data-testid="kb-versi-aktif">
        {k.versi_aktif ? t('kb.versiAktif', { v: k.versi_aktif }) : t('kb.tanpaVersiAktif')}
      </Text>
      <Group gap={4} wrap="wrap">
        {[...k.versi].reverse().map((v) => (
          <Group key={v.versi} gap={2} wrap="nowrap" data-testid="kb-versi" data-versi={v.versi}>
            <Badge size="sm" variant="outline" color="gray" tt="none">
              v{v.versi}
            </Badge>
            <StatusBadge status={v.status} />
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** A green dot: the active version's dates include the as-of date. */
function DalamMasa({ tanggal }: { tanggal: string }) {
  const { t, lang } = useI18n();
  return (
    <Text size="xs" c="green.8" mt={4} data-testid="kb-dalam-masa">
      ● {t('kb.dalamMasa', { tanggal: fmtTanggal(tanggal, lang) })}
    </Text>
  );
}

/** Kebijakan: every policy with its letter, validity in plain words, versions and their status. */
export function KebijakanListPage() {
  const me = useMe();
  const { t, lang, pick } = useI18n();
  const { tanggal } = useAsOf();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const canWrite = hasRole(me, KEBIJAKAN_WRITE_ROLES);
  const list = useDaftarKebijakan();
  const perTanggal = tanggal || todayIn(me.pemda.zona_waktu);
  const rows = list.data ? [...list.data].sort((a, b) => b.tanggal.localeCompare(a.tanggal)) : [];
  const berlaku = (k: KebijakanRingkas) => pick(uraikanBerlaku({ berlaku: k.berlaku } as Kebijakan));
  const aktifPer = (k: KebijakanRingkas) => k.versi_aktif !== null && dalamMasaBerlaku(k.berlaku, perTanggal);
  const bukaLink = (k: KebijakanRingkas) => `/kebijakan/${encodeURIComponent(k.id)}`;

  return (
    <Stack gap="md" data-testid="page-kebijakan">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Box>
          <Title order={2}>{t('kb.judul')}</Title>
          <Text size="sm" c="dimmed">
            {t(canWrite ? 'kb.bisaUbah' : 'kb.bacaSaja')}
          </Text>
        </Box>
        <Group gap="sm" align="flex-end">
          <AsOfInput effective={perTanggal} />
          {list.data && (
            <Text size="sm" c="dimmed" data-testid="kb-ringkas">
              {t('kb.ringkas', { n: list.data.length })}
            </Text>
          )}
          {canWrite && (
            <Button component={Link} to="/kebijakan/baru" data-testid="kb-baru">
              {t('kb.baru')}
            </Button>
          )}
        </Group>
      </Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && !list.data && <Loading />}
      {list.data && rows.length === 0 && (
        <Card withBorder padding="lg" data-testid="kb-kosong">
          <Text c="dimmed">{t('kb.kosong')}</Text>
        </Card>
      )}
      {rows.length > 0 && narrow && (
        <Stack gap="sm" data-testid="kb-list">
          {rows.map((k) => (
            <Card key={k.id} withBorder padding="sm" data-testid="kb-row" data-id={k.id}>
              <Anchor component={Link} to={bukaLink(k)} fw={600} size="sm" data-testid="kb-judul">
                {k.judul}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {k.id}
              </Text>
              <Text size="sm" mt={4}>
                {`No. ${k.nomor} · ${fmtTanggal(k.tanggal, lang)}`}
              </Text>
              <Text size="sm" c="dimmed">
                {k.penandatangan.jabatan}
              </Text>
              <Text size="sm" mt={4} data-testid="kb-berlaku">
                {berlaku(k)}
              </Text>
              {aktifPer(k) && <DalamMasa tanggal={perTanggal} />}
              <Box mt={6}>
                <VersiBadges k={k} />
              </Box>
            </Card>
          ))}
        </Stack>
      )}
      {rows.length > 0 && !narrow && (
        <Table.ScrollContainer minWidth={1040}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="kb-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={260}>{t('kb.kolom.judul')}</Table.Th>
                <Table.Th w={140}>{t('kb.kolom.nomor')}</Table.Th>
                <Table.Th w={130}>{t('kb.kolom.tanggal')}</Table.Th>
                <Table.Th w={140}>{t('kb.kolom.penandatangan')}</Table.Th>
                <Table.Th w={220}>{t('kb.kolom.berlaku')}</Table.Th>
                <Table.Th w={150}>{t('kb.kolom.versi')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((k) => (
                <Table.Tr
                  key={k.id}
                  className="sigap-row-link"
                  onClick={(e) => {
                    if (!(e.target as HTMLElement).closest('a')) void navigate(bukaLink(k));
                  }}
                  data-testid="kb-row"
                  data-id={k.id}
                >
                  <Table.Td>
                    <Anchor component={Link} to={bukaLink(k)} fw={600} size="sm" data-testid="kb-judul">
                      {k.judul}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {k.id}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {k.nomor}
                  </Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} data-testid="kb-tanggal">
                    {fmtTanggal(k.tanggal, lang)}
                  </Table.Td>
                  <Table.Td fz="sm">{k.penandatangan.jabatan}</Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="kb-berlaku">
                      {berlaku(k)}
                    </Text>
                    {aktifPer(k) && <DalamMasa tanggal={perTanggal} />}
                  </Table.Td>
                  <Table.Td>
                    <VersiBadges k={k} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
