import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Pesan } from '@sigap/domain';
import type { BuatJadwal } from '@sigap/domain/api/jadwal';
import type { RujukanAturan } from '@sigap/domain/api/umum';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtAngka, fmtTanggal, fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import type { PilihanSel } from './JadwalGrid';
import { GAYA_STATUS, LABEL_ALASAN, labelPeriode, paletVars, STATUS_UBAH, type StatusUbah } from './jadwal';
import { useBuatJadwal, useLepasKunci, usePeriksaJadwal, useTerbitkan, useUbahSel } from './jadwal.api';
import type { HasilBuat, VersiJadwal } from './types';

/**
 * Adjusting one cell: WFO / WFH / PIKET with an optional note, checked by the server at once. A refusal
 * (409) is shown in the server's words and nothing changes; warnings of an accepted change are shown
 * after it. A locked cell can be released.
 */
export function SelModal({
  pilihan,
  aturan,
  onClose,
  onBerubah,
}: {
  pilihan: PilihanSel;
  aturan: RujukanAturan | null;
  onClose: () => void;
  /** after a change; with the warnings of an accepted change */
  onBerubah: (peringatan: readonly Pesan[]) => void;
}) {
  const { t, lang, pick } = useI18n();
  const { orang, hari, sel } = pilihan;
  const [status, setStatus] = useState<StatusUbah>(
    (STATUS_UBAH as readonly string[]).includes(sel.s) ? (sel.s as StatusUbah) : 'WFO',
  );
  const [catatan, setCatatan] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [sibuk, setSibuk] = useState<'simpan' | 'lepas' | null>(null);
  const ubahSel = useUbahSel();
  const lepasKunci = useLepasKunci();

  const simpan = () => {
    setSibuk('simpan');
    setGalat(null);
    ubahSel
      .mutateAsync({ key: orang.key, tanggal: hari.tanggal, status, catatan: catatan.trim() || undefined })
      .then((r) => {
        notifications.show({
          color: 'green',
          title: t('jd.ubah.tersimpan'),
          message: t('jd.ubah.tersimpanIsi', {
            nama: orang.nama,
            tanggal: fmtTanggal(hari.tanggal, lang),
            lama: r.sebelumnya,
            baru: r.status,
          }),
        });
        onBerubah(r.peringatan);
        onClose();
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(null);
      });
  };

  const lepas = () => {
    setSibuk('lepas');
    setGalat(null);
    lepasKunci
      .mutateAsync({ key: orang.key, tanggal: hari.tanggal })
      .then(() => {
        notifications.show({ color: 'green', message: t('jd.ubah.kunciDilepas') });
        onBerubah([]);
        onClose();
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(null);
      });
  };

  return (
    <Modal opened onClose={onClose} title={t('jd.ubah.judul')} size="md">
      {/* The modal lives in a portal, outside the page that carries the palette. */}
      <Stack gap="sm" data-testid="sel-modal" style={paletVars()}>
        <Box>
          <Text fw={700}>{orang.nama}</Text>
          <Text size="sm" c="dimmed">
            {orang.key} · {orang.unit_kode}
          </Text>
          <Text size="sm">{fmtTanggal(hari.tanggal, lang, true)}</Text>
        </Box>
        <Group gap="xs">
          <Text size="sm">{t('jd.ubah.sekarang')}</Text>
          <span className="sj-status" data-s={sel.s} data-testid="sel-sekarang">
            {sel.s} · {pick(GAYA_STATUS[sel.s].label)}
          </span>
          {sel.k && (
            <Badge size="sm" color="dark" variant="light">
              {t('jd.dikunci')}
            </Badge>
          )}
          {sel.d && (
            <Badge size="sm" color="gray" variant="outline">
              {t('jd.draf')}
            </Badge>
          )}
        </Group>
        {aturan && (
          <Text size="sm" c="dimmed">
            {t('jd.aturan')}: {aturan.judul_aturan} ({aturan.nomor})
          </Text>
        )}
        {LABEL_ALASAN[sel.r] && (
          <Text size="sm" c="dimmed">
            {t('jd.alasan')}: {pick(LABEL_ALASAN[sel.r]!)}
          </Text>
        )}
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as StatusUbah)}
          data={STATUS_UBAH.map((s) => ({
            value: s,
            label: <span data-testid={`sel-pilih-${s}`}>{s === 'PIKET' ? 'Piket' : s}</span>,
          }))}
          fullWidth
          data-testid="sel-status"
        />
        <Text size="xs" c="dimmed">
          {pick(GAYA_STATUS[status].label)}
        </Text>
        <TextInput
          label={t('jd.ubah.catatan')}
          placeholder={t('jd.ubah.catatanContoh')}
          value={catatan}
          onChange={(e) => setCatatan(e.currentTarget.value)}
          maxLength={500}
          data-testid="sel-catatan"
        />
        <Text size="xs" c="dimmed">
          {t('jd.ubah.bantuan')}
        </Text>
        {galat && (
          <Alert color="red" variant="light" title={t('jd.ubah.ditolak')} data-testid="sel-galat">
            <Text size="sm" data-testid="sel-galat-pesan">
              {galat.message}
            </Text>
          </Alert>
        )}
        <Group justify="space-between" wrap="wrap">
          {sel.k ? (
            <Button
              variant="subtle"
              color="dark"
              onClick={lepas}
              loading={sibuk === 'lepas'}
              data-testid="sel-lepas"
            >
              {t('jd.ubah.lepasKunci')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('umum.batal')}
            </Button>
            <Button
              onClick={simpan}
              loading={sibuk === 'simpan'}
              disabled={status === sel.s && !sel.k}
              data-testid="sel-simpan"
            >
              {t('umum.simpan')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Rebuilding the schedule of the period (and OPD) as a new draft; the violations it could not avoid. */
export function BuatModal({
  dari,
  sampai,
  opd,
  opdNama,
  onClose,
}: {
  dari: string;
  sampai: string;
  opd: string | null;
  opdNama: string;
  onClose: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const [hasil, setHasil] = useState<HasilBuat | null>(null);
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const [terbit, setTerbit] = useState<number | null>(null);
  const [kohort, setKohort] = useState(false);
  const [utamakanPermintaan, setUtamakanPermintaan] = useState(false);

  const buatJadwal = useBuatJadwal();
  const terbitkanDraf = useTerbitkan();
  const buat = () => {
    setSibuk(true);
    setGalat(null);
    const body: BuatJadwal = {
      dari,
      sampai,
      opd_kode: opd ?? undefined,
      kohort,
      urutan_sasaran: utamakanPermintaan
        ? ['permintaan', 'merata', 'rotasi_piket', 'kohort', 'stabil']
        : undefined,
    };
    buatJadwal
      .mutateAsync(body)
      .then((r) => {
        setHasil(r);
        setSibuk(false);
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(false);
      });
  };
  const terbitkan = (id: string) => {
    setSibuk(true);
    setGalat(null);
    terbitkanDraf
      .mutateAsync(id)
      .then((r) => {
        setTerbit(r.diberitahu);
        setSibuk(false);
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(false);
      });
  };

  return (
    <Modal opened onClose={onClose} title={t('jd.buat.judul')} size="lg">
      <Stack gap="sm" data-testid="buat-modal">
        {!hasil && (
          <>
            <Text size="sm">
              {t('jd.buat.tanya', { cakupan: opdNama, periode: labelPeriode(dari, sampai, lang) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('jd.buat.bantuan')}
            </Text>
            <Checkbox
              checked={kohort}
              onChange={(e) => setKohort(e.currentTarget.checked)}
              label={t('jd.buat.kohort')}
              description={t('jd.buat.kohortBantuan')}
              data-testid="buat-kohort"
            />
            <Checkbox
              checked={utamakanPermintaan}
              onChange={(e) => setUtamakanPermintaan(e.currentTarget.checked)}
              label={t('jd.buat.permintaan')}
              description={t('jd.buat.permintaanBantuan')}
            />
          </>
        )}
        {hasil && (
          <Stack gap="xs" data-testid="buat-hasil" data-pelanggaran={hasil.pelanggaran.length}>
            <Alert color={hasil.pelanggaran.length ? 'orange' : 'green'} variant="light">
              <Text size="sm">
                {t('jd.buat.hasil', {
                  pegawai: fmtAngka(hasil.pegawai, lang),
                  hari: hasil.hari,
                })}
              </Text>
              <Text size="sm" fw={700} data-testid="buat-jumlah-pelanggaran">
                {hasil.pelanggaran.length === 0
                  ? t('jd.buat.tanpaPelanggaran')
                  : t('jd.buat.pelanggaran', { n: fmtAngka(hasil.pelanggaran.length, lang) })}
              </Text>
            </Alert>
            {hasil.pelanggaran.length > 0 && (
              <Box mah={280} style={{ overflow: 'auto' }}>
                <Table striped withTableBorder fz="sm">
                  <Table.Tbody>
                    {hasil.pelanggaran.slice(0, 300).map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
                      <Table.Tr key={i} data-testid="buat-pelanggaran" data-kode={p.kode}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmtTanggal(p.tanggal, lang)}</Table.Td>
                        <Table.Td>{pick(p.pesan)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            )}
            {terbit !== null && (
              <Alert color="green" variant="light" data-testid="buat-terbit">
                {t('jd.terbit.berhasil', { n: fmtAngka(terbit, lang) })}
              </Alert>
            )}
          </Stack>
        )}
        {galat && <ErrorAlert error={galat} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('umum.tutup')}
          </Button>
          {!hasil && (
            <Button onClick={buat} loading={sibuk} data-testid="buat-jalankan">
              {t('jd.buat.tombol')}
            </Button>
          )}
          {hasil && terbit === null && (
            <Button
              onClick={() => terbitkan(hasil.id)}
              loading={sibuk}
              color="green"
              data-testid="buat-terbitkan"
            >
              {t('jd.terbit.tombolDraf')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

const LABEL_JENIS_VERSI: Record<string, { id: string; en: string }> = {
  buat: { id: 'Dibuat', en: 'Built' },
  impor: { id: 'Impor rekap', en: 'Imported recap' },
  ubah: { id: 'Perubahan sel', en: 'Cell change' },
  cuti: { id: 'Cuti/izin dicatat', en: 'Leave recorded' },
};

/** The draft versions overlapping the period, each with a publish button. */
export function TerbitModal({ draf, onClose }: { draf: readonly VersiJadwal[]; onClose: () => void }) {
  const me = useMe();
  const { t, lang, pick } = useI18n();
  const [sibuk, setSibuk] = useState<string | null>(null);
  const [galat, setGalat] = useState<ApiError | null>(null);
  const terbitkanDraf = useTerbitkan();
  const terbitkan = (v: VersiJadwal) => {
    setSibuk(v.id);
    setGalat(null);
    terbitkanDraf
      .mutateAsync(v.id)
      .then((r) => {
        notifications.show({
          color: 'green',
          message: t('jd.terbit.berhasil', { n: fmtAngka(r.diberitahu, lang) }),
        });
        setSibuk(null);
      })
      .catch((e: unknown) => {
        setGalat(keApiError(e));
        setSibuk(null);
      });
  };
  return (
    <Modal opened onClose={onClose} title={t('jd.terbit.judul')} size="xl">
      <Stack gap="sm" data-testid="terbit-modal">
        <Text size="sm" c="dimmed">
          {t('jd.terbit.bantuan')}
        </Text>
        {galat && <ErrorAlert error={galat} />}
        {draf.length === 0 ? (
          <Text c="dimmed" data-testid="terbit-kosong">
            {t('jd.terbit.kosong')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jd.versi.jenis')}</Table.Th>
                  <Table.Th>{t('jd.versi.periode')}</Table.Th>
                  <Table.Th>{t('jd.versi.cakupan')}</Table.Th>
                  <Table.Th>{t('jd.versi.dibuat')}</Table.Th>
                  <Table.Th ta="right">{t('jd.versi.sel')}</Table.Th>
                  <Table.Th ta="right">{t('jd.versi.pelanggaran')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draf.map((v) => (
                  <Table.Tr key={v.id} data-testid="terbit-draf" data-id={v.id}>
                    <Table.Td>
                      {LABEL_JENIS_VERSI[v.jenis] ? pick(LABEL_JENIS_VERSI[v.jenis]!) : v.jenis}
                      {v.keterangan && (
                        <Text size="xs" c="dimmed">
                          {v.keterangan}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {labelPeriode(v.dari, v.sampai, lang)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{v.opd_kode ?? t('jd.seluruhPemda')}</Table.Td>
                    <Table.Td>
                      {v.dibuat_oleh}
                      <Text size="xs" c="dimmed">
                        {fmtWaktu(v.dibuat_pada, me.pemda.zona_waktu, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{fmtAngka(v.sel, lang)}</Table.Td>
                    <Table.Td ta="right" c={v.pelanggaran > 0 ? 'orange.8' : undefined}>
                      {fmtAngka(v.pelanggaran, lang)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        color="green"
                        loading={sibuk === v.id}
                        disabled={sibuk !== null && sibuk !== v.id}
                        onClick={() => terbitkan(v)}
                        data-testid="terbit-tombol"
                      >
                        {t('jd.terbit.tombol')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}

/** Every way the schedule in force breaks the policies: date, code, message. */
export function PeriksaModal({
  dari,
  sampai,
  opd,
  onClose,
}: {
  dari: string;
  sampai: string;
  opd: string | null;
  onClose: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const r = usePeriksaJadwal({ dari, sampai, opd });
  const temuan = r.data ?? [];
  return (
    <Modal opened onClose={onClose} title={t('jd.periksa.judul')} size="xl">
      <Stack gap="sm" data-testid="periksa-modal">
        <Text size="sm" c="dimmed">
          {t('jd.periksa.bantuan', { periode: labelPeriode(dari, sampai, lang) })}
        </Text>
        {r.isLoading && <Loading />}
        {r.error && <ErrorAlert error={r.error} onRetry={() => void r.refetch()} />}
        {r.data && (
          <Alert
            color={temuan.length ? 'orange' : 'green'}
            variant="light"
            data-testid="periksa-ringkas"
            data-jumlah={temuan.length}
          >
            {temuan.length === 0
              ? t('jd.periksa.bersih')
              : t('jd.periksa.jumlah', { n: fmtAngka(temuan.length, lang) })}
          </Alert>
        )}
        {temuan.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={130}>{t('jd.periksa.tanggal')}</Table.Th>
                  <Table.Th>{t('jd.periksa.pesan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {temuan.slice(0, 500).map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
                  <Table.Tr key={i} data-testid="periksa-temuan" data-kode={x.kode}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmtTanggal(x.tanggal, lang)}</Table.Td>
                    <Table.Td>{pick(x.pesan)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {temuan.length > 500 && (
          <Text size="xs" c="dimmed">
            {t('jd.periksa.dipotong', { n: 500 })}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
