import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { STATUS_KEHADIRAN, type StatusKehadiran } from '@sigap/domain';
import {
  HariKehadiran,
  type HasilImporLog,
  HasilImporLog as SkemaImporLog,
} from '@sigap/domain/api/kehadiran';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { apiQuery, keApiError, uploadFile } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { IMPORT_ROLES, KEHADIRAN_READ_ROLES } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { useOpdPilihan } from '../jadwal/use-opd-pilihan';

// Each person's day (issue 10 item 7; docs/kehadiran.md "Status harian dan rekap"): the OPD admin's daily
// view of their people (a unit head: their unit; an employee: themselves), counts per status, the reasons in
// words; the monthly recap as XLSX or CSV; and, for those who import them, terminal logs.

export const WARNA_STATUS: Record<StatusKehadiran, string> = {
  HADIR: 'green',
  TIDAK_HADIR: 'red',
  WFH_PATUH: 'teal',
  WFH_TIDAK_PATUH: 'orange',
  WFH_BELUM_DINILAI: 'gray',
  DINAS_LUAR: 'blue',
  CUTI: 'violet',
  SAKIT: 'grape',
  ISOLASI: 'pink',
  LIBUR: 'gray',
  BELUM_SELESAI: 'yellow',
};

export const labelStatus = (s: StatusKehadiran): MessageKey => `hk.status.${s}` as MessageKey;

function awalBulan(tanggal: string): string {
  return `${tanggal.slice(0, 8)}01`;
}

export function HarianPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const hariIni = todayIn(me.pemda.zona_waktu);
  const pil = useOpdPilihan();
  const [tanggal, setTanggal] = useState(hariIni);
  const [opdPilih, setOpd] = useState<string | null>(null);
  const opd = opdPilih ?? pil.bawaan;
  const [saring, setSaring] = useState<StatusKehadiran | null>(null);
  const [dari, setDari] = useState(awalBulan(hariIni));
  const [sampai, setSampai] = useState(hariIni);
  const bolehLihat = hasRole(me, KEHADIRAN_READ_ROLES);
  const q = useQuery({
    ...apiQuery(['kehadiran', 'hari', tanggal, opd ?? ''], '/api/kehadiran/hari', HariKehadiran, {
      tanggal,
      ...(opd ? { opd } : {}),
    }),
    enabled: bolehLihat,
  });
  const hitung = useMemo(() => {
    const m = new Map<StatusKehadiran, number>();
    for (const o of q.data?.orang ?? []) m.set(o.status, (m.get(o.status) ?? 0) + 1);
    return m;
  }, [q.data]);
  const orang = (q.data?.orang ?? []).filter((o) => !saring || o.status === saring);
  const rekap = (format: 'xlsx' | 'csv') =>
    `/api/kehadiran/rekap?${new URLSearchParams({ dari, sampai, format, ...(opd ? { opd } : {}) })}`;

  return (
    <Stack gap="md">
      <Title order={2}>{t('hk.judul')}</Title>
      <Text c="dimmed">{t('hk.bantuan')}</Text>
      <Group align="end">
        <TextInput
          type="date"
          label={t('hk.tanggal')}
          value={tanggal}
          onChange={(e) => e.currentTarget.value && setTanggal(e.currentTarget.value)}
          data-testid="hk-tanggal"
        />
        {pil.opsi.length > 0 ? (
          <Select
            label={t('hk.opd')}
            data={pil.opsi.map((o) => ({ value: o.value, label: `${'  '.repeat(o.kedalaman)}${o.label}` }))}
            value={opd}
            onChange={setOpd}
            searchable
            clearable={pil.semua}
            placeholder={t('hk.semuaOpd')}
            w={360}
            data-testid="hk-opd"
          />
        ) : null}
      </Group>

      {!bolehLihat ? (
        <Alert color="gray" data-testid="hk-tanpa-izin">
          {t('hk.tanpaIzin')}
        </Alert>
      ) : null}
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {bolehLihat && q.isPending ? <Loading /> : null}
      {q.data ? (
        <>
          <Group gap="xs" data-testid="hk-ringkas">
            <Badge
              variant={saring === null ? 'filled' : 'light'}
              color="dark"
              style={{ cursor: 'pointer' }}
              onClick={() => setSaring(null)}
            >
              {t('hk.semua', { n: q.data.orang.length })}
            </Badge>
            {STATUS_KEHADIRAN.filter((s) => hitung.has(s)).map((s) => (
              <Badge
                key={s}
                color={WARNA_STATUS[s]}
                variant={saring === s ? 'filled' : 'light'}
                style={{ cursor: 'pointer' }}
                onClick={() => setSaring(saring === s ? null : s)}
                data-testid={`hk-jumlah-${s}`}
              >
                {t(labelStatus(s))}: {hitung.get(s)}
              </Badge>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="hk-tabel">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('hk.kolom.nama')}</Table.Th>
                  <Table.Th>{t('hk.kolom.unit')}</Table.Th>
                  <Table.Th>{t('hk.kolom.jadwal')}</Table.Th>
                  <Table.Th>{t('hk.kolom.status')}</Table.Th>
                  <Table.Th>{t('hk.kolom.masuk')}</Table.Th>
                  <Table.Th>{t('hk.kolom.pulang')}</Table.Th>
                  <Table.Th>{t('hk.kolom.alasan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orang.map((o) => (
                  <Table.Tr key={o.pegawai_id} data-testid="hk-baris" data-nip={o.nip || o.id_pegawai}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {o.nama}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.nip || o.id_pegawai}
                      </Text>
                    </Table.Td>
                    <Table.Td>{o.unit_kode}</Table.Td>
                    <Table.Td>
                      {o.jadwal === 'WFH' ? (
                        <Anchor
                          component={Link}
                          to={`/hari-wfh/${o.pegawai_id}?tanggal=${tanggal}`}
                          size="sm"
                          data-testid="hk-wfh"
                        >
                          WFH
                        </Anchor>
                      ) : (
                        (o.jadwal ?? '—')
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={WARNA_STATUS[o.status]}
                        variant="light"
                        data-testid="hk-status"
                        data-status={o.status}
                      >
                        {t(labelStatus(o.status))}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-testid="hk-masuk" style={{ whiteSpace: 'nowrap' }}>
                      {o.masuk ?? '—'}
                      {o.terlambat_menit > 0 ? (
                        <Text size="xs" c="orange">
                          {t('hk.terlambat', { n: o.terlambat_menit })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {o.pulang ?? '—'}
                      {o.pulang_cepat_menit > 0 ? (
                        <Text size="xs" c="orange">
                          {t('hk.pulangCepat', { n: o.pulang_cepat_menit })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{o.alasan.map((a) => pick(a.pesan)).join('; ')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {orang.length === 0 ? <Text c="dimmed">{t('umum.tidakAdaData')}</Text> : null}
        </>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>{t('hk.rekap')}</Text>
            <Text size="sm" c="dimmed">
              {t('hk.rekapBantuan')}
            </Text>
            <Group align="end">
              <TextInput
                type="date"
                label={t('hk.dari')}
                value={dari}
                onChange={(e) => setDari(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('hk.sampai')}
                value={sampai}
                onChange={(e) => setSampai(e.currentTarget.value)}
              />
            </Group>
            <Group>
              <Button component="a" href={rekap('xlsx')} download data-testid="hk-rekap-xlsx">
                {t('hk.unduhXlsx')}
              </Button>
              <Anchor href={rekap('csv')} download>
                CSV
              </Anchor>
            </Group>
          </Stack>
        </Card>
        {hasRole(me, IMPORT_ROLES) ? <ImporLog /> : null}
      </SimpleGrid>
    </Stack>
  );
}

/** Uploading a terminal's attendance log (CSV or ZKTeco attlog): per-line results, idempotent. */
function ImporLog() {
  const { t, pick } = useI18n();
  const [berkas, setBerkas] = useState<File | null>(null);
  const [perangkat, setPerangkat] = useState('');
  const [persen, setPersen] = useState<number | null>(null);
  const [hasil, setHasil] = useState<HasilImporLog | null>(null);
  const [galat, setGalat] = useState<string | null>(null);
  const unggah = async () => {
    if (!berkas) return;
    setGalat(null);
    setHasil(null);
    setPersen(0);
    try {
      const q = new URLSearchParams({ nama: berkas.name.slice(0, 200), ...(perangkat ? { perangkat } : {}) });
      setHasil(
        await uploadFile(
          `/api/kehadiran/impor?${q}`,
          berkas,
          'application/octet-stream',
          (a, b) => setPersen(Math.round((100 * a) / Math.max(1, b))),
          SkemaImporLog,
        ),
      );
    } catch (e) {
      setGalat(keApiError(e).message);
    } finally {
      setPersen(null);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('hk.impor')}</Text>
        <Text size="sm" c="dimmed">
          {t('hk.imporBantuan')}
        </Text>
        <FileInput
          label={t('hk.berkasLog')}
          value={berkas}
          onChange={setBerkas}
          clearable
          data-testid="hk-log"
        />
        <TextInput
          label={t('hk.kodeMesin')}
          value={perangkat}
          onChange={(e) => setPerangkat(e.currentTarget.value)}
          maxLength={64}
        />
        <Group>
          <Button
            onClick={() => void unggah()}
            disabled={!berkas}
            loading={persen !== null}
            data-testid="hk-unggah"
          >
            {t('hk.unggah')}
          </Button>
        </Group>
        {galat ? <Alert color="red">{galat}</Alert> : null}
        {hasil ? (
          <Alert color={hasil.rincian.length === 0 ? 'green' : 'yellow'} data-testid="hk-hasil-impor">
            <Text size="sm">
              {t('hk.hasilImpor', {
                baris: hasil.jumlah.baris,
                diimpor: hasil.jumlah.diimpor,
                duplikat: hasil.jumlah.duplikat,
                ditolak:
                  hasil.jumlah.tidak_dikenal + hasil.jumlah.tidak_terbaca + hasil.jumlah.di_luar_lingkup,
              })}
            </Text>
            {hasil.rincian.slice(0, 20).map((r) => (
              <Text key={`${r.baris}-${r.kode}`} size="xs">
                {t('hk.baris', { n: r.baris })}: {pick(r.pesan)}
              </Text>
            ))}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
