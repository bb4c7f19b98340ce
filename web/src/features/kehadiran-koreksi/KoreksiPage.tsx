import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  LABEL_SEBAB_KOREKSI,
  localDate,
  type MasalahIsian,
  periksaDinasLuar,
  periksaKoreksi,
  SEBAB_KOREKSI,
  type SebabKoreksi,
  type StatusPengajuan,
} from '@sigap/domain';
import { DaftarKetukan } from '@sigap/domain/api/kehadiran';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, apiQuery, keApiError } from '../../lib/api';
import { type TFunction, useI18n } from '../../lib/i18n';
import { KEHADIRAN_READ_ROLES } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { labelPeriode } from '../jadwal/jadwal';
import {
  type DinasLuarItem,
  type KetukanHari,
  type KoreksiItem,
  useAjukanDinasLuar,
  useAjukanKoreksi,
  useBatalPengajuan,
  useDinasLuarPersetujuan,
  useDinasLuarSaya,
  useHariKehadiran,
  useKoreksiPersetujuan,
  useKoreksiSaya,
  usePutusPengajuan,
} from './koreksi.api';

// Corrections of one's attendance day and official travel (docs/kehadiran.md "Koreksi dan dinas luar"):
// "Koreksi & dinas luar saya" for everyone linked to an employee, "Persetujuan kehadiran" for deciders.

const WARNA: Record<StatusPengajuan, string> = {
  diajukan: 'yellow',
  disetujui: 'green',
  ditolak: 'red',
  dibatalkan: 'gray',
};

function StatusBadge({ status }: { status: StatusPengajuan }) {
  const { t } = useI18n();
  return (
    <Badge color={WARNA[status]} variant="light" data-testid="kk-status" data-status={status}>
      {t(`kk.status.${status}`)}
    </Badge>
  );
}

/** Field errors by field name, from the domain's checks (the server runs the same ones again). */
function perKolom(m: readonly MasalahIsian[], lang: 'id' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of m) out[x.kolom] ??= x.pesan[lang];
  return out;
}

const jenisLabel = (t: TFunction, j: 'masuk' | 'pulang' | null) =>
  j ? t(`kk.jenis.${j}`) : t('kk.jenis.tak');
const ketukanTeks = (t: TFunction, k: KetukanHari) => `${jenisLabel(t, k.jenis)} ${k.jam} (${k.sumber})`;

/** What a correction does, in words: "Absen pulang 16:10 (menambah)" or "… (menggantikan masuk 08:10)". */
function apaKoreksi(t: TFunction, k: KoreksiItem) {
  return `${jenisLabel(t, k.jenis)} ${k.jam} — ${
    k.menggantikan ? t('kk.menggantikanX', { x: ketukanTeks(t, k.menggantikan) }) : t('kk.menambah')
  }`;
}

// ─── The day as the status shows it ──────────────────────────────────────────────────────────────

function HariSaya({ tanggal }: { tanggal: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const q = useHariKehadiran(tanggal);
  const o = q.data?.orang.find((x) => x.pegawai_id === me.pegawai_id);
  return (
    <Card withBorder padding="sm" data-testid="kk-hari">
      <Text fw={600} size="sm">
        {t('kk.hariJudul', { tanggal: labelPeriode(tanggal, tanggal, lang) })}
      </Text>
      {q.error && <ErrorAlert error={q.error} />}
      {q.isLoading && <Loading />}
      {q.data && !o && (
        <Text size="sm" c="dimmed">
          {t('umum.tidakAdaData')}
        </Text>
      )}
      {o && (
        <Stack gap={4} mt={4}>
          <Group gap="xs">
            <Badge variant="light" data-testid="kk-hari-status">
              {o.status}
            </Badge>
            <Text size="sm" data-testid="kk-hari-jam">
              {t('kk.masukPulang', { masuk: o.masuk ?? '-', pulang: o.pulang ?? '-' })}
            </Text>
          </Group>
          {o.alasan.map((a) => (
            <Text key={`${a.kode}-${a.pesan.id}`} size="xs" c="dimmed" data-testid="kk-hari-alasan">
              {a.pesan[lang]}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

// ─── My corrections ──────────────────────────────────────────────────────────────────────────────

function FormKoreksi({ tanggal, setTanggal }: { tanggal: string; setTanggal: (v: string) => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const ajukan = useAjukanKoreksi();
  const [jenis, setJenis] = useState<'masuk' | 'pulang'>('pulang');
  const [jam, setJam] = useState('');
  const [sebab, setSebab] = useState<SebabKoreksi>('lupa_pulang');
  const [alasan, setAlasan] = useState('');
  const [ganti, setGanti] = useState<string | null>(null);
  const [dicoba, setDicoba] = useState(false);
  const [galat, setGalat] = useState<ApiError | null>(null);
  const ketukan = useQuery({
    ...apiQuery(['kehadiran-ketukan', tanggal], '/api/kehadiran/koreksi/ketukan', DaftarKetukan, { tanggal }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(tanggal),
  });
  const zona = me.pemda.zona_waktu;
  const sekarang = new Date();
  const masalah = perKolom(
    periksaKoreksi(
      { tanggal, jam, jenis, sebab, alasan, menggantikan: null },
      { hariIni: localDate(sekarang, zona), sekarang, zona, ketukan: [], tertunda: 0 },
    ),
    lang,
  );
  // a field's error shows once it has a value, or after the first attempt to send
  const err = (kolom: string, isi: string) => (dicoba || isi ? masalah[kolom] : undefined);
  const kirim = (e: FormEvent) => {
    e.preventDefault();
    setDicoba(true);
    setGalat(null);
    if (Object.keys(masalah).length > 0) return;
    ajukan
      .mutateAsync({ tanggal, jenis, jam, sebab, alasan: alasan.trim(), menggantikan: ganti })
      .then(() => {
        notifications.show({ color: 'green', message: t('kk.terkirim') });
        setJam('');
        setAlasan('');
        setGanti(null);
        setDicoba(false);
      })
      .catch((x: unknown) => setGalat(keApiError(x)));
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={kirim} data-testid="kk-form" noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('kk.ajukanKoreksi')}</Title>
          <TextInput
            type="date"
            label={t('kk.tanggal')}
            value={tanggal}
            onChange={(e) => {
              setTanggal(e.currentTarget.value);
              setGanti(null);
            }}
            required
            error={err('tanggal', tanggal)}
            data-testid="kk-tanggal"
          />
          <SegmentedControl
            value={jenis}
            onChange={(v) => setJenis(v as 'masuk' | 'pulang')}
            data={[
              { value: 'masuk', label: t('kk.jenis.masuk') },
              { value: 'pulang', label: t('kk.jenis.pulang') },
            ]}
            data-testid="kk-jenis"
          />
          <TextInput
            type="time"
            label={t('kk.jam')}
            description={t('kk.jamBantuan')}
            value={jam}
            onChange={(e) => setJam(e.currentTarget.value)}
            required
            error={err('jam', jam)}
            data-testid="kk-jam"
          />
          <Select
            label={t('kk.menggantikan')}
            description={t('kk.menggantikanBantuan')}
            data={(ketukan.data ?? []).map((k) => ({ value: k.id, label: ketukanTeks(t, k) }))}
            value={ganti}
            onChange={setGanti}
            clearable
            placeholder={t('kk.menambahSaja')}
            data-testid="kk-menggantikan"
          />
          <Select
            label={t('kk.sebab')}
            data={SEBAB_KOREKSI.map((s) => ({ value: s, label: LABEL_SEBAB_KOREKSI[s][lang] }))}
            value={sebab}
            onChange={(v) => v && setSebab(v as SebabKoreksi)}
            allowDeselect={false}
            error={err('sebab', sebab)}
            data-testid="kk-sebab"
          />
          <Textarea
            label={t('kk.alasan')}
            value={alasan}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            required
            error={err('alasan', alasan)}
            data-testid="kk-alasan"
          />
          {galat && (
            <Alert color="red" variant="light" data-testid="kk-galat">
              {galat.message}
            </Alert>
          )}
          <Button type="submit" loading={ajukan.isPending} data-testid="kk-kirim">
            {t('kk.kirim')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('kk.ajukanBantuan')}
          </Text>
        </Stack>
      </form>
    </Card>
  );
}

function TombolBatal({ jenis, id }: { jenis: 'koreksi' | 'dinas-luar'; id: string }) {
  const { t } = useI18n();
  const batal = useBatalPengajuan();
  return (
    <Button
      size="xs"
      variant="default"
      loading={batal.isPending}
      onClick={() =>
        batal
          .mutateAsync({ jenis, id })
          .then(() => notifications.show({ color: 'gray', message: t('kk.dibatalkan') }))
          .catch((x: unknown) => notifications.show({ color: 'red', message: keApiError(x).message }))
      }
      data-testid="kk-batal"
    >
      {t('kk.batalkan')}
    </Button>
  );
}

function Putusan({ oleh, catatan }: { oleh: string | null; catatan: string }) {
  const { t } = useI18n();
  if (!oleh) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {t('kk.diputusOleh', { oleh })}
      {catatan ? ` — “${catatan}”` : ''}
    </Text>
  );
}

function KoreksiSaya() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [tanggal, setTanggal] = useState(() => localDate(new Date(), me.pemda.zona_waktu));
  const list = useKoreksiSaya();
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <FormKoreksi tanggal={tanggal} setTanggal={setTanggal} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="sm">
          {/* the day's status needs kehadiran.read (an admin-only account does not open attendance days) */}
          {hasRole(me, KEHADIRAN_READ_ROLES) && <HariSaya tanggal={tanggal} />}
          <Title order={4}>{t('kk.koreksiSaya')}</Title>
          {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
          {list.isLoading && <Loading />}
          {list.data?.length === 0 && (
            <Text c="dimmed" data-testid="kk-saya-kosong">
              {t('kk.belumAda')}
            </Text>
          )}
          {list.data?.map((k) => (
            <Card key={k.id} withBorder padding="sm" data-testid="kk-saya-item" data-id={k.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Box style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{labelPeriode(k.tanggal, k.tanggal, lang)}</Text>
                    <StatusBadge status={k.status} />
                  </Group>
                  <Text size="sm">{apaKoreksi(t, k)}</Text>
                  <Text size="sm" c="dimmed">
                    {LABEL_SEBAB_KOREKSI[k.sebab][lang]}: {k.alasan}
                  </Text>
                  <Putusan oleh={k.diputus_oleh} catatan={k.catatan_putusan} />
                </Box>
                <Group gap="xs">
                  <Button size="xs" variant="subtle" onClick={() => setTanggal(k.tanggal)}>
                    {t('kk.lihatHari')}
                  </Button>
                  {k.boleh_batal && <TombolBatal jenis="koreksi" id={k.id} />}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

// ─── My dinas luar ───────────────────────────────────────────────────────────────────────────────

function DinasLuarSaya() {
  const { t, lang } = useI18n();
  const me = useMe();
  const ajukan = useAjukanDinasLuar();
  const list = useDinasLuarSaya();
  const [dari, setDari] = useState('');
  const [sampai, setSampai] = useState('');
  const [surat, setSurat] = useState('');
  const [tujuan, setTujuan] = useState('');
  const [lat, setLat] = useState<number | string>('');
  const [lng, setLng] = useState<number | string>('');
  const [radius, setRadius] = useState<number | string>('');
  const [dicoba, setDicoba] = useState(false);
  const [galat, setGalat] = useState<ApiError | null>(null);
  const angka = (v: number | string) => (typeof v === 'number' ? v : null);
  const masalah = perKolom(
    periksaDinasLuar(
      { dari, sampai, nomorSurat: surat, tujuan, lat: angka(lat), lng: angka(lng), radiusM: angka(radius) },
      localDate(new Date(), me.pemda.zona_waktu),
    ),
    lang,
  );
  const err = (kolom: string, isi: unknown) =>
    dicoba || (isi !== '' && isi !== null) ? masalah[kolom] : undefined;
  const kirim = (e: FormEvent) => {
    e.preventDefault();
    setDicoba(true);
    setGalat(null);
    if (Object.keys(masalah).length > 0) return;
    ajukan
      .mutateAsync({
        dari,
        sampai,
        nomor_surat: surat.trim(),
        tujuan: tujuan.trim(),
        lat: angka(lat),
        lng: angka(lng),
        radius_m: angka(radius),
      })
      .then(() => {
        notifications.show({ color: 'green', message: t('kk.terkirim') });
        setSurat('');
        setTujuan('');
        setDicoba(false);
      })
      .catch((x: unknown) => setGalat(keApiError(x)));
  };
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder padding="md">
          <form onSubmit={kirim} data-testid="dl-form" noValidate>
            <Stack gap="sm">
              <Title order={4}>{t('kk.ajukanDinasLuar')}</Title>
              <SimpleGrid cols={2} spacing="xs">
                <TextInput
                  type="date"
                  label={t('kk.dari')}
                  value={dari}
                  onChange={(e) => setDari(e.currentTarget.value)}
                  required
                  error={err('dari', dari)}
                  data-testid="dl-dari"
                />
                <TextInput
                  type="date"
                  label={t('kk.sampai')}
                  value={sampai}
                  onChange={(e) => setSampai(e.currentTarget.value)}
                  required
                  error={err('sampai', sampai)}
                  data-testid="dl-sampai"
                />
              </SimpleGrid>
              <TextInput
                label={t('kk.nomorSurat')}
                value={surat}
                onChange={(e) => setSurat(e.currentTarget.value)}
                maxLength={200}
                required
                error={err('nomor_surat', surat)}
                data-testid="dl-surat"
              />
              <TextInput
                label={t('kk.tujuan')}
                value={tujuan}
                onChange={(e) => setTujuan(e.currentTarget.value)}
                maxLength={500}
                required
                error={err('tujuan', tujuan)}
                data-testid="dl-tujuan"
              />
              <SimpleGrid cols={3} spacing="xs">
                <NumberInput
                  label={t('kk.lat')}
                  value={lat}
                  onChange={setLat}
                  decimalScale={6}
                  error={err('lat', lat)}
                />
                <NumberInput
                  label={t('kk.lng')}
                  value={lng}
                  onChange={setLng}
                  decimalScale={6}
                  error={err('lng', lng)}
                />
                <NumberInput
                  label={t('kk.radius')}
                  value={radius}
                  onChange={setRadius}
                  min={10}
                  max={50000}
                  allowDecimal={false}
                  error={err('radius_m', radius)}
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('kk.lokasiBantuan')}
              </Text>
              {galat && (
                <Alert color="red" variant="light" data-testid="dl-galat">
                  {galat.message}
                </Alert>
              )}
              <Button type="submit" loading={ajukan.isPending} data-testid="dl-kirim">
                {t('kk.kirim')}
              </Button>
            </Stack>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Title order={4} mb="xs">
          {t('kk.dinasLuarSaya')}
        </Title>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isLoading && <Loading />}
        {list.data?.length === 0 && <Text c="dimmed">{t('kk.belumAda')}</Text>}
        <Stack gap="xs">
          {list.data?.map((d) => (
            <Card key={d.id} withBorder padding="sm" data-testid="dl-saya-item" data-id={d.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Box style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{labelPeriode(d.dari, d.sampai, lang)}</Text>
                    <StatusBadge status={d.status} />
                  </Group>
                  <Text size="sm">
                    {d.tujuan} · {t('kk.suratNo', { no: d.nomor_surat })}
                  </Text>
                  <Putusan oleh={d.diputus_oleh} catatan={d.catatan_putusan} />
                </Box>
                {d.boleh_batal && <TombolBatal jenis="dinas-luar" id={d.id} />}
              </Group>
            </Card>
          ))}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** "Koreksi & dinas luar saya": ask, see one's requests and their status, withdraw pending ones. */
export function KoreksiSayaPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Stack gap="md" data-testid="kk-saya-page">
      <Title order={2}>{t('kk.judulSaya')}</Title>
      <Text c="dimmed" size="sm">
        {t('kk.bantuanSaya')}
      </Text>
      {me.pegawai_id === null ? (
        <Alert color="orange">{t('kk.tanpaPegawai')}</Alert>
      ) : (
        <Tabs defaultValue="koreksi" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="koreksi" data-testid="kk-tab-koreksi">
              {t('kk.tabKoreksi')}
            </Tabs.Tab>
            <Tabs.Tab value="dinas-luar" data-testid="kk-tab-dl">
              {t('kk.tabDinasLuar')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="koreksi" pt="md">
            <KoreksiSaya />
          </Tabs.Panel>
          <Tabs.Panel value="dinas-luar" pt="md">
            <DinasLuarSaya />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────────

type Pilihan = { jenis: 'koreksi'; k: KoreksiItem } | { jenis: 'dinas-luar'; k: DinasLuarItem };

function PutusanModal({ p, setuju, onClose }: { p: Pilihan; setuju: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const putus = usePutusPengajuan();
  const kirim = () => {
    setGalat(null);
    putus
      .mutateAsync({ jenis: p.jenis, id: p.k.id, setuju, catatan: catatan.trim() || undefined })
      .then(() => {
        notifications.show({
          color: setuju ? 'green' : 'gray',
          message: t(setuju ? 'kk.disetujuiUntuk' : 'kk.ditolakUntuk', { nama: p.k.pegawai.nama }),
        });
        onClose();
      })
      .catch((x: unknown) => setGalat(keApiError(x)));
  };
  return (
    <Modal opened onClose={onClose} title={t(setuju ? 'kk.setujuiJudul' : 'kk.tolakJudul')}>
      <Stack gap="sm" data-testid="kk-putusan-modal">
        <Text size="sm">
          <b>{p.k.pegawai.nama}</b> ({p.k.pegawai.key})
        </Text>
        <Textarea
          label={t('kk.catatan')}
          value={catatan}
          onChange={(e) => setCatatan(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-testid="kk-putusan-catatan"
        />
        {galat && <ErrorAlert error={galat} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('umum.batal')}
          </Button>
          <Button
            color={setuju ? 'green' : 'red'}
            onClick={kirim}
            loading={putus.isPending}
            data-testid="kk-putusan-kirim"
          >
            {t(setuju ? 'kk.setujui' : 'kk.tolak')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TombolPutus({ p, pilih }: { p: Pilihan; pilih: (p: Pilihan, setuju: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Group gap="xs">
      <Button size="xs" color="green" onClick={() => pilih(p, true)} data-testid="kk-setujui">
        {t('kk.setujui')}
      </Button>
      <Button size="xs" color="red" variant="light" onClick={() => pilih(p, false)} data-testid="kk-tolak">
        {t('kk.tolak')}
      </Button>
    </Group>
  );
}

function Orang({ p }: { p: { nama: string; key: string; opd_kode: string } }) {
  return (
    <Text fw={600}>
      {p.nama}{' '}
      <Text span size="xs" c="dimmed" ff="monospace">
        {p.key} · {p.opd_kode}
      </Text>
    </Text>
  );
}

/** "Persetujuan kehadiran": pending corrections and dinas luar of the people the caller decides for. */
export function PersetujuanKehadiranPage() {
  const { t, lang } = useI18n();
  const koreksi = useKoreksiPersetujuan();
  const dl = useDinasLuarPersetujuan();
  const [putus, setPutus] = useState<{ p: Pilihan; setuju: boolean } | null>(null);
  const pilih = (p: Pilihan, setuju: boolean) => setPutus({ p, setuju });
  return (
    <Stack gap="md" data-testid="kk-persetujuan-page">
      <Title order={2}>{t('kk.judulPersetujuan')}</Title>
      <Text c="dimmed" size="sm">
        {t('kk.bantuanPersetujuan')}
      </Text>
      <Title order={4}>{t('kk.tabKoreksi')}</Title>
      {koreksi.error && <ErrorAlert error={koreksi.error} onRetry={() => void koreksi.refetch()} />}
      {koreksi.isLoading && <Loading />}
      {koreksi.data?.length === 0 && (
        <Text c="dimmed" data-testid="kk-persetujuan-kosong">
          {t('kk.tidakAdaMenunggu')}
        </Text>
      )}
      {koreksi.data?.map((k) => (
        <Card key={k.id} withBorder padding="sm" data-testid="kk-persetujuan-item" data-id={k.id}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Box style={{ minWidth: 0 }}>
              <Orang p={k.pegawai} />
              <Text size="sm">
                {labelPeriode(k.tanggal, k.tanggal, lang)} · {apaKoreksi(t, k)}
              </Text>
              <Text size="sm">
                {LABEL_SEBAB_KOREKSI[k.sebab][lang]}: “{k.alasan}”
              </Text>
              <Text size="xs" c="dimmed" data-testid="kk-ketukan">
                {t('kk.absenTersimpan')}:{' '}
                {k.ketukan.length > 0
                  ? k.ketukan.map((x) => ketukanTeks(t, x)).join(', ')
                  : t('kk.tidakAdaAbsen')}
              </Text>
            </Box>
            {k.boleh_putus && <TombolPutus p={{ jenis: 'koreksi', k }} pilih={pilih} />}
          </Group>
        </Card>
      ))}
      <Title order={4}>{t('kk.tabDinasLuar')}</Title>
      {dl.error && <ErrorAlert error={dl.error} onRetry={() => void dl.refetch()} />}
      {dl.data?.length === 0 && <Text c="dimmed">{t('kk.tidakAdaMenunggu')}</Text>}
      {dl.data?.map((d) => (
        <Card key={d.id} withBorder padding="sm" data-testid="dl-persetujuan-item" data-id={d.id}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Box style={{ minWidth: 0 }}>
              <Orang p={d.pegawai} />
              <Text size="sm">
                {labelPeriode(d.dari, d.sampai, lang)} · {d.tujuan}
              </Text>
              <Text size="sm" c="dimmed">
                {t('kk.suratNo', { no: d.nomor_surat })}
              </Text>
            </Box>
            {d.boleh_putus && <TombolPutus p={{ jenis: 'dinas-luar', k: d }} pilih={pilih} />}
          </Group>
        </Card>
      ))}
      {putus && <PutusanModal p={putus.p} setuju={putus.setuju} onClose={() => setPutus(null)} />}
    </Stack>
  );
}
