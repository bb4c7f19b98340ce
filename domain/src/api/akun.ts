import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { ZONA_WAKTU } from '../kalender/zones.ts';
import { teksBiasa } from '../org/teks.ts';
import { Waktu } from './umum.ts';

/** GET /api/health */
export const Kesehatan = z.object({ ok: z.literal(true), db: z.string() });
export type Kesehatan = z.infer<typeof Kesehatan>;

/** GET /api/pemda: the Pemda list of the sign-in page. */
export const DaftarPemda = z.array(z.object({ kode: z.string(), nama: z.string(), jenis: z.string() }));
export type PemdaItem = z.infer<typeof DaftarPemda>[number];

/** POST /api/auth/login body */
export const Masuk = z.object({
  pemda: z.string().optional(),
  username: teksBiasa().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type Masuk = z.input<typeof Masuk>;
/** POST /api/auth/login: the token every change must send back as the x-csrf-token header. */
export const HasilMasuk = z.object({ csrf_token: z.string() });
export type HasilMasuk = z.infer<typeof HasilMasuk>;

/** GET /api/auth/me */
export const Me = z.object({
  username: z.string(),
  nama: z.string(),
  pegawai_id: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), opd_id: z.string().nullable(), label: z.string() })),
  csrf_token: z.string(),
  pemda: z.object({ kode: z.string(), nama: z.string(), zona_waktu: z.enum(ZONA_WAKTU) }),
});
export type Me = z.infer<typeof Me>;

/** POST /api/auth/sandi body and answer */
export const GantiSandi = z.object({ lama: z.string().max(200), baru: z.string().max(200) });
export type GantiSandi = z.infer<typeof GantiSandi>;
export const HasilGantiSandi = z.object({ sesi_diakhiri: z.number().int() });
export type HasilGantiSandi = z.infer<typeof HasilGantiSandi>;

/** A role an account holds; scoped roles (opd_admin, unit_head) name their OPD/unit. */
export const PeranMasuk = z.object({ role: z.enum(ROLES), opd_kode: z.string().nullish() });

const IsianAkun = {
  nama: teksBiasa().trim().min(1).max(200),
  nip: z.string().trim().max(40).nullish(),
  roles: z
    .array(PeranMasuk)
    .min(1)
    .max(ROLES.length * 4),
};
/** POST /api/akun body */
export const BuatAkun = z.object({
  username: z.string().max(40),
  password: z.string().max(200),
  ...IsianAkun,
});
export type BuatAkun = z.input<typeof BuatAkun>;
/** PUT /api/akun/:id body */
export const UbahAkun = z.object(IsianAkun);
export type UbahAkun = z.input<typeof UbahAkun>;
/** POST /api/akun/:id/atur-ulang-sandi body */
export const AturUlangSandi = z.object({ password: z.string().max(200) });

/** An account as GET /api/akun lists it (no password hash). */
export const Akun = z.object({
  id: z.string(),
  username: z.string(),
  nama: z.string(),
  aktif: z.boolean(),
  nip: z.string().nullable(),
  /** when the password was last changed (null: never since the account was made) */
  sandi_diubah: Waktu.nullable(),
  /** Until when some address is held back from signing in (null: none is). */
  terkunci_sampai: Waktu.nullable(),
  /** Failed sign-ins in the last hour, from every address. */
  gagal_masuk: z.number().int(),
  /** Past the ceiling: every sign-in on this account is answered slowly. */
  diperlambat: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), opd_kode: z.string().nullable() })),
});
export type Akun = z.infer<typeof Akun>;
export const DaftarAkun = z.array(Akun);

/** POST /api/akun, PUT /api/akun/:id */
export const HasilAkun = z.object({ id: z.string(), created: z.boolean() });
export type HasilAkun = z.infer<typeof HasilAkun>;
/** POST /api/akun/:id/aktifkan | nonaktifkan */
export const HasilAktif = z.object({ id: z.string(), aktif: z.boolean() });
export type HasilAktif = z.infer<typeof HasilAktif>;
/** POST /api/akun/:id/buka-kunci | atur-ulang-sandi */
export const HasilId = z.object({ id: z.string() });
export type HasilId = z.infer<typeof HasilId>;
