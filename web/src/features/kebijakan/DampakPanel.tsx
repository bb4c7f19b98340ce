import {
  Alert,
  Box,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { RujukanAturan } from '@sigap/domain/api/umum';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtAngka } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import type { DampakOpd, PenjelasanPegawai } from '../../lib/types';
import { jelaskanPegawai, useDampakKebijakan } from './kebijakan.api';

/** The duties of a WFH day: the API's field and the label's key. */
const KEWAJIBAN = [
  ['surat_pernyataan', 'suratPernyataan'],
  ['target_kinerja', 'targetKinerja'],
  ['tetap_di_rumah', 'tetapDiRumah'],
  ['lapor_harian', 'laporHarian'],
] as const;
const KOLOM = ['total', 'wfo', 'wfh', 'bebas', 'maks_kantor', 'piket'] as const;

/**
 * "Pratinjau dampak": per OPD, how many people a version puts at the office, at home, free within
 * caps, at most at the office and on piket on a date. The version counts as active in place of its
 * siblings, so a draft can be judged before anyone activates it.
 */
export function DampakPanel({ id, versi, mulai }: { id: string; versi: number; mulai: string }) {
  const { t, lang, pick } = useI18n();
  const [pilihan, setPilihan] = useState<string | null>(null);
  const tanggal = pilihan ?? mulai;
  const d = useDampakKebijakan(id, versi, tanggal);
  const data = d.data;
  const adaLibur = !!data?.opd.some((o) => o.libur > 0);
  const kolom = adaLibur ? [...KOLOM, 'libur' as const] : KOLOM;
  const total = (k: keyof DampakOpd) => (data ? data.opd.reduce((s, o) => s + (o[k] as number), 0) : 0);
  const ikut = data?.kebijakan.some((k) => k.id === id && k.versi === versi) ?? false;
  const judulKolom: Record<(typeof kolom)[number], MessageKey> = {
    total: 'kb.dmp.total',
    wfo: 'kb.dmp.wfo',
    wfh: 'kb.dmp.wfh',
    bebas: 'kb.dmp.bebas',
    maks_kantor: 'kb.dmp.maksKantor',
    piket: 'kb.dmp.piket',
    libur: 'kb.dmp.libur',
  };

  return (
    <Stack gap="md" data-testid="dampak">
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('kb.dmp.tanggal')}
              value={tanggal}
              onChange={(e) => setPilihan(e.currentTarget.value)}
              w={170}
              data-testid="dampak-tanggal"
            />
            {pilihan !== null && pilihan !== mulai && (
              <Button variant="subtle" size="xs" mb={4} onClick={() => setPilihan(null)}>
                {t('kb.dmp.hariPertama')}
              </Button>
            )}
          </Group>
          {data && (
            <Text size="sm" fw={600} data-testid="dampak-hari">
              {pick(data.hari)}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('kb.dmp.bantuan', { v: versi })}
        </Text>
      </Card>

      {d.error && <ErrorAlert error={d.error} onRetry={() => void d.refetch()} />}
      {d.isLoading && !data && <Loading />}
      {data && (
        <>
          {!ikut && (
            <Alert color="gray" data-testid="dampak-tidak-berlaku">
              {t('kb.dmp.bukanHariBerlaku', { v: versi })}
            </Alert>
          )}
          {data.peringatan.map((p) => (
            <Alert key={p.id} color="orange" data-testid="dampak-peringatan">
              {pick(p)}
            </Alert>
          ))}
          <Card withBorder padding="md">
            <Text size="sm" fw={600}>
              {t('kb.dmp.berlakuHariItu')}
            </Text>
            {data.kebijakan.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="dampak-kebijakan">
                {t('kb.dmp.tanpaKebijakan')}
              </Text>
            ) : (
              <List size="sm" data-testid="dampak-kebijakan">
                {data.kebijakan.map((k) => (
                  <List.Item key={`${k.id}@${k.versi}`}>
                    <Link to={`/kebijakan/${encodeURIComponent(k.id)}?versi=${k.versi}`}>{k.judul}</Link>
                    <Text span size="xs" c="dimmed">
                      {` No. ${k.nomor} · ${t('kb.versiLabel', { v: k.versi })}`}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          <Table.ScrollContainer minWidth={660}>
            <Table striped highlightOnHover withTableBorder data-testid="dampak-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className="sigap-sticky-col">{t('kb.dmp.opd')}</Table.Th>
                  {kolom.map((k) => (
                    <Table.Th key={k} ta="right">
                      {t(judulKolom[k])}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.opd.map((o) => (
                  <Table.Tr key={o.kode} data-testid="dampak-row" data-kode={o.kode}>
                    <Table.Td className="sigap-sticky-col" maw={220}>
                      <Text size="sm" fw={600} ff="monospace">
                        {o.kode}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1} title={o.nama}>
                        {o.nama}
                      </Text>
                    </Table.Td>
                    {kolom.map((k) => (
                      <Table.Td
                        key={k}
                        ta="right"
                        data-kolom={k}
                        c={o[k] === 0 && k !== 'total' ? 'dimmed' : undefined}
                        fw={k === 'maks_kantor' ? 600 : undefined}
                      >
                        {fmtAngka(o[k], lang)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr data-testid="dampak-total" fw={700}>
                  <Table.Th className="sigap-sticky-col">{t('kb.dmp.jumlah')}</Table.Th>
                  {kolom.map((k) => (
                    <Table.Th key={k} ta="right" data-kolom={k}>
                      {fmtAngka(total(k), lang)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <JelaskanPegawai tanggalAwal={tanggal} />
    </Stack>
  );
}

function rujukan(s: RujukanAturan): string {
  return `${s.kebijakan_id} v${s.versi} / ${s.aturan_id}`;
}

const LOKASI_COLOR: Record<string, string> = { WFO: 'green', WFH: 'blue', BEBAS: 'yellow', LIBUR: 'gray' };

/** "Jelaskan untuk pegawai": which rules of which policy decide one person's day, and why. */
export function JelaskanPegawai({ tanggalAwal }: { tanggalAwal: string }) {
  const { t, lang, pick } = useI18n();
  const [nip, setNip] = useState('');
  const [pilihan, setPilihan] = useState<string | null>(null);
  const tanggal = pilihan ?? tanggalAwal;
  const [busy, setBusy] = useState(false);
  const [hasil, setHasil] = useState<PenjelasanPegawai | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!nip.trim()) return;
    setBusy(true);
    setError(null);
    setHasil(null);
    try {
      setHasil(await jelaskanPegawai(nip.trim(), tanggal));
    } catch (err) {
      setHasil(null);
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const k = hasil?.keputusan;
  return (
    <Card withBorder padding="md" data-testid="jelaskan">
      <Title order={4}>{t('kb.jls.judul')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('kb.jls.bantuan')}
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('kb.jls.nip')}
            value={nip}
            onChange={(e) => setNip(e.currentTarget.value)}
            w={230}
            inputMode="numeric"
            data-testid="jelaskan-nip"
          />
          <TextInput
            type="date"
            label={t('kb.dmp.tanggal')}
            value={tanggal}
            onChange={(e) => setPilihan(e.currentTarget.value)}
            w={170}
            data-testid="jelaskan-tanggal"
          />
          <Button type="submit" loading={busy} disabled={!nip.trim()} data-testid="jelaskan-tombol">
            {t('kb.jls.tombol')}
          </Button>
        </Group>
      </form>
      {error && (
        <Box mt="sm">
          <ErrorAlert error={error} />
        </Box>
      )}
      {hasil && k && (
        <Stack gap="sm" mt="md" data-testid="jelaskan-hasil" data-lokasi={k.lokasi}>
          <Box>
            <Text fw={600} data-testid="jelaskan-pegawai">
              {hasil.pegawai.nama}{' '}
              <Text span c="dimmed" size="sm" ff="monospace">
                ({hasil.pegawai.key})
              </Text>
            </Text>
            <Text size="sm" c="dimmed">
              {hasil.pegawai.unit_nama} [{hasil.pegawai.unit_kode}] · {pick(hasil.hari)}
            </Text>
          </Box>
          <Alert
            color={LOKASI_COLOR[k.lokasi] ?? 'gray'}
            variant="light"
            title={`${t('kb.jls.keputusan')}: ${t(`kb.jls.lokasi.${k.lokasi}` as MessageKey)}`}
            data-testid="jelaskan-keputusan"
          >
            <Text size="sm">{pick(k.penjelasan)}</Text>
          </Alert>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Box>
              <Text size="sm" fw={600}>
                {t('kb.jls.kebijakanBerlaku')}
              </Text>
              {hasil.kebijakan_berlaku.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('kb.jls.tanpaKebijakan')}
                </Text>
              ) : (
                <List size="sm">
                  {hasil.kebijakan_berlaku.map((b) => (
                    <List.Item key={`${b.id}@${b.versi}`}>
                      {b.judul}{' '}
                      <Text span size="xs" c="dimmed">
                        {`No. ${b.nomor} (${b.id}, ${t('kb.versiLabel', { v: b.versi })})`}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Box>
            <Box>
              <Text size="sm" fw={600}>
                {t('kb.jls.pertimbangan')}
              </Text>
              {k.pertimbangan.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('kb.jls.tidakAdaAturan')}
                </Text>
              ) : (
                <Stack gap={6} data-testid="jelaskan-pertimbangan">
                  {k.pertimbangan.map((p) => (
                    <Group
                      key={`${rujukan(p.sumber)}-${p.jenis}`}
                      gap={8}
                      wrap="nowrap"
                      align="flex-start"
                      data-testid="pertimbangan"
                      data-dipakai={p.dipakai ? 'true' : 'false'}
                      data-aturan={p.sumber.aturan_id}
                    >
                      <Text
                        fw={700}
                        c={p.dipakai ? 'green' : 'red'}
                        aria-label={t(p.dipakai ? 'kb.jls.dipakai' : 'kb.jls.dikesampingkan')}
                      >
                        {p.dipakai ? '✔' : '✘'}
                      </Text>
                      <Box style={{ minWidth: 0 }}>
                        <Text size="sm">{p.sumber.judul_aturan}</Text>
                        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {rujukan(p.sumber)}
                        </Text>
                        <Text size="xs">{pick(p.alasan)}</Text>
                      </Box>
                    </Group>
                  ))}
                </Stack>
              )}
            </Box>
          </SimpleGrid>
          {hasil.kelompok.length > 0 && (
            <Box>
              <Text size="sm" fw={600}>
                {t('kb.jls.kelompok')}
              </Text>
              <List size="sm" data-testid="jelaskan-kelompok">
                {hasil.kelompok.map((g) => (
                  <List.Item key={g.id}>{pick(g.penjelasan)}</List.Item>
                ))}
              </List>
            </Box>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Box data-testid="jelaskan-jam">
              <Text size="sm" fw={600}>
                {t('kb.jls.jamKerja')}
              </Text>
              {k.jam_kerja ? (
                <>
                  <Text size="sm">
                    {`${k.jam_kerja.mulai.replace(':', '.')}–${k.jam_kerja.selesai.replace(':', '.')}`}
                    {k.jam_kerja.istirahat_menit > 0 &&
                      `, ${t('kb.jls.istirahat', { n: k.jam_kerja.istirahat_menit })}`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {k.jam_kerja.sumber ? rujukan(k.jam_kerja.sumber) : t('kb.jls.jamBawaan')}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('kb.jls.tanpaJam')}
                </Text>
              )}
            </Box>
            <Box data-testid="jelaskan-absensi">
              <Text size="sm" fw={600}>
                {t('kb.jls.absensi')}
              </Text>
              {(['WFO', 'WFH', 'PIKET'] as const).map((s) => {
                const m = k.absensi[s];
                return (
                  <Text key={s} size="sm">
                    <Text span fw={600} size="sm">
                      {s}:
                    </Text>{' '}
                    {t(`kb.jls.metode.${m.metode}` as MessageKey)}
                    {m.setiap_jam ? ` ${t('kb.jls.setiapJam', { n: fmtAngka(m.setiap_jam, lang) })}` : ''}
                    <Text span size="xs" c="dimmed">
                      {` (${m.sumber ? m.sumber.aturan_id : t('kb.jls.jamBawaan')})`}
                    </Text>
                  </Text>
                );
              })}
            </Box>
            <Box data-testid="jelaskan-kewajiban">
              <Text size="sm" fw={600}>
                {t('kb.jls.kewajiban')}
              </Text>
              {KEWAJIBAN.some(([f]) => k.kewajiban_wfh[f]) ? (
                <List size="sm">
                  {KEWAJIBAN.filter(([f]) => k.kewajiban_wfh[f]).map(([f, label]) => (
                    <List.Item key={f}>{t(`kb.jls.kw.${label}`)}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('kb.jls.tanpaKewajiban')}
                </Text>
              )}
            </Box>
          </SimpleGrid>
          {hasil.peringatan.length > 0 && (
            <Alert color="orange" title={t('kb.jls.peringatan')}>
              <List size="sm">
                {hasil.peringatan.map((p) => (
                  <List.Item key={p.id}>{pick(p)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
