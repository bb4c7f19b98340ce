import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  JENIS_PEMDA,
  type JenisPemda,
  namaHari,
  singkatanZona,
  ZONA_WAKTU,
  type ZonaWaktu,
} from '@sigap/domain';
import { jamKerjaDariApi, jamKerjaKeApi } from '@sigap/domain/api/pengaturan';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type ApiError, keApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import {
  type DraftHari,
  type DraftJamKerja,
  draftFrom,
  fmtDurasi,
  HARI,
  type Hari,
  ISTIRAHAT_MAKS,
  JAM_RE,
  jamKerjaSah,
  masalahHari,
  menitHari,
  menitMingguan,
  rapikanJam,
  toJamKerja,
} from '../../lib/jam-kerja';
import { useSession } from '../../lib/session';
import type { Pengaturan, PengaturanInput } from '../../lib/types';
import { useSimpanPengaturan } from './pengaturan.api';

/** Perpres 21/2023: 37.5 hours a week. */
const MENIT_PERPRES = 37 * 60 + 30;

interface Draft {
  readonly nama: string;
  readonly jenis: JenisPemda;
  readonly zonaWaktu: ZonaWaktu;
  readonly jam: DraftJamKerja;
  /** As typed: a number, or '' when empty. */
  readonly pusatLat: number | string;
  readonly pusatLng: number | string;
}

function draftOf(s: Pengaturan): Draft {
  return {
    nama: s.nama,
    jenis: s.jenis,
    zonaWaktu: s.zona_waktu,
    jam: draftFrom(jamKerjaDariApi(s.jam_kerja)),
    pusatLat: s.pusat_lat ?? '',
    pusatLng: s.pusat_lng ?? '',
  };
}

function numOrNull(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim().replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

function inputOf(d: Draft): PengaturanInput {
  return {
    nama: d.nama.trim(),
    jenis: d.jenis,
    zona_waktu: d.zonaWaktu,
    jam_kerja: jamKerjaKeApi(toJamKerja(d.jam)),
    pusat_lat: numOrNull(d.pusatLat),
    pusat_lng: numOrNull(d.pusatLng),
  };
}

type Problems = Partial<Record<'nama' | 'pusatLat' | 'pusatLng' | 'jam', string>>;

/** The editable settings (Pemda admin): identity, zone, centre and the working hours per weekday. */
export function PengaturanForm({ saved }: { saved: Pengaturan }) {
  const simpan = useSimpanPengaturan();
  const { t, lang } = useI18n();
  const { refresh } = useSession();
  const [base, setBase] = useState<Pengaturan>(saved);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const actionsRef = useRef<HTMLDivElement | null>(null);
  // The refusal shows above the buttons, which may sit below the fold: bring both into view.
  useEffect(() => {
    if (error) actionsRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const setHari = (h: Hari, patch: Partial<DraftHari>) =>
    setDraft((d) => ({ ...d, jam: { ...d.jam, [h]: { ...d.jam[h], ...patch } } }));

  const input = inputOf(draft);
  const dirty = JSON.stringify(input) !== JSON.stringify(inputOf(draftOf(base)));
  const total = menitMingguan(draft.jam);

  const problems = useMemo<Problems>(() => {
    const p: Problems = {};
    const nama = draft.nama.trim();
    if (nama.length < 3 || nama.length > 200) p.nama = t('valid.namaPemda');
    const lat = numOrNull(draft.pusatLat);
    const lng = numOrNull(draft.pusatLng);
    if (lat !== null && (Number.isNaN(lat) || lat < -11.5 || lat > 6.5)) p.pusatLat = t('valid.lat');
    if (lng !== null && (Number.isNaN(lng) || lng < 94.5 || lng > 141.5)) p.pusatLng = t('valid.lng');
    if (!p.pusatLat && !p.pusatLng && (lat === null) !== (lng === null)) {
      p[lat === null ? 'pusatLat' : 'pusatLng'] = t('valid.pusatBerpasangan');
    }
    if (!HARI.some((h) => draft.jam[h].aktif)) p.jam = t('valid.minimalSatuHari');
    return p;
  }, [draft, t]);
  const valid = Object.keys(problems).length === 0 && jamKerjaSah(draft.jam);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      const after = await simpan.mutateAsync(input);
      setBase(after);
      setDraft(draftOf(after));
      notifications.show({
        color: 'green',
        title: t('atur.tersimpan'),
        message: t('atur.totalMingguan', { jam: fmtDurasi(after.menit_kerja_mingguan, lang) }),
        'data-testid': 'atur-tersimpan',
      });
      // The header shows the Pemda's name and zone from the session.
      if (after.nama !== base.nama || after.zona_waktu !== base.zona_waktu) void refresh().catch(() => {});
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="atur-form">
      <Stack gap="md">
        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('atur.identitas')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <TextInput
              label={t('atur.nama')}
              value={draft.nama}
              onChange={(e) => set({ nama: e.currentTarget.value })}
              error={problems.nama}
              required
              data-testid="atur-input-nama"
            />
            <Select
              label={t('atur.jenis')}
              data={JENIS_PEMDA.map((j) => ({ value: j, label: t(`atur.jenisPemda.${j}`) }))}
              value={draft.jenis}
              onChange={(v) => v && set({ jenis: v as JenisPemda })}
              allowDeselect={false}
              data-testid="atur-input-jenis"
            />
            <Select
              label={t('atur.zona')}
              data={ZONA_WAKTU.map((z) => ({ value: z, label: `${singkatanZona(z)} (${z})` }))}
              value={draft.zonaWaktu}
              onChange={(v) => v && set({ zonaWaktu: v as ZonaWaktu })}
              allowDeselect={false}
              data-testid="atur-input-zona"
            />
            <NumberInput
              label={t('atur.pusatLat')}
              value={draft.pusatLat}
              onChange={(v) => set({ pusatLat: v })}
              decimalScale={6}
              hideControls
              error={problems.pusatLat}
              description={t('atur.pusatBantuan')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data-testid="atur-input-lat"
            />
            <NumberInput
              label={t('atur.pusatLng')}
              value={draft.pusatLng}
              onChange={(v) => set({ pusatLng: v })}
              decimalScale={6}
              hideControls
              error={problems.pusatLng}
              data-testid="atur-input-lng"
            />
          </SimpleGrid>
        </Card>

        <Card withBorder padding="md">
          <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap" gap="xs">
            <Title order={4}>{t('atur.jamKerja')}</Title>
            <Stack gap={2} align="flex-end">
              <Badge
                size="lg"
                variant="light"
                tt="none"
                color={total === MENIT_PERPRES ? 'green' : 'blue'}
                data-testid="jam-total"
                data-menit={total}
              >
                {t('atur.totalMingguan', { jam: fmtDurasi(total, lang) })}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('atur.acuanPerpres')} · {singkatanZona(draft.zonaWaktu)}
              </Text>
            </Stack>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={6} data-testid="jam-edit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('atur.hari')}</Table.Th>
                  <Table.Th w={110}>{t('atur.mulai')}</Table.Th>
                  <Table.Th w={110}>{t('atur.selesai')}</Table.Th>
                  <Table.Th w={130}>{t('atur.istirahat')}</Table.Th>
                  <Table.Th w={130} ta="right">
                    {t('atur.bersih')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {HARI.map((h) => (
                  <HariRow key={h} hari={h} d={draft.jam[h]} onChange={(p) => setHari(h, p)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {problems.jam && (
            <Text size="sm" c="red" mt="xs" data-testid="jam-galat">
              {problems.jam}
            </Text>
          )}
        </Card>

        {error && (
          <Alert color="red" title={t('atur.gagalSimpan')} data-testid="atur-galat">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" ref={actionsRef}>
          {dirty && (
            <Text size="sm" c="orange.8" data-testid="atur-belum-disimpan">
              {t('atur.belumDisimpan')}
            </Text>
          )}
          <Button
            variant="default"
            disabled={!dirty || busy}
            onClick={() => {
              setDraft(draftOf(base));
              setError(null);
            }}
            data-testid="atur-batal"
          >
            {t('atur.batal')}
          </Button>
          <Button type="submit" disabled={!dirty || !valid} loading={busy} data-testid="atur-simpan">
            {t('atur.simpan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One weekday: on/off, start, end, break; its net hours, or what is wrong, right under it. */
function HariRow({
  hari,
  d,
  onChange,
}: {
  hari: Hari;
  d: DraftHari;
  onChange: (p: Partial<DraftHari>) => void;
}) {
  const { t, lang } = useI18n();
  const masalah = masalahHari(d);
  const net = menitHari(d);
  const nama = namaHari(Number(hari), lang);
  const jamPlaceholder = lang === 'id' ? 'JJ:MM' : 'HH:MM';
  const msg =
    masalah === 'jamFormat'
      ? t('valid.jamFormat')
      : masalah === 'istirahatSalah'
        ? t('valid.istirahatSalah')
        : masalah === 'selesaiSebelumMulai'
          ? t('valid.selesaiSebelumMulai')
          : null;
  return (
    <>
      <Table.Tr data-testid={`jam-hari-${hari}`} style={msg ? { borderBottom: 0 } : undefined}>
        <Table.Td>
          <Switch
            checked={d.aktif}
            onChange={(e) => onChange({ aktif: e.currentTarget.checked })}
            label={nama}
            aria-label={t('atur.hariKerjaDari', { hari: nama })}
            data-testid={`jam-aktif-${hari}`}
          />
        </Table.Td>
        {d.aktif ? (
          <>
            <Table.Td>
              <TextInput
                size="xs"
                aria-label={`${t('atur.mulai')} ${nama}`}
                placeholder={jamPlaceholder}
                value={d.mulai}
                onChange={(e) => onChange({ mulai: e.currentTarget.value })}
                onBlur={(e) => onChange({ mulai: rapikanJam(e.currentTarget.value) })}
                error={masalah === 'jamFormat' && !JAM_RE.test(d.mulai)}
                maxLength={5}
                inputMode="numeric"
                autoComplete="off"
                data-testid={`jam-mulai-${hari}`}
              />
            </Table.Td>
            <Table.Td>
              <TextInput
                size="xs"
                aria-label={`${t('atur.selesai')} ${nama}`}
                placeholder={jamPlaceholder}
                value={d.selesai}
                onChange={(e) => onChange({ selesai: e.currentTarget.value })}
                onBlur={(e) => onChange({ selesai: rapikanJam(e.currentTarget.value) })}
                error={
                  masalah === 'selesaiSebelumMulai' || (masalah === 'jamFormat' && !JAM_RE.test(d.selesai))
                }
                maxLength={5}
                inputMode="numeric"
                autoComplete="off"
                data-testid={`jam-selesai-${hari}`}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                size="xs"
                aria-label={`${t('atur.istirahat')} ${nama}`}
                value={d.istirahat}
                onChange={(v) => onChange({ istirahat: v })}
                min={0}
                max={ISTIRAHAT_MAKS}
                step={15}
                allowDecimal={false}
                allowNegative={false}
                suffix={lang === 'id' ? ' menit' : ' min'}
                error={masalah === 'istirahatSalah' || masalah === 'selesaiSebelumMulai'}
                data-testid={`jam-istirahat-${hari}`}
              />
            </Table.Td>
            <Table.Td ta="right" fz="sm" data-testid={`jam-bersih-${hari}`}>
              {net !== null ? fmtDurasi(net, lang) : t('umum.kosong')}
            </Table.Td>
          </>
        ) : (
          <Table.Td colSpan={4} c="dimmed" fz="sm">
            {t('atur.libur')}
          </Table.Td>
        )}
      </Table.Tr>
      {msg && (
        <Table.Tr>
          <Table.Td colSpan={5} pt={0}>
            <Text size="xs" c="red" data-testid={`jam-galat-${hari}`}>
              {msg}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
