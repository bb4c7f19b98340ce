import {
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Collapse,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { KEBIJAKAN_WRITE_ROLES, LABEL_STATUS_KEBIJAKAN, labelOf } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import type { VersiKebijakan } from '../../lib/types';
import { BandingkanVersi } from './BandingkanVersi';
import { DaftarAturan, IdentitasKebijakan, StatusBadge } from './bagian';
import { DampakPanel } from './DampakPanel';
import { tanggalPertama } from './dokumen';
import { KalenderBerlaku, useKalender } from './KalenderBerlaku';
import { useKebijakan, useUbahStatusKebijakan } from './kebijakan.api';

type Tab = 'isi' | 'bandingkan' | 'dampak';
const TABS: readonly Tab[] = ['isi', 'bandingkan', 'dampak'];

/** The version shown by default: the active one, else the latest. */
function versiBawaan(versi: readonly VersiKebijakan[]): VersiKebijakan | undefined {
  return versi.filter((v) => v.status === 'aktif').at(-1) ?? versi.at(-1);
}

/**
 * One policy: the letter with its basis and facts, its days on a calendar, its rules in plain words,
 * the versions side by side, the impact preview and an employee's explanation. Admins activate,
 * revoke and revise from here.
 */
export function KebijakanPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canWrite = hasRole(me, KEBIJAKAN_WRITE_ROLES);
  const detail = useKebijakan(id);
  const [yamlOpen, setYamlOpen] = useState(false);
  const [dialog, setDialog] = useState<{ versi: number; status: 'aktif' | 'dicabut' } | null>(null);

  const versi = detail.data?.versi ?? [];
  const wanted = Number(params.get('versi'));
  const v = versi.find((x) => x.versi === wanted) ?? versiBawaan(versi);
  const k = v?.dokumen;
  const startYear = Number((k?.berlaku.dari ?? k?.berlaku.tanggal?.[0] ?? '2000').slice(0, 4));
  const { kal } = useKalender(startYear);
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : 'isi';

  const setParam = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [key, val] of Object.entries(patch)) {
          if (val === null) next.delete(key);
          else next.set(key, val);
        }
        return next;
      },
      { replace: true },
    );

  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data || !v || !k) return <Loading />;

  const mulai = kal ? tanggalPertama(k, kal) : (k.berlaku.dari ?? k.berlaku.tanggal?.[0] ?? k.tanggal);
  const sebelumnya = versi.filter((x) => x.versi < v.versi).at(-1);
  const lamaV = Number(params.get('lama')) || (sebelumnya ?? versi[0]!).versi;
  const baruV = Number(params.get('baru')) || (sebelumnya ? v.versi : (versi[1]?.versi ?? v.versi));
  const zona = me.pemda.zona_waktu;

  return (
    <Stack gap="md" data-testid="page-kebijakan-detail" data-id={id} data-versi={v.versi}>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/kebijakan" size="sm">
          {t('nav.kebijakan')}
        </Anchor>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {id}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Box style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Title order={2} data-testid="kb-judul-halaman">
            {k.judul}
          </Title>
          <Group gap="xs" mt={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {t('kb.versiLabel', { v: v.versi })}
            </Text>
            <StatusBadge status={v.status} size="md" />
            <Text size="xs" c="dimmed" data-testid="kb-disimpan">
              {t('kb.disimpanOleh', { waktu: fmtWaktu(v.dibuat_pada, zona, lang), oleh: v.dibuat_oleh })}
              {v.status_pada && v.status_oleh
                ? ` · ${t('kb.statusOleh', {
                    status: labelOf(LABEL_STATUS_KEBIJAKAN, v.status, lang),
                    waktu: fmtWaktu(v.status_pada, zona, lang),
                    oleh: v.status_oleh,
                  })}`
                : ''}
            </Text>
          </Group>
        </Box>
        {canWrite && (
          <Group gap="xs" wrap="wrap" data-testid="kb-aksi">
            {v.status === 'draft' && (
              <Button
                color="green"
                onClick={() => setDialog({ versi: v.versi, status: 'aktif' })}
                data-testid="kb-aktifkan"
              >
                {t('kb.aktifkan')}
              </Button>
            )}
            {(v.status === 'draft' || v.status === 'aktif') && (
              <Button
                color="red"
                variant="light"
                onClick={() => setDialog({ versi: v.versi, status: 'dicabut' })}
                data-testid="kb-cabut"
              >
                {t('kb.cabut')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => navigate(`/kebijakan/${encodeURIComponent(id)}/revisi`)}
              data-testid="kb-revisi"
            >
              {t('kb.revisi')}
            </Button>
          </Group>
        )}
      </Group>

      {versi.length > 1 && (
        <ScrollArea type="auto" offsetScrollbars>
          <SegmentedControl
            value={String(v.versi)}
            onChange={(x) => setParam({ versi: x, lama: null, baru: null })}
            aria-label={t('kb.versi')}
            data-testid="kb-pilih-versi"
            data={versi.map((x) => ({
              value: String(x.versi),
              label: (
                <span data-testid={`pilih-versi-${x.versi}`}>
                  {`v${x.versi} · ${labelOf(LABEL_STATUS_KEBIJAKAN, x.status, lang)}`}
                </span>
              ),
            }))}
          />
        </ScrollArea>
      )}

      <IdentitasKebijakan k={k} />

      <Tabs value={tab} onChange={(x) => setParam({ tab: x === 'isi' ? null : x })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="isi" data-testid="tab-isi">
            {t('kb.tab.isi')}
          </Tabs.Tab>
          <Tabs.Tab value="bandingkan" data-testid="tab-bandingkan">
            {t('kb.tab.bandingkan')}
          </Tabs.Tab>
          <Tabs.Tab value="dampak" data-testid="tab-dampak">
            {t('kb.tab.dampak')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="isi">
          <Stack gap="md">
            <Box style={{ display: 'grid', gap: 'var(--mantine-spacing-md)' }} className="sigap-isi-grid">
              <Card withBorder padding="md">
                <Title order={4}>{t('kb.aturan')}</Title>
                <Text size="xs" c="dimmed" mb="sm">
                  {t('kb.aturanBantuan')}
                </Text>
                <DaftarAturan aturan={k.aturan} />
              </Card>
              <Box>
                <KalenderBerlaku key={`${id}@${v.versi}`} k={k} mulai={mulai} />
              </Box>
            </Box>
            <Card withBorder padding="sm">
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => setYamlOpen((o) => !o)}
                  data-testid="kb-yaml-toggle"
                  aria-expanded={yamlOpen}
                >
                  {yamlOpen ? `▾ ${t('kb.yamlSembunyi')}` : `▸ ${t('kb.yamlTampil')}`}
                </Button>
              </Group>
              <Collapse expanded={yamlOpen}>
                <Code block mt="sm" className="sigap-yaml-blok" data-testid="kb-yaml">
                  {v.sumber}
                </Code>
              </Collapse>
            </Card>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="bandingkan">
          <Title order={4} mb="sm">
            {t('kb.bdg.judul')}
          </Title>
          <BandingkanVersi
            versi={versi}
            lamaV={lamaV}
            baruV={baruV}
            onPilih={(l, b) => setParam({ lama: String(l), baru: String(b) })}
          />
        </Tabs.Panel>

        <Tabs.Panel value="dampak">
          <DampakPanel key={`${id}@${v.versi}`} id={id} versi={v.versi} mulai={mulai} />
        </Tabs.Panel>
      </Tabs>

      {canWrite && (
        <UbahStatus
          id={id}
          versi={versi}
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
          }}
        />
      )}
    </Stack>
  );
}

/** The confirm dialog of activating (supersedes the other active version) or revoking (final). */
function UbahStatus({
  id,
  versi,
  dialog,
  onClose,
  onDone,
}: {
  id: string;
  versi: readonly VersiKebijakan[];
  dialog: { versi: number; status: 'aktif' | 'dicabut' } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ubahStatus = useUbahStatusKebijakan();
  const [shown, setShown] = useState(dialog);
  if (dialog && dialog !== shown) setShown(dialog);
  const d = shown;
  const lain = versi.filter((x) => x.status === 'aktif' && x.versi !== d?.versi).map((x) => x.versi);

  const confirm = async () => {
    if (!d) return;
    setBusy(true);
    setError(null);
    try {
      const r = await ubahStatus.mutateAsync({ id, versi: d.versi, status: d.status });
      const base = t(d.status === 'aktif' ? 'kb.diaktifkan' : 'kb.dicabut', { v: d.versi });
      // The contract lets the answer leave out `diganti` (no version superseded).
      const diganti = r.diganti ?? [];
      notifications.show({
        color: d.status === 'aktif' ? 'green' : 'orange',
        message: diganti.length ? `${base}; ${t('kb.digantiInfo', { lain: diganti.join(', ') })}` : base,
      });
      onDone();
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Modal
      opened={dialog !== null}
      onClose={close}
      title={d ? t(d.status === 'aktif' ? 'kb.aktifkanJudul' : 'kb.cabutJudul', { v: d.versi }) : ''}
      size="md"
    >
      {d && (
        <Stack gap="sm" data-testid="kb-status-dialog" data-status={d.status}>
          {d.status === 'aktif' ? (
            <>
              <Text size="sm">{t('kb.aktifkanTanya', { v: d.versi })}</Text>
              <Alert color={lain.length ? 'orange' : 'gray'} data-testid="kb-status-ganti">
                {lain.length ? t('kb.aktifkanGanti', { lain: lain.join(', ') }) : t('kb.aktifkanTanpaGanti')}
              </Alert>
            </>
          ) : (
            <Text size="sm">{t('kb.cabutTanya', { v: d.versi })}</Text>
          )}
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-testid="kb-status-batal">
              {t('umum.batal')}
            </Button>
            <Button
              color={d.status === 'aktif' ? 'green' : 'red'}
              loading={busy}
              onClick={() => void confirm()}
              data-testid="kb-status-ya"
            >
              {t(d.status === 'aktif' ? 'kb.aktifkan' : 'kb.cabut')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
