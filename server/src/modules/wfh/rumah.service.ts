import { localDate, pesan } from '@sigap/domain';
import type { DaftarRumah, PutusRumah, TetapkanRumah } from '@sigap/domain/api/lokasi';
import type { z } from 'zod';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { jamBasisData } from '../kehadiran/absen.repository.ts';
import { lingkupTanggal, resolveScope } from '../org/org.service.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import * as repo from './lokasi.repository.ts';

// A person's home location (issue 11, item 2; docs/wfh.md §2): proposals from the first reports wait for
// the OPD admin, who confirms (moving the point if need be) or refuses them, or enters a home directly. The
// record keepers' write scope decides who may (as for the registry's own home location, org.service.ts).

/** Proposals listed at most. */
const MAKS_DAFTAR = 500;

const actor = (c: Caller) => ({ userId: c.userId, nama: c.nama });

async function hariIni(trx: Trx, tenantId: string) {
  const { zonaWaktu } = await getSettings(trx, tenantId);
  return localDate(await jamBasisData(trx), zonaWaktu);
}

async function cekLingkup(trx: Trx, caller: Caller, pegawaiId: string, tanggal: string) {
  if (!(await lingkupTanggal(trx, { ...caller, pegawaiId: null }, 'write').meliputi(pegawaiId, tanggal)))
    throw errors.outOfScope();
}

/** The homes of a status among the people of the caller's OPD (write scope), newest first. */
export async function daftarRumah(
  trx: Trx,
  caller: Caller,
  status: 'diusulkan' | 'dikonfirmasi' | 'ditolak',
): Promise<z.infer<typeof DaftarRumah>> {
  const tanggal = await hariIni(trx, caller.tenantId);
  const scope = await resolveScope(trx, { ...caller, pegawaiId: null }, 'write', tanggal);
  const rows = await repo.daftarRumahOrang(trx, status, tanggal, scope.opdIds, MAKS_DAFTAR);
  return rows.map((r) => ({
    id: r.id,
    pegawai_id: r.pegawai_id,
    nama: r.nama,
    nip: r.nip ?? '',
    opd_kode: r.opd_kode,
    lat: r.lat,
    lng: r.lng,
    asal: r.asal,
    jumlah_dasar: r.dasar.length,
    berlaku_sejak: r.berlaku_sejak.toISOString(),
    status: r.status,
    dibuat_pada: r.dibuat_pada.toISOString(),
    diputus_pada: r.diputus_pada?.toISOString() ?? null,
    catatan: r.catatan,
  }));
}

/** Confirms (optionally at a corrected point) or refuses a waiting proposal, once. */
export async function putuskanRumah(trx: Trx, caller: Caller, id: string, p: z.infer<typeof PutusRumah>) {
  const r = await repo.rumahDenganId(trx, id);
  if (!r) throw errors.notFound('Lokasi rumah', 'Home location');
  await cekLingkup(trx, caller, r.pegawai_id, await hariIni(trx, caller.tenantId));
  if ((p.lat === undefined) !== (p.lng === undefined))
    throw new AppError('VALIDASI', pesan('lat dan lng diisi bersama', 'lat and lng go together'));
  const sudah = () =>
    new AppError(
      'KONFLIK',
      pesan('Usulan lokasi rumah ini sudah diputus', 'This home location proposal was already decided'),
    );
  if (r.status !== 'diusulkan') throw sudah();
  const lat = p.putusan === 'dikonfirmasi' ? (p.lat ?? r.lat) : r.lat;
  const lng = p.putusan === 'dikonfirmasi' ? (p.lng ?? r.lng) : r.lng;
  if (
    !(await repo.putusRumah(trx, id, {
      status: p.putusan,
      lat,
      lng,
      oleh: caller.username,
      catatan: p.catatan,
    }))
  )
    throw sudah();
  await insertAudit(trx, caller.tenantId, actor(caller), [
    {
      aksi: p.putusan === 'dikonfirmasi' ? 'konfirmasi' : 'tolak',
      entitas: 'rumah_pegawai',
      entitasId: id,
      ringkasan:
        p.putusan === 'dikonfirmasi'
          ? `Lokasi rumah dikonfirmasi${lat !== r.lat || lng !== r.lng ? ' (titik dipindahkan)' : ''}`
          : 'Usulan lokasi rumah ditolak',
      sebelum: { status: r.status },
      sesudah: { status: p.putusan, catatan: p.catatan },
    },
  ]);
  return { ok: true as const };
}

/** The OPD admin enters a person's home directly (confirmed at once), from now or from a given instant. */
export async function tetapkanRumah(
  trx: Trx,
  caller: Caller,
  pegawaiId: string,
  p: z.infer<typeof TetapkanRumah>,
) {
  const sekarang = await jamBasisData(trx);
  await cekLingkup(trx, caller, pegawaiId, await hariIni(trx, caller.tenantId));
  const sejak = p.berlaku_sejak ? new Date(p.berlaku_sejak) : sekarang;
  if (Math.abs(sejak.getTime() - sekarang.getTime()) > 400 * 86_400_000)
    throw new AppError(
      'VALIDASI',
      pesan('berlaku_sejak paling jauh 400 hari dari hari ini', 'berlaku_sejak at most 400 days from today'),
    );
  const id = await repo.tetapkanRumah(trx, {
    tenant_id: caller.tenantId,
    pegawai_id: pegawaiId,
    lat: p.lat,
    lng: p.lng,
    berlaku_sejak: sejak,
    oleh: caller.username,
    catatan: p.catatan,
  });
  await insertAudit(trx, caller.tenantId, actor(caller), [
    {
      aksi: 'tetapkan',
      entitas: 'rumah_pegawai',
      entitasId: id,
      ringkasan: 'Lokasi rumah ditetapkan admin',
      sebelum: null,
      sesudah: { pegawai_id: pegawaiId, berlaku_sejak: sejak.toISOString(), catatan: p.catatan },
    },
  ]);
  return { id };
}
