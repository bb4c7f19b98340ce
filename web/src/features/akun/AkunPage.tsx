import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LABEL_ROLE, ROLES, type Role } from '@sigap/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import {
  AKUN_KOSONG,
  type DraftAkun,
  isScoped,
  type MasalahAkun,
  masalahAkun,
  masalahSandi,
  toUserBody,
  toUserChangeBody,
} from '../../lib/akun';
import { type ApiError, keApiError, pesanGalat } from '../../lib/api';
import { fmtAngka, fmtWaktu } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { labelOf } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import type { Akun } from '../../lib/types';
import { useOpdTree } from '../org/org.api';
import { AturanSandi } from '../sandi/GantiSandi';
import { useAksiAkun, useAturUlangSandi, useDaftarAkun, useSimpanAkun } from './akun.api';

const ROLE_COLOR: Record<Role, string> = {
  pemda_admin: 'red',
  bkpsdm_admin: 'orange',
  opd_admin: 'blue',
  unit_head: 'cyan',
  employee: 'gray',
  health_officer: 'teal',
  auditor: 'grape',
};

/** Duties first, the plain employee role last (as in the header). */
function sortRoles<T extends { readonly role: Role }>(roles: readonly T[]): T[] {
  const rank = (r: Role) => (r === 'employee' ? ROLES.length : ROLES.indexOf(r));
  return [...roles].sort((a, b) => rank(a.role) - rank(b.role));
}

/** Whether a lock is still running (the server sets a time; it may have passed). */
function lockedNow(a: Akun): boolean {
  return a.terkunci_sampai !== null && Date.parse(a.terkunci_sampai) > Date.now();
}

/** Akun: the Pemda's accounts and their roles, and the create/update form (Pemda and BKPSDM admins). */
export function AkunPage() {
  const me = useMe();
  const { t, lang } = useI18n();
  const aksiAkun = useAksiAkun();
  const users = useDaftarAkun();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<{ draft: DraftAkun; existing: boolean; id?: string } | null>(null);
  const [resetting, setResetting] = useState<Akun | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const mayManage = (a: Akun) =>
    hasRole(me, ['pemda_admin']) || !a.roles.some((r) => r.role === 'pemda_admin');
  const act = async (a: Akun, path: 'nonaktifkan' | 'aktifkan' | 'buka-kunci', done: MessageKey) => {
    setBusyId(a.id);
    try {
      await aksiAkun.mutateAsync({ id: a.id, aksi: path });
      notifications.show({
        color: 'green',
        message: t(done, { username: a.username }),
        'data-testid': 'akun-tersimpan',
      });
    } catch (err) {
      notifications.show({
        color: 'red',
        message: pesanGalat(err),
        'data-testid': 'akun-aksi-galat',
      });
    } finally {
      setBusyId(null);
    }
  };

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = users.data ?? [];
    if (!q) return all;
    return all.filter((a) => [a.username, a.nama, a.nip ?? ''].some((s) => s.toLowerCase().includes(q)));
  }, [users.data, filter]);

  const edit = (a: Akun) =>
    setEditing({
      existing: true,
      id: a.id,
      draft: {
        username: a.username,
        nama: a.nama,
        password: '',
        nip: a.nip ?? '',
        roles: [...new Set(a.roles.map((r) => r.role))],
        opd: Object.fromEntries(a.roles.filter((r) => r.opd_kode).map((r) => [r.role, r.opd_kode])),
      },
    });

  return (
    <Stack gap="md" data-testid="page-akun">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <Title order={2}>{t('akun.judul')}</Title>
          <Text size="sm" c="dimmed" data-testid="akun-jumlah">
            {users.data ? t('akun.ringkas', { n: fmtAngka(users.data.length, lang) }) : t('umum.memuat')}
          </Text>
        </Box>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            aria-label={t('umum.cari')}
            placeholder={t('akun.cari')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            type="search"
            w={{ base: '100%', xs: 260 }}
            data-testid="akun-saring"
          />
          <Button
            onClick={() => setEditing({ existing: false, draft: AKUN_KOSONG })}
            data-testid="akun-tambah"
          >
            {t('akun.tambah')}
          </Button>
        </Group>
      </Group>

      {users.error && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.isLoading && !users.data && <Loading />}
      {users.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="akun-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    {t('akun.username')} / {t('akun.nama')}
                  </Table.Th>
                  <Table.Th>{t('akun.peran')}</Table.Th>
                  <Table.Th w={180}>{t('akun.nip')}</Table.Th>
                  <Table.Th w={150}>{t('akun.status')}</Table.Th>
                  <Table.Th w={260}>{t('akun.aksi')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id} data-testid="akun-row" data-username={a.username}>
                    <Table.Td>
                      <Text ff="monospace" fz="sm" fw={600} data-testid="akun-username-sel">
                        {a.username}
                      </Text>
                      <Text fz="sm" c="dimmed">
                        {a.nama}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap" data-testid="akun-peran-list">
                        {sortRoles(a.roles).map((r) => (
                          <Badge
                            key={`${r.role}|${r.opd_kode ?? ''}`}
                            size="sm"
                            variant="light"
                            tt="none"
                            color={ROLE_COLOR[r.role] ?? 'gray'}
                            data-testid="akun-peran-badge"
                          >
                            {labelOf(LABEL_ROLE, r.role, lang)}
                            {r.opd_kode ? ` · ${r.opd_kode}` : ''}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {a.nip ?? t('umum.kosong')}
                    </Table.Td>
                    <Table.Td>
                      {!a.aktif ? (
                        <Badge size="sm" color="gray" variant="outline" tt="none">
                          {t('akun.nonaktif')}
                        </Badge>
                      ) : lockedNow(a) && a.terkunci_sampai ? (
                        <Badge size="sm" color="orange" variant="light" tt="none" data-testid="akun-terkunci">
                          {t('akun.terkunci', {
                            waktu: fmtWaktu(a.terkunci_sampai, me.pemda.zona_waktu, lang),
                          })}
                        </Badge>
                      ) : a.diperlambat ? (
                        <Badge size="sm" color="orange" variant="light" tt="none" data-testid="akun-terkunci">
                          {t('akun.diperlambat', { n: fmtAngka(a.gagal_masuk, lang) })}
                        </Badge>
                      ) : (
                        <Badge size="sm" color="green" variant="light" tt="none">
                          {t('akun.aktif')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="wrap" data-testid="akun-aksi">
                        {!mayManage(a) ? (
                          <Text size="xs" c="dimmed">
                            {t('akun.hanyaPemdaAdminUbah')}
                          </Text>
                        ) : (
                          <>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => edit(a)}
                              data-testid={`akun-ubah-${a.username}`}
                            >
                              {t('akun.ubah')}
                            </Button>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => setResetting(a)}
                              data-testid={`akun-atur-ulang-${a.username}`}
                            >
                              {t('akun.aturUlangSandi')}
                            </Button>
                            {(lockedNow(a) || a.diperlambat) && (
                              <Button
                                size="compact-xs"
                                variant="light"
                                color="orange"
                                loading={busyId === a.id}
                                onClick={() => void act(a, 'buka-kunci', 'akun.dibukaKunci')}
                                data-testid={`akun-buka-kunci-${a.username}`}
                              >
                                {t('akun.bukaKunci')}
                              </Button>
                            )}
                            {a.username !== me.username && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color={a.aktif ? 'red' : 'green'}
                                loading={busyId === a.id}
                                onClick={() =>
                                  void (a.aktif
                                    ? act(a, 'nonaktifkan', 'akun.dinonaktifkan')
                                    : act(a, 'aktifkan', 'akun.diaktifkan'))
                                }
                                data-testid={`akun-${a.aktif ? 'nonaktifkan' : 'aktifkan'}-${a.username}`}
                              >
                                {t(a.aktif ? 'akun.nonaktifkan' : 'akun.aktifkan')}
                              </Button>
                            )}
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5} c="dimmed">
                      {t('umum.tidakAdaData')}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.existing ? t('akun.judulUbah', { username: editing.draft.username }) : t('akun.judulBaru')
        }
        size="lg"
      >
        {editing && (
          <AkunForm
            initial={editing.draft}
            id={editing.id}
            usernames={new Set((users.data ?? []).map((a) => a.username.toLowerCase()))}
            mayGrantPemdaAdmin={hasRole(me, ['pemda_admin'])}
            onCancel={() => setEditing(null)}
            onSaved={(username, created) => {
              setEditing(null);
              notifications.show({
                color: 'green',
                message: t(created ? 'akun.dibuat' : 'akun.diubah', { username }),
                'data-testid': 'akun-tersimpan',
              });
            }}
          />
        )}
      </Modal>
      <AturUlangSandi
        akun={resetting}
        onClose={() => setResetting(null)}
        onDone={(username) => {
          setResetting(null);
          notifications.show({
            color: 'green',
            message: t('akun.sandiDiaturUlang', { username }),
            'data-testid': 'akun-tersimpan',
          });
        }}
      />
    </Stack>
  );
}

/** An admin sets a new password for an account (every session of it ends). */
function AturUlangSandi({
  akun,
  onClose,
  onDone,
}: {
  akun: Akun | null;
  onClose: () => void;
  onDone: (username: string) => void;
}) {
  const { t } = useI18n();
  const [pw, setPw] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const aturUlang = useAturUlangSandi();
  const [error, setError] = useState<ApiError | null>(null);
  const problem = masalahSandi(pw);
  const close = () => {
    setPw('');
    setSubmitted(false);
    setError(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!akun || problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await aturUlang.mutateAsync({ id: akun.id, password: pw });
      setPw('');
      setSubmitted(false);
      onDone(akun.username);
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={akun !== null}
      onClose={close}
      title={akun ? t('akun.judulAturUlang', { username: akun.username }) : ''}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="atur-ulang-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('akun.aturUlangBantuan')}
          </Text>
          <Box>
            <PasswordInput
              label={t('akun.sandiBaru')}
              value={pw}
              onChange={(e) => setPw(e.currentTarget.value)}
              error={submitted && problem ? t(`valid.${problem}` as MessageKey) : undefined}
              required
              autoComplete="new-password"
              data-testid="atur-ulang-sandi"
            />
            <AturanSandi password={pw} />
          </Box>
          {error && (
            <Alert color="red" title={t('sandi.gagal')} data-testid="atur-ulang-galat">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('umum.batal')}
            </Button>
            <Button type="submit" loading={busy} data-testid="atur-ulang-simpan">
              {t('akun.aturUlangSandi')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Field = keyof MasalahAkun;

function AkunForm({
  initial,
  id,
  usernames,
  mayGrantPemdaAdmin,
  onCancel,
  onSaved,
}: {
  initial: DraftAkun;
  id: string | undefined;
  usernames: ReadonlySet<string>;
  mayGrantPemdaAdmin: boolean;
  onCancel: () => void;
  onSaved: (username: string, created: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const tree = useOpdTree();
  const [f, setF] = useState<DraftAkun>(initial);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const simpanAkun = useSimpanAkun();
  const [error, setError] = useState<ApiError | null>(null);
  const editing = id !== undefined;

  const opdOptions = useMemo(() => {
    const opts = (tree.data?.opd ?? []).map((n) => ({ value: n.kode, label: `${n.kode} – ${n.nama}` }));
    // Until the tree arrives (or for a unit closed since), still show the code the account holds.
    const known = new Set(opts.map((o) => o.value));
    for (const kode of Object.values(initial.opd))
      if (kode && !known.has(kode)) opts.unshift({ value: kode, label: kode });
    return opts;
  }, [tree.data, initial.opd]);
  const exists = !editing && usernames.has(f.username.trim().toLowerCase());
  const problems = masalahAkun(f, editing);
  const valid = Object.keys(problems).length === 0;
  const msg = (field: Field): string | undefined => {
    const k = problems[field];
    return k && (submitted || touched.has(field)) ? t(`valid.${k}` as MessageKey) : undefined;
  };
  const set = (patch: Partial<DraftAkun>, ...fields: Field[]) => {
    setF((x) => ({ ...x, ...patch }));
    setTouched((x) => new Set([...x, ...fields]));
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!valid || exists || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (id !== undefined) {
        await simpanAkun.mutateAsync({ id, body: toUserChangeBody(f) });
        onSaved(f.username, false);
      } else {
        const body = toUserBody(f);
        await simpanAkun.mutateAsync({ body });
        onSaved(body.username, true);
      }
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const roleOptions = ROLES.map((r) => ({
    value: r,
    label: labelOf(LABEL_ROLE, r, lang),
    disabled: r === 'pemda_admin' && !mayGrantPemdaAdmin && !f.roles.includes(r),
  }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="akun-form">
      <Stack gap="sm">
        <TextInput
          label={t('akun.username')}
          value={f.username}
          onChange={(e) => set({ username: e.currentTarget.value }, 'username')}
          error={msg('username') ?? (exists ? t('akun.sudahDipakai') : undefined)}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          readOnly={editing}
          required
          autoComplete="off"
          data-testid="akun-username"
        />
        <TextInput
          label={t('akun.nama')}
          value={f.nama}
          onChange={(e) => set({ nama: e.currentTarget.value }, 'nama')}
          error={msg('nama')}
          required
          data-testid="akun-nama"
        />
        {!editing && (
          <Box>
            <PasswordInput
              label={t('akun.password')}
              value={f.password}
              onChange={(e) => set({ password: e.currentTarget.value }, 'password')}
              error={msg('password')}
              required
              autoComplete="new-password"
              data-testid="akun-password"
            />
            <AturanSandi password={f.password} testid="akun-aturan" />
          </Box>
        )}
        <MultiSelect
          label={t('akun.peran')}
          placeholder={f.roles.length ? undefined : t('akun.pilihPeran')}
          data={roleOptions}
          value={[...f.roles]}
          onChange={(v) => set({ roles: v as Role[] }, 'roles', 'nip')}
          error={msg('roles')}
          description={mayGrantPemdaAdmin ? undefined : t('akun.hanyaPemdaAdmin')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          comboboxProps={{ withinPortal: true }}
          data-testid="akun-peran"
        />
        {f.roles.filter(isScoped).map((r) => (
          <Select
            key={r}
            label={t('akun.opdUntuk', { peran: labelOf(LABEL_ROLE, r, lang) })}
            placeholder={t('akun.pilihOpd')}
            data={opdOptions}
            value={f.opd[r] ?? null}
            onChange={(v) => set({ opd: { ...f.opd, [r]: v ?? undefined } }, `opd.${r}`)}
            error={msg(`opd.${r}`) ?? (tree.error ? tree.error.message : undefined)}
            searchable
            clearable
            limit={100}
            nothingFoundMessage={t('umum.tidakAdaData')}
            required
            comboboxProps={{ withinPortal: true }}
            data-testid={`akun-opd-${r}`}
          />
        ))}
        <TextInput
          label={t('akun.nip')}
          value={f.nip}
          onChange={(e) => set({ nip: e.currentTarget.value }, 'nip')}
          error={msg('nip')}
          description={t('akun.nipBantuan')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required={f.roles.includes('employee')}
          data-testid="akun-nip"
        />
        {error && (
          <Alert color="red" title={t('akun.gagalSimpan')} data-testid="akun-galat">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('umum.batal')}
          </Button>
          <Button type="submit" loading={busy} disabled={submitted && !valid} data-testid="akun-simpan">
            {t('akun.simpan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
