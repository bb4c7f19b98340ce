import type { Pesan } from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import { antrekanDorong } from '../dorong/kirim.service.ts';
import * as repo from './pemberitahuan.repository.ts';

export interface Pemberitahuan {
  readonly pegawaiId: string;
  /** e.g. jadwal_terbit, jadwal_diubah, cuti_diajukan, cuti_diputus */
  readonly jenis: string;
  readonly judul: Pesan;
  readonly isi: Pesan;
  /** an in-app path, e.g. /jadwal-saya */
  readonly tautan?: string;
}

const CHUNK = 2000;

/**
 * Leaves in-app notices for people; their own account shows them. Each person's devices that asked for
 * reminders get them as Web Push too: the delivery jobs are queued in this same transaction (they exist
 * only if it commits) and run later, off the request (modules/dorong/kirim.service.ts).
 */
export async function beritahu(trx: Trx, tenantId: string, items: readonly Pemberitahuan[]) {
  for (let i = 0; i < items.length; i += CHUNK) {
    const baru = await repo.simpanPemberitahuan(
      trx,
      items.slice(i, i + CHUNK).map((p) => ({
        tenant_id: tenantId,
        pegawai_id: p.pegawaiId,
        jenis: p.jenis,
        judul: p.judul.id,
        judul_en: p.judul.en,
        isi: p.isi.id,
        isi_en: p.isi.en,
        tautan: p.tautan ?? null,
      })),
    );
    await antrekanDorong(trx, tenantId, baru);
  }
}

/** The newest notices of one person, and how many are unread. */
export async function daftar(trx: Trx, pegawaiId: string, lang: 'id' | 'en', batas = 50) {
  const rows = await repo.pemberitahuanTerbaru(trx, pegawaiId, batas);
  const belum = await repo.jumlahBelumDibaca(trx, pegawaiId);
  return {
    belumDibaca: belum,
    item: rows.map((r) => ({
      id: String(r.id),
      jenis: r.jenis,
      judul: lang === 'en' ? r.judul_en : r.judul,
      isi: lang === 'en' ? r.isi_en : r.isi,
      tautan: r.tautan,
      dibuatPada: new Date(r.dibuat_pada).toISOString(),
      dibaca: r.dibaca_pada !== null,
    })),
  };
}

/** Marks one notice (or, without id, all) of the person read. */
export async function tandaiDibaca(trx: Trx, pegawaiId: string, id?: string) {
  return repo.tandaiPemberitahuanDibaca(trx, pegawaiId, id);
}
