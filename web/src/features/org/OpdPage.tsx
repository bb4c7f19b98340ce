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
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AsOfInput } from '../../components/AsOfInput';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { OpdBadges } from '../../components/OpdBadges';
import { useAsOf } from '../../lib/as-of';
import { fmtAngka, fmtKoordinat, fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { LABEL_JENIS_OPD, LABEL_SEKTOR, labelOf, sektorColor } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { Nonaktifkan } from '../pegawai/UbahPegawai';
import { OpdMap } from './OpdMap';
import { useOpdDetail, useOpdTree } from './org.api';
import { TempatAbsenTambahan, useTempatAbsen } from './TempatAbsen';
import { ancestorsOf, indexOpd, sourceOf } from './tree';
import { UbahOpd } from './UbahOpd';

/** One OPD or unit: identity, inherited attributes, units, head count, history and the office map. */
export function OpdPage() {
  const { kode = '' } = useParams();
  const { t, lang } = useI18n();
  const { tanggal } = useAsOf();
  const detail = useOpdDetail(kode, tanggal);
  const tree = useOpdTree(tanggal);
  const idx = useMemo(() => (tree.data ? indexOpd(tree.data.opd) : null), [tree.data]);
  const d = detail.data;
  const me = useMe();
  const navigate = useNavigate();
  /** OPDs are the registry: only Pemda and BKPSDM admins change them (docs/roles.md). */
  const bolehUbah = hasRole(me, ['pemda_admin', 'bkpsdm_admin']);
  const [dialog, setDialog] = useState<'ubah' | 'nonaktif' | null>(null);
  /** Extra check-in places: `perangkat.manage` (Pemda admin; OPD admin for their OPD/units). */
  const bolehTempat = hasRole(me, ['pemda_admin', 'opd_admin']);
  const tempat = useTempatAbsen(kode, bolehTempat);

  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!d) return <Loading />;

  const kelasSrc = idx ? sourceOf(idx, d.kode, (n) => n.kelas_layanan !== null) : null;
  const sektorSrc = idx ? sourceOf(idx, d.kode, (n) => n.sektor.length > 0) : null;
  const lokasiSrc = idx ? sourceOf(idx, d.kode, (n) => n.lat !== null && n.lng !== null) : null;
  const ancestors = idx ? ancestorsOf(idx, d.kode) : [];
  const induk = d.induk_kode ? idx?.byKode.get(d.induk_kode) : undefined;
  const namaOf = (k: string) => idx?.byKode.get(k)?.nama ?? k;

  const origin = (src: typeof kelasSrc, fallbackDefault: boolean) => {
    // Until the tree is in, the origin is unknown: say nothing rather than "default".
    if (!idx) return '';
    if (src?.kode === d.kode) return t('opd.milikSendiri');
    if (src) return t('opd.diwarisiDari', { kode: `${src.nama} (${src.kode})` });
    return fallbackDefault ? t('opd.bawaan') : '';
  };

  const { lat, lng, radius_m: radiusM } = d.efektif;
  const hasLocation = lat !== null && lng !== null;

  return (
    <Stack gap="md" data-testid="page-opd">
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/organisasi" size="sm">
          {t('nav.organisasi')}
        </Anchor>
        {ancestors.map((a) => (
          <Anchor key={a.kode} component={Link} to={`/opd/${encodeURIComponent(a.kode)}`} size="sm">
            {a.kode}
          </Anchor>
        ))}
        <Text size="sm">{d.kode}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <Title order={2} data-testid="opd-nama">
            {d.nama}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" ff="monospace" data-testid="opd-kode">
              {d.kode}
            </Badge>
            <Text size="sm" c="dimmed">
              {labelOf(LABEL_JENIS_OPD, d.jenis, lang)}
            </Text>
            <OpdBadges node={d} />
          </Group>
        </Box>
        <Group gap="xs" align="flex-end">
          {bolehUbah && tree.data && (
            <>
              <Button variant="light" onClick={() => setDialog('ubah')} data-testid="opd-ubah">
                {t('ubah.ubah')}
              </Button>
              <Button
                variant="light"
                color="red"
                onClick={() => setDialog('nonaktif')}
                data-testid="opd-nonaktifkan"
              >
                {t('ubah.nonaktifkan')}
              </Button>
            </>
          )}
          <AsOfInput effective={tree.data?.tanggal} />
        </Group>
      </Group>
      {dialog === 'ubah' && tree.data && (
        <UbahOpd
          d={d}
          opd={tree.data.opd}
          hariIni={tree.data.tanggal}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog === 'nonaktif' && tree.data && (
        <Nonaktifkan
          sasaran={{ opd: d.kode }}
          judul={t('ubah.nonaktifJudulOpd')}
          tanya={t('ubah.nonaktifOpdTanya', { nama: `${d.nama} (${d.kode})` })}
          hariIni={tree.data.tanggal}
          opened
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void navigate('/organisasi');
          }}
        />
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('opd.identitas')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Field label={t('opd.kode')}>
              <Text ff="monospace">{d.kode}</Text>
            </Field>
            <Field label={t('opd.jenis')}>
              <Text>{labelOf(LABEL_JENIS_OPD, d.jenis, lang)}</Text>
            </Field>
            <Field label={t('opd.induk')}>
              {d.induk_kode ? (
                <Anchor component={Link} to={`/opd/${encodeURIComponent(d.induk_kode)}`}>
                  {induk ? `${induk.nama} (${d.induk_kode})` : d.induk_kode}
                </Anchor>
              ) : (
                <Text>{t('opd.tingkatAtas')}</Text>
              )}
            </Field>
            <Field label={t('opd.opdInduk')}>
              <Text>{namaOf(d.efektif.opd_induk_kode)}</Text>
            </Field>
            <Field label={t('opd.kelasLayanan')} testid="opd-kelas">
              <Text>
                {t(
                  d.efektif.kelas_layanan === 'pelayanan' ? 'org.kelas.pelayanan' : 'org.kelas.non_pelayanan',
                )}
              </Text>
              <Text size="xs" c="dimmed" data-testid="opd-kelas-asal">
                {origin(kelasSrc, true)}
              </Text>
            </Field>
            <Field label={t('opd.sektor')} testid="opd-sektor">
              {d.efektif.sektor.length === 0 ? (
                <Text>{t('opd.sektorKosong')}</Text>
              ) : (
                <Group gap={4}>
                  {d.efektif.sektor.map((s) => (
                    <Badge key={s} color={sektorColor(s)} variant="light">
                      {labelOf(LABEL_SEKTOR, s, lang)}
                    </Badge>
                  ))}
                </Group>
              )}
              {d.efektif.sektor.length > 0 && (
                <Text size="xs" c="dimmed">
                  {origin(sektorSrc, false)}
                </Text>
              )}
            </Field>
            <Field label={t('opd.jumlahPegawai')} testid="opd-jumlah">
              <Text>
                <b>{fmtAngka(d.jumlah_pegawai_subtree, lang)}</b> {t('opd.jumlahSubtree')}
              </Text>
              <Text size="xs" c="dimmed">
                {fmtAngka(d.jumlah_pegawai, lang)} {t('opd.jumlahSendiri')}
              </Text>
            </Field>
            <Box>
              <Button
                component={Link}
                to={`/pegawai?opd=${encodeURIComponent(d.kode)}`}
                variant="light"
                size="xs"
                mt="xs"
              >
                {t('opd.lihatPegawai')}
              </Button>
            </Box>
          </SimpleGrid>
        </Card>

        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('opd.kantor')}
          </Title>
          {hasLocation ? (
            <Stack gap="xs">
              <Group gap="xl" wrap="wrap" data-testid="opd-coords">
                <Field label={t('opd.koordinat')}>
                  <Text ff="monospace" data-testid="opd-latlng">
                    {fmtKoordinat(lat, lng)}
                  </Text>
                </Field>
                <Field label={t('opd.radius')}>
                  <Text data-testid="opd-radius">
                    {radiusM !== null ? t('umum.meter', { n: fmtAngka(radiusM, lang) }) : t('umum.kosong')}
                  </Text>
                </Field>
              </Group>
              {lokasiSrc && lokasiSrc.kode !== d.kode && (
                <Text size="xs" c="dimmed">
                  {t('opd.lokasiDiwarisi', { kode: `${lokasiSrc.nama} (${lokasiSrc.kode})` })}
                </Text>
              )}
              <OpdMap
                lat={lat}
                lng={lng}
                radiusM={radiusM}
                label={`${d.nama} — ${fmtKoordinat(lat, lng)}`}
                tambahan={(tempat.data ?? []).filter((x) => x.aktif)}
              />
              <Text size="xs" c="dimmed">
                {t('opd.petaCatatan')}
              </Text>
            </Stack>
          ) : (
            <Text c="dimmed" data-testid="opd-coords">
              {t('opd.lokasiKosong')}
            </Text>
          )}
        </Card>
      </SimpleGrid>

      {bolehTempat && <TempatAbsenTambahan opdKode={d.kode} />}

      <Card withBorder padding="md">
        <Title order={4} mb="sm">
          {t('opd.unit')} ({fmtAngka(d.anak.length, lang)})
        </Title>
        {d.anak.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('opd.unitKosong')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover data-testid="opd-anak">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('opd.kode')}</Table.Th>
                  <Table.Th>{t('opd.nama')}</Table.Th>
                  <Table.Th>{t('opd.kelasLayanan')}</Table.Th>
                  <Table.Th ta="right">{t('opd.jumlahPegawai')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.anak.map((a) => (
                  <Table.Tr key={a.kode}>
                    <Table.Td ff="monospace">{a.kode}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/opd/${encodeURIComponent(a.kode)}`} size="sm">
                        {a.nama}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <OpdBadges node={a} size="xs" />
                    </Table.Td>
                    <Table.Td ta="right">
                      {fmtAngka(idx?.subtreeCount.get(a.kode) ?? a.jumlah_pegawai, lang)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder padding="md">
        <Title order={4} mb="sm">
          {t('opd.riwayat')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="opd-riwayat">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opd.berlakuDari')}</Table.Th>
                <Table.Th>{t('opd.berlakuSampai')}</Table.Th>
                <Table.Th>{t('opd.nama')}</Table.Th>
                <Table.Th>{t('opd.induk')}</Table.Th>
                <Table.Th>{t('opd.kelasLayanan')}</Table.Th>
                <Table.Th>{t('opd.sektor')}</Table.Th>
                <Table.Th>{t('opd.lokasi')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.riwayat.map((r) => (
                <Table.Tr key={r.berlaku_dari}>
                  <Table.Td>{fmtTanggal(r.berlaku_dari, lang)}</Table.Td>
                  <Table.Td>
                    {r.berlaku_sampai ? fmtTanggal(r.berlaku_sampai, lang) : t('umum.sekarang')}
                  </Table.Td>
                  <Table.Td>{r.nama}</Table.Td>
                  <Table.Td ff="monospace">{r.induk_kode ?? t('umum.kosong')}</Table.Td>
                  <Table.Td>
                    {r.kelas_layanan
                      ? t(r.kelas_layanan === 'pelayanan' ? 'org.kelas.pelayanan' : 'org.kelas.non_pelayanan')
                      : t('umum.kosong')}
                  </Table.Td>
                  <Table.Td>
                    {r.sektor.length
                      ? r.sektor.map((s) => labelOf(LABEL_SEKTOR, s, lang)).join(', ')
                      : t('umum.kosong')}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {r.lat !== null && r.lng !== null
                      ? `${fmtKoordinat(r.lat, r.lng)}${r.radius_m !== null ? ` · ${r.radius_m} m` : ''}`
                      : t('umum.kosong')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
