import { Center, createTheme, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Feedback';
import { AkunPage } from './features/akun/AkunPage';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { ImporPage } from './features/impor/ImporPage';
// The schedule grid and the occupancy overview are the screens admins and unit heads open all day: they
// come with the app (about 60 kB before compression), not as a chunk loaded when first opened — React
// reveals a lazily loaded page no sooner than 300 ms after its fallback, and the grid's data then only
// starts loading (measured on the demo: the grid request left 530 ms after navigation instead of at once).
import { JadwalPage } from './features/jadwal/JadwalPage';
import { OkupansiPage } from './features/jadwal/OkupansiPage';
import { AppLayout } from './features/layout/AppLayout';
import { NotFoundPage, RequireRole } from './features/layout/guards';
import { OrganisasiPage } from './features/org/OrganisasiPage';
import { PegawaiListPage } from './features/pegawai/PegawaiListPage';
import { PegawaiPage } from './features/pegawai/PegawaiPage';
import { PengaturanPage } from './features/pengaturan/PengaturanPage';
import { ApiQueryProvider } from './lib/api';
import { AsOfProvider } from './lib/as-of';
import { I18nProvider } from './lib/i18n';
import {
  AUDIT_ROLES,
  IMPORT_ROLES,
  IZIN_TINJAU_ROLES,
  JADWAL_READ_ROLES,
  KEBIJAKAN_WRITE_ROLES,
  KEHADIRAN_ROLES,
  KOREKSI_PUTUS_ROLES,
  PERANGKAT_ROLES,
  PERNYATAAN_ROLES,
  RUMAH_ROLES,
  TINJAU_ROLES,
  USERS_ROLES,
} from './lib/labels';
import { SessionProvider, useSession } from './lib/session';

// The OPD page carries Leaflet: load it when first opened.
const OpdPage = lazy(() => import('./features/org/OpdPage').then((m) => ({ default: m.OpdPage })));
// The policy pages carry the YAML parser: load them when first opened.
const KebijakanListPage = lazy(() =>
  import('./features/kebijakan/KebijakanListPage').then((m) => ({ default: m.KebijakanListPage })),
);
const KebijakanPage = lazy(() =>
  import('./features/kebijakan/KebijakanPage').then((m) => ({ default: m.KebijakanPage })),
);
const KebijakanBaruPage = lazy(() =>
  import('./features/kebijakan/KebijakanEditorPage').then((m) => ({ default: m.KebijakanBaruPage })),
);
const KebijakanRevisiPage = lazy(() =>
  import('./features/kebijakan/KebijakanEditorPage').then((m) => ({ default: m.KebijakanRevisiPage })),
);

// Schedules and leave: loaded when first opened.
const JadwalSayaPage = lazy(() =>
  import('./features/jadwal/JadwalSayaPage').then((m) => ({ default: m.JadwalSayaPage })),
);
const CutiPage = lazy(() => import('./features/cuti/CutiPage').then((m) => ({ default: m.CutiPage })));
const LaporLokasiPage = lazy(() =>
  import('./features/wfh/LaporLokasiPage').then((m) => ({ default: m.LaporLokasiPage })),
);
const HariWfhPage = lazy(() =>
  import('./features/wfh/LaporLokasiPage').then((m) => ({ default: m.HariWfhPage })),
);
const RumahPegawaiPage = lazy(() =>
  import('./features/wfh/RumahPegawaiPage').then((m) => ({ default: m.RumahPegawaiPage })),
);
const AbsenPage = lazy(() =>
  import('./features/kehadiran/AbsenPage').then((m) => ({ default: m.AbsenPage })),
);
const HarianPage = lazy(() =>
  import('./features/kehadiran/HarianPage').then((m) => ({ default: m.HarianPage })),
);
const WajahSayaPage = lazy(() =>
  import('./features/kehadiran/WajahSayaPage').then((m) => ({ default: m.WajahSayaPage })),
);
const TinjauPage = lazy(() =>
  import('./features/kehadiran/TinjauPage').then((m) => ({ default: m.TinjauPage })),
);
const PerangkatPage = lazy(() =>
  import('./features/kehadiran/PerangkatPage').then((m) => ({ default: m.PerangkatPage })),
);
const KioskPage = lazy(() =>
  import('./features/kehadiran/KioskPage').then((m) => ({ default: m.KioskPage })),
);
const KoreksiSayaPage = lazy(() =>
  import('./features/kehadiran-koreksi/KoreksiPage').then((m) => ({ default: m.KoreksiSayaPage })),
);
const PersetujuanKehadiranPage = lazy(() =>
  import('./features/kehadiran-koreksi/KoreksiPage').then((m) => ({ default: m.PersetujuanKehadiranPage })),
);
const PernyataanPage = lazy(() =>
  import('./features/wfh-pernyataan/PernyataanPage').then((m) => ({ default: m.PernyataanPage })),
);
const PernyataanDaftarPage = lazy(() =>
  import('./features/wfh-pernyataan/PernyataanDaftarPage').then((m) => ({ default: m.PernyataanDaftarPage })),
);

const IzinKeluarPage = lazy(() =>
  import('./features/izin-keluar/IzinKeluarPage').then((m) => ({ default: m.IzinKeluarPage })),
);
const IzinBawahanPage = lazy(() =>
  import('./features/izin-keluar/IzinKeluarPage').then((m) => ({ default: m.IzinBawahanPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  headings: {
    sizes: {
      h2: { fontSize: 'clamp(1.35rem, 1rem + 1.6vw, 1.75rem)', lineHeight: '1.25' },
    },
  },
});

function Gate() {
  const { state } = useSession();
  if (state.status === 'loading') {
    return (
      <Center h="100dvh">
        <Loader />
      </Center>
    );
  }
  if (state.status === 'anon') return <LoginPage expired={state.expired} />;
  return (
    <AsOfProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/organisasi" replace />} />
          <Route path="organisasi" element={<OrganisasiPage />} />
          <Route
            path="opd/:kode"
            element={
              <Suspense fallback={<Loading />}>
                <OpdPage />
              </Suspense>
            }
          />
          <Route path="pegawai" element={<PegawaiListPage />} />
          <Route path="pegawai/:id" element={<PegawaiPage />} />
          <Route
            path="impor"
            element={
              <RequireRole roles={IMPORT_ROLES}>
                <ImporPage />
              </RequireRole>
            }
          />
          <Route
            path="audit"
            element={
              <RequireRole roles={AUDIT_ROLES}>
                <AuditPage />
              </RequireRole>
            }
          />
          <Route
            path="akun"
            element={
              <RequireRole roles={USERS_ROLES}>
                <AkunPage />
              </RequireRole>
            }
          />
          <Route
            path="kebijakan"
            element={
              <Lazy>
                <KebijakanListPage />
              </Lazy>
            }
          />
          <Route
            path="kebijakan/baru"
            element={
              <RequireRole roles={KEBIJAKAN_WRITE_ROLES}>
                <Lazy>
                  <KebijakanBaruPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="kebijakan/:id"
            element={
              <Lazy>
                <KebijakanPage />
              </Lazy>
            }
          />
          <Route
            path="kebijakan/:id/revisi"
            element={
              <RequireRole roles={KEBIJAKAN_WRITE_ROLES}>
                <Lazy>
                  <KebijakanRevisiPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="jadwal"
            element={
              <RequireRole roles={JADWAL_READ_ROLES}>
                <JadwalPage />
              </RequireRole>
            }
          />
          <Route
            path="jadwal-saya"
            element={
              <Lazy>
                <JadwalSayaPage />
              </Lazy>
            }
          />
          <Route
            path="okupansi"
            element={
              <RequireRole roles={JADWAL_READ_ROLES}>
                <OkupansiPage />
              </RequireRole>
            }
          />
          <Route
            path="cuti"
            element={
              <Lazy>
                <CutiPage />
              </Lazy>
            }
          />
          <Route
            path="absen"
            element={
              <Lazy>
                <AbsenPage />
              </Lazy>
            }
          />
          <Route
            path="lapor-lokasi"
            element={
              <Lazy>
                <LaporLokasiPage />
              </Lazy>
            }
          />
          <Route
            path="hari-wfh/:pegawaiId"
            element={
              <RequireRole roles={KEHADIRAN_ROLES}>
                <Lazy>
                  <HariWfhPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="rumah-pegawai"
            element={
              <RequireRole roles={RUMAH_ROLES}>
                <Lazy>
                  <RumahPegawaiPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="kehadiran/koreksi"
            element={
              <Lazy>
                <KoreksiSayaPage />
              </Lazy>
            }
          />
          <Route
            path="kehadiran"
            element={
              <RequireRole roles={KEHADIRAN_ROLES}>
                <Lazy>
                  <HarianPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="wajah-saya"
            element={
              <Lazy>
                <WajahSayaPage />
              </Lazy>
            }
          />
          <Route
            path="tinjau-absen"
            element={
              <RequireRole roles={TINJAU_ROLES}>
                <Lazy>
                  <TinjauPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="perangkat"
            element={
              <RequireRole roles={PERANGKAT_ROLES}>
                <Lazy>
                  <PerangkatPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="kehadiran/persetujuan"
            element={
              <RequireRole roles={KOREKSI_PUTUS_ROLES}>
                <Lazy>
                  <PersetujuanKehadiranPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="pernyataan"
            element={
              <Lazy>
                <PernyataanPage />
              </Lazy>
            }
          />
          <Route
            path="izin-keluar"
            element={
              <Lazy>
                <IzinKeluarPage />
              </Lazy>
            }
          />
          <Route
            path="pernyataan-pegawai"
            element={
              <RequireRole roles={PERNYATAAN_ROLES}>
                <Lazy>
                  <PernyataanDaftarPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route
            path="izin-keluar/bawahan"
            element={
              <RequireRole roles={IZIN_TINJAU_ROLES}>
                <Lazy>
                  <IzinBawahanPage />
                </Lazy>
              </RequireRole>
            }
          />
          <Route path="pengaturan" element={<PengaturanPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AsOfProvider>
  );
}

/** The kiosk page (/kiosk) lives outside the session and the router. */
const diKios = () => /^\/kiosk\/?$/.test(window.location.pathname);

/** The Sigap web app: providers, then the kiosk, or sign-in or the routed pages. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <I18nProvider>
        <ApiQueryProvider>
          {diKios() ? (
            // the entrance tablet: no sign-in, no app frame; its device token is its credential
            <Lazy>
              <KioskPage />
            </Lazy>
          ) : (
            <SessionProvider>
              <BrowserRouter>
                <Gate />
              </BrowserRouter>
            </SessionProvider>
          )}
        </ApiQueryProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
