import { z } from 'zod';
import { Waktu } from './umum.ts';

/** GET /api/pemberitahuan */
export const DaftarPemberitahuan = z.object({
  belum_dibaca: z.number().int(),
  item: z.array(
    z.object({
      id: z.string(),
      /** e.g. jadwal_terbit, jadwal_diubah, cuti_diajukan, cuti_diputus */
      jenis: z.string(),
      judul: z.string(),
      isi: z.string(),
      /** an in-app path, e.g. /jadwal-saya */
      tautan: z.string().nullable(),
      dibuat_pada: Waktu,
      dibaca: z.boolean(),
    }),
  ),
});
export type DaftarPemberitahuan = z.infer<typeof DaftarPemberitahuan>;
export type ItemPemberitahuan = DaftarPemberitahuan['item'][number];

/** POST /api/pemberitahuan/baca */
export const BacaPemberitahuan = z.object({ id: z.string().regex(/^\d+$/).optional() });
export type BacaPemberitahuan = z.infer<typeof BacaPemberitahuan>;
export const HasilBaca = z.object({ ditandai: z.number().int() });
export type HasilBaca = z.infer<typeof HasilBaca>;
