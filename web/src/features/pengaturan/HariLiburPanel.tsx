import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtAngka, fmtTanggal } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { csvDataUrl, JENIS_LIBUR, masalahLibur, tahunDominan, templatLiburCsv } from '../../lib/libur';
import type { HariLibur } from '../../lib/types';
import { useHapusLibur, useHariLibur, useImporLibur, useTambahLibur } from './pengaturan.api';

const LIBUR_COLOR: Record<HariLibur['jenis'], string> = {
  libur_nasional: 'red',
  cuti_bersama: 'orange',
  libur_daerah: 'grape',
};

/**
 * The holiday calendar of a year; the Pemda admin adds and deletes days and imports next year's decree
 * (CSV, all-or-nothing on the server).
 */
export function HariLiburPanel({ thisYear, canEdit }: { thisYear: number; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const [tahun, setTahun] = useState(String(thisYear));
  const libur = useHariLibur(tahun);
  const years = Array.from({ length: thisYear + 2 - 2020 }, (_, i) => String(2020 + i));
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<HariLibur | null>(null);

  /** Shows the year a change landed in (the write itself refreshes the year shown). */
  const show = (year: number | null) => {
    if (year !== null && String(year) !== tahun && year >= 2000 && year <= 2100) setTahun(String(year));
  };

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={4}>{t('atur.hariLibur', { tahun })}</Title>
          <Group gap="xs">
            {libur.data && (
              <Text size="sm" c="dimmed" data-testid="libur-jumlah">
                {t('atur.jumlahLibur', { n: libur.data.length })}
              </Text>
            )}
            <Select
              aria-label={t('atur.tahun')}
              data={years.includes(tahun) ? years : [...years, tahun].sort()}
              value={tahun}
              onChange={(v) => v && setTahun(v)}
              w={110}
              allowDeselect={false}
              data-testid="atur-tahun"
            />
            {canEdit && (
              <>
                <Button onClick={() => setAdding(true)} data-testid="libur-tambah">
                  {t('libur.tambah')}
                </Button>
                <Button variant="light" onClick={() => setImporting(true)} data-testid="libur-impor-buka">
                  {t('libur.impor')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {libur.error && <ErrorAlert error={libur.error} onRetry={() => void libur.refetch()} />}
        {libur.isLoading && !libur.data && <Loading />}
        {libur.data && (
          <Table.ScrollContainer minWidth={canEdit ? 720 : 640}>
            <Table striped data-testid="atur-libur">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={230}>{t('atur.tanggal')}</Table.Th>
                  <Table.Th w={150}>{t('atur.jenisLibur')}</Table.Th>
                  <Table.Th>{t('atur.namaLibur')}</Table.Th>
                  <Table.Th>{t('atur.dasar')}</Table.Th>
                  {canEdit && <Table.Th w={90} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {libur.data.map((h) => (
                  <Table.Tr key={h.tanggal} data-testid="libur-row" data-tanggal={h.tanggal}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmtTanggal(h.tanggal, lang, true)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" tt="none" color={LIBUR_COLOR[h.jenis] ?? 'gray'}>
                        {t(`atur.jenis.${h.jenis}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{h.nama}</Table.Td>
                    <Table.Td fz="xs" c="dimmed">
                      {h.dasar}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td ta="right">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(h)}
                          data-testid={`libur-hapus-${h.tanggal}`}
                        >
                          {t('libur.hapus')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
                {libur.data.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={canEdit ? 5 : 4} c="dimmed">
                      {t('umum.tidakAdaData')}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {canEdit && (
        <ImporLibur
          opened={importing}
          onClose={() => setImporting(false)}
          tahun={thisYear + 1}
          onDone={show}
        />
      )}

      {canEdit && (
        <TambahLibur
          opened={adding}
          onClose={() => setAdding(false)}
          onSaved={(d) => {
            setAdding(false);
            show(Number(d.tanggal.slice(0, 4)));
          }}
        />
      )}
      {canEdit && (
        <HapusLibur
          day={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}

const KOSONG = { tanggal: '', jenis: 'libur_daerah' as HariLibur['jenis'], nama: '', dasar: '' };

function TambahLibur({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (d: HariLibur) => void;
}) {
  const { t, lang } = useI18n();
  const tambahLibur = useTambahLibur();
  const [f, setF] = useState(KOSONG);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const m = masalahLibur(f);
  const valid = !m.tanggal && !m.nama && !m.dasar;
  const msg = (k: 'wajib' | 'tanggalSalah' | 'terlaluPanjang' | null, field: string): string | undefined =>
    k && touched[field] ? t(`valid.${k}` as MessageKey) : undefined;
  const set = (patch: Partial<typeof KOSONG>) => {
    setF((x) => ({ ...x, ...patch }));
    setTouched((x) => ({ ...x, ...Object.fromEntries(Object.keys(patch).map((k) => [k, true])) }));
    setError(null);
  };
  const close = () => {
    setF(KOSONG);
    setTouched({});
    setError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched({ tanggal: true, nama: true, dasar: true });
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    const day: HariLibur = { ...f, nama: f.nama.trim(), dasar: f.dasar.trim() };
    try {
      await tambahLibur.mutateAsync(day);
      notifications.show({
        color: 'green',
        message: t('libur.disimpan', { tanggal: fmtTanggal(day.tanggal, lang, true) }),
      });
      setF(KOSONG);
      setTouched({});
      onSaved(day);
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('libur.tambah')} size="md">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="libur-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('libur.tambahBantuan')}
          </Text>
          <TextInput
            type="date"
            label={t('atur.tanggal')}
            value={f.tanggal}
            onChange={(e) => set({ tanggal: e.currentTarget.value })}
            error={msg(m.tanggal, 'tanggal')}
            description={f.tanggal && !m.tanggal ? fmtTanggal(f.tanggal, lang, true) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            data-testid="libur-input-tanggal"
          />
          <Select
            label={t('atur.jenisLibur')}
            data={JENIS_LIBUR.map((j) => ({ value: j, label: t(`atur.jenis.${j}`) }))}
            value={f.jenis}
            onChange={(v) => v && set({ jenis: v as HariLibur['jenis'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="libur-input-jenis"
          />
          <TextInput
            label={t('atur.namaLibur')}
            value={f.nama}
            onChange={(e) => set({ nama: e.currentTarget.value })}
            error={msg(m.nama, 'nama')}
            required
            maxLength={200}
            data-testid="libur-input-nama"
          />
          <TextInput
            label={t('atur.dasar')}
            value={f.dasar}
            onChange={(e) => set({ dasar: e.currentTarget.value })}
            error={msg(m.dasar, 'dasar')}
            data-testid="libur-input-dasar"
          />
          {error && (
            <Alert color="red" data-testid="libur-form-galat">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('umum.batal')}
            </Button>
            <Button type="submit" loading={busy} disabled={!valid} data-testid="libur-simpan">
              {t('umum.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function HapusLibur({
  day,
  onClose,
  onDeleted,
}: {
  day: HariLibur | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t, lang } = useI18n();
  const hapusLibur = useHapusLibur();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Keep the text while the dialog closes.
  const [shown, setShown] = useState<HariLibur | null>(null);
  if (day && day !== shown) setShown(day);

  const confirm = async () => {
    if (!day) return;
    setBusy(true);
    setError(null);
    try {
      await hapusLibur.mutateAsync(day.tanggal);
      notifications.show({
        color: 'green',
        message: t('libur.dihapus', { tanggal: fmtTanggal(day.tanggal, lang, true) }),
      });
      onDeleted();
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={day !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={t('libur.hapusJudul')}
      size="md"
    >
      <Stack gap="sm" data-testid="libur-hapus-dialog">
        {shown && (
          <Text size="sm">
            {t('libur.hapusTanya', { tanggal: fmtTanggal(shown.tanggal, lang, true), nama: shown.nama })}
          </Text>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-testid="libur-hapus-batal">
            {t('umum.batal')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="libur-hapus-ya">
            {t('libur.hapus')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type HasilImpor =
  | { readonly ok: true; readonly n: number }
  | { readonly ok: false; readonly error: ApiError };

/** "Impor keputusan tahun berikutnya": a template, the CSV upload, the server's answer. */
function ImporLibur({
  opened,
  onClose,
  tahun,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  tahun: number;
  onDone: (year: number | null) => void;
}) {
  const { t, lang } = useI18n();
  const imporLibur = useImporLibur();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [hasil, setHasil] = useState<HasilImpor | null>(null);

  const close = () => {
    setFile(null);
    setHasil(null);
    onClose();
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setHasil(null);
    try {
      const text = await file.text();
      const r = await imporLibur.mutateAsync(text);
      setHasil({ ok: true, n: r.diubah });
      onDone(tahunDominan(text));
    } catch (err) {
      setHasil({ ok: false, error: keApiError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('libur.impor')} size="lg">
      <Stack gap="sm" data-testid="libur-impor">
        <Text size="sm" c="dimmed">
          {t('libur.imporBantuan', { tahun })}
        </Text>
        <Anchor
          href={csvDataUrl(templatLiburCsv(tahun))}
          download={`hari-libur-${tahun}.csv`}
          size="sm"
          w="fit-content"
          data-testid="libur-templat"
        >
          {t('libur.templat', { tahun })}
        </Anchor>
        <FileInput
          label={t('libur.berkas')}
          placeholder={t('libur.pilihBerkas')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setHasil(null);
          }}
          clearable
          data-testid="libur-berkas"
        />
        {hasil?.ok && (
          <Alert color="green" data-testid="libur-impor-hasil">
            {t('libur.diperbarui', { n: fmtAngka(hasil.n, lang) })}
          </Alert>
        )}
        {hasil && !hasil.ok && (
          <Alert color="red" title={t('libur.imporGagal')} data-testid="libur-impor-galat">
            {hasil.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-testid="libur-impor-tutup">
            {t('umum.tutup')}
          </Button>
          <Button onClick={() => void run()} disabled={!file} loading={busy} data-testid="libur-impor-tombol">
            {t('libur.imporTombol')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
