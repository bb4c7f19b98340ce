import {
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Grid,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
// The parser by its own path: the yaml library then loads with this page only (see web/vite.config.ts).
import { parseKebijakan, uraikanAturan } from '@sigap/domain';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, type ApiIssue, keApiError } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { LABEL_STATUS_KEBIJAKAN, labelOf } from '../../lib/labels';
import { useMe } from '../../lib/session';
import type { HasilValidasiKebijakan } from '../../lib/types';
import { IdentitasKebijakan } from './bagian';
import {
  aturanSementara,
  bacaIdentitas,
  type FieldIdentitas,
  teksRevisi,
  templatKebijakan,
  ubahIdentitas,
} from './dokumen';
import { useKebijakan, useSimpanKebijakan, validasiKebijakan } from './kebijakan.api';
import { keBaris, YamlEditor } from './YamlEditor';

/** /kebijakan/baru: a new policy from the commented template. */
export function KebijakanBaruPage() {
  const me = useMe();
  const awal = useMemo(() => templatKebijakan(todayIn(me.pemda.zona_waktu)), [me.pemda.zona_waktu]);
  return <Editor awal={awal} />;
}

/** /kebijakan/:id/revisi: the latest version's text with the next version number. */
export function KebijakanRevisiPage() {
  const { id = '' } = useParams();
  const detail = useKebijakan(id);
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const latest = detail.data?.versi.at(-1);
  if (!latest) return <Loading />;
  return (
    <Editor
      key={`${id}@${latest.versi}`}
      awal={teksRevisi(latest.sumber, latest.versi + 1)}
      revisi={{ id, judul: latest.dokumen.judul }}
    />
  );
}

/** A problem to list: its field path, its line, its message; from the browser's check or the server. */
interface Masalah {
  readonly jalur: string;
  readonly baris?: number | undefined;
  readonly pesan: { readonly id: string; readonly en: string };
  /** The server refused the document for this problem too. */
  readonly server?: boolean;
}

const kunci = (m: Masalah) => `${m.jalur}@${m.baris ?? ''}`;

/** One list: the browser's problems, marked when the server named them too, then the server's others. */
function gabung(lokal: readonly Masalah[], server: readonly Masalah[] | null): Masalah[] {
  if (!server) return [...lokal];
  const dariServer = new Set(server.map(kunci));
  const diLokal = new Set(lokal.map(kunci));
  return [
    ...lokal.map((m) => ({ ...m, server: dariServer.has(kunci(m)) })),
    ...server.filter((m) => !diLokal.has(kunci(m))).map((m) => ({ ...m, server: true })),
  ];
}

/** "aturan[1].hasil: Terlalu besar" without the repeated path. */
function tanpaJalur(pesan: string, jalur: string): string {
  return pesan.startsWith(`${jalur}: `) ? pesan.slice(jalur.length + 2) : pesan;
}

function dariServer(issues: readonly ApiIssue[]): Masalah[] {
  return issues.map((i) => ({ jalur: i.kolom ?? '(dokumen)', baris: i.baris || undefined, pesan: i.pesan }));
}

const TINGKAT_COLOR: Record<string, string> = { galat: 'red', konflik: 'orange', peringatan: 'yellow' };

/**
 * The policy editor: identity fields above (kept in sync with the text), the YAML text with line
 * numbers, and a side panel that validates as you type (in the browser, as the server does), checks
 * against the Pemda's data on request and previews the rules in plain words.
 */
function Editor({ awal, revisi }: { awal: string; revisi?: { id: string; judul: string } }) {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState(awal);
  const [debounced] = useDebouncedValue(text, 300);
  const taRef = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const [serverMasalah, setServerMasalah] = useState<{ untuk: string; list: Masalah[] } | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const simpanKebijakan = useSimpanKebijakan();
  const [temuan, setTemuan] = useState<{ untuk: string; hasil: HasilValidasiKebijakan } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<ApiError | null>(null);

  const hasil = useMemo(() => parseKebijakan(debounced), [debounced]);
  const aturan = useMemo(() => aturanSementara(debounced), [debounced]);
  const identitas = useMemo(() => bacaIdentitas(text), [text]);
  const menunggu = text !== debounced;
  const lokal: Masalah[] = hasil.ok ? [] : hasil.masalah.map((m) => ({ ...m, baris: m.baris }));
  const server = serverMasalah && serverMasalah.untuk === text ? serverMasalah.list : null;
  const semua = useMemo(() => gabung(menunggu ? [] : lokal, server), [menunggu, lokal, server]);
  const barisMasalah = useMemo(
    () => new Set([...lokal, ...(server ?? [])].map((m) => m.baris).filter((b): b is number => !!b)),
    [lokal, server],
  );

  const ubahTeks = (v: string) => {
    setText(v);
    setSaveError(null);
  };
  const setField = (f: FieldIdentitas, v: string) => ubahTeks(ubahIdentitas(text, f, v));

  const simpan = async () => {
    setBusy(true);
    setSaveError(null);
    setServerMasalah(null);
    const sent = text;
    try {
      const r = await simpanKebijakan.mutateAsync(sent);
      notifications.show({
        color: 'green',
        message: r.berubah
          ? t('kb.ed.tersimpan', {
              id: r.id,
              v: r.versi,
              status: labelOf(LABEL_STATUS_KEBIJAKAN, r.status, lang),
            })
          : t('kb.ed.tidakBerubah', { v: r.versi }),
      });
      void navigate(`/kebijakan/${encodeURIComponent(r.id)}?versi=${r.versi}`);
    } catch (err) {
      const e = keApiError(err);
      if (e.issues.length > 0) setServerMasalah({ untuk: sent, list: dariServer(e.issues) });
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const periksa = async () => {
    setChecking(true);
    setCheckError(null);
    const sent = text;
    try {
      const r = await validasiKebijakan(sent);
      setTemuan({ untuk: sent, hasil: r });
    } catch (err) {
      setCheckError(keApiError(err));
    } finally {
      setChecking(false);
    }
  };

  const daftar = (list: readonly Masalah[], testid: string) => (
    <Stack gap={4} data-testid={testid}>
      {list
        .map((m, pos) => ({ m, pos }))
        .map(({ m, pos }) => (
          <UnstyledButton
            key={`${pos}-${m.jalur}`}
            className="sigap-masalah"
            onClick={() => m.baris && keBaris(taRef.current, m.baris)}
            disabled={!m.baris}
            data-testid="masalah"
            data-jalur={m.jalur}
            data-baris={m.baris ?? ''}
            data-server={m.server ? 'true' : undefined}
          >
            <Group gap={6} wrap="wrap">
              {m.server && (
                <Badge size="xs" color="red" variant="filled" tt="none" data-testid="masalah-server">
                  {t('kb.ed.dariServer')}
                </Badge>
              )}
              <Code c="red.8" style={{ overflowWrap: 'anywhere' }} data-testid="masalah-jalur">
                {m.jalur}
              </Code>
              {m.baris ? (
                <Badge size="xs" variant="light" color="gray" tt="none" data-testid="masalah-baris">
                  {t('kb.ed.baris', { n: m.baris })}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" mt={2}>
              {tanpaJalur(pick(m.pesan), m.jalur)}
            </Text>
          </UnstyledButton>
        ))}
    </Stack>
  );

  const versiN = Number(identitas?.versi ?? '1');
  const tampilAlasan = !!identitas && (versiN > 1 || identitas.alasan_revisi !== '');
  const temuanKini = temuan?.hasil;
  const temuanUsang = temuan !== null && temuan.untuk !== text;

  return (
    <Stack gap="md" data-testid="page-kebijakan-editor">
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/kebijakan" size="sm">
          {t('nav.kebijakan')}
        </Anchor>
        {revisi && (
          <Anchor component={Link} to={`/kebijakan/${encodeURIComponent(revisi.id)}`} size="sm">
            {revisi.id}
          </Anchor>
        )}
        <Text size="sm">{revisi ? t('kb.revisi') : t('kb.ed.baru')}</Text>
      </Breadcrumbs>
      <Box>
        <Title order={2}>{revisi ? t('kb.ed.revisi', { judul: revisi.judul }) : t('kb.ed.baru')}</Title>
        <Text size="sm" c="dimmed">
          {t('kb.ed.bantuan')}
        </Text>
      </Box>

      <Card withBorder padding="md" data-testid="editor-form">
        {!identitas && (
          <Alert color="orange" mb="sm" data-testid="editor-form-rusak">
            {t('kb.ed.yamlRusak')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('kb.ed.id')}
            value={identitas?.id ?? ''}
            onChange={(e) => setField('id', e.currentTarget.value)}
            disabled={!identitas}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="editor-id"
          />
          <TextInput
            label={t('kb.ed.versi')}
            value={identitas?.versi ?? ''}
            onChange={(e) => setField('versi', e.currentTarget.value.replace(/\D/g, ''))}
            disabled={!identitas}
            inputMode="numeric"
            data-testid="editor-versi"
          />
          <TextInput
            label={t('kb.ed.nomor')}
            value={identitas?.nomor ?? ''}
            onChange={(e) => setField('nomor', e.currentTarget.value)}
            disabled={!identitas}
            data-testid="editor-nomor"
          />
          <TextInput
            type="date"
            label={t('kb.ed.tanggal')}
            value={/^\d{4}-\d{2}-\d{2}$/.test(identitas?.tanggal ?? '') ? identitas!.tanggal : ''}
            onChange={(e) => e.currentTarget.value && setField('tanggal', e.currentTarget.value)}
            disabled={!identitas}
            data-testid="editor-tanggal"
          />
          <Box className="sigap-span-2">
            <TextInput
              label={t('kb.ed.judul')}
              value={identitas?.judul ?? ''}
              onChange={(e) => setField('judul', e.currentTarget.value)}
              disabled={!identitas}
              data-testid="editor-judul"
            />
          </Box>
          <TextInput
            label={t('kb.ed.jabatan')}
            value={identitas?.['penandatangan.jabatan'] ?? ''}
            onChange={(e) => setField('penandatangan.jabatan', e.currentTarget.value)}
            disabled={!identitas}
            data-testid="editor-jabatan"
          />
          <Box>
            <Text size="sm" fw={500} mb={4}>
              {t('kb.ed.status')}
            </Text>
            <SegmentedControl
              fullWidth
              value={identitas?.status === 'aktif' ? 'aktif' : 'draft'}
              onChange={(v) => setField('status', v)}
              disabled={!identitas}
              data-testid="editor-status"
              data={[
                {
                  value: 'draft',
                  label: <span data-testid="editor-status-draft">{pickStatus('draft')}</span>,
                },
                {
                  value: 'aktif',
                  label: <span data-testid="editor-status-aktif">{pickStatus('aktif')}</span>,
                },
              ]}
            />
          </Box>
          {tampilAlasan && (
            <Box className="sigap-span-full">
              <Textarea
                label={t('kb.ed.alasanRevisi')}
                value={identitas?.alasan_revisi ?? ''}
                onChange={(e) => setField('alasan_revisi', e.currentTarget.value.replace(/\n/g, ' '))}
                autosize
                minRows={1}
                maxRows={4}
                data-testid="editor-alasan"
              />
            </Box>
          )}
        </SimpleGrid>
        {identitas?.status === 'aktif' && (
          <Alert color="orange" mt="sm" data-testid="editor-aktif-peringatan">
            {t('kb.ed.aktifPeringatan')}
          </Alert>
        )}
      </Card>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="sm">
            <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
              <Text fw={600}>{t('kb.ed.dokumen')}</Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  component={Link}
                  to={revisi ? `/kebijakan/${encodeURIComponent(revisi.id)}` : '/kebijakan'}
                  data-testid="editor-batal"
                >
                  {t('umum.batal')}
                </Button>
                <Button size="xs" onClick={() => void simpan()} loading={busy} data-testid="editor-simpan">
                  {t('kb.ed.simpan')}
                </Button>
              </Group>
            </Group>
            <YamlEditor
              value={text}
              onChange={ubahTeks}
              barisMasalah={barisMasalah}
              textareaRef={taRef}
              label={t('kb.ed.dokumen')}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Card withBorder padding="md" data-testid="editor-pemeriksaan">
              <Title order={4} mb="xs">
                {t('kb.ed.pemeriksaan')}
              </Title>
              {server && (
                <Alert color="red" mb="sm" title={t('kb.ed.ditolak')} data-testid="editor-server-masalah">
                  <Text size="sm">{saveError?.message}</Text>
                </Alert>
              )}
              {saveError && !server && (
                <Box mb="sm" data-testid="editor-simpan-galat">
                  <ErrorAlert error={saveError} />
                </Box>
              )}
              <Group
                gap="xs"
                mb="xs"
                data-testid="editor-status-periksa"
                data-ok={menunggu ? '' : String(hasil.ok)}
              >
                {menunggu ? (
                  <Text size="sm" c="dimmed">
                    {t('kb.ed.memeriksa')}
                  </Text>
                ) : hasil.ok ? (
                  <Text size="sm" fw={600} c="green.8">
                    ✔ {t('kb.ed.sah')}
                  </Text>
                ) : (
                  <Text size="sm" fw={600} c="red.8">
                    {t('kb.ed.masalah', { n: lokal.length })}
                  </Text>
                )}
              </Group>
              {semua.length > 0 && (!menunggu || server) && daftar(semua, 'editor-masalah')}

              <Box mt="md">
                <Button
                  variant="light"
                  onClick={() => void periksa()}
                  loading={checking}
                  data-testid="editor-periksa-data"
                >
                  {t('kb.ed.periksaData')}
                </Button>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('kb.ed.periksaDataBantuan')}
                </Text>
                {checkError && (
                  <Box mt="xs">
                    <ErrorAlert error={checkError} />
                  </Box>
                )}
                {temuanKini && (
                  <Stack
                    gap={6}
                    mt="sm"
                    data-testid="editor-temuan"
                    data-usang={temuanUsang ? 'true' : 'false'}
                  >
                    {temuanUsang && (
                      <Text size="xs" c="orange">
                        {t('kb.ed.temuanUsang')}
                      </Text>
                    )}
                    {!temuanKini.ok && (
                      <Text size="sm" c="red.8" data-testid="editor-temuan-tidak-sah">
                        {t('kb.ed.periksaTidakSah', { n: temuanKini.masalah.length })}
                      </Text>
                    )}
                    {temuanKini.ok && temuanKini.temuan.length === 0 && (
                      <Text size="sm" c="green.8" data-testid="editor-temuan-kosong">
                        ✔ {t('kb.ed.temuanKosong')}
                      </Text>
                    )}
                    {temuanKini.temuan
                      .map((f, pos) => ({ f, pos }))
                      .map(({ f, pos }) => (
                        <Box
                          key={`${pos}-${f.kode}-${f.jalur}`}
                          className="sigap-temuan"
                          data-testid="temuan"
                          data-tingkat={f.tingkat}
                          data-kode={f.kode}
                        >
                          <Group gap={6} wrap="wrap">
                            <Badge size="sm" color={TINGKAT_COLOR[f.tingkat] ?? 'gray'} tt="none">
                              {t(`kb.ed.tingkat.${f.tingkat}` as MessageKey)}
                            </Badge>
                            <Code style={{ overflowWrap: 'anywhere' }}>{f.jalur}</Code>
                            <Text size="xs" c="dimmed" ff="monospace">
                              {f.kode}
                            </Text>
                          </Group>
                          <Text size="sm" mt={2}>
                            {tanpaJalur(pick(f.pesan), f.jalur)}
                          </Text>
                        </Box>
                      ))}
                  </Stack>
                )}
              </Box>
            </Card>

            <Card withBorder padding="md" data-testid="editor-pratinjau">
              <Title order={4} mb="xs">
                {t('kb.ed.pratinjau')}
              </Title>
              {aturan && aturan.length > 0 ? (
                <Box component="ol" className="sigap-aturan-list">
                  {aturan
                    .map((a, pos) => ({ a, n: pos + 1 }))
                    .map(({ a, n }) =>
                      a ? (
                        <Box component="li" key={n} className="sigap-aturan" data-testid="pratinjau-aturan">
                          <Text size="sm">
                            <Text span fw={700} c="dimmed">
                              {n}.{' '}
                            </Text>
                            {pick(uraikanAturan(a))}
                          </Text>
                          <Code>{a.id}</Code>
                        </Box>
                      ) : (
                        <Box
                          component="li"
                          key={n}
                          className="sigap-aturan"
                          data-testid="pratinjau-aturan-galat"
                        >
                          <Text size="sm" c="red">
                            {n}. {t('kb.ed.aturanBelumSah', { n })}
                          </Text>
                        </Box>
                      ),
                    )}
                </Box>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('umum.kosong')}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {hasil.ok && <IdentitasKebijakan k={hasil.kebijakan} />}
    </Stack>
  );

  function pickStatus(s: 'draft' | 'aktif'): string {
    return pick(LABEL_STATUS_KEBIJAKAN[s]!);
  }
}
