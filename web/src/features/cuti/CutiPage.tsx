import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { CUTI_COLUMNS, JENIS_CUTI, type JenisCuti, LABEL_JENIS_CUTI } from '@sigap/domain';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtAngka, fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { CUTI_MANAGE_ROLES, JADWAL_READ_ROLES } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { labelPeriode } from '../jadwal/jadwal';
import {
  useAjukanCuti,
  useBatalCuti,
  useCatatCuti,
  useDaftarCuti,
  useImporCuti,
  usePutusCuti,
} from './cuti.api';
import type { CutiItem, HasilCatat, HasilImporCuti, JadwalTercatat, StatusCuti } from './types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATUS_WARNA: Record<StatusCuti, string> = {
  diajukan: 'yellow',
  disetujui: 'green',
  ditolak: 'red',
  dibatalkan: 'gray',
};

function StatusBadge({ status }: { status: StatusCuti }) {
  const { t } = useI18n();
  return (
    <Badge
      color={STATUS_WARNA[status] ?? 'gray'}
      variant="light"
      data-testid="cuti-status"
      data-status={status}
    >
      {t(`cuti.status.${status}`)}
    </Badge>
  );
}

/** "27–28 Agustus 2020" or one date. */
function Periode({ dari, sampai }: { dari: string; sampai: string }) {
  const { lang } = useI18n();
  return <span style={{ whiteSpace: 'nowrap' }}>{labelPeriode(dari, sampai, lang)}</span>;
}

/** The note, or the health-data mark when the server withheld it. */
function Keterangan({ k }: { k: string | null }) {
  const { t } = useI18n();
  if (k === null) {
    return (
      <Text size="sm" fs="italic" c="dimmed" data-testid="cuti-rahasia">
        {t('cuti.dirahasiakan')}
      </Text>
    );
  }
  return <Text size="sm">{k || t('umum.kosong')}</Text>;
}

/** The schedule effect of a decision or an entry, in words. */
function efekJadwal(t: ReturnType<typeof useI18n>['t'], j: JadwalTercatat | null): string {
  if (!j) return t('cuti.jadwalBelumAda');
  return t(j.terbit ? 'cuti.jadwalTerbit' : 'cuti.jadwalDraf', { n: j.sel });
}

const jenisOpsi = (lang: 'id' | 'en') =>
  JENIS_CUTI.map((j) => ({ value: j, label: LABEL_JENIS_CUTI[j][lang] }));

/** jenis + dari + sampai + keterangan, shared by the request and the entry forms. */
function IsianCuti({
  jenis,
  setJenis,
  dari,
  setDari,
  sampai,
  setSampai,
  ket,
  setKet,
  prefix,
  untukOrangLain = false,
}: {
  untukOrangLain?: boolean;
  jenis: JenisCuti;
  setJenis: (j: JenisCuti) => void;
  dari: string;
  setDari: (v: string) => void;
  sampai: string;
  setSampai: (v: string) => void;
  ket: string;
  setKet: (v: string) => void;
  prefix: string;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <Select
        label={t('cuti.jenis')}
        data={jenisOpsi(lang)}
        value={jenis}
        onChange={(v) => v && setJenis(v as JenisCuti)}
        allowDeselect={false}
        data-testid={`${prefix}-jenis`}
      />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          type="date"
          label={t('jd.dari')}
          value={dari}
          onChange={(e) => setDari(e.currentTarget.value)}
          required
          data-testid={`${prefix}-dari`}
        />
        <TextInput
          type="date"
          label={t('jd.sampai')}
          value={sampai}
          onChange={(e) => setSampai(e.currentTarget.value)}
          required
          error={dari && sampai && sampai < dari ? t('jd.periodeTerbalik') : undefined}
          data-testid={`${prefix}-sampai`}
        />
      </SimpleGrid>
      <Textarea
        label={t('cuti.keterangan')}
        value={ket}
        onChange={(e) => setKet(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={2}
        description={
          jenis === 'cuti_sakit' || jenis === 'isolasi'
            ? t(untukOrangLain ? 'cuti.keteranganKesehatanOrang' : 'cuti.keteranganKesehatan')
            : undefined
        }
        data-testid={`${prefix}-keterangan`}
      />
    </>
  );
}

// ─── My requests ─────────────────────────────────────────────────────────────────────────────────

function PengajuanSaya() {
  const { t, lang } = useI18n();
  const list = useDaftarCuti('saya');
  const ajukan = useAjukanCuti();
  const tarik = useBatalCuti();
  const [jenis, setJenis] = useState<JenisCuti>('cuti_tahunan');
  const [dari, setDari] = useState('');
  const [sampai, setSampai] = useState('');
  const [ket, setKet] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [sibuk, setSibuk] = useState<string | null>(null);

  const kirim = (e: FormEvent) => {
    e.preventDefault();
    setSibuk('kirim');
    setGalat(null);
    ajukan
      .mutateAsync({ jenis, dari, sampai, keterangan: ket.trim() || undefined })
      .then(() => {
        notifications.show({ color: 'green', message: t('cuti.terkirim') });
        setDari('');
        setSampai('');
        setKet('');
        setSibuk(null);
      })
      .catch((err: unknown) => {
        setGalat(keApiError(err));
        setSibuk(null);
      });
  };
  const batal = (c: CutiItem) => {
    setSibuk(c.id);
    tarik
      .mutateAsync(c.id)
      .then(() => {
        notifications.show({ color: 'gray', message: t('cuti.ditarik') });
        setSibuk(null);
      })
      .catch((err: unknown) => {
        notifications.show({ color: 'red', message: keApiError(err).message });
        setSibuk(null);
      });
  };
  const rows = list.data ?? [];

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Card withBorder padding="md">
          <form onSubmit={kirim} data-testid="ajukan-form">
            <Stack gap="sm">
              <Title order={4}>{t('cuti.ajukan')}</Title>
              <IsianCuti
                {...{ jenis, setJenis, dari, setDari, sampai, setSampai, ket, setKet }}
                prefix="ajukan"
              />
              {galat && (
                <Alert color="red" variant="light" data-testid="ajukan-galat">
                  {galat.message}
                </Alert>
              )}
              <Button
                type="submit"
                loading={sibuk === 'kirim'}
                disabled={!dari || !sampai}
                data-testid="ajukan-kirim"
              >
                {t('cuti.kirim')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('cuti.ajukanBantuan')}
              </Text>
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Title order={4} mb="xs">
          {t('cuti.riwayatSaya')}
        </Title>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isLoading && !list.data && <Loading />}
        {list.data && rows.length === 0 && (
          <Text c="dimmed" data-testid="saya-cuti-kosong">
            {t('cuti.belumAda')}
          </Text>
        )}
        <Stack gap="xs" data-testid="saya-cuti">
          {rows.map((c) => (
            <Card key={c.id} withBorder padding="sm" data-testid="saya-cuti-item" data-id={c.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Box style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{LABEL_JENIS_CUTI[c.jenis]?.[lang] ?? c.jenis}</Text>
                    <StatusBadge status={c.status} />
                  </Group>
                  <Text size="sm">
                    <Periode dari={c.dari} sampai={c.sampai} />
                  </Text>
                  {c.keterangan && (
                    <Text size="sm" c="dimmed">
                      {c.keterangan}
                    </Text>
                  )}
                  {c.diputus_oleh && c.status !== 'diajukan' && c.status !== 'dibatalkan' && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('cuti.diputusOleh', { oleh: c.diputus_oleh })}
                      {c.catatan_putusan ? ` — “${c.catatan_putusan}”` : ''}
                    </Text>
                  )}
                </Box>
                {c.boleh_batal && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={sibuk === c.id}
                    onClick={() => batal(c)}
                    data-testid="cuti-tarik"
                  >
                    {t('cuti.tarik')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

// ─── Waiting for my decision ─────────────────────────────────────────────────────────────────────

function PutusanModal({ c, setuju, onClose }: { c: CutiItem; setuju: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const putusCuti = usePutusCuti();
  const putus = () => {
    setSibuk(true);
    setGalat(null);
    putusCuti
      .mutateAsync({ id: c.id, setuju, catatan: catatan.trim() || undefined })
      .then((r) => {
        notifications.show({
          color: setuju ? 'green' : 'gray',
          title: t(setuju ? 'cuti.disetujui' : 'cuti.ditolak', { nama: c.pegawai.nama }),
          message: setuju ? efekJadwal(t, r.jadwal) : '',
        });
        onClose();
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(false);
      });
  };
  return (
    <Modal opened onClose={onClose} title={t(setuju ? 'cuti.setujuiJudul' : 'cuti.tolakJudul')}>
      <Stack gap="sm" data-testid="putusan-modal">
        <Text size="sm">
          <b>{c.pegawai.nama}</b> ({c.pegawai.key}) — {LABEL_JENIS_CUTI[c.jenis]?.[lang] ?? c.jenis},{' '}
          <Periode dari={c.dari} sampai={c.sampai} />
        </Text>
        <Textarea
          label={t('cuti.catatanPutusan')}
          value={catatan}
          onChange={(e) => setCatatan(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-testid="putusan-catatan"
        />
        {setuju && (
          <Text size="xs" c="dimmed">
            {t('cuti.setujuiBantuan')}
          </Text>
        )}
        {galat && <ErrorAlert error={galat} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('umum.batal')}
          </Button>
          <Button
            color={setuju ? 'green' : 'red'}
            onClick={putus}
            loading={sibuk}
            data-testid="putusan-kirim"
          >
            {t(setuju ? 'cuti.setujui' : 'cuti.tolak')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Persetujuan() {
  const list = useDaftarCuti('persetujuan');
  const { t, lang } = useI18n();
  const [putus, setPutus] = useState<{ c: CutiItem; setuju: boolean } | null>(null);
  const rows = list.data ?? [];
  return (
    <Stack gap="xs" data-testid="persetujuan">
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && !list.data && <Loading />}
      {list.data && rows.length === 0 && (
        <Text c="dimmed" data-testid="persetujuan-kosong">
          {t('cuti.tidakAdaMenunggu')}
        </Text>
      )}
      {rows.map((c) => (
        <Card
          key={c.id}
          withBorder
          padding="sm"
          data-testid="persetujuan-item"
          data-id={c.id}
          data-key={c.pegawai.key}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Box style={{ minWidth: 0 }}>
              <Text fw={600}>
                {c.pegawai.nama}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {c.pegawai.key} · {c.pegawai.opd_kode}
                </Text>
              </Text>
              <Text size="sm">
                {LABEL_JENIS_CUTI[c.jenis]?.[lang] ?? c.jenis} · <Periode dari={c.dari} sampai={c.sampai} />
              </Text>
              <Keterangan k={c.keterangan} />
              <Text size="xs" c="dimmed">
                {t('cuti.diajukanOleh', { oleh: c.diajukan_oleh })}
              </Text>
            </Box>
            {c.boleh_putus && (
              <Group gap="xs">
                <Button
                  size="xs"
                  color="green"
                  onClick={() => setPutus({ c, setuju: true })}
                  data-testid="cuti-setujui"
                >
                  {t('cuti.setujui')}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  onClick={() => setPutus({ c, setuju: false })}
                  data-testid="cuti-tolak"
                >
                  {t('cuti.tolak')}
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      {putus && <PutusanModal c={putus.c} setuju={putus.setuju} onClose={() => setPutus(null)} />}
    </Stack>
  );
}

// ─── Entry and import by OPD admins ──────────────────────────────────────────────────────────────

function CatatForm() {
  const catat = useCatatCuti();
  const { t } = useI18n();
  const [nip, setNip] = useState('');
  const [jenis, setJenis] = useState<JenisCuti>('cuti_sakit');
  const [dari, setDari] = useState('');
  const [sampai, setSampai] = useState('');
  const [ket, setKet] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [hasil, setHasil] = useState<HasilCatat | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const kirim = (e: FormEvent) => {
    e.preventDefault();
    setSibuk(true);
    setGalat(null);
    setHasil(null);
    catat
      .mutateAsync({ key: nip.trim(), jenis, dari, sampai, keterangan: ket.trim() || undefined })
      .then((r) => {
        setHasil(r);
        setSibuk(false);
        setNip('');
        setKet('');
      })
      .catch((err: unknown) => {
        setGalat(keApiError(err));
        setSibuk(false);
      });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={kirim} data-testid="catat-form">
        <Stack gap="sm">
          <Title order={4}>{t('cuti.catat')}</Title>
          <Text size="sm" c="dimmed">
            {t('cuti.catatBantuan')}
          </Text>
          <TextInput
            label={t('cuti.nip')}
            value={nip}
            onChange={(e) => setNip(e.currentTarget.value)}
            required
            maxLength={40}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="catat-nip"
          />
          <IsianCuti
            {...{ jenis, setJenis, dari, setDari, sampai, setSampai, ket, setKet }}
            prefix="catat"
            untukOrangLain
          />
          {galat && (
            <Alert color="red" variant="light" data-testid="catat-galat">
              {galat.message}
            </Alert>
          )}
          {hasil && (
            <Alert color="green" variant="light" data-testid="catat-hasil">
              {t('cuti.tercatat')} {efekJadwal(t, hasil.jadwal)}
            </Alert>
          )}
          <Button
            type="submit"
            loading={sibuk}
            disabled={!nip.trim() || !dari || !sampai}
            data-testid="catat-kirim"
          >
            {t('cuti.catatTombol')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

const TEMPLAT = `${CUTI_COLUMNS.join(',')}\n199001012015031001,cuti_tahunan,2026-01-05,2026-01-06,Keperluan keluarga\n`;

function ImporCuti() {
  const imporCuti = useImporCuti();
  const { t, lang, pick } = useI18n();
  const [berkas, setBerkas] = useState<File | null>(null);
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [hasil, setHasil] = useState<HasilImporCuti | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const impor = () => {
    if (!berkas) return;
    setSibuk(true);
    setGalat(null);
    setHasil(null);
    const xlsx = berkas.name.toLowerCase().endsWith('.xlsx');
    imporCuti
      .mutateAsync({ berkas, contentType: xlsx ? XLSX_TYPE : 'text/csv' })
      .then((r) => {
        setHasil(r);
        setSibuk(false);
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(false);
      });
  };
  return (
    <Card withBorder padding="md" data-testid="impor-cuti">
      <Stack gap="sm">
        <Title order={4}>{t('cuti.impor')}</Title>
        <Text size="sm" c="dimmed">
          {t('cuti.imporBantuan', { kolom: CUTI_COLUMNS.join(', ') })}
        </Text>
        <Anchor
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLAT)}`}
          download="cuti-templat.csv"
          size="sm"
        >
          {t('cuti.templat')}
        </Anchor>
        <FileInput
          label={t('cuti.berkas')}
          placeholder={t('impor.pilihBerkas')}
          accept=".csv,.xlsx,text/csv"
          value={berkas}
          onChange={setBerkas}
          clearable
          data-testid="impor-cuti-berkas"
        />
        <Button onClick={impor} disabled={!berkas} loading={sibuk} data-testid="impor-cuti-kirim">
          {t('cuti.imporTombol')}
        </Button>
        {hasil && (
          <Alert color="green" variant="light" data-testid="impor-cuti-hasil">
            {t('cuti.imporBerhasil', { n: fmtAngka(hasil.jumlah, lang) })} {efekJadwal(t, hasil.jadwal)}
          </Alert>
        )}
        {galat && (
          <Alert color="red" variant="light" title={t('cuti.imporGagal')} data-testid="impor-cuti-galat">
            <Text size="sm">{galat.message}</Text>
          </Alert>
        )}
        {galat && galat.issues.length > 0 && (
          <Table striped withTableBorder fz="sm" data-testid="impor-cuti-masalah">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>{t('impor.baris')}</Table.Th>
                <Table.Th w={96}>{t('impor.kolom')}</Table.Th>
                <Table.Th>{t('impor.keterangan')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {galat.issues.map((i) => (
                <Table.Tr
                  key={`${i.baris}|${i.kolom}|${i.kode}`}
                  data-testid="impor-cuti-masalah-baris"
                  data-kode={i.kode}
                >
                  <Table.Td>{i.baris}</Table.Td>
                  <Table.Td ff="monospace">{i.kolom ?? t('umum.kosong')}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{pick(i.pesan)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

// ─── The register ────────────────────────────────────────────────────────────────────────────────

const BATAS_TAMPIL = 300;

function Daftar() {
  const me = useMe();
  const { t, lang } = useI18n();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const [status, setStatus] = useState<'' | StatusCuti>('');
  const [cari, setCari] = useState('');
  const list = useDaftarCuti('semua', status);
  const q = cari.trim().toLowerCase();
  const rows = useMemo(
    () =>
      (list.data ?? []).filter(
        (c) =>
          !q ||
          c.pegawai.nama.toLowerCase().includes(q) ||
          c.pegawai.key.includes(q) ||
          c.pegawai.opd_kode.toLowerCase().includes(q),
      ),
    [list.data, q],
  );
  const jenisLabel = (c: CutiItem) => LABEL_JENIS_CUTI[c.jenis]?.[lang] ?? c.jenis;
  return (
    <Stack gap="sm" data-testid="daftar-cuti">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as '' | StatusCuti)}
          data={[
            { value: '', label: t('umum.semua') },
            ...(['diajukan', 'disetujui', 'ditolak', 'dibatalkan'] as const).map((s) => ({
              value: s,
              label: t(`cuti.status.${s}`),
            })),
          ]}
          data-testid="daftar-status"
        />
        <TextInput
          placeholder={t('cuti.cari')}
          value={cari}
          onChange={(e) => setCari(e.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 260 }}
          data-testid="daftar-cari"
        />
        {list.data && (
          <Text size="sm" c="dimmed" data-testid="daftar-jumlah">
            {t('cuti.jumlah', { n: fmtAngka(rows.length, lang) })}
          </Text>
        )}
      </Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && !list.data && <Loading />}
      {narrow ? (
        <Stack gap="xs">
          {rows.slice(0, BATAS_TAMPIL).map((c) => (
            <Card key={c.id} withBorder padding="sm" data-testid="daftar-baris">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600} size="sm">
                  {c.pegawai.nama}
                </Text>
                <StatusBadge status={c.status} />
              </Group>
              <Text size="xs" c="dimmed" ff="monospace">
                {c.pegawai.key} · {c.pegawai.opd_kode}
              </Text>
              <Text size="sm">
                {jenisLabel(c)} · <Periode dari={c.dari} sampai={c.sampai} />
              </Text>
              <Keterangan k={c.keterangan} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover fz="sm" verticalSpacing={6} data-testid="daftar-tabel">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={220}>{t('cuti.kolom.pegawai')}</Table.Th>
                <Table.Th w={140}>{t('cuti.kolom.opd')}</Table.Th>
                <Table.Th w={150}>{t('cuti.jenis')}</Table.Th>
                <Table.Th>{t('cuti.kolom.periode')}</Table.Th>
                <Table.Th w={120}>{t('cuti.kolom.status')}</Table.Th>
                <Table.Th>{t('cuti.keterangan')}</Table.Th>
                <Table.Th w={170}>{t('cuti.kolom.putusan')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, BATAS_TAMPIL).map((c) => (
                <Table.Tr key={c.id} data-testid="daftar-baris" data-jenis={c.jenis}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {c.pegawai.nama}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {c.pegawai.key}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {c.pegawai.opd_kode}
                  </Table.Td>
                  <Table.Td>{jenisLabel(c)}</Table.Td>
                  <Table.Td>
                    <Periode dari={c.dari} sampai={c.sampai} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <Keterangan k={c.keterangan} />
                  </Table.Td>
                  <Table.Td>
                    {c.diputus_pada ? (
                      <>
                        <Text size="xs">{c.diputus_oleh}</Text>
                        <Text size="xs" c="dimmed">
                          {fmtWaktu(c.diputus_pada, me.pemda.zona_waktu, lang)}
                        </Text>
                      </>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('umum.kosong')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rows.length > BATAS_TAMPIL && (
        <Text size="xs" c="dimmed">
          {t('cuti.dipotong', { n: BATAS_TAMPIL })}
        </Text>
      )}
    </Stack>
  );
}

// ─── The page ────────────────────────────────────────────────────────────────────────────────────

function Label({ children, n }: { children: ReactNode; n?: number }) {
  return (
    <Group gap={6} wrap="nowrap">
      {children}
      {n ? (
        <Badge size="sm" circle color="red" data-testid="persetujuan-jumlah">
          {n}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * Cuti & izin: my requests (ask, withdraw), requests waiting for my decision (approve or refuse with a
 * note), and for OPD admins the entry of approved absences, their import from CSV/XLSX and the register.
 */
export function CutiPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const pengelola = hasRole(me, CUTI_MANAGE_ROLES);
  const pembaca = pengelola || hasRole(me, JADWAL_READ_ROLES);
  const persetujuan = useDaftarCuti('persetujuan');
  const menunggu = (persetujuan.data ?? []).filter((c) => c.boleh_putus).length;

  const tabs = [
    me.pegawai_id ? 'saya' : null,
    'persetujuan',
    pengelola ? 'catat' : null,
    pembaca ? 'daftar' : null,
  ].filter((x): x is string => x !== null);
  const bawaan = menunggu > 0 ? 'persetujuan' : (tabs[0] ?? 'persetujuan');
  const pilihan = params.get('tab');
  const tab = pilihan && tabs.includes(pilihan) ? pilihan : bawaan;

  return (
    <Stack gap="md" data-testid="page-cuti">
      <Box>
        <Title order={2}>{t('cuti.judul')}</Title>
        <Text size="sm" c="dimmed">
          {t('cuti.bantuan')}
        </Text>
      </Box>
      {persetujuan.isLoading && !persetujuan.data ? (
        <Loading />
      ) : (
        <Tabs
          value={tab}
          onChange={(v) => v && setParams({ tab: v }, { replace: true })}
          keepMounted={false}
          data-testid="cuti-tabs"
        >
          <Tabs.List>
            {tabs.includes('saya') && (
              <Tabs.Tab value="saya" data-testid="tab-saya">
                {t('cuti.tab.saya')}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="persetujuan" data-testid="tab-persetujuan">
              <Label n={menunggu}>{t('cuti.tab.persetujuan')}</Label>
            </Tabs.Tab>
            {pengelola && (
              <Tabs.Tab value="catat" data-testid="tab-catat">
                {t('cuti.tab.catat')}
              </Tabs.Tab>
            )}
            {pembaca && (
              <Tabs.Tab value="daftar" data-testid="tab-daftar">
                {t('cuti.tab.daftar')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="saya" pt="md">
            <PengajuanSaya />
          </Tabs.Panel>
          <Tabs.Panel value="persetujuan" pt="md">
            <Persetujuan />
          </Tabs.Panel>
          {pengelola && (
            <Tabs.Panel value="catat" pt="md">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <CatatForm />
                <ImporCuti />
              </SimpleGrid>
            </Tabs.Panel>
          )}
          {pembaca && (
            <Tabs.Panel value="daftar" pt="md">
              <Daftar />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  );
}
