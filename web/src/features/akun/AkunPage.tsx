import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
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
  ATURAN_SANDI,
  type DraftAkun,
  isScoped,
  type MasalahAkun,
  masalahAkun,
  toUserBody,
} from '../../lib/akun';
import { ApiError, api } from '../../lib/api';
import { fmtAngka, fmtWaktu } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { labelOf } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import type { Akun, OpdTree } from '../../lib/types';
import { useApi } from '../../lib/use-api';

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
  const users = useApi<Akun[]>('/api/users');
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<{ draft: DraftAkun; existing: boolean } | null>(null);

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = users.data ?? [];
    if (!q) return all;
    return all.filter((a) => [a.username, a.nama, a.nip ?? ''].some((s) => s.toLowerCase().includes(q)));
  }, [users.data, filter]);

  const edit = (a: Akun) =>
    setEditing({
      existing: true,
      draft: {
        username: a.username,
        nama: a.nama,
        password: '',
        nip: a.nip ?? '',
        roles: [...new Set(a.roles.map((r) => r.role))],
        opd: Object.fromEntries(a.roles.filter((r) => r.opdKode).map((r) => [r.role, r.opdKode])),
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

      {users.error && <ErrorAlert error={users.error} onRetry={users.reload} />}
      {users.loading && !users.data && <Loading />}
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
                  <Table.Th w={70} />
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
                            key={`${r.role}|${r.opdKode ?? ''}`}
                            size="sm"
                            variant="light"
                            tt="none"
                            color={ROLE_COLOR[r.role] ?? 'gray'}
                            data-testid="akun-peran-badge"
                          >
                            {labelOf(LABEL_ROLE, r.role, lang)}
                            {r.opdKode ? ` · ${r.opdKode}` : ''}
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
                            waktu: fmtWaktu(a.terkunci_sampai, me.pemda.zonaWaktu, lang),
                          })}
                        </Badge>
                      ) : (
                        <Badge size="sm" color="green" variant="light" tt="none">
                          {t('akun.aktif')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => edit(a)}
                        data-testid={`akun-ubah-${a.username}`}
                      >
                        {t('akun.ubah')}
                      </Button>
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
            usernames={new Set((users.data ?? []).map((a) => a.username.toLowerCase()))}
            mayGrantPemdaAdmin={hasRole(me, ['pemda_admin'])}
            onCancel={() => setEditing(null)}
            onSaved={(username, created) => {
              setEditing(null);
              users.reload();
              notifications.show({
                color: 'green',
                message: t(created ? 'akun.dibuat' : 'akun.diubah', { username }),
                'data-testid': 'akun-tersimpan',
              });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

type Field = keyof MasalahAkun;

function AkunForm({
  initial,
  usernames,
  mayGrantPemdaAdmin,
  onCancel,
  onSaved,
}: {
  initial: DraftAkun;
  usernames: ReadonlySet<string>;
  mayGrantPemdaAdmin: boolean;
  onCancel: () => void;
  onSaved: (username: string, created: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const tree = useApi<OpdTree>('/api/opd');
  const [f, setF] = useState<DraftAkun>(initial);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const editing = initial.username !== '';

  const opdOptions = useMemo(() => {
    const opts = (tree.data?.opd ?? []).map((n) => ({ value: n.kode, label: `${n.kode} – ${n.nama}` }));
    // Until the tree arrives (or for a unit closed since), still show the code the account holds.
    const known = new Set(opts.map((o) => o.value));
    for (const kode of Object.values(initial.opd))
      if (kode && !known.has(kode)) opts.unshift({ value: kode, label: kode });
    return opts;
  }, [tree.data, initial.opd]);
  const problems = masalahAkun(f);
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
  const exists = !editing && usernames.has(f.username.trim().toLowerCase());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = toUserBody(f);
      const r = await api<{ id: string; created: boolean }>('/api/users', { method: 'POST', body });
      onSaved(body.username, r.created);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'JARINGAN', String(err)));
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
          error={msg('username')}
          description={exists ? t('akun.sudahAda') : undefined}
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
        <Box>
          <PasswordInput
            label={t('akun.password')}
            value={f.password}
            onChange={(e) => set({ password: e.currentTarget.value }, 'password')}
            error={msg('password')}
            description={editing || exists ? t('akun.passwordUbah') : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            autoComplete="new-password"
            data-testid="akun-password"
          />
          <List size="xs" mt={6} spacing={2} listStyleType="none" data-testid="akun-aturan">
            {ATURAN_SANDI.map((r) => {
              const ok = r.ok(f.password);
              return (
                <List.Item key={r.key} c={ok ? 'green.8' : 'dimmed'} data-ok={ok}>
                  {ok ? '✓' : '○'} {t(`akun.aturan.${r.key}`)}
                </List.Item>
              );
            })}
          </List>
        </Box>
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
