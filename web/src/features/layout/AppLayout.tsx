import {
  Anchor,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { LABEL_ROLE, ROLES, singkatanZona } from '@sigap/domain';
import { Link, Outlet, useLocation } from 'react-router';
import { LangSwitch } from '../../components/LangSwitch';
import { type MessageKey, useI18n } from '../../lib/i18n';
import {
  AUDIT_ROLES,
  IMPORT_ROLES,
  IZIN_TINJAU_ROLES,
  JADWAL_READ_ROLES,
  KEHADIRAN_ROLES,
  KOREKSI_PUTUS_ROLES,
  labelOf,
  PERANGKAT_ROLES,
  PERNYATAAN_ROLES,
  RUMAH_ROLES,
  TINJAU_ROLES,
  USERS_ROLES,
} from '../../lib/labels';
import { hasRole, useMe, useSession } from '../../lib/session';
import { Lonceng } from '../pemberitahuan/Lonceng';
import { GantiSandiDialog } from '../sandi/GantiSandi';

interface NavItem {
  readonly to: string;
  readonly label: MessageKey;
  readonly testid: string;
  readonly roles?: readonly string[];
  /** only for accounts linked to an employee record */
  readonly pegawai?: true;
}

const NAV: readonly NavItem[] = [
  { to: '/organisasi', label: 'nav.organisasi', testid: 'nav-organisasi' },
  { to: '/pegawai', label: 'nav.pegawai', testid: 'nav-pegawai' },
  { to: '/kebijakan', label: 'nav.kebijakan', testid: 'nav-kebijakan' },
  { to: '/jadwal', label: 'nav.jadwal', testid: 'nav-jadwal', roles: JADWAL_READ_ROLES },
  { to: '/jadwal-saya', label: 'nav.jadwalSaya', testid: 'nav-jadwal-saya', pegawai: true },
  { to: '/okupansi', label: 'nav.okupansi', testid: 'nav-okupansi', roles: JADWAL_READ_ROLES },
  { to: '/cuti', label: 'nav.cuti', testid: 'nav-cuti' },
  { to: '/absen', label: 'nav.absen', testid: 'nav-absen', pegawai: true },
  { to: '/lapor-lokasi', label: 'nav.laporLokasi', testid: 'nav-lapor-lokasi', pegawai: true },
  { to: '/kehadiran', label: 'nav.kehadiran', testid: 'nav-kehadiran', roles: KEHADIRAN_ROLES },
  { to: '/wajah-saya', label: 'nav.wajahSaya', testid: 'nav-wajah-saya', pegawai: true },
  { to: '/tinjau-absen', label: 'nav.tinjau', testid: 'nav-tinjau', roles: TINJAU_ROLES },
  { to: '/kehadiran/koreksi', label: 'nav.koreksiKehadiran', testid: 'nav-koreksi', pegawai: true },
  { to: '/pernyataan', label: 'nav.pernyataan', testid: 'nav-pernyataan', pegawai: true },
  {
    to: '/pernyataan-pegawai',
    label: 'nav.pernyataanDaftar',
    testid: 'nav-pernyataan-pegawai',
    roles: PERNYATAAN_ROLES,
  },
  {
    to: '/kehadiran/persetujuan',
    label: 'nav.persetujuanKehadiran',
    testid: 'nav-persetujuan-kehadiran',
    roles: KOREKSI_PUTUS_ROLES,
  },
  { to: '/izin-keluar', label: 'nav.izinKeluar', testid: 'nav-izin-keluar', pegawai: true },
  {
    to: '/izin-keluar/bawahan',
    label: 'nav.izinBawahan',
    testid: 'nav-izin-bawahan',
    roles: IZIN_TINJAU_ROLES,
  },
  { to: '/perangkat', label: 'nav.perangkat', testid: 'nav-perangkat', roles: PERANGKAT_ROLES },
  { to: '/rumah-pegawai', label: 'nav.rumahPegawai', testid: 'nav-rumah-pegawai', roles: RUMAH_ROLES },
  { to: '/impor', label: 'nav.impor', testid: 'nav-impor', roles: IMPORT_ROLES },
  { to: '/audit', label: 'nav.audit', testid: 'nav-audit', roles: AUDIT_ROLES },
  { to: '/akun', label: 'nav.akun', testid: 'nav-akun', roles: USERS_ROLES },
  { to: '/pengaturan', label: 'nav.pengaturan', testid: 'nav-pengaturan' },
];

/** Which nav item an address belongs to (OPD pages live under Organisasi). */
function activeOf(path: string): string {
  if (path.startsWith('/opd/')) return '/organisasi';
  // an exact page first (/izin-keluar/bawahan is its own item, not part of /izin-keluar)
  return (NAV.find((n) => path === n.to) ?? NAV.find((n) => path.startsWith(`${n.to}/`)))?.to ?? '';
}

/** The signed-in frame: header (Pemda, user, roles, language, sign-out) and the navigation. */
export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const { t, lang } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [sandiOpen, sandi] = useDisclosure(false);
  const location = useLocation();
  const active = activeOf(location.pathname);
  const items = NAV.filter(
    (n) => (!n.roles || hasRole(me, n.roles)) && (!n.pegawai || me.pegawai_id !== null),
  );
  // Duties first, the plain employee role last.
  const rank = (r: (typeof me.roles)[number]) =>
    r.role === 'employee' ? ROLES.length : ROLES.indexOf(r.role);
  const sorted = [...me.roles].sort((a, b) => rank(a) - rank(b));
  const roleLabels = [...new Set(sorted.map((r) => labelOf(LABEL_ROLE, r.role, lang)))];

  const userBlock = (
    <Box data-testid="user-info" style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} truncate data-testid="user-nama">
        {me.nama}
      </Text>
      <Group gap={4} wrap="wrap" data-testid="user-roles">
        {roleLabels.map((l) => (
          <Badge key={l} size="xs" variant="light">
            {l}
          </Badge>
        ))}
      </Group>
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => {
          close();
          sandi.open();
        }}
        data-testid="ganti-sandi"
      >
        {t('sandi.tombol')}
      </Anchor>
    </Box>
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.menu')}
              data-testid="burger"
            />
            <Title order={4} c="blue.8" style={{ flexShrink: 0 }}>
              {t('app.nama')}
            </Title>
            <Text size="sm" c="dimmed" truncate data-testid="pemda-nama">
              {me.pemda.nama} · {singkatanZona(me.pemda.zona_waktu)}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Box visibleFrom="md">{userBlock}</Box>
            <Lonceng />
            <LangSwitch />
            <Button
              variant="default"
              size="xs"
              onClick={() => void logout()}
              data-testid="logout"
              visibleFrom="sm"
            >
              {t('masuk.keluar')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" data-testid="navbar">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {items.map((n) => (
              <NavLink
                key={n.to}
                component={Link}
                to={n.to}
                label={t(n.label)}
                active={active === n.to}
                onClick={close}
                data-testid={n.testid}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section hiddenFrom="md">
          <Divider my="sm" />
          {userBlock}
          <Button
            variant="default"
            size="xs"
            mt="sm"
            fullWidth
            onClick={() => void logout()}
            data-testid="logout-nav"
            hiddenFrom="sm"
          >
            {t('masuk.keluar')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <GantiSandiDialog opened={sandiOpen} onClose={sandi.close} />
    </AppShell>
  );
}
