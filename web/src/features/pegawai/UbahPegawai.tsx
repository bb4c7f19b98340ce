import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { JABATAN_LEVEL, LABEL_JABATAN_LEVEL } from '@sigap/domain';
import { type FormEvent, useState } from 'react';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { labelOf } from '../../lib/labels';
import type { OpdNode, PegawaiDetail } from '../../lib/types';
import { type SasaranNonaktif, useNonaktifkan, useUbahPegawai } from './pegawai.api';

/** Edit one employee from an effective date (PUT /api/pegawai/:id). */
export function UbahPegawai({
  p,
  opd,
  hariIni,
  opened,
  onClose,
  onSaved,
}: {
  p: PegawaiDetail;
  opd: readonly OpdNode[];
  hariIni: string;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const awal = {
    nama: p.nama,
    opdKode: p.opd_kode ?? '',
    jabatanLevel: p.jabatan_level ?? '',
    jabatan: p.jabatan ?? '',
    email: p.email ?? '',
    telepon: p.telepon ?? '',
  };
  /** The API's name of each field (snake_case). */
  const KUNCI = {
    nama: 'nama',
    opdKode: 'opd_kode',
    jabatanLevel: 'jabatan_level',
    jabatan: 'jabatan',
    email: 'email',
    telepon: 'telepon',
  } as const;
  const [f, setF] = useState(awal);
  const [berlaku, setBerlaku] = useState(hariIni);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ubah = useUbahPegawai();
  const set = (patch: Partial<typeof awal>) => {
    setF((x) => ({ ...x, ...patch }));
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    // Only the fields changed are sent (hidden contact data is never overwritten with blanks).
    const body: Record<string, string> = { berlaku };
    for (const k of Object.keys(awal) as (keyof typeof awal)[]) if (f[k] !== awal[k]) body[KUNCI[k]] = f[k];
    setBusy(true);
    setError(null);
    try {
      const r = await ubah.mutateAsync({ id: p.id, body });
      notifications.show({
        color: 'green',
        message: r.diubah > 0 ? t('ubah.disimpan') : t('ubah.tidakBerubah'),
      });
      onSaved();
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('ubah.judulPegawai')} size="md">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="ubah-pegawai-form">
        <Stack gap="sm">
          <TextInput
            label={t('pegawai.nama')}
            value={f.nama}
            onChange={(e) => set({ nama: e.currentTarget.value })}
            maxLength={200}
            required
            data-testid="ubah-nama"
          />
          <Select
            label={t('pegawai.unit')}
            data={opd.map((o) => ({ value: o.kode, label: `${o.nama} (${o.kode})` }))}
            value={f.opdKode || null}
            onChange={(v) => v && set({ opdKode: v })}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="ubah-opd"
          />
          <Select
            label={t('pegawai.level')}
            data={JABATAN_LEVEL.map((l) => ({ value: l, label: labelOf(LABEL_JABATAN_LEVEL, l, lang) }))}
            value={f.jabatanLevel || null}
            onChange={(v) => v && set({ jabatanLevel: v })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="ubah-level"
          />
          <TextInput
            label={t('pegawai.jabatan')}
            value={f.jabatan}
            onChange={(e) => set({ jabatan: e.currentTarget.value })}
            maxLength={200}
            data-testid="ubah-jabatan"
          />
          <TextInput
            label={t('pegawai.email')}
            type="email"
            value={f.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            maxLength={200}
            data-testid="ubah-email"
          />
          <TextInput
            label={t('pegawai.telepon')}
            type="tel"
            value={f.telepon}
            onChange={(e) => set({ telepon: e.currentTarget.value })}
            maxLength={40}
            data-testid="ubah-telepon"
          />
          <TextInput
            type="date"
            label={t('ubah.berlaku')}
            description={t('ubah.berlakuBantuan')}
            value={berlaku}
            onChange={(e) => setBerlaku(e.currentTarget.value)}
            required
            data-testid="ubah-berlaku"
          />
          {error && (
            <Alert color="red" data-testid="ubah-galat">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('umum.batal')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={!berlaku || !f.nama.trim()}
              data-testid="ubah-simpan"
            >
              {t('umum.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deactivate (POST …/nonaktifkan) with a date and a confirmation; used for employees and OPDs. */
export function Nonaktifkan({
  sasaran,
  judul,
  tanya,
  hariIni,
  opened,
  onClose,
  onDone,
}: {
  sasaran: SasaranNonaktif;
  judul: string;
  tanya: string;
  hariIni: string;
  opened: boolean;
  onClose: () => void;
  onDone: (berlaku: string) => void;
}) {
  const { t, lang } = useI18n();
  const [berlaku, setBerlaku] = useState(hariIni);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nonaktifkan = useNonaktifkan();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await nonaktifkan.mutateAsync({ sasaran, berlaku });
      // The server's own words for an employee (saying whether a sign-in account was switched off too).
      const pesan = 'message' in r ? r.message : null;
      notifications.show({
        color: 'green',
        message: pesan ?? t('ubah.dinonaktifkan', { tanggal: fmtTanggal(berlaku, lang, true) }),
        autoClose: pesan ? 12_000 : undefined,
      });
      onDone(berlaku);
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={judul} size="md">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="nonaktif-form">
        <Stack gap="sm">
          <Text size="sm">{tanya}</Text>
          <TextInput
            type="date"
            label={t('ubah.berlaku')}
            value={berlaku}
            onChange={(e) => setBerlaku(e.currentTarget.value)}
            required
            data-testid="nonaktif-berlaku"
          />
          {error && (
            <Alert color="red" data-testid="nonaktif-galat">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('umum.batal')}
            </Button>
            <Button type="submit" color="red" loading={busy} disabled={!berlaku} data-testid="nonaktif-ya">
              {t('ubah.nonaktifYa')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
