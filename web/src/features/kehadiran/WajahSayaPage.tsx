import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { HasilDaftarFoto } from '@sigap/domain/api/wajah';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { keApiError } from '../../lib/api';
import { fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { useCabutWajahSaya, useDaftarWajahSaya, useSetujuWajah, useWajahSaya } from './kehadiran.api';
import { amati, ambilBingkai, bukaKamera, muatPemandu } from './pemandu';
import { petunjukPemandu } from './pemandu-aturan';

// A person's own face data (issue 10 item 1, docs/wajah.md, docs/privacy.md): what is held (consents,
// templates per model, whether photos are kept), consent, enrolment from three camera photos taken when the
// guide sees one face, centred, close enough and facing the camera, and withdrawal (templates deleted).

const JUMLAH_FOTO = 3;

export function WajahSayaPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe();
  const q = useWajahSaya();
  const setuju = useSetujuWajah();
  const daftar = useDaftarWajahSaya();
  const cabut = useCabutWajahSaya();
  const [merekam, setMerekam] = useState(false);
  const [diambil, setDiambil] = useState(0);
  const [hasil, setHasil] = useState<HasilDaftarFoto | null>(null);
  const [galat, setGalat] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const kanvas = useRef<HTMLCanvasElement>(null);
  const arus = useRef<MediaStream | null>(null);
  useEffect(
    () => () => {
      for (const tr of arus.current?.getTracks() ?? []) tr.stop();
    },
    [],
  );

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const w = q.data;

  const rekam = async () => {
    setGalat(null);
    setHasil(null);
    setDiambil(0);
    setMerekam(true);
    try {
      const [stream, pemandu] = await Promise.all([bukaKamera(), muatPemandu()]);
      arus.current = stream;
      const v = video.current!;
      v.srcObject = stream;
      await v.play();
      const foto: Blob[] = [];
      const batas = Date.now() + 60_000;
      while (foto.length < JUMLAH_FOTO) {
        if (Date.now() > batas) throw new Error(t('wajahSaya.waktuHabis'));
        const o = await amati(pemandu, v, kanvas.current!);
        if (petunjukPemandu(o, 'depan') === 'pas') {
          foto.push(await ambilBingkai(v, kanvas.current!));
          setDiambil(foto.length);
          await new Promise((r) => setTimeout(r, 700)); // a little apart: three moments, not one
        } else {
          await new Promise((r) => setTimeout(r, 150));
        }
      }
      for (const tr of stream.getTracks()) tr.stop();
      setHasil(await daftar.mutateAsync(foto));
    } catch (e) {
      setGalat(keApiError(e).message);
    } finally {
      for (const tr of arus.current?.getTracks() ?? []) tr.stop();
      setMerekam(false);
    }
  };

  return (
    <Stack maw={720} gap="md">
      <Title order={2}>{t('wajahSaya.judul')}</Title>
      <Text c="dimmed">{pick(w.pesan)}</Text>
      <Card withBorder data-testid="wajah-saya-ringkas">
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={600}>{t('wajahSaya.persetujuan')}</Text>
            <Badge color={w.persetujuan_aktif ? 'green' : 'gray'} variant="light">
              {w.persetujuan_aktif ? t('wajahSaya.aktif') : t('wajahSaya.tidakAktif')}
            </Badge>
          </Group>
          <Group gap="xs">
            <Text fw={600}>{t('wajahSaya.templat')}</Text>
            <Text data-testid="wajah-saya-templat">
              {t('wajahSaya.jumlahTemplat', { n: w.templat.jumlah })}
            </Text>
            {w.templat.lengkap ? (
              <Badge color="green" variant="light">
                {t('wajahSaya.lengkap')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">
            {w.foto.disimpan
              ? t('wajahSaya.fotoDisimpan', { hari: w.foto.simpan_foto_hari, n: w.foto.jumlah })
              : t('wajahSaya.fotoTidakDisimpan')}
          </Text>
        </Stack>
      </Card>

      {!w.persetujuan_aktif ? (
        <Card withBorder>
          <Stack gap="xs">
            <Text>{t('wajahSaya.mintaSetuju')}</Text>
            <Group>
              <Button loading={setuju.isPending} onClick={() => setuju.mutate()} data-testid="wajah-setuju">
                {t('wajahSaya.setuju')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : (
        <Card withBorder>
          <Stack gap="xs">
            <Text>{t('wajahSaya.bantuanRekam', { n: JUMLAH_FOTO })}</Text>
            <video
              ref={video}
              playsInline
              muted
              style={{
                width: '100%',
                maxWidth: 480,
                borderRadius: 8,
                transform: 'scaleX(-1)',
                display: merekam ? 'block' : 'none',
              }}
            />
            <canvas ref={kanvas} hidden />
            {merekam ? <Text>{t('wajahSaya.diambil', { i: diambil, n: JUMLAH_FOTO })}</Text> : null}
            <Group>
              <Button
                onClick={() => void rekam()}
                loading={merekam || daftar.isPending}
                data-testid="wajah-rekam"
              >
                {t('wajahSaya.rekam')}
              </Button>
              <Button
                color="red"
                variant="light"
                loading={cabut.isPending}
                onClick={() => {
                  if (window.confirm(t('wajahSaya.yakinCabut'))) cabut.mutate();
                }}
                data-testid="wajah-cabut"
              >
                {t('wajahSaya.cabut')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {galat ? (
        <Alert color="red" data-testid="wajah-galat">
          {galat}
        </Alert>
      ) : null}
      {hasil ? (
        <Alert color={hasil.lengkap ? 'green' : 'yellow'} data-testid="wajah-hasil" title={pick(hasil.pesan)}>
          <List size="sm">
            {hasil.foto.map((f) => (
              <List.Item key={f.nama}>
                {f.nama}:{' '}
                {f.hasil === 'diterima' ? t('wajahSaya.fotoDiterima') : f.alasan.map(pick).join('; ')}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {cabut.data ? <Alert color="gray">{pick(cabut.data.pesan)}</Alert> : null}

      {w.persetujuan.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('wajahSaya.diberikan')}</Table.Th>
              <Table.Th>{t('wajahSaya.tujuan')}</Table.Th>
              <Table.Th>{t('wajahSaya.dicabut')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {w.persetujuan.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{fmtWaktu(p.diberikan_pada, me.pemda.zona_waktu, lang)}</Table.Td>
                <Table.Td>{p.tujuan}</Table.Td>
                <Table.Td>
                  {p.dicabut_pada ? fmtWaktu(p.dicabut_pada, me.pemda.zona_waktu, lang) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
