import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { HasilAbsenWajah, TantanganBaru } from '@sigap/domain/api/kehadiran';
import { useState } from 'react';
import { Link } from 'react-router';
import { keApiError } from '../../lib/api';
import { fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { type IsianAbsen, useAbsen, useTantangan } from './kehadiran.api';
import { LangkahPemandu, usePerekam, VideoPemandu } from './Perekam';
import { ambilLokasi, type Posisi } from './pemandu';

// Check-in and check-out from the phone (docs/kehadiran.md §6): the camera, the server's challenge, the
// face guide that captures a frame when it sees what is asked (Perekam.tsx, shared with the kiosk), the
// location, then POST /api/kehadiran and the server's verdict in words. The page decides nothing itself.

type Tahap = 'siap' | 'menyiapkan' | 'merekam' | 'mengirim' | 'selesai' | 'galat';

const WARNA_HASIL = { diterima: 'green', ditolak: 'red', ditinjau: 'yellow' } as const;

export function AbsenPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe();
  const [jenis, setJenis] = useState<'masuk' | 'pulang'>('masuk');
  const [tahap, setTahap] = useState<Tahap>('siap');
  const [galat, setGalat] = useState<string | null>(null);
  const [tantangan, setTantangan] = useState<TantanganBaru | null>(null);
  const [posisi, setPosisi] = useState<Posisi | null>(null);
  const [hasil, setHasil] = useState<HasilAbsenWajah | null>(null);
  const [kiriman, setKiriman] = useState<IsianAbsen | null>(null);
  const perekam = usePerekam();
  const minta = useTantangan();
  const absen = useAbsen();

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
    setGalat(null);
    setHasil(null);
    setKiriman(null);
    setTahap('menyiapkan');
    try {
      const [guide, lokasi, tt] = await Promise.all([perekam.buka(), ambilLokasi(), minta.mutateAsync()]);
      setPosisi(lokasi);
      setTantangan(tt);
      setTahap('merekam');
      const bingkai = await perekam.rekam(guide, tt);
      perekam.tutup();
      if (!bingkai) {
        setTahap('siap'); // cancelled
        return;
      }
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
      perekam.tutup();
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
      <VideoPemandu
        perekam={perekam}
        tampil={tahap === 'merekam' || tahap === 'menyiapkan'}
        testid="absen-video"
      />

      {tahap === 'merekam' && tantangan ? (
        <LangkahPemandu perekam={perekam} tantangan={tantangan} awalan="absen" />
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
              perekam.tutup();
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
