import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { HasilAbsenWajah, TantanganBaru } from '@sigap/domain/api/kehadiran';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { keApiError } from '../../lib/api';
import { fmtWaktu } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { type IsianAbsen, useAbsen, useTantangan } from './kehadiran.api';
import { amati, ambilBingkai, ambilLokasi, bukaKamera, muatPemandu, type Posisi } from './pemandu';
import { type KodePetunjuk, petunjukPemandu, type Sasaran, urutanSasaran } from './pemandu-aturan';

// Check-in and check-out from the phone (docs/kehadiran.md §6): the camera, the server's challenge, the
// face guide that captures a frame when it sees what is asked, the location, then POST /api/kehadiran and
// the server's verdict in words. The page decides nothing itself.

type Tahap = 'siap' | 'menyiapkan' | 'merekam' | 'mengirim' | 'selesai' | 'galat';

const JEDA_MS = 120;
/** Stop filming this long before the challenge expires, to leave time to send. */
const CADANGAN_MS = 10_000;

const tidur = (ms: number) => new Promise((r) => setTimeout(r, ms));

const KATA_PETUNJUK: Record<KodePetunjuk, MessageKey> = {
  tidak_ada_wajah: 'absen.petunjuk.tidakAdaWajah',
  banyak_wajah: 'absen.petunjuk.banyakWajah',
  terlalu_jauh: 'absen.petunjuk.terlaluJauh',
  terlalu_dekat: 'absen.petunjuk.terlaluDekat',
  tidak_di_tengah: 'absen.petunjuk.tidakDiTengah',
  terlalu_gelap: 'absen.petunjuk.terlaluGelap',
  ikuti_langkah: 'absen.petunjuk.ikutiLangkah',
  pas: 'absen.petunjuk.pas',
};

const WARNA_HASIL = { diterima: 'green', ditolak: 'red', ditinjau: 'yellow' } as const;

export function AbsenPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe();
  const [jenis, setJenis] = useState<'masuk' | 'pulang'>('masuk');
  const [tahap, setTahap] = useState<Tahap>('siap');
  const [galat, setGalat] = useState<string | null>(null);
  const [tantangan, setTantangan] = useState<TantanganBaru | null>(null);
  const [langkahKe, setLangkahKe] = useState(0);
  const [petunjuk, setPetunjuk] = useState<KodePetunjuk | null>(null);
  const [posisi, setPosisi] = useState<Posisi | null>(null);
  const [hasil, setHasil] = useState<HasilAbsenWajah | null>(null);
  const [kiriman, setKiriman] = useState<IsianAbsen | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const kanvasKecil = useRef<HTMLCanvasElement>(null);
  const kanvasBesar = useRef<HTMLCanvasElement>(null);
  const arus = useRef<MediaStream | null>(null);
  const berhenti = useRef(false);
  const minta = useTantangan();
  const absen = useAbsen();

  const tutupKamera = useCallback(() => {
    for (const tr of arus.current?.getTracks() ?? []) tr.stop();
    arus.current = null;
  }, []);
  useEffect(
    () => () => {
      berhenti.current = true;
      tutupKamera();
    },
    [tutupKamera],
  );

  const kirim = async (isian: IsianAbsen) => {
    setTahap('mengirim');
    try {
      setHasil(await absen.mutateAsync(isian));
      setTahap('selesai');
    } catch (e) {
      setGalat(keApiError(e).message);
      setTahap('galat');
    }
  };

  const mulai = async () => {
    berhenti.current = false;
    setGalat(null);
    setHasil(null);
    setKiriman(null);
    setLangkahKe(0);
    setPetunjuk(null);
    setTahap('menyiapkan');
    try {
      const [stream, lokasi, pemandu, tt] = await Promise.all([
        bukaKamera(),
        ambilLokasi(),
        muatPemandu(),
        minta.mutateAsync(),
      ]);
      arus.current = stream;
      setPosisi(lokasi);
      setTantangan(tt);
      const v = video.current;
      if (!v) throw new Error('video');
      v.srcObject = stream;
      await v.play();
      setTahap('merekam');
      const batas = Date.parse(tt.berlaku_sampai) - CADANGAN_MS;
      const urutan = urutanSasaran(tt.langkah);
      const bingkai: Blob[] = [];
      for (const [i, sasaran] of urutan.entries()) {
        setLangkahKe(i);
        for (;;) {
          if (berhenti.current) return;
          if (Date.now() > batas) throw new Error(t('absen.waktuHabis'));
          const o = await amati(pemandu, v, kanvasKecil.current!);
          const kode = petunjukPemandu(o, sasaran as Sasaran);
          setPetunjuk(kode);
          if (kode === 'pas') {
            bingkai.push(await ambilBingkai(v, kanvasBesar.current!));
            break;
          }
          await tidur(JEDA_MS);
        }
      }
      tutupKamera();
      const isian: IsianAbsen = {
        bingkai,
        tantanganId: tt.id,
        lat: lokasi.lat,
        lng: lokasi.lng,
        akurasiM: lokasi.akurasiM,
        jenis,
        idKlien: crypto.randomUUID(),
      };
      setKiriman(isian);
      await kirim(isian);
    } catch (e) {
      tutupKamera();
      const pesan =
        e instanceof GeolocationPositionError
          ? t('absen.galat.lokasi', { pesan: e.message })
          : e instanceof DOMException && (e.name === 'NotAllowedError' || e.name === 'NotFoundError')
            ? t('absen.galat.kamera', { pesan: e.message })
            : keApiError(e).message;
      setGalat(pesan);
      setTahap('galat');
    }
  };

  const urutan = tantangan ? urutanSasaran(tantangan.langkah) : [];
  const kataSasaran = (i: number) =>
    i === 0 ? t('absen.langkah.depan') : tantangan ? pick(tantangan.petunjuk[i - 1]!) : '';

  return (
    <Stack maw={560} gap="md">
      <Title order={2}>{t('absen.judul')}</Title>
      <Text c="dimmed">{t('absen.bantuan')}</Text>
      <SegmentedControl
        value={jenis}
        onChange={(v) => setJenis(v as 'masuk' | 'pulang')}
        disabled={tahap === 'menyiapkan' || tahap === 'merekam' || tahap === 'mengirim'}
        data={[
          { value: 'masuk', label: t('absen.jenis.masuk') },
          { value: 'pulang', label: t('absen.jenis.pulang') },
        ]}
        data-testid="absen-jenis"
      />
      <Box
        pos="relative"
        style={{ display: tahap === 'merekam' || tahap === 'menyiapkan' ? 'block' : 'none' }}
      >
        {/* mirrored on screen as a mirror is; the frames sent are the camera's own */}
        <video
          ref={video}
          playsInline
          muted
          style={{ width: '100%', borderRadius: 8, transform: 'scaleX(-1)', background: '#111' }}
          data-testid="absen-video"
        />
      </Box>
      <canvas ref={kanvasKecil} hidden />
      <canvas ref={kanvasBesar} hidden />

      {tahap === 'merekam' && tantangan ? (
        <Card withBorder data-testid="absen-langkah">
          <Text fw={600}>
            {t('absen.langkahKe', { i: langkahKe + 1, n: urutan.length })}: {kataSasaran(langkahKe)}
          </Text>
          {petunjuk ? (
            <Text
              c={petunjuk === 'pas' ? 'green' : 'orange'}
              data-testid="absen-petunjuk"
              data-kode={petunjuk}
            >
              {t(KATA_PETUNJUK[petunjuk])}
            </Text>
          ) : null}
        </Card>
      ) : null}
      {tahap === 'menyiapkan' ? <Text data-testid="absen-menyiapkan">{t('absen.menyiapkan')}</Text> : null}
      {tahap === 'mengirim' ? <Text>{t('absen.mengirim')}</Text> : null}

      {hasil ? (
        <Alert
          color={WARNA_HASIL[hasil.hasil]}
          title={t(`absen.hasil.${hasil.hasil}`)}
          data-testid="absen-hasil"
          data-hasil={hasil.hasil}
          data-alasan={hasil.alasan}
        >
          <Stack gap={4}>
            <Text>{pick(hasil.pesan)}</Text>
            <Text size="sm" c="dimmed">
              {t('absen.waktuServer', { waktu: fmtWaktu(hasil.waktu, me.pemda.zona_waktu, lang) })}
            </Text>
          </Stack>
        </Alert>
      ) : null}
      {galat ? (
        <Alert color="red" title={t('absen.gagal')} data-testid="absen-galat">
          <Stack gap="xs">
            <Text>{galat}</Text>
            {kiriman ? (
              <Group>
                <Button variant="light" onClick={() => void kirim(kiriman)} data-testid="absen-kirim-ulang">
                  {t('absen.kirimUlang')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}

      {tahap === 'siap' || tahap === 'selesai' || tahap === 'galat' ? (
        <Group>
          <Button size="lg" onClick={() => void mulai()} data-testid="absen-mulai">
            {tahap === 'siap' ? t('absen.mulai') : t('absen.lagi')}
          </Button>
        </Group>
      ) : (
        <Group>
          <Button
            variant="subtle"
            onClick={() => {
              berhenti.current = true;
              tutupKamera();
              setTahap('siap');
            }}
          >
            {t('absen.batal')}
          </Button>
        </Group>
      )}
      {posisi ? (
        <Badge variant="light" color="gray" data-testid="absen-lokasi">
          {t('absen.lokasi', { akurasi: Math.round(posisi.akurasiM) })}
        </Badge>
      ) : null}
      <List size="sm" c="dimmed">
        <List.Item>{t('absen.catatan.server')}</List.Item>
        <List.Item>{t('absen.catatan.simpan')}</List.Item>
        <List.Item>
          <Anchor component={Link} to="/wajah-saya">
            {t('absen.catatan.wajahSaya')}
          </Anchor>
        </List.Item>
      </List>
    </Stack>
  );
}
