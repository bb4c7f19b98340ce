import { Badge, Box, Card, Code, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type Aturan, type Kebijakan, uraikanAturan, uraikanBerlaku } from '@sigap/domain';
import type { ReactNode } from 'react';
import { fmtAngka, fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  LABEL_JENIS_DASAR,
  LABEL_JENIS_DOKUMEN,
  LABEL_STATUS_KEBIJAKAN,
  LABEL_ZONA_RISIKO,
  labelOf,
  STATUS_KEBIJAKAN_COLOR,
} from '../../lib/labels';

// Pieces every view of a policy shares: the status badge, the letter's identity with its basis and
// facts, and the rules in plain words.

/** A version's status as a coloured badge (Draf, Aktif, Dicabut, Diganti). */
export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' | 'md' }) {
  const { lang } = useI18n();
  return (
    <Badge
      size={size}
      variant="light"
      tt="none"
      color={STATUS_KEBIJAKAN_COLOR[status] ?? 'gray'}
      data-testid="status-badge"
      data-status={status}
    >
      {labelOf(LABEL_STATUS_KEBIJAKAN, status, lang)}
    </Badge>
  );
}

function Field({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <Box style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Box data-testid={testid} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </Box>
  );
}

/**
 * The letter (number, date, kind, signer, scope, standing, validity), the instruments it follows
 * (dasar) and the facts behind it (fakta): the record that goes with the policy wherever it is shown.
 */
export function IdentitasKebijakan({ k, highlight }: { k: Kebijakan; highlight?: ReadonlySet<string> }) {
  const { t, lang, pick } = useI18n();
  const hl = (f: string) => (highlight?.has(f) ? 'sigap-berubah' : undefined);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="kb-identitas">
      <Card withBorder padding="md">
        <Title order={4} mb="sm">
          {t('kb.identitas')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Field label={t('kb.nomor')} testid="kb-nomor">
            <Text className={hl('nomor')}>{k.nomor}</Text>
          </Field>
          <Field label={t('kb.tanggal')} testid="kb-tanggal">
            <Text className={hl('tanggal')}>{fmtTanggal(k.tanggal, lang)}</Text>
          </Field>
          <Field label={t('kb.jenisDokumen')} testid="kb-jenis">
            <Text className={hl('jenis_dokumen')}>{labelOf(LABEL_JENIS_DOKUMEN, k.jenis_dokumen, lang)}</Text>
          </Field>
          <Field label={t('kb.penandatangan')} testid="kb-penandatangan">
            <Text className={hl('penandatangan')}>
              {k.penandatangan.jabatan}
              {k.penandatangan.nama ? ` (${k.penandatangan.nama})` : ''}
            </Text>
          </Field>
          <Field label={t('kb.cakupan')} testid="kb-cakupan">
            <Text className={hl('cakupan')}>
              {'opd' in k.cakupan
                ? t('kb.cakupanOpd', { opd: k.cakupan.opd.join(', ') })
                : t('kb.cakupanSemua')}
            </Text>
          </Field>
          <Field label={t('kb.kedudukan')}>
            <Text className={hl('kedudukan')}>{t('kb.kedudukanNilai', { n: k.kedudukan })}</Text>
          </Field>
        </SimpleGrid>
        <Box mt="sm">
          <Field label={t('kb.berlaku')} testid="kb-berlaku">
            <Text className={hl('berlaku')}>{pick(uraikanBerlaku(k))}</Text>
          </Field>
        </Box>
        {k.alasan_revisi && (
          <Box mt="sm">
            <Field label={t('kb.alasanRevisi')} testid="kb-alasan-revisi">
              <Text className={hl('alasan_revisi')}>{k.alasan_revisi}</Text>
            </Field>
          </Box>
        )}
      </Card>
      <Card withBorder padding="md">
        <Title order={4} mb="xs">
          {t('kb.dasar')}
        </Title>
        <Box className={hl('dasar')} data-testid="kb-dasar">
          {k.dasar.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('kb.dasarKosong')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {k.dasar.map((d) => (
                <List.Item key={`${d.jenis}-${d.nomor}`}>
                  <Badge size="xs" variant="outline" tt="none" mr={6}>
                    {labelOf(LABEL_JENIS_DASAR, d.jenis, lang)}
                  </Badge>
                  <Text span fw={600} size="sm">
                    {d.nomor}
                  </Text>
                  {d.tanggal && <Text span size="sm">{` (${fmtTanggal(d.tanggal, lang)})`}</Text>}
                  {d.judul && <Text span size="sm">{` — ${d.judul}`}</Text>}
                  {d.penerbit && (
                    <Text span size="sm" c="dimmed">
                      {` · ${d.penerbit}`}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Box>
        <Title order={4} mt="md" mb="xs">
          {t('kb.fakta')}
        </Title>
        <Box className={hl('fakta')} data-testid="kb-fakta">
          {k.fakta.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('kb.faktaKosong')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {k.fakta.map((f) => {
                const angka = [
                  f.kasus_positif !== undefined &&
                    t('kb.fakta.kasusPositif', { n: fmtAngka(f.kasus_positif, lang) }),
                  f.kasus_aktif !== undefined &&
                    t('kb.fakta.kasusAktif', { n: fmtAngka(f.kasus_aktif, lang) }),
                  f.meninggal !== undefined && t('kb.fakta.meninggal', { n: fmtAngka(f.meninggal, lang) }),
                  f.zona && labelOf(LABEL_ZONA_RISIKO, f.zona, lang),
                  f.level_ppkm !== undefined && t('kb.fakta.level', { n: f.level_ppkm }),
                ].filter((x): x is string => typeof x === 'string');
                return (
                  <List.Item key={`${f.per_tanggal ?? ''}-${f.uraian}`}>
                    {f.per_tanggal && (
                      <Text span size="sm" c="dimmed">
                        {`${t('kb.fakta.perTanggal', { tanggal: fmtTanggal(f.per_tanggal, lang) })}: `}
                      </Text>
                    )}
                    <Text span size="sm">
                      {f.uraian}
                    </Text>
                    {angka.length > 0 && (
                      <Group gap={4} mt={2}>
                        {angka.map((a) => (
                          <Badge key={a} size="sm" variant="light" color="grape" tt="none">
                            {a}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Box>
      </Card>
    </SimpleGrid>
  );
}

const JENIS_COLOR: Record<string, string> = {
  wfo: 'green',
  wfh: 'blue',
  batas_kantor: 'yellow',
  penutupan_kantor: 'red',
  minimum_kantor: 'teal',
  piket: 'violet',
  jam_kerja: 'cyan',
  absensi: 'indigo',
  kewajiban_wfh: 'pink',
  pelaporan: 'gray',
  layanan_publik: 'gray',
};

/** One rule: its title, what it means in plain words, its id, and the quote from the letter. */
export function AturanItem({
  a,
  nomor,
  status,
}: {
  a: Aturan;
  nomor: number;
  /** In a comparison: how this rule changed. */
  status?: 'ditambah' | 'dihapus' | 'diubah' | undefined;
}) {
  const { t, pick } = useI18n();
  const cls =
    status === 'ditambah'
      ? 'sigap-ditambah'
      : status === 'dihapus'
        ? 'sigap-dihapus'
        : status === 'diubah'
          ? 'sigap-berubah'
          : undefined;
  return (
    <Box
      component="li"
      className={`sigap-aturan ${cls ?? ''}`}
      data-testid="aturan-item"
      data-aturan={a.id}
      data-berubah={status ?? undefined}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text fw={700} c="dimmed" style={{ flexShrink: 0, minWidth: 22 }}>
          {nomor}.
        </Text>
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} size="sm" data-testid="aturan-judul">
              {a.judul}
            </Text>
            {status && (
              <Badge
                size="xs"
                color={status === 'ditambah' ? 'green' : status === 'dihapus' ? 'red' : 'yellow'}
                variant="filled"
                tt="none"
              >
                {t(`kb.bdg.${status}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm" data-testid="aturan-uraian">
            {pick(uraikanAturan(a))}
          </Text>
          <Group gap={6} wrap="wrap">
            <Code data-testid="aturan-id" style={{ overflowWrap: 'anywhere' }}>
              {a.id}
            </Code>
            <Badge size="xs" variant="light" tt="none" color={JENIS_COLOR[a.hasil.jenis] ?? 'gray'}>
              {a.hasil.jenis}
            </Badge>
          </Group>
          {a.keterangan && (
            <Text
              size="xs"
              c="dimmed"
              fs="italic"
              className="sigap-kutipan"
              title={t('kb.keterangan')}
              data-testid="aturan-keterangan"
            >
              “{a.keterangan}”
            </Text>
          )}
        </Stack>
      </Group>
    </Box>
  );
}

/** The rules as a numbered list in plain words. */
export function DaftarAturan({ aturan }: { aturan: readonly Aturan[] }) {
  return (
    <Box component="ol" className="sigap-aturan-list" data-testid="aturan-list">
      {aturan.map((a, i) => (
        <AturanItem key={a.id} a={a} nomor={i + 1} />
      ))}
    </Box>
  );
}
