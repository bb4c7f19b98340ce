import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BATAS_INDONESIA, RADIUS_GEOFENCE } from '@sigap/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { type ApiError, keApiError } from '../../lib/api';
import { type TFunction, useI18n } from '../../lib/i18n';
import type { OpdDetail, OpdNode } from '../../lib/types';
import { useUbahOpd } from './org.api';

/** A number field as typed: the number, null when empty, NaN when it is not a number. */
function angkaAtauKosong(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  const s = v.trim().replace(',', '.');
  if (s === '' || s === '-') return s === '' ? null : Number.NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

type Lokasi = { lat: number | string; lng: number | string; radiusM: number | string };
type MasalahLokasi = Partial<Record<keyof Lokasi, string>>;

/**
 * The office location's problems in words, as the import would word them: a coordinate inside Indonesia,
 * both or neither, a whole-metre radius the import allows and only with a location, and a location for
 * a top-level OPD (a unit may inherit its parent's).
 */
function masalahLokasi(l: Lokasi, puncak: boolean, t: TFunction) {
  const p: MasalahLokasi = {};
  const b = BATAS_INDONESIA;
  const lat = angkaAtauKosong(l.lat);
  const lng = angkaAtauKosong(l.lng);
  const radius = angkaAtauKosong(l.radiusM);
  if (lat !== null && (Number.isNaN(lat) || lat < b.latMin || lat > b.latMax)) p.lat = t('valid.lat');
  if (lng !== null && (Number.isNaN(lng) || lng < b.lngMin || lng > b.lngMax)) p.lng = t('valid.lng');
  if (!p.lat && !p.lng && (lat === null) !== (lng === null))
    p[lat === null ? 'lat' : 'lng'] = t('valid.pusatBerpasangan');
  if (!p.lat && !p.lng && lat === null && puncak) p.lat = t('valid.lokasiWajib');
  const { min, max } = RADIUS_GEOFENCE;
  if (radius !== null && (Number.isNaN(radius) || !Number.isInteger(radius) || radius < min || radius > max))
    p.radiusM = t('valid.radius', { min, max });
  else if (radius !== null && lat === null && !p.lat) p.radiusM = t('valid.radiusTanpaLokasi');
  return p;
}

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
  const { t, lang } = useI18n();
  const awal = {
    nama: d.nama,
    indukKode: d.induk_kode ?? '',
    kelasLayanan: d.kelas_layanan ?? '',
    lat: (d.lat ?? '') as number | string,
    lng: (d.lng ?? '') as number | string,
    radiusM: (d.radius_m ?? '') as number | string,
  };
  const [f, setF] = useState(awal);
  const masalah = useMemo(() => masalahLokasi(f, f.indukKode === '', t), [f, t]);
  const sah = Object.keys(masalah).length === 0;
  const [berlaku, setBerlaku] = useState(hariIni);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ubah = useUbahOpd();
  const set = (patch: Partial<typeof awal>) => {
    setF((x) => ({ ...x, ...patch }));
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !sah) return;
    const body: Record<string, string | number | null> = { berlaku };
    // The API's name of each field (snake_case).
    const kunci = {
      nama: 'nama',
      indukKode: 'induk_kode',
      kelasLayanan: 'kelas_layanan',
      lat: 'lat',
      lng: 'lng',
      radiusM: 'radius_m',
    } as const;
    for (const k of ['nama', 'indukKode', 'kelasLayanan'] as const)
      if (f[k] !== awal[k]) body[kunci[k]] = f[k];
    // The location is sent only when changed: a number, or null to empty it.
    for (const k of ['lat', 'lng', 'radiusM'] as const) {
      const baru = angkaAtauKosong(f[k]);
      if (baru !== angkaAtauKosong(awal[k])) body[kunci[k]] = baru;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await ubah.mutateAsync({ kode: d.kode, body });
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
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NumberInput
              label={t('ubah.lat')}
              value={f.lat}
              onChange={(v) => set({ lat: v })}
              decimalScale={7}
              decimalSeparator={lang === 'en' ? '.' : ','}
              allowedDecimalSeparators={['.', ',']}
              hideControls
              error={masalah.lat}
              data-testid="ubah-opd-lat"
            />
            <NumberInput
              label={t('ubah.lng')}
              value={f.lng}
              onChange={(v) => set({ lng: v })}
              decimalScale={7}
              decimalSeparator={lang === 'en' ? '.' : ','}
              allowedDecimalSeparators={['.', ',']}
              hideControls
              error={masalah.lng}
              data-testid="ubah-opd-lng"
            />
            <NumberInput
              label={t('ubah.radius')}
              value={f.radiusM}
              onChange={(v) => set({ radiusM: v })}
              allowDecimal={false}
              hideControls
              error={masalah.radiusM}
              data-testid="ubah-opd-radius"
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6} data-testid="ubah-opd-lokasi-bantuan">
            {f.indukKode === '' ? t('ubah.lokasiBantuanInduk') : t('ubah.lokasiBantuanUnit')}
          </Text>
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
              disabled={!berlaku || !f.nama.trim() || !sah}
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
