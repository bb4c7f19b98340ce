import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { keApiError } from '../../lib/api';
import { fmtKoordinat, fmtWaktu } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { OpdMap } from '../org/OpdMap';
import { useAturanWfh, useDaftarRumah, usePutusRumah } from './lokasi.api';

// Home locations of the OPD's people (docs/wfh.md §2): the proposals made from a person's first location
// reports wait here for the OPD admin, who confirms or refuses each; never accepted silently.

type Status = 'diusulkan' | 'dikonfirmasi' | 'ditolak';

export function RumahPegawaiPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>('diusulkan');
  const daftar = useDaftarRumah(status);
  const aturan = useAturanWfh();
  return (
    <Stack maw={820} gap="md">
      <Title order={2}>{t('rumah.judul')}</Title>
      <Text c="dimmed">{t('rumah.bantuan', { m: aturan.data?.radius_rumah_m ?? 150 })}</Text>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={(['diusulkan', 'dikonfirmasi', 'ditolak'] as const).map((s) => ({
          value: s,
          label: t(`rumah.status.${s}` as MessageKey),
        }))}
        data-testid="rumah-status"
      />
      {daftar.error ? <Alert color="red">{daftar.error.message}</Alert> : null}
      {daftar.data?.length === 0 ? (
        <Text c="dimmed" data-testid="rumah-kosong">
          {t('rumah.kosong')}
        </Text>
      ) : null}
      {daftar.data?.map((r) => (
        <KartuRumah key={r.id} r={r} radiusM={aturan.data?.radius_rumah_m ?? 150} />
      ))}
    </Stack>
  );
}

function KartuRumah({
  r,
  radiusM,
}: {
  r: NonNullable<ReturnType<typeof useDaftarRumah>['data']>[number];
  radiusM: number;
}) {
  const { t, lang } = useI18n();
  const me = useMe();
  const putus = usePutusRumah();
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState<string | null>(null);
  const kirim = async (putusan: 'dikonfirmasi' | 'ditolak') => {
    setGalat(null);
    try {
      await putus.mutateAsync({ id: r.id, putusan, catatan });
    } catch (e) {
      setGalat(keApiError(e).message);
    }
  };
  return (
    <Card withBorder data-testid="rumah-kartu" data-nama={r.nama}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {r.nama} {r.nip ? `· ${r.nip}` : ''}
          </Text>
          <Badge variant="light">{r.opd_kode}</Badge>
        </Group>
        <Text size="sm">
          {r.asal === 'usulan' ? t('rumah.dasar', { n: r.jumlah_dasar }) : t('rumah.olehAdmin')} ·{' '}
          {fmtKoordinat(r.lat, r.lng)} · {fmtWaktu(r.dibuat_pada, me.pemda.zona_waktu, lang)}
        </Text>
        <div style={{ height: 220 }}>
          <OpdMap lat={r.lat} lng={r.lng} radiusM={radiusM} label={r.nama} />
        </div>
        {r.catatan ? <Text size="sm">{r.catatan}</Text> : null}
        {r.status === 'diusulkan' ? (
          <Group align="end">
            <TextInput
              label={t('rumah.catatan')}
              value={catatan}
              onChange={(e) => setCatatan(e.currentTarget.value)}
              maxLength={500}
              style={{ flex: 1 }}
            />
            <Button
              onClick={() => void kirim('dikonfirmasi')}
              loading={putus.isPending}
              data-testid="rumah-konfirmasi"
            >
              {t('rumah.konfirmasi')}
            </Button>
            <Button
              variant="light"
              color="red"
              onClick={() => void kirim('ditolak')}
              loading={putus.isPending}
              data-testid="rumah-tolak"
            >
              {t('rumah.tolak')}
            </Button>
          </Group>
        ) : null}
        {galat ? <Alert color="red">{galat}</Alert> : null}
      </Stack>
    </Card>
  );
}
