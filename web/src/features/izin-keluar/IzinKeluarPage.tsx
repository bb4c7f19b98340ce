import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  JENIS_IZIN_KELUAR,
  type JenisIzinKeluar,
  LABEL_JENIS_IZIN_KELUAR,
  localDate,
  localTime,
  type MasalahIsian,
  periksaIzinKeluar,
  singkatanZona,
  waktuLokal,
  type ZonaWaktu,
} from '@sigap/domain';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { DaftarAntrean } from '../../components/DaftarAntrean';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { useAntrean } from '../../lib/antrean';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtTanggal, fmtWaktu } from '../../lib/format';
import { type Lang, useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import {
  type IzinKeluarItem,
  izinKeys,
  useAjukanIzin,
  useBatalIzin,
  useIzinBawahan,
  useIzinSaya,
  useKeberatanIzin,
} from './izin-keluar.api';

// Going out for something urgent while working from home (docs/wfh.md §3): "Izin keluar rumah" for the
// person (form and their notices), "Izin keluar bawahan" for the supervisor (their people's, to object).

const WARNA: Record<IzinKeluarItem['keadaan'], string> = {
  berlangsung: 'orange',
  akan_datang: 'blue',
  selesai: 'gray',
  dibatalkan: 'gray',
};

function KeadaanBadge({ k }: { k: IzinKeluarItem['keadaan'] }) {
  const { t } = useI18n();
  return (
    <Badge
      color={WARNA[k]}
      variant={k === 'berlangsung' ? 'filled' : 'light'}
      data-testid="ik-keadaan"
      data-keadaan={k}
    >
      {t(`ik.keadaan.${k}`)}
    </Badge>
  );
}

/** "Senin, 6 April 2020 · 09.00–11.00 WIB" in the Pemda's zone. */
function waktuTeks(z: IzinKeluarItem, zona: ZonaWaktu, lang: Lang) {
  const j = (iso: string) => {
    const hm = localTime(new Date(iso), zona);
    return lang === 'id' ? hm.replace(':', '.') : hm;
  };
  const akhir =
    localDate(new Date(z.sampai), zona) === z.tanggal ? j(z.sampai) : lang === 'id' ? '24.00' : '24:00';
  return `${fmtTanggal(z.tanggal, lang, true)} · ${j(z.dari)}–${akhir} ${singkatanZona(zona)}`;
}

const labelJenis = (j: JenisIzinKeluar, lang: Lang) => LABEL_JENIS_IZIN_KELUAR[j][lang];

/** A notice as a card: when, why, state; the objection (if any) in red; the actions the caller may take. */
function KartuIzin({ z, tampilOrang, aksi }: { z: IzinKeluarItem; tampilOrang?: boolean; aksi?: ReactNode }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const zona = me.pemda.zona_waktu;
  const sorot = z.keadaan === 'berlangsung' || z.keadaan === 'akan_datang';
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="ik-item"
      data-id={z.id}
      style={sorot ? { borderLeft: `4px solid var(--mantine-color-${WARNA[z.keadaan]}-6)` } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Box style={{ minWidth: 0, flex: 1 }}>
          {tampilOrang && (
            <Text fw={600} data-testid="ik-orang">
              {z.pegawai.nama}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                {z.pegawai.key} · {z.pegawai.opd_kode}
              </Text>
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            <Text fw={tampilOrang ? 400 : 600} size="sm" data-testid="ik-waktu">
              {waktuTeks(z, zona, lang)}
            </Text>
            <KeadaanBadge k={z.keadaan} />
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {labelJenis(z.jenis, lang)}: {z.alasan}
          </Text>
          <Text size="xs" c="dimmed">
            {t('ik.diajukanPada', { waktu: fmtWaktu(z.diajukan_pada, zona, lang) })}
          </Text>
          {z.dibatalkan && (
            <Text size="xs" c="dimmed">
              {t('ik.dibatalkanPada', { waktu: fmtWaktu(z.dibatalkan.pada, zona, lang) })}
            </Text>
          )}
          {z.keberatan && (
            <Alert color="red" variant="light" p="xs" mt={6} data-testid="ik-keberatan">
              <Text size="sm" fw={600}>
                {t(z.keberatan.sebagai === 'atasan' ? 'ik.keberatanAtasan' : 'ik.keberatanAdmin', {
                  oleh: z.keberatan.oleh,
                })}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="ik-keberatan-catatan">
                “{z.keberatan.catatan}”
              </Text>
              <Text size="xs" c="dimmed">
                {fmtWaktu(z.keberatan.pada, zona, lang)}
              </Text>
            </Alert>
          )}
        </Box>
        {aksi}
      </Group>
    </Card>
  );
}

function perKolom(m: readonly MasalahIsian[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of m) out[x.kolom] ??= x.pesan[lang];
  return out;
}

/** The instant of a local date and HH:MM in the zone, or an invalid date while the fields are unfilled. */
function instan(tanggal: string, jam: string, zona: ZonaWaktu): Date {
  try {
    return waktuLokal(tanggal, jam, zona);
  } catch {
    return new Date(Number.NaN);
  }
}

function FormIzin() {
  const { t, lang } = useI18n();
  const me = useMe();
  const zona = me.pemda.zona_waktu;
  const ajukan = useAjukanIzin();
  const [jenis, setJenis] = useState<JenisIzinKeluar>('kesehatan');
  const [alasan, setAlasan] = useState('');
  const [tanggal, setTanggal] = useState(() => localDate(new Date(), zona));
  const [dari, setDari] = useState('');
  const [sampai, setSampai] = useState('');
  const [dicoba, setDicoba] = useState(false);
  const [galat, setGalat] = useState<ApiError | null>(null);
  // One key per notice being written: sending it again (a lost answer) is stored once (docs/wfh.md §3).
  const [idKlien, setIdKlien] = useState(() => crypto.randomUUID());
  const masalah = perKolom(
    periksaIzinKeluar(
      { jenis, alasan, dari: instan(tanggal, dari, zona), sampai: instan(tanggal, sampai, zona) },
      { sekarang: new Date(), zona, lain: [] },
    ),
    lang,
  );
  const err = (kolom: string, isi: string) => (dicoba || isi ? masalah[kolom] : undefined);
  const kirim = (e: FormEvent) => {
    e.preventDefault();
    setDicoba(true);
    setGalat(null);
    if (Object.keys(masalah).length > 0) return;
    ajukan
      .mutateAsync({
        jenis,
        alasan: alasan.trim(),
        dari: instan(tanggal, dari, zona).toISOString(),
        sampai: instan(tanggal, sampai, zona).toISOString(),
        id_klien: idKlien,
      })
      .then((r) => {
        notifications.show(
          r === null
            ? { color: 'blue', message: t('ik.antre') }
            : { color: 'green', message: t('ik.terkirim') },
        );
        setAlasan('');
        setDari('');
        setSampai('');
        setDicoba(false);
        setIdKlien(crypto.randomUUID());
      })
      .catch((x: unknown) => setGalat(keApiError(x)));
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={kirim} data-testid="ik-form" noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('ik.ajukan')}</Title>
          <Select
            label={t('ik.jenis')}
            data={JENIS_IZIN_KELUAR.map((j) => ({ value: j, label: labelJenis(j, lang) }))}
            value={jenis}
            onChange={(v) => v && setJenis(v as JenisIzinKeluar)}
            allowDeselect={false}
            data-testid="ik-jenis"
          />
          <Textarea
            label={t('ik.alasan')}
            description={t('ik.alasanBantuan')}
            value={alasan}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            required
            error={err('alasan', alasan)}
            data-testid="ik-alasan"
          />
          <TextInput
            type="date"
            label={t('ik.tanggal')}
            value={tanggal}
            onChange={(e) => setTanggal(e.currentTarget.value)}
            required
            data-testid="ik-tanggal"
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              type="time"
              label={t('ik.dari')}
              value={dari}
              onChange={(e) => setDari(e.currentTarget.value)}
              required
              error={err('dari', dari)}
              data-testid="ik-dari"
            />
            <TextInput
              type="time"
              label={t('ik.sampai')}
              value={sampai}
              onChange={(e) => setSampai(e.currentTarget.value)}
              required
              error={err('sampai', sampai)}
              data-testid="ik-sampai"
            />
          </SimpleGrid>
          {galat && (
            <Alert color="red" variant="light" data-testid="ik-galat">
              {galat.message}
            </Alert>
          )}
          <Button type="submit" loading={ajukan.isPending} data-testid="ik-kirim">
            {t('ik.kirim')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('ik.aturan')}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}

function TombolBatal({ id }: { id: string }) {
  const { t } = useI18n();
  const batal = useBatalIzin();
  return (
    <Button
      size="xs"
      variant="default"
      loading={batal.isPending}
      onClick={() =>
        batal
          .mutateAsync(id)
          .then(() => notifications.show({ color: 'gray', message: t('ik.dibatalkan') }))
          .catch((x: unknown) => notifications.show({ color: 'red', message: keApiError(x).message }))
      }
      data-testid="ik-batal"
    >
      {t('ik.batalkan')}
    </Button>
  );
}

/** "Izin keluar rumah": the form and one's own notices, newest first, with any objection. */
export function IzinKeluarPage() {
  const { t } = useI18n();
  const me = useMe();
  const list = useIzinSaya();
  const qc = useQueryClient();
  const segarkan = useCallback(() => void qc.invalidateQueries({ queryKey: izinKeys.semua }), [qc]);
  const antrean = useAntrean(segarkan).filter((k) => k.jenis === 'izin_keluar');
  return (
    <Stack gap="md" data-testid="ik-page">
      <Title order={2}>{t('ik.judul')}</Title>
      <Text c="dimmed" size="sm">
        {t('ik.bantuan')}
      </Text>
      {me.pegawai_id === null ? (
        <Alert color="yellow">{t('ik.tanpaPegawai')}</Alert>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <FormIzin />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="sm">
              {antrean.length > 0 ? <DaftarAntrean antrean={antrean} zona={me.pemda.zona_waktu} /> : null}
              <Title order={4}>{t('ik.saya')}</Title>
              {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
              {list.isLoading && <Loading />}
              {list.data?.length === 0 && (
                <Text c="dimmed" data-testid="ik-kosong">
                  {t('ik.belumAda')}
                </Text>
              )}
              {list.data?.map((z) => (
                <KartuIzin key={z.id} z={z} aksi={z.boleh_batal ? <TombolBatal id={z.id} /> : undefined} />
              ))}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function KeberatanModal({ z, onClose }: { z: IzinKeluarItem; onClose: () => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const keberatan = useKeberatanIzin();
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const kirim = () => {
    setGalat(null);
    keberatan
      .mutateAsync({ id: z.id, catatan: catatan.trim() })
      .then(() => {
        notifications.show({ color: 'orange', message: t('ik.keberatanTerkirim') });
        onClose();
      })
      .catch((x: unknown) => setGalat(keApiError(x)));
  };
  return (
    <Modal opened onClose={onClose} title={t('ik.keberatanJudul')}>
      <Stack gap="sm" data-testid="ik-keberatan-modal">
        <Text size="sm">
          <b>{z.pegawai.nama}</b> · {waktuTeks(z, me.pemda.zona_waktu, lang)}
        </Text>
        <Textarea
          label={t('ik.keberatanCatatan')}
          value={catatan}
          onChange={(e) => setCatatan(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          required
          data-testid="ik-keberatan-isi"
        />
        {galat && <ErrorAlert error={galat} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('umum.batal')}
          </Button>
          <Button
            color="red"
            onClick={kirim}
            disabled={catatan.trim().length === 0}
            loading={keberatan.isPending}
            data-testid="ik-keberatan-kirim"
          >
            {t('ik.keberatan')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Izin keluar bawahan": the notices of one's people (a week back and ahead), current and upcoming first. */
export function IzinBawahanPage() {
  const { t } = useI18n();
  const list = useIzinBawahan();
  const [pilih, setPilih] = useState<IzinKeluarItem | null>(null);
  const urut = (k: IzinKeluarItem['keadaan']) => (k === 'berlangsung' ? 0 : k === 'akan_datang' ? 1 : 2);
  const data = [...(list.data ?? [])].sort((a, b) => urut(a.keadaan) - urut(b.keadaan));
  return (
    <Stack gap="md" data-testid="ik-bawahan-page">
      <Title order={2}>{t('ik.judulBawahan')}</Title>
      <Text c="dimmed" size="sm">
        {t('ik.bantuanBawahan')}
      </Text>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && <Loading />}
      {list.data?.length === 0 && (
        <Text c="dimmed" data-testid="ik-bawahan-kosong">
          {t('ik.bawahanKosong')}
        </Text>
      )}
      {data.map((z) => (
        <KartuIzin
          key={z.id}
          z={z}
          tampilOrang
          aksi={
            z.boleh_keberatan ? (
              <Button
                size="xs"
                color="red"
                variant="light"
                onClick={() => setPilih(z)}
                data-testid="ik-keberatan-buka"
              >
                {t('ik.keberatan')}
              </Button>
            ) : undefined
          }
        />
      ))}
      {pilih && <KeberatanModal z={pilih} onClose={() => setPilih(null)} />}
    </Stack>
  );
}
