import { JENIS_TEMPAT, type JenisTempat, LokasiTidakSah, periksaTempatAbsen, pesan } from '@sigap/domain';
import type { TempatAbsenItem } from '@sigap/domain/api/kehadiran';
import type { Actor, Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { resolveScope, tenantToday } from '../org/org.service.ts';
import { opdByKode } from './kehadiran.repository.ts';
import * as repo from './tempat.repository.ts';

// Managing the extra places where people may check in (tempat_absen: piket posts, field units, a second
// office), docs/kehadiran.md §1. Read at check-in by tempat.service.ts `tempatHari`. A Pemda admin
// manages every place; an OPD admin the places of their own OPD/unit subtree (`perangkat.manage`, scoped
// like the devices). A place is never deleted: past check-ins were judged against it; it is deactivated.

const POLA_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IsiTempatAbsen {
  readonly nama: string;
  readonly jenis: JenisTempat;
  readonly lat?: number | null;
  readonly lng?: number | null;
  readonly radius_m?: number | null;
  readonly poligon?: readonly (readonly [number, number])[] | null;
}

/** The OPDs/units whose places the caller manages (null: all). */
async function opdKelola(trx: Trx, caller: Caller, hariIni: string) {
  return (await resolveScope(trx, caller, 'write', hariIni)).opdIds;
}

/** Checks what an admin entered with the check-in judge's own rules; the row to store, or 422 in words. */
function periksaIsi(isi: IsiTempatAbsen): repo.IsiTempat {
  try {
    periksaTempatAbsen('baru', {
      nama: isi.nama,
      jenis: isi.jenis,
      lat: isi.lat,
      lng: isi.lng,
      radiusM: isi.radius_m,
      poligon: isi.poligon,
    });
  } catch (e) {
    if (e instanceof LokasiTidakSah) throw new AppError('VALIDASI', e.pesan);
    throw e;
  }
  const poligon = isi.poligon ?? null;
  return {
    nama: isi.nama.trim(),
    jenis: isi.jenis,
    lat: poligon ? null : (isi.lat ?? null),
    lng: poligon ? null : (isi.lng ?? null),
    radius_m: poligon ? null : (isi.radius_m ?? null),
    poligon,
  };
}

type Baris = Awaited<ReturnType<typeof repo.cariTempatAbsen>> & {};

function keItem(
  r: Baris,
  namaOpd: ReadonlyMap<string, string>,
  warisan: boolean,
  bolehUbah: boolean,
): TempatAbsenItem {
  const poligon = Array.isArray(r.poligon)
    ? (r.poligon as unknown[]).filter(
        (p): p is [number, number] =>
          Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number',
      )
    : null;
  return {
    id: r.id,
    opd_kode: r.opd_kode,
    opd_nama: namaOpd.get(r.opd_id) ?? r.opd_kode,
    nama: r.nama,
    jenis: (JENIS_TEMPAT as readonly string[]).includes(r.jenis) ? (r.jenis as JenisTempat) : 'lapangan',
    lat: r.lat,
    lng: r.lng,
    radius_m: r.radius_m,
    poligon,
    aktif: r.aktif,
    warisan,
    boleh_ubah: bolehUbah,
    dibuat_oleh: r.dibuat_oleh,
    dibuat_pada: new Date(r.dibuat_pada).toISOString(),
  };
}

/**
 * The places the caller manages, active or not; with `opdKode`, the places that apply to that OPD/unit:
 * its own and those of every OPD above it (`warisan`), which an OPD admin sees but cannot change.
 */
export async function daftarTempat(trx: Trx, caller: Caller, opdKode?: string): Promise<TempatAbsenItem[]> {
  const hariIni = await tenantToday(trx, caller.tenantId);
  const boleh = await opdKelola(trx, caller, hariIni);
  const opd = await orgRepo.listOpd(trx, hariIni);
  const namaOpd = new Map(opd.map((o) => [o.id, o.nama]));
  const bolehUbah = (opdId: string) => boleh === null || boleh.has(opdId);
  if (opdKode === undefined) {
    const rows = await repo.daftarTempatAbsen(trx, boleh);
    return rows.map((r) => keItem(r, namaOpd, false, true));
  }
  const sasaran = opd.find((o) => o.kode.toUpperCase() === opdKode.toUpperCase());
  if (!sasaran || !bolehUbah(sasaran.id))
    throw errors.notFound(`OPD/unit "${opdKode}"`, `OPD/unit "${opdKode}"`);
  const byId = new Map(opd.map((o) => [o.id, o]));
  const rantai: string[] = [];
  let n: typeof sasaran | undefined = sasaran;
  while (n && !rantai.includes(n.id)) {
    rantai.push(n.id);
    n = n.induk_id ? byId.get(n.induk_id) : undefined;
  }
  const rows = await repo.daftarTempatAbsen(trx, rantai);
  return rows
    .map((r) => keItem(r, namaOpd, r.opd_id !== sasaran.id, bolehUbah(r.opd_id)))
    .sort((a, b) => Number(a.warisan) - Number(b.warisan));
}

/** A place the caller manages, or 404 (a place outside their part is as if absent). */
async function tempatKelola(trx: Trx, caller: Caller, id: string) {
  const t = POLA_UUID.test(id) ? await repo.cariTempatAbsen(trx, id) : undefined;
  const boleh = await opdKelola(trx, caller, await tenantToday(trx, caller.tenantId));
  if (!t || (boleh !== null && !boleh.has(t.opd_id))) throw errors.notFound('Tempat absen', 'Check-in place');
  return t;
}

function ringkas(isi: repo.IsiTempat) {
  return isi.poligon
    ? `poligon ${isi.poligon.length} titik`
    : `lingkaran (${isi.lat}, ${isi.lng}) radius ${isi.radius_m} m`;
}

/** Adds a place to an OPD/unit in the caller's part. */
export async function buatTempat(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller,
  masukan: IsiTempatAbsen & { readonly opd_kode: string },
): Promise<TempatAbsenItem> {
  const isi = periksaIsi(masukan);
  const opdId = await opdByKode(trx, masukan.opd_kode);
  const boleh = await opdKelola(trx, caller, await tenantToday(trx, tenantId));
  if (!opdId || (boleh !== null && !boleh.has(opdId)))
    throw new AppError(
      'VALIDASI',
      pesan(
        `opd_kode: OPD/unit "${masukan.opd_kode}" tidak dikenal atau di luar bagian Anda`,
        `opd_kode: OPD/unit "${masukan.opd_kode}" is unknown or outside your part`,
      ),
    );
  const id = await repo.buatTempatAbsen(trx, tenantId, opdId, isi, actor.nama);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'buat',
      entitas: 'tempat_absen',
      entitasId: id,
      ringkasan: `Tempat absen "${isi.nama}" (${isi.jenis}, ${ringkas(isi)}) ditambahkan untuk ${masukan.opd_kode}`,
      sesudah: { opd_kode: masukan.opd_kode, ...isi },
    },
  ]);
  return (await daftarTempatSatu(trx, caller, id))!;
}

async function daftarTempatSatu(trx: Trx, caller: Caller, id: string) {
  const t = await tempatKelola(trx, caller, id);
  const opd = await orgRepo.listOpd(trx, await tenantToday(trx, caller.tenantId));
  return keItem(t, new Map(opd.map((o) => [o.id, o.nama])), false, true);
}

function isiDari(t: Baris): repo.IsiTempat {
  const item = keItem(t, new Map(), false, true);
  return {
    nama: item.nama,
    jenis: item.jenis,
    lat: item.lat,
    lng: item.lng,
    radius_m: item.radius_m,
    poligon: item.poligon,
  };
}

/**
 * Changes a place's name, kind and shape (the OPD stays). Two admins at once: the last write wins, and
 * each write is audited with the version it replaced.
 */
export async function ubahTempat(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller,
  id: string,
  masukan: IsiTempatAbsen,
): Promise<TempatAbsenItem> {
  const t = await tempatKelola(trx, caller, id);
  const isi = periksaIsi(masukan);
  await repo.ubahTempatAbsen(trx, t.id, isi);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'tempat_absen',
      entitasId: t.id,
      ringkasan: `Tempat absen "${isi.nama}" (${t.opd_kode}) diubah: ${isi.jenis}, ${ringkas(isi)}`,
      sebelum: isiDari(t),
      sesudah: isi,
    },
  ]);
  return daftarTempatSatu(trx, caller, t.id);
}

/** Deactivates or reactivates a place (never deleted: past check-ins were judged against it). */
export async function aturAktifTempat(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller,
  id: string,
  aktif: boolean,
): Promise<TempatAbsenItem> {
  const t = await tempatKelola(trx, caller, id);
  if (t.aktif !== aktif) {
    await repo.aturAktifTempatAbsen(trx, t.id, aktif);
    await insertAudit(trx, tenantId, actor, [
      {
        aksi: aktif ? 'aktifkan' : 'nonaktifkan',
        entitas: 'tempat_absen',
        entitasId: t.id,
        ringkasan: `Tempat absen "${t.nama}" (${t.opd_kode}) ${aktif ? 'diaktifkan kembali' : 'dinonaktifkan'}`,
        sebelum: { aktif: t.aktif },
        sesudah: { aktif },
      },
    ]);
  }
  return daftarTempatSatu(trx, caller, t.id);
}
