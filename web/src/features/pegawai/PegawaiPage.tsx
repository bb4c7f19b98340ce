import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { LABEL_JABATAN_LEVEL, LABEL_JENIS_PEGAWAI, subtreeIds } from '@sigap/domain';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AsOfInput } from '../../components/AsOfInput';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { useAsOf } from '../../lib/as-of';
import { fmtKoordinat, fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { labelOf } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { useOpdTree } from '../org/org.api';
import { usePegawai } from './pegawai.api';
import { Nonaktifkan, UbahPegawai } from './UbahPegawai';

/** One employee: identity, placement, supervisor, direct reports, contacts and placement history. */
export function PegawaiPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { tanggal } = useAsOf();
  const { data: p, error, refetch } = usePegawai(id, tanggal);
  const tree = useOpdTree(tanggal);
  const namaOpd = useMemo(() => new Map((tree.data?.opd ?? []).map((n) => [n.kode, n.nama])), [tree.data]);
  const me = useMe();
  const [dialog, setDialog] = useState<'ubah' | 'nonaktif' | null>(null);
  /** Whole-Pemda admins change anyone; an OPD admin the people placed in their OPD's subtree. */
  const bolehUbah = useMemo(() => {
    if (hasRole(me, ['pemda_admin', 'bkpsdm_admin'])) return true;
    const opd = tree.data?.opd ?? [];
    const idOf = new Map(opd.map((o) => [o.kode, o.id]));
    const nodes = opd.map((o) => ({
      id: o.id,
      indukId: o.induk_kode ? (idOf.get(o.induk_kode) ?? null) : null,
    }));
    return me.roles.some(
      (r) => r.role === 'opd_admin' && r.opd_id && p?.opd_id && subtreeIds(nodes, r.opd_id).has(p.opd_id),
    );
  }, [me, tree.data, p]);

  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!p) return <Loading />;

  const dash = t('umum.kosong');
  const opdLink = (kode: string | null) =>
    kode ? (
      <Anchor component={Link} to={`/opd/${encodeURIComponent(kode)}`}>
        {namaOpd.get(kode) ? `${namaOpd.get(kode)} (${kode})` : kode}
      </Anchor>
    ) : (
      <Text>{dash}</Text>
    );

  return (
    <Stack gap="md" data-testid="page-pegawai">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/pegawai" size="sm">
          {t('nav.pegawai')}
        </Anchor>
        <Text size="sm">{p.nip ?? p.id_pegawai ?? p.nama}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <Title order={2} data-testid="pegawai-nama">
            {p.nama}
          </Title>
          <Group gap="xs" mt={4}>
            {p.jenis_pegawai && (
              <Badge variant="light">{labelOf(LABEL_JENIS_PEGAWAI, p.jenis_pegawai, lang)}</Badge>
            )}
            {p.jabatan_level && (
              <Badge variant="outline" color="gray">
                {labelOf(LABEL_JABATAN_LEVEL, p.jabatan_level, lang)}
              </Badge>
            )}
            {!p.opd_id && (
              <Badge color="red" variant="light" data-testid="pegawai-tidak-aktif">
                {t('ubah.tidakAktif')}
              </Badge>
            )}
          </Group>
        </Box>
        <Group gap="xs" align="flex-end">
          {bolehUbah && p.opd_id && tree.data && (
            <>
              <Button variant="light" onClick={() => setDialog('ubah')} data-testid="pegawai-ubah">
                {t('ubah.ubah')}
              </Button>
              <Button
                variant="light"
                color="red"
                onClick={() => setDialog('nonaktif')}
                data-testid="pegawai-nonaktifkan"
              >
                {t('ubah.nonaktifkan')}
              </Button>
            </>
          )}
          <AsOfInput effective={tree.data?.tanggal} />
        </Group>
      </Group>
      {dialog === 'ubah' && tree.data && (
        <UbahPegawai
          p={p}
          opd={tree.data.opd}
          hariIni={tree.data.tanggal}
          opened
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog === 'nonaktif' && tree.data && (
        <Nonaktifkan
          sasaran={{ pegawai: p.id }}
          judul={t('ubah.nonaktifJudulPegawai')}
          tanya={t('ubah.nonaktifPegawaiTanya', { nama: p.nama })}
          hariIni={tree.data.tanggal}
          opened
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
          }}
        />
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('pegawai.dataDiri')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            {p.nip !== null && (
              <Field label={t('pegawai.nip')} testid="pegawai-nip">
                <Text ff="monospace">{p.nip}</Text>
              </Field>
            )}
            {p.id_pegawai !== null && (
              <Field label={t('pegawai.idPegawai')} testid="pegawai-id">
                <Text ff="monospace">{p.id_pegawai}</Text>
              </Field>
            )}
            <Field label={t('pegawai.jenis')}>
              <Text>{p.jenis_pegawai ? labelOf(LABEL_JENIS_PEGAWAI, p.jenis_pegawai, lang) : dash}</Text>
            </Field>
            <Field label={t('pegawai.level')}>
              <Text>{p.jabatan_level ? labelOf(LABEL_JABATAN_LEVEL, p.jabatan_level, lang) : dash}</Text>
            </Field>
            <Field label={t('pegawai.jabatan')} testid="pegawai-jabatan">
              <Text>{p.jabatan || dash}</Text>
            </Field>
            <Field label={t('pegawai.unit')} testid="pegawai-unit">
              {opdLink(p.opd_kode)}
              <Text size="xs" c="dimmed">
                {p.berlaku_dari
                  ? t('pegawai.penempatanSejak', { tanggal: fmtTanggal(p.berlaku_dari, lang) })
                  : t('pegawai.tidakDitempatkan')}
              </Text>
            </Field>
            <Field label={t('pegawai.atasan')} testid="pegawai-atasan">
              {p.atasan_id ? (
                <Anchor component={Link} to={`/pegawai/${p.atasan_id}`}>
                  {p.atasan_nama}
                </Anchor>
              ) : (
                <Text>{dash}</Text>
              )}
              {p.atasan_nip && (
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.atasan_nip}
                </Text>
              )}
            </Field>
          </SimpleGrid>
        </Card>

        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('pegawai.kontak')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Field label={t('pegawai.email')} testid="pegawai-email">
              {p.email ? (
                <Anchor href={`mailto:${p.email}`} style={{ overflowWrap: 'anywhere' }}>
                  {p.email}
                </Anchor>
              ) : (
                <Text>{dash}</Text>
              )}
            </Field>
            <Field label={t('pegawai.telepon')} testid="pegawai-telepon">
              {p.telepon ? (
                <Anchor href={`tel:${p.telepon.replace(/[^+0-9]/g, '')}`}>{p.telepon}</Anchor>
              ) : (
                <Text>{dash}</Text>
              )}
            </Field>
            <Field label={t('pegawai.rumah')}>
              <Text ff="monospace" fz="sm">
                {p.rumah_lat !== null && p.rumah_lng !== null ? fmtKoordinat(p.rumah_lat, p.rumah_lng) : dash}
              </Text>
            </Field>
          </SimpleGrid>
          <Title order={5} mt="md" mb="xs">
            {t('pegawai.bawahan')} ({p.bawahan.length})
          </Title>
          {p.bawahan.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('pegawai.bawahanKosong')}
            </Text>
          ) : (
            <Box mah={260} style={{ overflow: 'auto' }}>
              <Table data-testid="pegawai-bawahan" verticalSpacing={4}>
                <Table.Tbody>
                  {p.bawahan.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/pegawai/${b.id}`} size="sm">
                          {b.nama}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="xs" c="dimmed">
                        {b.jabatan}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder padding="md">
        <Title order={4} mb="sm">
          {t('pegawai.riwayat')}
        </Title>
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="pegawai-riwayat">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opd.berlakuDari')}</Table.Th>
                <Table.Th>{t('opd.berlakuSampai')}</Table.Th>
                <Table.Th>{t('pegawai.unit')}</Table.Th>
                <Table.Th>{t('pegawai.jabatan')}</Table.Th>
                <Table.Th>{t('pegawai.level')}</Table.Th>
                <Table.Th>{t('pegawai.jenis')}</Table.Th>
                <Table.Th>{t('pegawai.atasan')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.riwayat.map((r) => (
                <Table.Tr key={r.berlaku_dari} data-testid="riwayat-row">
                  <Table.Td>{fmtTanggal(r.berlaku_dari, lang)}</Table.Td>
                  <Table.Td>
                    {r.berlaku_sampai ? fmtTanggal(r.berlaku_sampai, lang) : t('umum.sekarang')}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/opd/${encodeURIComponent(r.opd_kode)}`}
                      size="sm"
                      ff="monospace"
                    >
                      {r.opd_kode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.jabatan}</Table.Td>
                  <Table.Td>{labelOf(LABEL_JABATAN_LEVEL, r.jabatan_level, lang)}</Table.Td>
                  <Table.Td>{labelOf(LABEL_JENIS_PEGAWAI, r.jenis_pegawai, lang)}</Table.Td>
                  <Table.Td>{r.atasan_nama ?? dash}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
