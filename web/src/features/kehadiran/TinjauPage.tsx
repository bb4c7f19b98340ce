import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { keApiError } from '../../lib/api';
import { fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { alamatBingkai, usePutusTinjauan, useTinjauan } from './kehadiran.api';

// The OPD admin's review queue (docs/kehadiran.md §7): face check-ins whose score fell between the review
// bound and the match threshold, with the frames the person sent; accept (the check-in counts on the day) or
// refuse, with a note. The frames are deleted with the decision.

export function TinjauPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const q = useTinjauan();
  const putus = usePutusTinjauan();
  const [catatan, setCatatan] = useState<Record<string, string>>({});

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;

  const putuskan = async (id: string, putusan: 'diterima' | 'ditolak') => {
    try {
      await putus.mutateAsync({ id, putusan, catatan: catatan[id] ?? '' });
      notifications.show({ color: 'green', message: t(`tinjau.diputus.${putusan}`) });
    } catch (e) {
      notifications.show({ color: 'red', message: keApiError(e).message });
    }
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('tinjau.judul')}</Title>
      <Text c="dimmed">{t('tinjau.bantuan')}</Text>
      {q.data.length === 0 ? (
        <Alert color="gray" data-testid="tinjau-kosong">
          {t('tinjau.kosong')}
        </Alert>
      ) : null}
      {q.data.map((r) => (
        <Card key={r.kehadiran_id} withBorder data-testid="tinjau-item">
          <Stack gap="xs">
            <Group gap="xs">
              <Text fw={600}>{r.nama}</Text>
              <Text c="dimmed">{r.nip ?? r.id_pegawai}</Text>
              {r.opd_kode ? <Badge variant="light">{r.opd_kode}</Badge> : null}
              <Badge color="yellow" variant="light">
                {t('tinjau.skor', { skor: r.skor.toFixed(3) })}
              </Badge>
            </Group>
            <Text size="sm">
              {t(r.jenis === 'pulang' ? 'absen.jenis.pulang' : 'absen.jenis.masuk')} ·{' '}
              {fmtWaktu(r.waktu, me.pemda.zona_waktu, lang)}
              {r.sumber === 'kiosk'
                ? ` · ${t('tinjau.kios', { kode: r.perangkat_kode ?? '' })}`
                : r.akurasi_m !== null
                  ? ` · ±${Math.round(r.akurasi_m)} m`
                  : ''}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {Array.from({ length: r.jumlah_bingkai }, (_, i) => alamatBingkai(r.kehadiran_id, i)).map(
                (src, i) => (
                  <Image
                    key={src}
                    src={src}
                    alt={t('tinjau.gambar', { i: i + 1 })}
                    radius="sm"
                    style={{ transform: 'scaleX(-1)' }}
                  />
                ),
              )}
            </SimpleGrid>
            <Textarea
              label={t('tinjau.catatan')}
              maxLength={500}
              value={catatan[r.kehadiran_id] ?? ''}
              onChange={(e) => setCatatan((c) => ({ ...c, [r.kehadiran_id]: e.currentTarget.value }))}
            />
            <Group>
              <Button
                color="green"
                onClick={() => void putuskan(r.kehadiran_id, 'diterima')}
                data-testid="tinjau-terima"
              >
                {t('tinjau.terima')}
              </Button>
              <Button color="red" variant="light" onClick={() => void putuskan(r.kehadiran_id, 'ditolak')}>
                {t('tinjau.tolak')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
