import { z } from 'zod';
import { TanggalSchema } from '../kalender/skema.ts';
import type { JamKerja as JamKerjaDomain } from '../kalender/work-hours.ts';
import { ZONA_WAKTU } from '../kalender/zones.ts';
import { teksBiasa } from '../org/teks.ts';
import { JENIS_PEMDA } from '../org/types.ts';
import { Tanggal } from './umum.ts';

const Jam = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format JJ:MM');
/** One working day's hours. */
export const JamHari = z.object({
  mulai: Jam,
  selesai: Jam,
  istirahat_menit: z.number().int().min(0).max(240),
});
export type JamHari = z.infer<typeof JamHari>;
/** Working hours per ISO weekday ('1' Monday … '7' Sunday); a missing day is not a working day. */
export const JamKerja = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), JamHari);
export type JamKerja = z.infer<typeof JamKerja>;

/** GET/PUT /api/pengaturan */
export const Pengaturan = z.object({
  kode: z.string(),
  nama: z.string(),
  jenis: z.enum(JENIS_PEMDA),
  zona_waktu: z.enum(ZONA_WAKTU),
  jam_kerja: JamKerja,
  menit_kerja_mingguan: z.number(),
  pusat_lat: z.number().nullable(),
  pusat_lng: z.number().nullable(),
});
export type Pengaturan = z.infer<typeof Pengaturan>;

/** PUT /api/pengaturan body. */
export const UbahPengaturan = z.object({
  nama: teksBiasa().min(3).max(200),
  jenis: z.enum(JENIS_PEMDA),
  zona_waktu: z.enum(ZONA_WAKTU),
  jam_kerja: JamKerja,
  pusat_lat: z.number().min(-11.5).max(6.5).nullable(),
  pusat_lng: z.number().min(94.5).max(141.5).nullable(),
});
export type UbahPengaturan = z.input<typeof UbahPengaturan>;

export const JENIS_LIBUR = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;

/** A holiday as a request gives it. */
export const LiburMasuk = z.object({
  tanggal: TanggalSchema,
  jenis: z.enum(JENIS_LIBUR),
  nama: teksBiasa().min(1).max(200),
  dasar: teksBiasa().max(300).default(''),
});

/** POST /api/kalender/libur body: one day or a list. */
export const SimpanLibur = z.union([LiburMasuk, z.array(LiburMasuk).min(1).max(400)]);
export type SimpanLibur = z.input<typeof SimpanLibur>;

/** GET /api/kalender/libur query */
export const LiburQuery = z.object({ tahun: z.coerce.number().int().min(2000).max(2100).optional() });

/** A holiday as the API lists it. */
export const HariLibur = z.object({
  tanggal: Tanggal,
  jenis: z.enum(JENIS_LIBUR),
  nama: z.string(),
  dasar: z.string(),
});
export type HariLibur = z.infer<typeof HariLibur>;
export const DaftarLibur = z.array(HariLibur);

/** POST /api/kalender/libur and …/impor */
export const HasilLibur = z.object({ diubah: z.number().int() });
export type HasilLibur = z.infer<typeof HasilLibur>;

/** DELETE /api/kalender/libur/:tanggal params */
export const TanggalParam = z.object({ tanggal: TanggalSchema });

/** The API's working hours (`istirahat_menit`) as the calendar code takes them (`istirahatMenit`). */
export function jamKerjaDariApi(jk: JamKerja): JamKerjaDomain {
  return Object.fromEntries(
    Object.entries(jk).map(([hari, j]) => [
      hari,
      { mulai: j.mulai, selesai: j.selesai, istirahatMenit: j.istirahat_menit },
    ]),
  );
}

/** The calendar code's working hours in the API's words. */
export function jamKerjaKeApi(jk: JamKerjaDomain): JamKerja {
  return Object.fromEntries(
    Object.entries(jk).map(([hari, j]) => [
      hari,
      { mulai: j.mulai, selesai: j.selesai, istirahat_menit: j.istirahatMenit },
    ]),
  );
}
