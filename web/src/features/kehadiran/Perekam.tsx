import { Box, Card, Text } from '@mantine/core';
import type { TantanganBaru } from '@sigap/domain/api/kehadiran';
import type { Human } from '@vladmandic/human';
import { type CSSProperties, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { amati, ambilBingkai, bukaKamera, muatPemandu } from './pemandu';
import { type KodePetunjuk, petunjukPemandu, type Sasaran, urutanSasaran } from './pemandu-aturan';

// The camera and the browser face guide shared by the phone's check-in (/absen) and the kiosk (/kiosk):
// open the front camera and the guide, then for each step of the server's challenge look at the video
// until the guide sees what is asked and take that frame. The server checks every frame again.

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

export interface Perekam {
  readonly video: RefObject<HTMLVideoElement | null>;
  readonly kanvasKecil: RefObject<HTMLCanvasElement | null>;
  readonly kanvasBesar: RefObject<HTMLCanvasElement | null>;
  /** the step being filmed (0 = facing the camera) and the guide's last advice */
  readonly langkahKe: number;
  readonly petunjuk: KodePetunjuk | null;
  /** Opens the front camera and loads the guide (in parallel), and plays the camera in the video element. */
  readonly buka: () => Promise<Human>;
  /** Films the challenge's steps: one frame per step; null when stopped on the way. */
  readonly rekam: (guide: Human, tantangan: TantanganBaru) => Promise<Blob[] | null>;
  /** Stops filming (if it runs) and releases the camera. */
  readonly tutup: () => void;
}

/** The camera, the guide and the capture loop; the camera is released on unmount. */
export function usePerekam(): Perekam {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const kanvasKecil = useRef<HTMLCanvasElement>(null);
  const kanvasBesar = useRef<HTMLCanvasElement>(null);
  const arus = useRef<MediaStream | null>(null);
  const berhenti = useRef(false);
  const [langkahKe, setLangkahKe] = useState(0);
  const [petunjuk, setPetunjuk] = useState<KodePetunjuk | null>(null);

  const tutup = useCallback(() => {
    berhenti.current = true;
    for (const tr of arus.current?.getTracks() ?? []) tr.stop();
    arus.current = null;
    if (video.current) video.current.srcObject = null;
  }, []);
  useEffect(() => tutup, [tutup]);

  const buka = useCallback(async () => {
    berhenti.current = false;
    setLangkahKe(0);
    setPetunjuk(null);
    const [stream, guide] = await Promise.all([bukaKamera(), muatPemandu()]);
    if (berhenti.current) {
      for (const tr of stream.getTracks()) tr.stop();
      return guide;
    }
    arus.current = stream;
    const v = video.current;
    if (!v) throw new Error('video');
    v.srcObject = stream;
    await v.play();
    return guide;
  }, []);

  const rekam = useCallback(
    async (guide: Human, tt: TantanganBaru) => {
      const v = video.current;
      if (!v) throw new Error('video');
      const batas = Date.parse(tt.berlaku_sampai) - CADANGAN_MS;
      const bingkai: Blob[] = [];
      for (const [i, sasaran] of urutanSasaran(tt.langkah).entries()) {
        setLangkahKe(i);
        for (;;) {
          if (berhenti.current) return null;
          if (Date.now() > batas) throw new Error(t('absen.waktuHabis'));
          const o = await amati(guide, v, kanvasKecil.current!);
          const kode = petunjukPemandu(o, sasaran as Sasaran);
          setPetunjuk(kode);
          if (kode === 'pas') {
            bingkai.push(await ambilBingkai(v, kanvasBesar.current!));
            break;
          }
          await tidur(JEDA_MS);
        }
      }
      return berhenti.current ? null : bingkai;
    },
    [t],
  );

  return { video, kanvasKecil, kanvasBesar, langkahKe, petunjuk, buka, rekam, tutup };
}

/** The mirrored camera picture (the frames sent are the camera's own) and the guide's hidden canvases. */
export function VideoPemandu({
  perekam,
  tampil,
  testid,
  style,
}: {
  perekam: Perekam;
  tampil: boolean;
  testid: string;
  style?: CSSProperties;
}) {
  return (
    <>
      <Box pos="relative" style={{ display: tampil ? 'block' : 'none' }}>
        <video
          ref={perekam.video}
          playsInline
          muted
          style={{
            width: '100%',
            borderRadius: 8,
            transform: 'scaleX(-1)',
            background: '#111',
            display: 'block',
            ...style,
          }}
          data-testid={testid}
        />
      </Box>
      <canvas ref={perekam.kanvasKecil} hidden />
      <canvas ref={perekam.kanvasBesar} hidden />
    </>
  );
}

/**
 * The step being filmed in words and the guide's advice ("Dekatkan wajah…", "Bagus, gambar diambil"); test
 * ids `<awalan>-langkah` and `<awalan>-petunjuk`.
 */
export function LangkahPemandu({
  perekam,
  tantangan,
  awalan,
  besar = false,
}: {
  perekam: Perekam;
  tantangan: TantanganBaru;
  awalan: string;
  besar?: boolean;
}) {
  const { t, pick } = useI18n();
  const n = urutanSasaran(tantangan.langkah).length;
  const i = perekam.langkahKe;
  const kata = i === 0 ? t('absen.langkah.depan') : pick(tantangan.petunjuk[i - 1]!);
  const p = perekam.petunjuk;
  return (
    <Card withBorder data-testid={`${awalan}-langkah`} padding={besar ? 'xl' : 'md'}>
      <Text size={besar ? 'lg' : 'sm'} c="dimmed">
        {t('absen.langkahKe', { i: i + 1, n })}
      </Text>
      <Text fw={700} size={besar ? '1.9rem' : 'md'} lh={1.25}>
        {kata}
      </Text>
      {p ? (
        <Text
          mt={besar ? 'md' : 4}
          size={besar ? 'xl' : 'md'}
          c={p === 'pas' ? 'green' : 'orange'}
          data-testid={`${awalan}-petunjuk`}
          data-kode={p}
        >
          {t(KATA_PETUNJUK[p])}
        </Text>
      ) : null}
    </Card>
  );
}
