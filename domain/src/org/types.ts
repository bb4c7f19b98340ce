/** Kinds of OPD and unit, as named in the import contract. */
export const JENIS_OPD = [
  'dinas',
  'badan',
  'sekretariat',
  'bagian',
  'inspektorat',
  'kecamatan',
  'kelurahan',
  'upt',
  'puskesmas',
  'rsud',
  'lainnya',
] as const;
export type JenisOpd = (typeof JENIS_OPD)[number];

export const KELAS_LAYANAN = ['pelayanan', 'non_pelayanan'] as const;
export type KelasLayanan = (typeof KELAS_LAYANAN)[number];

export const SEKTOR = [
  'kesehatan',
  'kebencanaan',
  'perhubungan',
  'ketertiban',
  'kebersihan',
  'kependudukan',
] as const;
export type Sektor = (typeof SEKTOR)[number];

export const JENIS_PEGAWAI = ['pns', 'pppk', 'pppk_paruh_waktu', 'non_asn'] as const;
export type JenisPegawai = (typeof JENIS_PEGAWAI)[number];

export const JABATAN_LEVEL = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export type JabatanLevel = (typeof JABATAN_LEVEL)[number];

export const JENIS_PEMDA = ['kota', 'kabupaten', 'provinsi'] as const;
export type JenisPemda = (typeof JENIS_PEMDA)[number];

/** Labels for the UI and documents, Indonesian first. */
export const LABEL_JABATAN_LEVEL: Record<JabatanLevel, { id: string; en: string }> = {
  jpt: { id: 'Jabatan Pimpinan Tinggi', en: 'Senior executive (JPT)' },
  administrator: { id: 'Administrator', en: 'Administrator' },
  pengawas: { id: 'Pengawas', en: 'Supervisor (pengawas)' },
  fungsional: { id: 'Fungsional', en: 'Functional' },
  pelaksana: { id: 'Pelaksana', en: 'Staff (pelaksana)' },
};

export const LABEL_JENIS_PEGAWAI: Record<JenisPegawai, { id: string; en: string }> = {
  pns: { id: 'PNS', en: 'Civil servant (PNS)' },
  pppk: { id: 'PPPK', en: 'Contract civil servant (PPPK)' },
  pppk_paruh_waktu: { id: 'PPPK Paruh Waktu', en: 'Part-time PPPK' },
  non_asn: { id: 'Non-ASN', en: 'Non-ASN staff' },
};

/** Whether a value is one of a closed list (narrowing). */
export function isOneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}
