import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Perangkat as SkemaPerangkat, TokenPerangkat } from '@sigap/domain/api/kehadiran';
import type { OpdNode } from '@sigap/domain/api/org';
import { type FormEvent, useMemo, useState } from 'react';
import type { z } from 'zod';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { keApiError } from '../../lib/api';
import { fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { useOpdTree } from '../org/org.api';
import { useCabutToken, useDaftarkanPerangkat, useDaftarPerangkat, useTerbitkanToken } from './perangkat.api';

// Attendance devices of the admin's OPD/unit (docs/kehadiran.md §8): the list with each device's token
// state, registering a terminal or a kiosk, issuing a device token (shown once, with how to install it) and
// revoking it. The server checks the scope and says in words what it refuses.

type Jenis = 'terminal' | 'kiosk';
type Perangkat = z.infer<typeof SkemaPerangkat>;

/** The OPDs/units an account may give a device: all for a Pemda admin, else the subtrees of its OPD roles. */
function opdDalamLingkup(opd: readonly OpdNode[], roles: readonly { role: string; opd_id: string | null }[]) {
  if (roles.some((r) => r.role === 'pemda_admin')) return opd;
  const akar = new Set(roles.filter((r) => r.role === 'opd_admin' && r.opd_id).map((r) => r.opd_id!));
  const byKode = new Map(opd.map((n) => [n.kode, n]));
  const dalam = (n: OpdNode): boolean => {
    for (let c: OpdNode | undefined = n; c; c = c.induk_kode ? byKode.get(c.induk_kode) : undefined)
      if (akar.has(c.id)) return true;
    return false;
  };
  return opd.filter(dalam);
}

function DaftarBaru({ onSelesai }: { onSelesai: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const tree = useOpdTree();
  const daftar = useDaftarkanPerangkat();
  const [kode, setKode] = useState('');
  const [nama, setNama] = useState('');
  const [opd, setOpd] = useState<string | null>(null);
  const [jenis, setJenis] = useState<Jenis>('kiosk');
  const [galat, setGalat] = useState<string | null>(null);
  const dalamLingkup = useMemo(() => opdDalamLingkup(tree.data?.opd ?? [], me.roles), [tree.data, me.roles]);
  const pilihan = dalamLingkup.map((n) => ({ value: n.kode, label: `${n.kode} — ${n.nama}` }));
  // an OPD admin of one OPD starts on that OPD (its units stay a choice away)
  const akar = me.roles.filter((r) => r.role === 'opd_admin' && r.opd_id).map((r) => r.opd_id);
  const sendiri = akar.length === 1 ? dalamLingkup.find((n) => n.id === akar[0]) : undefined;
  const bawaan = pilihan.length === 1 ? pilihan[0]!.value : (sendiri?.kode ?? null);
  const opdTerpilih = opd ?? bawaan;

  const kirim = async (e: FormEvent) => {
    e.preventDefault();
    setGalat(null);
    try {
      const r = await daftar.mutateAsync({
        kode: kode.trim(),
        nama: nama.trim(),
        opd_kode: opdTerpilih ?? '',
        jenis,
      });
      notifications.show({ color: 'green', message: t('pr.terdaftar', { kode: r.kode }) });
      setKode('');
      setNama('');
      onSelesai();
    } catch (err) {
      setGalat(keApiError(err).message);
    }
  };

  return (
    <Card withBorder component="form" onSubmit={(e) => void kirim(e)} data-testid="perangkat-form">
      <Stack gap="sm">
        <Text fw={600}>{t('pr.baru')}</Text>
        <SegmentedControl
          value={jenis}
          onChange={(v) => setJenis(v as Jenis)}
          data={[
            { value: 'kiosk', label: t('pr.jenis.kiosk') },
            { value: 'terminal', label: t('pr.jenis.terminal') },
          ]}
          data-testid="perangkat-jenis"
          style={{ alignSelf: 'flex-start' }}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('pr.kode')}
            description={jenis === 'terminal' ? t('pr.kodeBantuan') : undefined}
            value={kode}
            onChange={(e) => setKode(e.currentTarget.value)}
            required
            maxLength={64}
            data-testid="perangkat-kode"
          />
          <TextInput
            label={t('pr.nama')}
            placeholder={t('pr.namaContoh')}
            value={nama}
            onChange={(e) => setNama(e.currentTarget.value)}
            required
            maxLength={200}
            data-testid="perangkat-nama"
          />
          <Select
            label={t('pr.opd')}
            data={pilihan}
            value={opdTerpilih}
            onChange={setOpd}
            searchable
            required
            nothingFoundMessage={t('umum.tidakAdaData')}
            data-testid="perangkat-opd"
          />
        </Group>
        {galat ? (
          <Alert color="red" data-testid="perangkat-galat">
            {galat}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={daftar.isPending} data-testid="perangkat-daftarkan">
            {t('pr.daftarkan')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The token, shown once, with a copy button and how to install it on the kiosk or the terminal. */
function TokenBaru({ token, onTutup }: { token: TokenPerangkat; onTutup: () => void }) {
  const { t } = useI18n();
  const asal = window.location.origin;
  return (
    <Modal
      opened
      onClose={onTutup}
      title={t('pr.token.judul', { kode: token.perangkat.kode })}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="md" data-testid="token-modal">
        <Alert color="orange">
          {t('pr.token.sekali')} {token.menggantikan ? t('pr.token.mengganti') : ''}
        </Alert>
        <Code
          block
          data-testid="token-nilai"
          style={{ fontSize: 15, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {token.token}
        </Code>
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="token-salin">
              {copied ? t('pr.token.tersalin') : t('pr.token.salin')}
            </Button>
          )}
        </CopyButton>
        {token.perangkat.jenis === 'kiosk' ? (
          <List type="ordered" spacing={4}>
            <List.Item>
              {t('pr.token.langkahKios1')}
              <Code>{`${asal}/kiosk`}</Code>
            </List.Item>
            <List.Item>{t('pr.token.langkahKios2')}</List.Item>
            <List.Item>{t('pr.token.langkahKios3')}</List.Item>
          </List>
        ) : (
          <Text size="sm">{t('pr.token.langkahMesin', { alamat: `${asal}/api/perangkat/kejadian` })}</Text>
        )}
        <Group justify="flex-end">
          <Button onClick={onTutup} data-testid="token-tutup">
            {t('pr.token.selesai')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface Konfirmasi {
  readonly judul: string;
  readonly isi: string;
  readonly tombol: string;
  readonly warna: string;
  readonly aksi: () => Promise<void>;
}

export function PerangkatPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const q = useDaftarPerangkat();
  const tree = useOpdTree();
  const terbitkan = useTerbitkanToken();
  const cabut = useCabutToken();
  const [konfirmasi, setKonfirmasi] = useState<Konfirmasi | null>(null);
  const [token, setToken] = useState<TokenPerangkat | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const namaOpd = useMemo(() => new Map((tree.data?.opd ?? []).map((n) => [n.kode, n.nama])), [tree.data]);
  const zona = me.pemda.zona_waktu;

  const jalankan = async (aksi: () => Promise<void>) => {
    setSibuk(true);
    try {
      await aksi();
    } catch (e) {
      notifications.show({ color: 'red', message: keApiError(e).message, autoClose: 10_000 });
    } finally {
      setSibuk(false);
      setKonfirmasi(null);
    }
  };
  const terbit = (p: Perangkat) => async () => setToken(await terbitkan.mutateAsync(p.id));
  const jenisKata = (j: Jenis) => t(`pr.jenis.${j}`).toLowerCase();

  const mintaTerbit = (p: Perangkat) => {
    if (!p.token_aktif) return void jalankan(terbit(p));
    setKonfirmasi({
      judul: t('pr.yakinGanti.judul', { kode: p.kode }),
      isi: t('pr.yakinGanti.isi', { jenis: jenisKata(p.jenis) }),
      tombol: t('pr.terbitkanUlang'),
      warna: 'orange',
      aksi: terbit(p),
    });
  };
  const mintaCabut = (p: Perangkat) =>
    setKonfirmasi({
      judul: t('pr.yakinCabut.judul', { kode: p.kode }),
      isi: t('pr.yakinCabut.isi'),
      tombol: t('pr.cabut'),
      warna: 'red',
      aksi: async () => {
        await cabut.mutateAsync(p.id);
        notifications.show({ color: 'green', message: t('pr.dicabutOk', { kode: p.kode }) });
      },
    });

  return (
    <Stack gap="md">
      <Title order={2}>{t('pr.judul')}</Title>
      <Text c="dimmed">{t('pr.bantuan')}</Text>
      <DaftarBaru onSelesai={() => void q.refetch()} />
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.length === 0 ? (
        <Alert color="gray" data-testid="perangkat-kosong">
          {t('pr.kosong')}
        </Alert>
      ) : null}
      {q.data && q.data.length > 0 ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="sm" data-testid="perangkat-tabel">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pr.kode')}</Table.Th>
                <Table.Th>{t('pr.nama')}</Table.Th>
                <Table.Th>{t('pr.jenis')}</Table.Th>
                <Table.Th>{t('pr.opd')}</Table.Th>
                <Table.Th>{t('pr.kol.token')}</Table.Th>
                <Table.Th ta="right">{t('pr.kol.pin')}</Table.Th>
                <Table.Th>{t('pr.kol.aksi')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((p) => (
                <Table.Tr key={p.id} data-testid="perangkat-baris" data-kode={p.kode}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Code>{p.kode}</Code>
                  </Table.Td>
                  <Table.Td>{p.nama}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={p.jenis === 'kiosk' ? 'grape' : 'gray'}
                      style={{ overflow: 'visible' }}
                      miw="max-content"
                    >
                      {t(`pr.jenis.${p.jenis}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{namaOpd.get(p.opd_kode) ?? p.opd_kode}</Text>
                    <Text size="xs" c="dimmed">
                      {p.opd_kode}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="perangkat-token" data-aktif={p.token_aktif}>
                    {p.dicabut_pada ? (
                      <Badge color="red" variant="light">
                        {t('pr.dicabut', { waktu: fmtWaktu(p.dicabut_pada, zona, lang) })}
                      </Badge>
                    ) : p.token_aktif && p.token_dibuat_pada ? (
                      <Text size="sm" c="green.8">
                        {t('pr.tokenAktif', { waktu: fmtWaktu(p.token_dibuat_pada, zona, lang) })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('pr.tokenTidakAda')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{p.jenis === 'terminal' ? p.jumlah_pin : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        disabled={!!p.dicabut_pada}
                        onClick={() => mintaTerbit(p)}
                        data-testid="perangkat-terbitkan"
                      >
                        {p.token_aktif ? t('pr.terbitkanUlang') : t('pr.terbitkan')}
                      </Button>
                      {p.token_aktif ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => mintaCabut(p)}
                          data-testid="perangkat-cabut"
                        >
                          {t('pr.cabut')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      <Modal opened={!!konfirmasi} onClose={() => setKonfirmasi(null)} title={konfirmasi?.judul}>
        <Stack gap="md">
          <Text size="sm">{konfirmasi?.isi}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setKonfirmasi(null)}>
              {t('pr.batal')}
            </Button>
            <Button
              color={konfirmasi?.warna}
              loading={sibuk}
              onClick={() => konfirmasi && void jalankan(konfirmasi.aksi)}
              data-testid="konfirmasi-ya"
            >
              {konfirmasi?.tombol}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {token ? <TokenBaru token={token} onTutup={() => setToken(null)} /> : null}
    </Stack>
  );
}
