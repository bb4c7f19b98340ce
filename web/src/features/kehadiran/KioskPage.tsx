import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { singkatanZona, type ZonaWaktu } from '@sigap/domain';
import type { HasilAbsenWajah, KioskSaya, TantanganBaru } from '@sigap/domain/api/kehadiran';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { LangSwitch } from '../../components/LangSwitch';
import { ApiError, keApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { jamDi, jamServer } from './kiosk-jam';
import { LangkahPemandu, usePerekam, VideoPemandu } from './Perekam';
import { absenKios, type IsianKios, kioskSaya, tantanganKios } from './perangkat.api';

// The kiosk (docs/kehadiran.md §8): a tablet at an office's entrance, set up once with the device token an
// OPD admin issued on /perangkat (kept in this browser's localStorage). Anyone of the office taps Masuk or
// Pulang, faces the camera, follows the same challenge and face guide as the phone (Perekam.tsx), and the
// server recognises them among the office's people and answers in words. No sign-in, no app frame; the
// clock shown is the server's, in the Pemda's zone. A 401 (token revoked or replaced) returns to set-up.

const KUNCI_TOKEN = 'sigap_kiosk_token';
/** How long an answer stays on screen before the kiosk is ready for the next person. */
const TAMPIL_HASIL_DETIK = 6;
/** An error waits longer (there may be a "Kirim ulang" to press). */
const TAMPIL_GALAT_DETIK = 30;
/** The kiosk reads GET /api/kiosk again this often: the clock re-synced, a revoked token noticed. */
const SEGARKAN_MS = 10 * 60_000;

type Tahap =
  | 'memeriksa'
  | 'pasang'
  | 'putus'
  | 'siap'
  | 'menyiapkan'
  | 'merekam'
  | 'mengirim'
  | 'hasil'
  | 'galat';
type Jenis = 'masuk' | 'pulang';

const bacaToken = () => {
  try {
    return localStorage.getItem(KUNCI_TOKEN);
  } catch {
    return null;
  }
};

/** The device's credential was refused: revoked, replaced, unknown, or not a kiosk's. */
const tokenDitolak = (e: unknown) => e instanceof ApiError && (e.status === 401 || e.status === 403);

function Jam({ info, selisih }: { info: KioskSaya; selisih: number }) {
  const { lang } = useI18n();
  const [kini, setKini] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setKini(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  const zona = info.zona_waktu as ZonaWaktu;
  const j = jamDi(kini + selisih, zona, lang);
  return (
    <Stack gap={0} align="center" data-testid="kiosk-jam">
      <Text size="1.6rem" c="dimmed" tt="capitalize">
        {j.tanggal}
      </Text>
      <Group gap={10} align="baseline" wrap="nowrap">
        <Text fw={700} lh={1} style={{ fontSize: '8.5rem', fontVariantNumeric: 'tabular-nums' }}>
          {j.hm}
        </Text>
        <Text fw={600} c="dimmed" style={{ fontSize: '2.4rem', fontVariantNumeric: 'tabular-nums' }}>
          {j.detik}
        </Text>
        <Text fw={600} c="dimmed" size="1.6rem">
          {singkatanZona(zona)}
        </Text>
      </Group>
    </Stack>
  );
}

function Pasang({ pesan, onSimpan }: { pesan: string | null; onSimpan: (token: string) => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const kirim = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) onSimpan(token.trim());
  };
  return (
    <Center h="100%" p="xl">
      <Card withBorder shadow="sm" padding="xl" maw={640} w="100%">
        <form onSubmit={kirim}>
          <Stack gap="md" data-testid="kiosk-pasang">
            <Title order={2}>{t('ki.pasang.judul')}</Title>
            <Text c="dimmed">{t('ki.pasang.bantuan')}</Text>
            {pesan ? (
              <Alert color="red" title={t('ki.pasang.ditolak')} data-testid="kiosk-pasang-galat">
                {pesan}
              </Alert>
            ) : null}
            <Textarea
              label={t('ki.pasang.token')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autosize
              minRows={2}
              styles={{ input: { fontFamily: 'monospace' } }}
              data-testid="kiosk-token"
            />
            <Group justify="flex-end">
              <Button type="submit" size="md" disabled={!token.trim()} data-testid="kiosk-simpan">
                {t('ki.pasang.simpan')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}

const WARNA = { diterima: 'teal', ditolak: 'red', ditinjau: 'yellow' } as const;

function Hasil({
  hasil,
  jenis,
  zona,
  detik,
  onSelesai,
}: {
  hasil: HasilAbsenWajah;
  jenis: Jenis;
  zona: ZonaWaktu;
  detik: number;
  onSelesai: () => void;
}) {
  const { t, pick, lang } = useI18n();
  const jam = jamServer(hasil.waktu, zona, lang);
  const warna = WARNA[hasil.hasil];
  const judul =
    hasil.hasil === 'diterima'
      ? hasil.nama
        ? t('ki.terimaKasih', { nama: hasil.nama })
        : t('ki.terimaKasihTanpaNama')
      : hasil.hasil === 'ditinjau'
        ? t('ki.ditinjau')
        : t('ki.ditolak');
  return (
    <Center h="100%" p="xl">
      <Card
        padding={48}
        radius="lg"
        w="100%"
        maw={860}
        bg={`${warna}.0`}
        style={{ borderTop: `12px solid var(--mantine-color-${warna}-6)` }}
        data-testid="kiosk-hasil"
        data-hasil={hasil.hasil}
        data-alasan={hasil.alasan}
      >
        <Stack gap="lg" align="center" ta="center">
          <Text fw={800} c={`${warna}.9`} lh={1.15} style={{ fontSize: '3.2rem' }} data-testid="kiosk-judul">
            {judul}
          </Text>
          {hasil.hasil !== 'diterima' && hasil.nama ? (
            <Text size="2rem" fw={600} data-testid="kiosk-nama">
              {hasil.nama}
            </Text>
          ) : null}
          {hasil.hasil === 'diterima' ? (
            <Text size="2rem" fw={500} data-testid="kiosk-tercatat">
              {t(`ki.tercatat.${jenis}`, { jam })}
            </Text>
          ) : (
            <>
              <Text size="1.7rem" lh={1.35} data-testid="kiosk-pesan">
                {pick(hasil.pesan)}
              </Text>
              <Text size="lg" c="dimmed">
                {t('ki.pukul', { jam })}
              </Text>
            </>
          )}
          <Button size="xl" radius="xl" color={warna} onClick={onSelesai} data-testid="kiosk-selesai" mt="md">
            {t('ki.selesai')}
          </Button>
          <Text c="dimmed">{t('ki.kembaliDalam', { detik })}</Text>
        </Stack>
      </Card>
    </Center>
  );
}

export function KioskPage() {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null>(bacaToken);
  const [tahap, setTahap] = useState<Tahap>(token ? 'memeriksa' : 'pasang');
  const [pesanPasang, setPesanPasang] = useState<string | null>(null);
  const [info, setInfo] = useState<KioskSaya | null>(null);
  const [selisih, setSelisih] = useState(0);
  const [jenis, setJenis] = useState<Jenis>('masuk');
  const [tantangan, setTantangan] = useState<TantanganBaru | null>(null);
  const [hasil, setHasil] = useState<HasilAbsenWajah | null>(null);
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [kiriman, setKiriman] = useState<IsianKios | null>(null);
  const [detik, setDetik] = useState(0);
  const [yakinLepas, setYakinLepas] = useState(false);
  const perekam = usePerekam();
  const { tutup } = perekam;
  /** Each tap starts a round; going back to idle ends it, and a round that was ended changes nothing. */
  const putaran = useRef(0);
  useEffect(
    () => () => {
      putaran.current++;
    },
    [],
  );

  /** Back to set-up: the token is forgotten, with the server's words when it refused it. */
  const lepas = useCallback(
    (pesan: string | null) => {
      tutup();
      try {
        localStorage.removeItem(KUNCI_TOKEN);
      } catch {
        // private mode: nothing was kept
      }
      setToken(null);
      setInfo(null);
      setPesanPasang(pesan);
      setTahap('pasang');
    },
    [tutup],
  );

  /** GET /api/kiosk: the kiosk's identity and the server's clock (the tablet's clock decides nothing). */
  const periksa = useCallback(
    async (tk: string, awal: boolean) => {
      if (awal) setTahap('memeriksa');
      const mulai = Date.now();
      try {
        const k = await kioskSaya(tk);
        const selesai = Date.now();
        setSelisih(Date.parse(k.waktu_server) - (mulai + selesai) / 2);
        setInfo(k);
        if (awal) {
          localStorage.setItem(KUNCI_TOKEN, tk);
          setToken(tk);
          setPesanPasang(null);
          setTahap('siap');
        }
      } catch (e) {
        if (tokenDitolak(e)) lepas(keApiError(e).message);
        else if (awal && bacaToken() === tk) {
          // a kept token and no answer: the network, not the token; keep it and offer to try again
          setGalat(keApiError(e));
          setTahap('putus');
        } else if (awal) {
          setPesanPasang(keApiError(e).message);
          setTahap('pasang');
        }
      }
    },
    [lepas],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, with the token kept from before
  useEffect(() => {
    if (token) void periksa(token, true);
  }, []);

  useEffect(() => {
    if (!token || tahap !== 'siap') return;
    const h = setInterval(() => void periksa(token, false), SEGARKAN_MS);
    return () => clearInterval(h);
  }, [token, tahap, periksa]);

  // The page names the kiosk, and the tablet's screen stays on while it is set up (where the browser allows).
  useEffect(() => {
    if (!info) return;
    document.title = `${t('ki.judul')} · ${info.opd_nama}`;
    let kunci: WakeLockSentinel | null = null;
    const minta = () => {
      if (document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
      navigator.wakeLock.request('screen').then(
        (k) => {
          kunci = k;
        },
        () => undefined, // refused (battery saver, no permission): the kiosk works regardless
      );
    };
    minta();
    document.addEventListener('visibilitychange', minta);
    return () => {
      document.removeEventListener('visibilitychange', minta);
      void kunci?.release();
    };
  }, [info, t]);

  const keSiap = useCallback(() => {
    putaran.current++;
    tutup();
    setHasil(null);
    setGalat(null);
    setKiriman(null);
    setTantangan(null);
    setTahap('siap');
  }, [tutup]);

  // An answer or an error stays a few seconds, then the kiosk is ready for the next person.
  useEffect(() => {
    if (tahap !== 'hasil' && tahap !== 'galat') return;
    let sisa = tahap === 'hasil' ? TAMPIL_HASIL_DETIK : TAMPIL_GALAT_DETIK;
    setDetik(sisa);
    const h = setInterval(() => {
      sisa -= 1;
      setDetik(sisa);
      if (sisa <= 0) keSiap();
    }, 1000);
    return () => clearInterval(h);
  }, [tahap, keSiap]);

  const gagal = (ke: number, e: unknown) => {
    tutup();
    if (putaran.current !== ke) return;
    if (tokenDitolak(e)) return lepas(keApiError(e).message);
    const kamera = e instanceof DOMException && (e.name === 'NotAllowedError' || e.name === 'NotFoundError');
    setGalat(
      kamera ? new ApiError(0, 'KAMERA', t('absen.galat.kamera', { pesan: e.message })) : keApiError(e),
    );
    setTahap('galat');
  };

  const kirim = async (ke: number, tk: string, isian: IsianKios) => {
    setGalat(null);
    setTahap('mengirim');
    try {
      const h = await absenKios(tk, isian);
      if (putaran.current !== ke) return;
      setHasil(h);
      setTahap('hasil');
    } catch (e) {
      gagal(ke, e);
    }
  };

  const mulai = async (j: Jenis) => {
    if (!token) return;
    const ke = ++putaran.current;
    setJenis(j);
    setHasil(null);
    setGalat(null);
    setKiriman(null);
    setTantangan(null);
    setTahap('menyiapkan');
    try {
      const [guide, tt] = await Promise.all([perekam.buka(), tantanganKios(token)]);
      if (putaran.current !== ke) return tutup();
      setTantangan(tt);
      setTahap('merekam');
      const bingkai = await perekam.rekam(guide, tt);
      tutup();
      if (!bingkai || putaran.current !== ke) return; // cancelled: already back to idle
      const isian: IsianKios = {
        bingkai,
        tantanganId: tt.id,
        jenis: j,
        idKlien: crypto.randomUUID(),
        waktuPerangkat: new Date().toISOString(),
      };
      setKiriman(isian);
      await kirim(ke, token, isian);
    } catch (e) {
      gagal(ke, e);
    }
  };

  const zona = (info?.zona_waktu ?? 'Asia/Jakarta') as ZonaWaktu;
  const merekam = tahap === 'menyiapkan' || tahap === 'merekam' || tahap === 'mengirim';
  const bolehUlang = kiriman && galat && (galat.status === 0 || galat.status >= 500) && token;

  return (
    <Box
      h="100dvh"
      style={{
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #eef3fb 0%, #f8fafc 100%)',
        overflow: 'hidden',
      }}
      data-testid="kiosk"
      data-tahap={tahap}
    >
      <Group
        justify="space-between"
        px="xl"
        py="md"
        bg="white"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={700} size="xl" truncate data-testid="kiosk-opd">
            {info?.opd_nama ?? t('ki.judul')}
          </Text>
          <Text c="dimmed" truncate>
            {info ? info.pemda_nama : t('app.nama')}
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap">
          {info ? (
            <Badge variant="light" color="gray" size="lg">
              {t('ki.kode', { kode: info.kode })}
            </Badge>
          ) : null}
          <LangSwitch size="sm" />
        </Group>
      </Group>

      <Box style={{ flex: 1, minHeight: 0 }}>
        {tahap === 'memeriksa' ? (
          <Center h="100%">
            <Loader mr="md" />
            <Text size="xl">{t('ki.pasang.memeriksa')}</Text>
          </Center>
        ) : null}
        {tahap === 'pasang' ? <Pasang pesan={pesanPasang} onSimpan={(tk) => void periksa(tk, true)} /> : null}
        {tahap === 'putus' && token ? (
          <Center h="100%" p="xl">
            <Alert color="orange" title={t('ki.galatMuat')} maw={640} data-testid="kiosk-putus">
              <Stack gap="sm" align="flex-start">
                <Text>{galat?.message}</Text>
                <Button onClick={() => void periksa(token, true)}>{t('umum.cobaLagi')}</Button>
              </Stack>
            </Alert>
          </Center>
        ) : null}

        {tahap === 'siap' && info ? (
          <Stack h="100%" justify="center" align="center" gap={40} px="xl">
            <Jam info={info} selisih={selisih} />
            <Text size="1.5rem" c="dimmed" ta="center">
              {t('ki.pilih')}
            </Text>
            <Group gap={40} wrap="nowrap">
              {(['masuk', 'pulang'] as const).map((j) => (
                <Button
                  key={j}
                  onClick={() => void mulai(j)}
                  color={j === 'masuk' ? 'teal' : 'indigo'}
                  radius="xl"
                  h={150}
                  w={320}
                  styles={{ label: { fontSize: '2.6rem', fontWeight: 700 } }}
                  data-testid={`kiosk-${j}`}
                >
                  {t(`ki.${j}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : null}

        <Box
          h="100%"
          p="xl"
          style={{
            display: merekam ? 'grid' : 'none',
            gridTemplateColumns: '3fr 2fr',
            gap: 32,
            alignItems: 'center',
          }}
        >
          <Box pos="relative">
            <VideoPemandu
              perekam={perekam}
              tampil={merekam}
              testid="kiosk-video"
              style={{ borderRadius: 16, maxHeight: 'calc(100dvh - 180px)', objectFit: 'cover' }}
            />
            {tahap === 'mengirim' || tahap === 'menyiapkan' ? (
              <Center
                pos="absolute"
                inset={0}
                style={{ background: 'rgba(15, 23, 42, 0.55)', borderRadius: 16 }}
              >
                <Loader color="white" mr="md" />
                <Text c="white" size="1.6rem" fw={600}>
                  {tahap === 'mengirim' ? t('ki.mengirim') : t('ki.menyiapkan')}
                </Text>
              </Center>
            ) : null}
          </Box>
          <Stack gap="lg">
            <Badge size="xl" color={jenis === 'masuk' ? 'teal' : 'indigo'} variant="filled" radius="sm">
              {t('ki.absenJenis', { jenis: t(`ki.${jenis}`) })}
            </Badge>
            {tahap === 'merekam' && tantangan ? (
              <LangkahPemandu perekam={perekam} tantangan={tantangan} awalan="kiosk" besar />
            ) : null}
            {tahap !== 'mengirim' ? (
              <Button size="lg" variant="default" onClick={keSiap} data-testid="kiosk-batal">
                {t('ki.batal')}
              </Button>
            ) : null}
          </Stack>
        </Box>

        {tahap === 'hasil' && hasil ? (
          <Hasil hasil={hasil} jenis={jenis} zona={zona} detik={detik} onSelesai={keSiap} />
        ) : null}
        {tahap === 'galat' && galat ? (
          <Center h="100%" p="xl">
            <Card padding={40} radius="lg" maw={760} w="100%" bg="orange.0" data-testid="kiosk-galat">
              <Stack gap="md" align="center" ta="center">
                <Text fw={800} size="2.4rem" c="orange.9">
                  {t('ki.gagal')}
                </Text>
                <Text size="1.5rem">{galat.message}</Text>
                <Group mt="md">
                  {bolehUlang ? (
                    <Button
                      size="xl"
                      radius="xl"
                      onClick={() => void kirim(putaran.current, token, kiriman)}
                      data-testid="kiosk-kirim-ulang"
                    >
                      {t('ki.kirimUlang')}
                    </Button>
                  ) : null}
                  <Button
                    size="xl"
                    radius="xl"
                    variant="default"
                    onClick={keSiap}
                    data-testid="kiosk-selesai"
                  >
                    {t('ki.selesai')}
                  </Button>
                </Group>
                <Text c="dimmed">{t('ki.kembaliDalam', { detik })}</Text>
              </Stack>
            </Card>
          </Center>
        ) : null}
      </Box>

      {tahap === 'siap' ? (
        <Group justify="space-between" px="xl" py="xs">
          <Text size="sm" c="dimmed">
            Sigap · {t('ki.judul')}
          </Text>
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            onClick={() => setYakinLepas(true)}
            data-testid="kiosk-lepas"
          >
            {t('ki.lepas')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={yakinLepas} onClose={() => setYakinLepas(false)} title={t('ki.lepas')} centered>
        <Stack>
          <Text>{t('ki.lepas.yakin')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setYakinLepas(false)}>
              {t('ki.batal')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setYakinLepas(false);
                lepas(null);
              }}
              data-testid="kiosk-lepas-ya"
            >
              {t('ki.lepas')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  );
}
