import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { ImportSummary, OpdDetail, OpdNode } from '../../lib/types';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'JARINGAN', String(e)));

/** Edit one OPD/unit from an effective date (PUT /api/opd/:kode; Pemda and BKPSDM admins). */
export function UbahOpd({
  d,
  opd,
  hariIni,
  onClose,
  onSaved,
}: {
  d: OpdDetail;
  opd: readonly OpdNode[];
  hariIni: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const awal = { nama: d.nama, indukKode: d.indukKode ?? '', kelasLayanan: d.kelasLayanan ?? '' };
  const [f, setF] = useState(awal);
  const [berlaku, setBerlaku] = useState(hariIni);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof awal>) => {
    setF((x) => ({ ...x, ...patch }));
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const body: Record<string, string> = { berlaku };
    for (const k of Object.keys(awal) as (keyof typeof awal)[]) if (f[k] !== awal[k]) body[k] = f[k];
    setBusy(true);
    setError(null);
    try {
      const r = await api<ImportSummary>(`/api/opd/${encodeURIComponent(d.kode)}`, { method: 'PUT', body });
      notifications.show({
        color: 'green',
        message: r.diubah > 0 ? t('ubah.disimpan') : t('ubah.tidakBerubah'),
      });
      onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('ubah.judulOpd')} size="md">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="ubah-opd-form">
        <Stack gap="sm">
          <TextInput
            label={t('opd.nama')}
            value={f.nama}
            onChange={(e) => set({ nama: e.currentTarget.value })}
            maxLength={200}
            required
            data-testid="ubah-opd-nama"
          />
          <Select
            label={t('opd.induk')}
            data={[
              { value: '', label: t('opd.tingkatAtas') },
              ...opd
                .filter((o) => o.kode !== d.kode)
                .map((o) => ({ value: o.kode, label: `${o.nama} (${o.kode})` })),
            ]}
            value={f.indukKode}
            onChange={(v) => set({ indukKode: v ?? '' })}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="ubah-opd-induk"
          />
          <Select
            label={t('opd.kelasLayanan')}
            data={[
              { value: 'pelayanan', label: t('org.kelas.pelayanan') },
              { value: 'non_pelayanan', label: t('org.kelas.non_pelayanan') },
            ]}
            value={f.kelasLayanan || null}
            onChange={(v) => v && set({ kelasLayanan: v })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="ubah-opd-kelas"
          />
          <TextInput
            type="date"
            label={t('ubah.berlaku')}
            description={t('ubah.berlakuBantuan')}
            value={berlaku}
            onChange={(e) => setBerlaku(e.currentTarget.value)}
            required
            data-testid="ubah-opd-berlaku"
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
              data-testid="ubah-opd-simpan"
            >
              {t('umum.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
