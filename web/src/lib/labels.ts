import { allows, type JenisOpd, type Permission, ROLES, type Role, type Sektor } from '@sigap/domain';

/** UI labels the domain package does not carry (it names only levels, types and roles). */
export const LABEL_SEKTOR: Record<Sektor, { id: string; en: string }> = {
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  kebencanaan: { id: 'Kebencanaan', en: 'Disaster' },
  perhubungan: { id: 'Perhubungan', en: 'Transport' },
  ketertiban: { id: 'Ketertiban umum', en: 'Public order' },
  kebersihan: { id: 'Kebersihan', en: 'Waste' },
  kependudukan: { id: 'Kependudukan', en: 'Civil registry' },
};

export const LABEL_JENIS_OPD: Record<JenisOpd, { id: string; en: string }> = {
  dinas: { id: 'Dinas', en: 'Agency (dinas)' },
  badan: { id: 'Badan', en: 'Board (badan)' },
  sekretariat: { id: 'Sekretariat', en: 'Secretariat' },
  bagian: { id: 'Bagian', en: 'Division (bagian)' },
  inspektorat: { id: 'Inspektorat', en: 'Inspectorate' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  kelurahan: { id: 'Kelurahan', en: 'Urban village (kelurahan)' },
  upt: { id: 'UPT', en: 'Technical unit (UPT)' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  rsud: { id: 'RSUD', en: 'Regional hospital' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

const SEKTOR_COLOR: Record<Sektor, string> = {
  kesehatan: 'red',
  kebencanaan: 'orange',
  perhubungan: 'indigo',
  ketertiban: 'grape',
  kebersihan: 'teal',
  kependudukan: 'cyan',
};

/** A label from a table, or the raw value when it is not known (the server may add values). */
export function labelOf(
  table: Record<string, { id: string; en: string }>,
  value: string | null | undefined,
  lang: 'id' | 'en',
): string {
  if (!value) return '';
  const l = table[value];
  return l ? l[lang] : value;
}

/** The badge colour of a sector. */
export function sektorColor(s: string): string {
  return SEKTOR_COLOR[s as Sektor] ?? 'gray';
}

/** Roles that may run imports, and that may read the audit trail (mirrors the server's matrix). */
export const IMPORT_ROLES = ['pemda_admin', 'bkpsdm_admin', 'opd_admin'] as const;
export const AUDIT_ROLES = ['pemda_admin', 'auditor'] as const;

/** Who may change the Pemda settings and holidays, and who manages accounts (the server's matrix). */
export const SETTINGS_WRITE_ROLES = ['pemda_admin'] as const;
export const USERS_ROLES = ['pemda_admin', 'bkpsdm_admin'] as const;

/** Who may write, activate and revoke policies (kebijakan.write); everyone signed in reads them. */
export const KEBIJAKAN_WRITE_ROLES = ['pemda_admin', 'bkpsdm_admin'] as const;

/** The roles the server's matrix grants a permission (domain/src/auth/roles.ts), so the two never drift. */
function rolesFor(p: Permission): readonly Role[] {
  return ROLES.filter((r) => allows([r], p));
}

/** Schedules: who reads grids and occupancy, who builds and publishes; who enters leave for others. */
export const JADWAL_READ_ROLES = rolesFor('jadwal.read');
export const JADWAL_WRITE_ROLES = rolesFor('jadwal.write');
export const CUTI_MANAGE_ROLES = rolesFor('cuti.manage');
/** The face check-in review queue (kehadiran.tinjau). */
export const TINJAU_ROLES = rolesFor('kehadiran.tinjau');
/** Attendance terminals and kiosks, their tokens and PIN tables (perangkat.manage). */
export const PERANGKAT_ROLES = rolesFor('perangkat.manage');
/** Who confirms the home locations proposed from people's reports: wfh.rumah.kelola. */
export const RUMAH_ROLES = rolesFor('wfh.rumah.kelola');
/** Who may decide attendance corrections and dinas luar (their own people only; the server checks). */
export const KOREKSI_PUTUS_ROLES = rolesFor('kehadiran.koreksi.putus');
/** Who sees who has signed the stay-home statement (docs/wfh.md §2). */
export const PERNYATAAN_ROLES = rolesFor('wfh.pernyataan.read');
/** Who may see (and object to) their people's going-out notices: wfh.izin_keluar.tinjau (docs/wfh.md §3). */
export const IZIN_TINJAU_ROLES = rolesFor('wfh.izin_keluar.tinjau');
/** Who may see individual attendance days (their own, their people's): kehadiran.read. */
export const KEHADIRAN_READ_ROLES = rolesFor('kehadiran.read');
/** The daily attendance page: those who read attendance days, and those who import terminal logs. */
export const KEHADIRAN_ROLES = ROLES.filter(
  (r) => allows([r], 'kehadiran.read') || allows([r], 'kehadiran.impor'),
);

/** A policy version's status, with its badge colour. */
export const LABEL_STATUS_KEBIJAKAN: Record<string, { id: string; en: string }> = {
  draft: { id: 'Draf', en: 'Draft' },
  aktif: { id: 'Aktif', en: 'Active' },
  dicabut: { id: 'Dicabut', en: 'Revoked' },
  diganti: { id: 'Diganti', en: 'Superseded' },
};

export const STATUS_KEBIJAKAN_COLOR: Record<string, string> = {
  draft: 'gray',
  aktif: 'green',
  dicabut: 'red',
  diganti: 'orange',
};

export const LABEL_JENIS_DOKUMEN: Record<string, { id: string; en: string }> = {
  surat_edaran: { id: 'Surat edaran', en: 'Circular (surat edaran)' },
  surat_pemberitahuan: { id: 'Surat pemberitahuan', en: 'Notice (surat pemberitahuan)' },
  instruksi: { id: 'Instruksi', en: 'Instruction' },
  keputusan: { id: 'Keputusan', en: 'Decree (keputusan)' },
  arahan_lisan: { id: 'Arahan lisan', en: 'Oral order' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const LABEL_JENIS_DASAR: Record<string, { id: string; en: string }> = {
  nasional: { id: 'Nasional', en: 'National' },
  rekomendasi: { id: 'Rekomendasi', en: 'Recommendation' },
  daerah: { id: 'Daerah', en: 'Regional' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const LABEL_ZONA_RISIKO: Record<string, { id: string; en: string }> = {
  tidak_terdampak: { id: 'Tidak terdampak', en: 'Unaffected' },
  rendah: { id: 'Zona kuning (risiko rendah)', en: 'Yellow zone (low risk)' },
  sedang: { id: 'Zona oranye (risiko sedang)', en: 'Orange zone (medium risk)' },
  tinggi: { id: 'Zona merah (risiko tinggi)', en: 'Red zone (high risk)' },
};
