import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { type ApiError, keApiError, withQuery } from '../../lib/api';
import { useAsOf } from '../../lib/as-of';
import { fmtAngka, fmtTanggal, fmtUkuran } from '../../lib/format';
import { type TFunction, useI18n } from '../../lib/i18n';
import { hasRole, useMe } from '../../lib/session';
import type { ImportJob } from '../../lib/types';
import { useImporJob, useUnggahImpor } from './impor.api';

type Jenis = 'opd' | 'pegawai';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Run =
  | { readonly tahap: 'unggah'; readonly persen: number }
  | { readonly tahap: 'proses'; readonly job: ImportJob }
  | { readonly tahap: 'galatKirim'; readonly error: ApiError };

/** What the page holds of a run: the upload's progress, the job being polled, or a failed upload. */
type Langkah =
  | { readonly tahap: 'unggah'; readonly persen: number }
  | { readonly tahap: 'proses'; readonly id: string }
  | { readonly tahap: 'galatKirim'; readonly error: ApiError };

function contentTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

function phaseText(run: Run, t: TFunction, lang: 'id' | 'en'): string {
  if (run.tahap === 'unggah') return t('impor.fase.unggah', { persen: run.persen });
  if (run.tahap !== 'proses') return '';
  const j = run.job;
  const vars = { n: fmtAngka(j.diproses, lang), total: fmtAngka(j.total, lang) };
  switch (j.fase) {
    case 'baca':
      return t('impor.fase.baca');
    case 'validasi':
      return t('impor.fase.validasi', vars);
    case 'simpan':
      return t('impor.fase.simpan', vars);
    case 'selesai':
      return t('impor.fase.selesai');
  }
}

function percentOf(run: Run): number {
  if (run.tahap === 'unggah') return run.persen;
  if (run.tahap !== 'proses') return 100;
  const j = run.job;
  if (j.status !== 'berjalan') return 100;
  const within = j.total > 0 ? j.diproses / j.total : 0;
  // Reading 0–10 %, checking 10–40 %, saving 40–100 %.
  if (j.fase === 'baca') return 5;
  if (j.fase === 'validasi') return 10 + 30 * within;
  if (j.fase === 'simpan') return 40 + 60 * within;
  return 100;
}

/** Impor: templates, upload with progress, the job's progress bar, the summary or the error table; exports. */
export function ImporPage() {
  const me = useMe();
  const { t, lang, pick } = useI18n();
  const { tanggal } = useAsOf();
  const mayImportOpd = hasRole(me, ['pemda_admin', 'bkpsdm_admin']);
  const [jenis, setJenis] = useState<Jenis>(mayImportOpd ? 'opd' : 'pegawai');
  const [file, setFile] = useState<File | null>(null);
  const [langkah, setRun] = useState<Langkah | null>(null);
  const unggah = useUnggahImpor();
  // The job is polled while it runs (impor.api.ts); the upload's own steps are local state.
  const jobQ = useImporJob(langkah?.tahap === 'proses' ? langkah.id : null);
  const run: Run | null =
    langkah?.tahap !== 'proses'
      ? langkah
      : jobQ.error
        ? { tahap: 'galatKirim', error: jobQ.error }
        : jobQ.data
          ? { tahap: 'proses', job: jobQ.data }
          : { tahap: 'unggah', persen: 100 };

  const start = async () => {
    if (!file) return;
    setRun({ tahap: 'unggah', persen: 0 });
    try {
      const { id } = await unggah.mutateAsync({
        jenis,
        file,
        contentType: contentTypeOf(file),
        onProgress: (loaded, total) =>
          setRun({ tahap: 'unggah', persen: total > 0 ? Math.round((100 * loaded) / total) : 0 }),
      });
      setRun({ tahap: 'proses', id });
    } catch (e) {
      setRun({ tahap: 'galatKirim', error: keApiError(e) });
    }
  };

  const busy = run?.tahap === 'unggah' || (run?.tahap === 'proses' && run.job.status === 'berjalan');
  const job = run?.tahap === 'proses' ? run.job : null;
  const issues = job?.galat?.issues ?? (run?.tahap === 'galatKirim' ? run.error.issues : []);

  return (
    <Stack gap="md" data-testid="page-impor">
      <Title order={2}>{t('impor.judul')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Text fw={600}>{t('impor.jenis')}</Text>
            <SegmentedControl
              value={jenis}
              onChange={(v) => {
                setJenis(v as Jenis);
                setRun(null);
              }}
              data={[
                {
                  value: 'opd',
                  label: <span data-testid="impor-jenis-opd">{t('impor.jenis.opd')}</span>,
                  disabled: !mayImportOpd,
                },
                {
                  value: 'pegawai',
                  label: <span data-testid="impor-jenis-pegawai">{t('impor.jenis.pegawai')}</span>,
                },
              ]}
              data-testid="impor-jenis"
            />
            {!mayImportOpd && (
              <Text size="xs" c="dimmed">
                {t('impor.opdHanyaAdmin')}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('impor.templatBantuan')}
            </Text>
            <Group gap="xs">
              <Text size="sm">{t('impor.templat')}:</Text>
              <Anchor
                href={`/api/impor/template/${jenis}?format=csv`}
                download
                size="sm"
                data-testid="templat-csv"
              >
                CSV
              </Anchor>
              <Anchor
                href={`/api/impor/template/${jenis}?format=xlsx`}
                download
                size="sm"
                data-testid="templat-xlsx"
              >
                XLSX
              </Anchor>
            </Group>
            <FileInput
              label={t('impor.berkas')}
              placeholder={t('impor.pilihBerkas')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                setRun(null);
              }}
              clearable
              data-testid="impor-berkas"
            />
            {file && (
              <Text size="xs" c="dimmed">
                {t('impor.berkasTerpilih', { nama: file.name, ukuran: fmtUkuran(file.size, lang) })}
              </Text>
            )}
            <Group>
              <Button
                onClick={() => void start()}
                disabled={!file || busy}
                loading={busy}
                data-testid="impor-unggah"
              >
                {t('impor.unggah')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <Card withBorder padding="md">
          <Stack gap="sm">
            <Text fw={600}>{t('impor.ekspor')}</Text>
            <Text size="sm" c="dimmed">
              {tanggal
                ? t('impor.eksporBantuanTanggal', { tanggal: fmtTanggal(tanggal, lang) })
                : t('impor.eksporBantuan')}
            </Text>
            {(['opd', 'pegawai'] as const).map((j) => (
              <Group key={j} gap="xs" data-testid={`ekspor-${j}`}>
                <Text size="sm" w={130}>
                  {t(j === 'opd' ? 'impor.jenis.opd' : 'impor.jenis.pegawai')}
                </Text>
                {(['csv', 'xlsx', 'json'] as const).map((f) => (
                  <Anchor
                    key={f}
                    href={withQuery(`/api/ekspor/${j}`, { format: f, tanggal })}
                    download
                    size="sm"
                  >
                    {f.toUpperCase()}
                  </Anchor>
                ))}
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>

      {run && run.tahap !== 'galatKirim' && (
        <Card withBorder padding="md" data-testid="impor-progress">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" data-testid="impor-fase">
                {phaseText(run, t, lang)}
              </Text>
              {job && (
                <Text size="xs" c="dimmed">
                  {job.nama_berkas}
                </Text>
              )}
            </Group>
            <Progress
              value={percentOf(run)}
              animated={busy}
              striped={busy}
              color={job?.status === 'gagal' ? 'red' : job?.status === 'berhasil' ? 'green' : 'blue'}
              size="lg"
              aria-label={phaseText(run, t, lang)}
            />
          </Stack>
        </Card>
      )}

      {job?.status === 'berhasil' && job.hasil && (
        <Alert color="green" title={t('impor.berhasil')} data-testid="impor-hasil">
          <Group gap="lg" wrap="wrap">
            <Summary label={t('impor.baris')} n={job.hasil.baris} testid="hasil-baris" />
            <Summary label={t('impor.baru')} n={job.hasil.dibuat} testid="hasil-baru" />
            <Summary label={t('impor.diubah')} n={job.hasil.diubah} testid="hasil-diubah" />
            <Summary
              label={t('impor.tidakBerubah')}
              n={job.hasil.tidak_berubah}
              testid="hasil-tidak-berubah"
            />
          </Group>
          {job.hasil.dibuat === 0 && job.hasil.diubah === 0 && (
            <Text size="sm" mt="xs" data-testid="impor-semua-sama">
              {t('impor.semuaTidakBerubah')}
            </Text>
          )}
        </Alert>
      )}

      {(job?.status === 'gagal' || run?.tahap === 'galatKirim') && (
        <Stack gap="sm" data-testid="impor-gagal">
          <Alert color="red" title={t('impor.gagal')}>
            <Text size="sm">
              {job?.galat ? pick(job.galat.pesan) : run?.tahap === 'galatKirim' ? run.error.message : ''}
            </Text>
            {issues.length > 0 && !job?.galat && (
              <Text size="sm" mt={4}>
                {t('impor.jumlahMasalah', { n: fmtAngka(issues.length, lang) })}
              </Text>
            )}
          </Alert>
          {issues.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped withTableBorder data-testid="impor-galat">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('impor.baris')}</Table.Th>
                    <Table.Th w={160}>{t('impor.kolom')}</Table.Th>
                    <Table.Th>{t('impor.keterangan')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {issues.map((i) => (
                    <Table.Tr
                      key={`${i.baris}|${i.kolom}|${i.kode}|${i.pesan.id}`}
                      data-testid="galat-row"
                      data-kode={i.kode}
                    >
                      {/* baris 0: the closing "… dan N masalah lain" entry of a long list */}
                      <Table.Td data-testid="galat-baris">{i.baris > 0 ? i.baris : '…'}</Table.Td>
                      <Table.Td ff="monospace" fz="sm" data-testid="galat-kolom">
                        {i.kolom ?? t('umum.kosong')}
                      </Table.Td>
                      <Table.Td fz="sm" data-testid="galat-pesan">
                        {pick(i.pesan)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function Summary({ label, n, testid }: { label: string; n: number; testid: string }) {
  const { lang } = useI18n();
  return (
    <Stack gap={0} align="flex-start">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testid}>
        {fmtAngka(n, lang)}
      </Text>
    </Stack>
  );
}
