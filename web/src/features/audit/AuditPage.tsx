import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isIsoDate, LABEL_ROLE, type Role, type ZonaWaktu } from '@sigap/domain';
import { createContext, type FormEvent, Fragment, useContext, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { fmtAngka, fmtTanggal, fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import type { AuditRow } from '../../lib/types';
import { useAuditHalaman } from './audit.api';

const PAGE_SIZE = 50;

/** Every kind of record the server audits (server/src/modules/**: insertAudit), in words. */
const ENTITAS: Record<string, { id: string; en: string }> = {
  opd: { id: 'OPD / unit', en: 'OPD / unit' },
  pegawai: { id: 'Pegawai', en: 'Employee' },
  akun: { id: 'Akun', en: 'Account' },
  pengaturan: { id: 'Pengaturan', en: 'Settings' },
  hari_libur: { id: 'Hari libur', en: 'Holiday' },
  kebijakan: { id: 'Kebijakan', en: 'Policy' },
  konteks_wilayah: { id: 'Konteks wilayah', en: 'Regional context' },
  jadwal: { id: 'Jadwal', en: 'Schedule' },
  jadwal_sel: { id: 'Sel jadwal', en: 'Schedule cell' },
  jadwal_kunci: { id: 'Kunci jadwal', en: 'Schedule lock' },
  ketidakhadiran: { id: 'Cuti / ketidakhadiran', en: 'Leave / absence' },
  impor_opd: { id: 'Impor OPD', en: 'OPD import' },
  impor_pegawai: { id: 'Impor pegawai', en: 'Employee import' },
  koreksi_kehadiran: { id: 'Koreksi kehadiran', en: 'Attendance correction' },
  dinas_luar: { id: 'Dinas luar', en: 'Official travel' },
};

const AKSI: Record<string, { id: string; en: string; color: string }> = {
  buat: { id: 'Buat', en: 'Create', color: 'green' },
  ubah: { id: 'Ubah', en: 'Update', color: 'blue' },
  hapus: { id: 'Hapus', en: 'Delete', color: 'red' },
  masuk: { id: 'Masuk', en: 'Sign in', color: 'gray' },
  keluar: { id: 'Keluar', en: 'Sign out', color: 'gray' },
  kunci_akun: { id: 'Kunci akun', en: 'Lock account', color: 'orange' },
  simpan: { id: 'Simpan', en: 'Save', color: 'blue' },
  aktifkan: { id: 'Aktifkan', en: 'Activate', color: 'green' },
  cabut: { id: 'Cabut', en: 'Revoke', color: 'red' },
  terbitkan: { id: 'Terbitkan', en: 'Publish', color: 'green' },
  kunci: { id: 'Kunci', en: 'Lock', color: 'orange' },
  lepas_kunci: { id: 'Lepas kunci', en: 'Unlock', color: 'gray' },
  ajukan: { id: 'Ajukan', en: 'Request', color: 'blue' },
  batalkan: { id: 'Batalkan', en: 'Cancel', color: 'gray' },
  setujui: { id: 'Setujui', en: 'Approve', color: 'green' },
  tolak: { id: 'Tolak', en: 'Reject', color: 'red' },
  catat: { id: 'Catat', en: 'Record', color: 'blue' },
  impor: { id: 'Impor', en: 'Import', color: 'green' },
  impor_gagal: { id: 'Impor gagal', en: 'Import failed', color: 'red' },
  nonaktifkan: { id: 'Nonaktifkan', en: 'Deactivate', color: 'red' },
  nonaktifkan_akun: { id: 'Nonaktifkan akun', en: 'Deactivate account', color: 'red' },
  aktifkan_akun: { id: 'Aktifkan akun', en: 'Reactivate account', color: 'green' },
  buka_kunci_akun: { id: 'Buka kunci akun', en: 'Unlock account', color: 'gray' },
  atur_ulang_sandi: { id: 'Atur ulang sandi', en: 'Reset password', color: 'orange' },
  ganti_sandi: { id: 'Ganti sandi', en: 'Change password', color: 'blue' },
  tahan_masuk: { id: 'Masuk ditahan', en: 'Sign-in held back', color: 'orange' },
};

/** Field names of the stored records, in words (the key stays visible on hover). */
const ISIAN: Record<string, { id: string; en: string }> = {
  nama: { id: 'Nama', en: 'Name' },
  nip: { id: 'NIP', en: 'NIP' },
  id_pegawai: { id: 'ID pegawai', en: 'Employee ID' },
  jenis_pegawai: { id: 'Jenis pegawai', en: 'Employee type' },
  jabatan: { id: 'Jabatan', en: 'Position' },
  jabatan_level: { id: 'Tingkat jabatan', en: 'Position level' },
  opd_id: { id: 'OPD / unit', en: 'OPD / unit' },
  opd_kode: { id: 'Kode OPD / unit', en: 'OPD / unit code' },
  atasan_id: { id: 'Atasan', en: 'Supervisor' },
  email: { id: 'E-mail', en: 'E-mail' },
  telepon: { id: 'Telepon', en: 'Phone' },
  rumah_lat: { id: 'Lintang rumah', en: 'Home latitude' },
  rumah_lng: { id: 'Bujur rumah', en: 'Home longitude' },
  kode: { id: 'Kode', en: 'Code' },
  jenis: { id: 'Jenis', en: 'Type' },
  induk_kode: { id: 'Kode induk', en: 'Parent code' },
  kelas_layanan: { id: 'Kelas layanan', en: 'Service class' },
  sektor: { id: 'Sektor', en: 'Sector' },
  lat: { id: 'Lintang', en: 'Latitude' },
  lng: { id: 'Bujur', en: 'Longitude' },
  radius_m: { id: 'Radius (m)', en: 'Radius (m)' },
  tanggal: { id: 'Tanggal', en: 'Date' },
  dari: { id: 'Dari', en: 'From' },
  sampai: { id: 'Sampai', en: 'To' },
  status: { id: 'Status', en: 'Status' },
  keterangan: { id: 'Keterangan', en: 'Note' },
  zonaWaktu: { id: 'Zona waktu', en: 'Time zone' },
  jamKerja: { id: 'Jam kerja', en: 'Working hours' },
  induk_id: { id: 'Induk', en: 'Parent' },
  pegawai_id: { id: 'Pegawai', en: 'Employee' },
  jadwal: { id: 'Jadwal', en: 'Schedule' },
  username: { id: 'Nama pengguna', en: 'Username' },
  roles: { id: 'Peran', en: 'Roles' },
  role: { id: 'Peran', en: 'Role' },
  opdKode: { id: 'OPD', en: 'OPD' },
  jumlah: { id: 'Jumlah', en: 'Count' },
  kohort: { id: 'Kohort', en: 'Cohorts' },
  permintaan: { id: 'Permintaan', en: 'Requests' },
  pelanggaran: { id: 'Pelanggaran', en: 'Violations' },
  urutanSasaran: { id: 'Urutan sasaran', en: 'Target order' },
  sel: { id: 'Sel', en: 'Cells' },
  terbit: { id: 'Terbit', en: 'Published' },
  penyesuaian: { id: 'Penyesuaian', en: 'Adjustments' },
  catatan: { id: 'Catatan', en: 'Note' },
  peringatan: { id: 'Peringatan', en: 'Warnings' },
  aktif: { id: 'Aktif', en: 'Active' },
  berlaku_dari: { id: 'Berlaku dari', en: 'Valid from' },
  berlaku_sampai: { id: 'Berlaku sampai', en: 'Valid until' },
  pusatLat: { id: 'Lintang pusat', en: 'Centre latitude' },
  pusatLng: { id: 'Bujur pusat', en: 'Centre longitude' },
};

interface Filter {
  entitas: string;
  aksi: string;
  pelaku: string;
  q: string;
  dari: string;
  sampai: string;
}

const EMPTY: Filter = { entitas: '', aksi: '', pelaku: '', q: '', dari: '', sampai: '' };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_DI_TEKS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TANGGAL = /^\d{4}-\d{2}-\d{2}$/;
const TANGGAL_DI_TEKS = /\b\d{4}-\d{2}-\d{2}\b(?!T\d)/g;
const WAKTU = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** How the page words values: the language, the Pemda's zone, and names for the ids in this page. */
interface Bacaan {
  readonly lang: 'id' | 'en';
  readonly zona: ZonaWaktu;
  readonly rujukan: Readonly<Record<string, string>>;
}
const BacaanContext = createContext<Bacaan>({ lang: 'id', zona: 'Asia/Jakarta', rujukan: {} });

/**
 * A stored value in words: an id by the name of what it points to (resolved by the server), dates and
 * instants in the Pemda's own zone and style, nothing as a dash, lists and groups inline.
 */
function nilaiTeks(v: unknown, b: Bacaan): string {
  const { lang } = b;
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? (lang === 'en' ? 'yes' : 'ya') : lang === 'en' ? 'no' : 'tidak';
  if (typeof v === 'number') return fmtAngka(v, lang);
  if (typeof v === 'string') {
    if (UUID.test(v)) return b.rujukan[v.toLowerCase()] ?? v;
    if (TANGGAL.test(v) && isIsoDate(v)) return fmtTanggal(v, lang);
    if (WAKTU.test(v)) return fmtWaktu(v, b.zona, lang);
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => nilaiTeks(x, b)).join(', ') || '—';
  if (isPlainObject(v))
    return (
      Object.entries(v)
        .filter(([, x]) => x !== null && x !== undefined)
        .map(([k, x]) => {
          const peran = k === 'role' && typeof x === 'string' ? LABEL_ROLE[x as Role]?.[lang] : undefined;
          return `${ISIAN[k]?.[lang] ?? k}: ${peran ?? nilaiTeks(x, b)}`;
        })
        .join('; ') || '—'
    );
  return String(v);
}

/** A summary line with its dates in the Pemda's style and any id by name. */
function ringkasanTeks(s: string, b: Bacaan): string {
  return s
    .replace(UUID_DI_TEKS, (id) => b.rujukan[id.toLowerCase()] ?? id)
    .replace(TANGGAL_DI_TEKS, (d) => (isIsoDate(d) ? fmtTanggal(d, b.lang) : d));
}

/**
 * One side of the before/after comparison as a list of fields and values, marking the fields whose
 * value differs from the other side.
 */
function Json({ value, other, testid }: { value: unknown; other: unknown; testid: string }) {
  const { t, lang } = useI18n();
  const bacaan = useContext(BacaanContext);
  if (value === null || value === undefined) {
    return (
      <Text size="sm" c="dimmed" data-testid={testid}>
        {t('audit.kosongJson')}
      </Text>
    );
  }
  if (!isPlainObject(value)) {
    return (
      <Text size="sm" data-testid={testid}>
        {nilaiTeks(value, bacaan)}
      </Text>
    );
  }
  const lain = isPlainObject(other) ? other : {};
  return (
    <dl className="sigap-audit-isian" data-testid={testid}>
      {Object.keys(value).map((k) => {
        const changed = isPlainObject(other) && JSON.stringify(value[k]) !== JSON.stringify(lain[k]);
        return (
          <div
            key={k}
            className={changed ? 'sigap-json-line sigap-json-changed' : 'sigap-json-line'}
            data-changed={changed || undefined}
          >
            <dt title={k}>{ISIAN[k]?.[lang] ?? k}</dt>
            <dd>{nilaiTeks(value[k], bacaan)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Audit: filter, page through, and open a row to compare before/after side by side. */
export function AuditPage() {
  const me = useMe();
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const {
    data,
    error,
    isLoading: loading,
    refetch,
  } = useAuditHalaman({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, pelaku: draft.pelaku.trim(), q: draft.q.trim() });
    setPage(1);
    setOpen(null);
  };
  const reset = () => {
    setDraft(EMPTY);
    setFilter(EMPTY);
    setPage(1);
    setOpen(null);
  };
  const set = (k: keyof Filter) => (v: string | null) => setDraft((d) => ({ ...d, [k]: v ?? '' }));
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md" data-testid="page-audit">
      <Title order={2}>{t('audit.judul')}</Title>
      <Card withBorder padding="md">
        <form onSubmit={apply} data-testid="audit-filter">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
            <Select
              label={t('audit.entitas')}
              placeholder={t('umum.semua')}
              data={Object.entries(ENTITAS).map(([value, l]) => ({ value, label: l[lang] }))}
              value={draft.entitas || null}
              onChange={set('entitas')}
              clearable
              data-testid="audit-entitas"
            />
            <Select
              label={t('audit.aksi')}
              placeholder={t('umum.semua')}
              data={Object.entries(AKSI).map(([value, l]) => ({ value, label: l[lang] }))}
              value={draft.aksi || null}
              onChange={set('aksi')}
              clearable
              data-testid="audit-aksi"
            />
            <TextInput
              label={t('audit.pelaku')}
              value={draft.pelaku}
              onChange={(e) => set('pelaku')(e.currentTarget.value)}
              data-testid="audit-pelaku"
            />
            <TextInput
              label={t('audit.teks')}
              value={draft.q}
              onChange={(e) => set('q')(e.currentTarget.value)}
              data-testid="audit-q"
            />
            <TextInput
              type="date"
              label={t('audit.dari')}
              value={draft.dari}
              onChange={(e) => set('dari')(e.currentTarget.value)}
              data-testid="audit-dari"
            />
            <TextInput
              type="date"
              label={t('audit.sampai')}
              value={draft.sampai}
              onChange={(e) => set('sampai')(e.currentTarget.value)}
              data-testid="audit-sampai"
            />
          </SimpleGrid>
          <Group mt="sm" gap="xs">
            <Button type="submit" data-testid="audit-terapkan">
              {t('umum.terapkan')}
            </Button>
            <Button variant="subtle" onClick={reset}>
              {t('umum.setelUlang')}
            </Button>
          </Group>
        </form>
      </Card>

      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {data && (
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" data-testid="audit-total">
              {t('audit.total', { n: fmtAngka(data.total, lang) })}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                size="sm"
                data-testid="audit-pagination"
              />
            )}
          </Group>
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover withTableBorder data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={190}>{t('audit.waktu')}</Table.Th>
                  <Table.Th w={120}>{t('audit.pelaku')}</Table.Th>
                  <Table.Th w={110}>{t('audit.aksi')}</Table.Th>
                  <Table.Th w={150}>{t('audit.entitas')}</Table.Th>
                  <Table.Th>{t('audit.ringkasan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <BacaanContext.Provider
                  value={{ lang, zona: me.pemda.zona_waktu, rujukan: data.rujukan ?? {} }}
                >
                  {data.rows.map((r) => (
                    <AuditRows
                      key={r.id}
                      row={r}
                      open={open === r.id}
                      onToggle={() => setOpen((o) => (o === r.id ? null : r.id))}
                      waktu={fmtWaktu(r.waktu, me.pemda.zona_waktu, lang)}
                    />
                  ))}
                </BacaanContext.Provider>
                {data.rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" size="sm">
                        {t('umum.tidakAdaData')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Group justify="flex-end">
              <Pagination total={pages} value={page} onChange={setPage} size="sm" />
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function AuditRows({
  row,
  open,
  onToggle,
  waktu,
}: {
  row: AuditRow;
  open: boolean;
  onToggle: () => void;
  waktu: string;
}) {
  const { t, lang } = useI18n();
  const bacaan = useContext(BacaanContext);
  const aksi = AKSI[row.aksi];
  return (
    <Fragment>
      <Table.Tr
        className="sigap-row-link"
        onClick={onToggle}
        aria-expanded={open}
        data-testid="audit-row"
        title={t('audit.bukaBaris')}
      >
        <Table.Td fz="sm">{waktu}</Table.Td>
        <Table.Td fz="sm" title={row.pelaku} data-testid="audit-pelaku-nama">
          {row.pelaku_nama}
        </Table.Td>
        <Table.Td>
          <Badge size="sm" variant="light" color={aksi?.color ?? 'gray'}>
            {aksi ? aksi[lang] : row.aksi}
          </Badge>
        </Table.Td>
        <Table.Td fz="sm">
          {ENTITAS[row.entitas]?.[lang] ?? row.entitas}
          {row.entitas_nama && (
            <Text size="xs" c="dimmed" data-testid="audit-entitas-nama">
              {row.entitas_nama}
            </Text>
          )}
        </Table.Td>
        <Table.Td fz="sm" data-testid="audit-ringkasan">
          {ringkasanTeks(row.ringkasan, bacaan)}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr data-testid="audit-detail">
          <Table.Td colSpan={5} bg="gray.0">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Box>
                <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={4}>
                  {t('audit.sebelum')}
                </Text>
                <Json value={row.sebelum} other={row.sesudah} testid="audit-sebelum" />
              </Box>
              <Box>
                <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={4}>
                  {t('audit.sesudah')}
                </Text>
                <Json value={row.sesudah} other={row.sebelum} testid="audit-sesudah" />
              </Box>
            </SimpleGrid>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
