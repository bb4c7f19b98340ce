import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { HariLokasi, HasilLaporLokasi } from '@sigap/domain/api/lokasi';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DaftarAntrean } from '../../components/DaftarAntrean';
import { useAntrean } from '../../lib/antrean';
import { keApiError } from '../../lib/api';
import { fmtTanggal, fmtWaktu } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { ambilLokasi } from '../kehadiran/pemandu';
import { useHariLokasi, useLaporLokasi } from './lokasi.api';

// Location reports from home (docs/wfh.md §2): the day's slots and their statuses, one button to report where
// the person is now, and what still waits in the phone's queue. The server decides everything; a report made
// without a connection waits in IndexedDB and is sent when the connection returns (lib/antrean.ts).

type StatusSlot = HariLokasi['slot'][number]['status'];

export const WARNA_SLOT: Record<StatusSlot, string> = {
  tepat_waktu: 'green',
  terlambat: 'yellow',
  izin_keluar: 'blue',
  menunggu_rumah: 'gray',
  di_luar_rumah: 'red',
  tidak_akurat: 'orange',
  terlewat: 'red',
  belum: 'gray',
};

export const WARNA_STATUS_WFH = {
  WFH_PATUH: 'green',
  WFH_TIDAK_PATUH: 'red',
  WFH_BELUM_DINILAI: 'gray',
} as const;

const WARNA_HASIL: Record<HasilLaporLokasi['hasil'], string> = {
  di_rumah: 'green',
  di_luar_rumah: 'red',
  tidak_akurat: 'orange',
  rumah_belum_dikenal: 'blue',
  di_luar_slot: 'gray',
  bukan_hari_wfh: 'gray',
};

/** The slots of a day with their statuses and the report that filled each (shared with the supervisor's view). */
export function TabelSlot({ hari }: { hari: HariLokasi }) {
  const { t } = useI18n();
  const laporan = new Map(hari.laporan.map((l) => [l.id, l]));
  return (
    <Table striped data-testid="lokasi-slot">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('lokasi.slot')}</Table.Th>
          <Table.Th>{t('lokasi.status')}</Table.Th>
          <Table.Th>{t('lokasi.laporan')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {hari.slot.map((s) => {
          const l = s.laporan_id ? laporan.get(s.laporan_id) : undefined;
          return (
            <Table.Tr key={s.ke} data-testid={`lokasi-slot-${s.ke}`} data-status={s.status}>
              <Table.Td>
                {s.buka}–{s.tutup}
              </Table.Td>
              <Table.Td>
                <Badge color={WARNA_SLOT[s.status]} variant="light">
                  {t(`lokasi.statusSlot.${s.status}` as MessageKey)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {l ? (
                  <Text size="sm">
                    {l.jam}
                    {l.jarak_m !== null ? ` · ${t('lokasi.jarak', { m: l.jarak_m })}` : ''}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The day's WFH status and its reasons. */
export function StatusHariWfh({ hari }: { hari: HariLokasi }) {
  const { t, pick } = useI18n();
  if (!hari.status) return null;
  return (
    <Stack gap={4} data-testid="lokasi-status" data-status={hari.status}>
      <Badge color={WARNA_STATUS_WFH[hari.status]} size="lg" variant="filled">
        {t(`hk.status.${hari.status}` as MessageKey)}
      </Badge>
      {hari.alasan.length > 0 ? (
        <List size="sm">
          {hari.alasan.map((a) => (
            <List.Item key={a.kode}>{pick(a.pesan)}</List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

export function LaporLokasiPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const hari = useHariLokasi();
  const lapor = useLaporLokasi();
  const [hasil, setHasil] = useState<HasilLaporLokasi | 'antre' | null>(null);
  const [galat, setGalat] = useState<string | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const zona = me.pemda.zona_waktu;
  const segarkan = useCallback(() => void qc.invalidateQueries({ queryKey: ['lokasi'] }), [qc]);
  const antrean = useAntrean(segarkan).filter((k) => k.jenis === 'lokasi');

  const laporkan = async () => {
    setGalat(null);
    setHasil(null);
    setSibuk(true);
    try {
      const p = await ambilLokasi();
      const r = await lapor.mutateAsync(p);
      setHasil(r ?? 'antre');
      segarkan();
    } catch (e) {
      setGalat(
        e instanceof GeolocationPositionError
          ? t('absen.galat.lokasi', { pesan: e.message })
          : keApiError(e).message,
      );
    } finally {
      setSibuk(false);
    }
  };

  const h = hari.data;
  return (
    <Stack maw={640} gap="md">
      <Title order={2}>{t('lokasi.judul')}</Title>
      <Text c="dimmed">{t('lokasi.bantuan')}</Text>
      {hari.error ? <Alert color="red">{hari.error.message}</Alert> : null}
      {h ? (
        <Card withBorder data-testid="lokasi-hari">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{fmtTanggal(h.tanggal, lang, true)}</Text>
              <Badge variant="light">{h.jadwal ?? t('lokasi.tanpaJadwal')}</Badge>
            </Group>
            {h.aturan ? (
              <Text size="sm">
                {t('lokasi.aturan', {
                  jam: h.aturan.setiap_jam,
                  dari: h.aturan.dari,
                  sampai: h.aturan.sampai,
                })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed" data-testid="lokasi-tidak-wajib">
                {t('lokasi.tidakWajib')}
              </Text>
            )}
            <Text size="sm" data-testid="lokasi-rumah" data-rumah={h.rumah}>
              {t(`lokasi.rumah.${h.rumah}` as MessageKey)}
            </Text>
            <StatusHariWfh hari={h} />
          </Stack>
        </Card>
      ) : null}

      <Button size="lg" onClick={() => void laporkan()} loading={sibuk} data-testid="lokasi-lapor">
        {t('lokasi.lapor')}
      </Button>

      {hasil === 'antre' ? (
        <Alert color="blue" title={t('lokasi.antre.judul')} data-testid="lokasi-antre">
          {t('lokasi.antre.isi')}
        </Alert>
      ) : hasil ? (
        <Alert
          color={WARNA_HASIL[hasil.hasil]}
          title={t(`lokasi.hasil.${hasil.hasil}` as MessageKey)}
          data-testid="lokasi-hasil"
          data-hasil={hasil.hasil}
        >
          <Stack gap={4}>
            <Text>{pick(hasil.pesan)}</Text>
            <Text size="sm" c="dimmed">
              {t('lokasi.diterima', { waktu: fmtWaktu(hasil.waktu_terima, zona, lang) })}
            </Text>
          </Stack>
        </Alert>
      ) : null}
      {galat ? (
        <Alert color="red" title={t('lokasi.gagal')} data-testid="lokasi-galat">
          {galat}
        </Alert>
      ) : null}

      {antrean.length > 0 ? <DaftarAntrean antrean={antrean} zona={zona} /> : null}

      {h && h.slot.length > 0 ? <TabelSlot hari={h} /> : null}
      <Group gap="md" data-testid="lokasi-tautan">
        <Anchor component={Link} to="/izin-keluar">
          {t('lokasi.tautanIzin')}
        </Anchor>
        <Anchor component={Link} to="/pernyataan">
          {t('lokasi.tautanPernyataan')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** A person's WFH day as their supervisor or OPD admin sees it (from the daily view): read only. */
export function HariWfhPage() {
  const { t, lang } = useI18n();
  const { pegawaiId } = useParams();
  const [cari] = useSearchParams();
  const hari = useHariLokasi({ pegawaiId: pegawaiId ?? '', tanggal: cari.get('tanggal') ?? undefined });
  const h = hari.data;
  return (
    <Stack maw={640} gap="md" data-testid="hari-wfh">
      <Title order={2}>{t('lokasi.hariWfh')}</Title>
      {hari.error ? <Alert color="red">{hari.error.message}</Alert> : null}
      {h ? (
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600} data-testid="hari-wfh-nama">
                {h.nama}
              </Text>
              <Text>{fmtTanggal(h.tanggal, lang, true)}</Text>
            </Group>
            {h.aturan ? (
              <Text size="sm">
                {t('lokasi.aturan', {
                  jam: h.aturan.setiap_jam,
                  dari: h.aturan.dari,
                  sampai: h.aturan.sampai,
                })}
              </Text>
            ) : null}
            <Text size="sm">{t(`lokasi.rumahOrang.${h.rumah}` as MessageKey)}</Text>
            <StatusHariWfh hari={h} />
          </Stack>
        </Card>
      ) : null}
      {h && h.slot.length > 0 ? <TabelSlot hari={h} /> : null}
      {h?.laporan.some((l) => l.tanda.length > 0) ? (
        <List size="sm" data-testid="hari-wfh-tanda">
          {h.laporan
            .filter((l) => l.tanda.length > 0)
            .map((l) => (
              <List.Item key={l.id}>
                {l.jam}: {l.tanda.map((x) => t(`lokasi.tanda.${x}` as MessageKey)).join(', ')}
              </List.Item>
            ))}
        </List>
      ) : null}
    </Stack>
  );
}
