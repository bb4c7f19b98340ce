import { createHash } from 'node:crypto';
import {
  addDays,
  formatTanggal,
  hakPutus,
  hariAntara,
  type JenisIzinKeluar,
  keadaanIzin,
  LABEL_JENIS_IZIN_KELUAR,
  localDate,
  localTime,
  type MasalahIsian,
  masalahBatal,
  masalahKeberatan,
  periksaIzinKeluar,
  pesan,
  type ZonaWaktu,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { lingkupTanggal, resolveScope } from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import { tenantZone } from '../pengaturan/pengaturan.repository.ts';
import * as repo from './izin-keluar.repository.ts';

// Going-out notices while working from home (issue 11, item 3; docs/wfh.md §3). The person files one
// beforehand for themselves; it takes effect at once. Their direct supervisor on the notice's day — or,
// when they have none, an OPD admin whose OPD covers them that day (domain `hakPutus`, as for corrections)
// — sees it at once and may object once, in words. An OPD admin sees the notices of their OPD's people
// (objecting only for people without a supervisor). The person may withdraw a notice before it starts.
// Nothing is ever changed otherwise (the table's trigger, 0018).

/** The longest range the supervisor's list takes, in days. */
export const MAKS_HARI_DAFTAR_IZIN = 62;
const BATAS_BARIS = 500;

type Baris = NonNullable<Awaited<ReturnType<typeof repo.izinById>>>;

const zonaPemda = async (trx: Trx, tenantId: string) => (await tenantZone(trx, tenantId)) as ZonaWaktu;

function tolakMasalah(masalah: readonly MasalahIsian[]): never {
  throw new AppError(
    'VALIDASI',
    pesan(masalah.map((m) => m.pesan.id).join('; '), masalah.map((m) => m.pesan.en).join('; ')),
  );
}

const tidakDitemukan = () => errors.notFound('Izin keluar', 'Going-out notice');

/** "6 April 2020 09.00–11.00 WIB"-like words of a notice's time, in the Pemda's zone. */
function waktuIzin(z: { tanggal: string; dari: Date; sampai: Date }, zona: ZonaWaktu) {
  const j = (d: Date) => localTime(d, zona).replace(':', '.');
  const akhir = localDate(z.sampai, zona) === z.tanggal ? j(z.sampai) : '24.00';
  return `${formatTanggal(z.tanggal)} ${j(z.dari)}–${akhir}`;
}

const labelJenis = (jenis: string) =>
  LABEL_JENIS_IZIN_KELUAR[jenis as JenisIzinKeluar] ?? { id: jenis, en: jenis };

export interface IsianIzinApi {
  readonly jenis: string;
  readonly alasan: string;
  readonly dari: string;
  readonly sampai: string;
  readonly id_klien: string;
}

/** The request's fingerprint for id_klien: the person and every field, instants normalised to UTC. */
export function hashIzin(pegawaiId: string, i: IsianIzinApi): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        'izin-keluar/v1',
        pegawaiId,
        i.jenis,
        i.alasan.trim(),
        new Date(i.dari).toISOString(),
        new Date(i.sampai).toISOString(),
      ]),
    )
    .digest('hex');
}

/** What a filing answers (the first time and on every replay of the same id_klien). */
const jawaban = (r: Pick<Baris, 'id' | 'tanggal' | 'dari' | 'sampai' | 'jenis'>) => ({
  id: r.id,
  tanggal: r.tanggal,
  jenis: r.jenis as JenisIzinKeluar,
  dari: new Date(r.dari),
  sampai: new Date(r.sampai),
});

/**
 * The caller files a going-out notice for themselves; their supervisor is told at once. Idempotent on
 * `id_klien`: the same key with the same request answers the first notice and stores nothing (also when
 * both arrive at once); the same key with another request is refused, 409.
 */
export async function ajukanIzinKeluar(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  isian: IsianIzinApi,
  sekarang: Date = new Date(),
) {
  if (!caller.pegawaiId)
    throw new AppError(
      'VALIDASI',
      pesan(
        'Akun ini tidak tertaut ke data pegawai, jadi tidak dapat mengajukan izin keluar',
        'This account is not linked to an employee record, so it cannot file a going-out notice',
      ),
    );
  const pegawaiId = caller.pegawaiId;
  const hash = hashIzin(pegawaiId, isian);
  // One filing of this person at a time: the replay check, the overlap and the count below are the latest.
  await repo.kunciPegawai(trx, pegawaiId);
  const ulang = async () => {
    const ada = await repo.izinByIdKlien(trx, isian.id_klien);
    if (!ada) return undefined;
    if (ada.hash_isi !== hash)
      throw new AppError(
        'KONFLIK',
        pesan(
          'id_klien ini sudah dipakai untuk permintaan lain; buat id_klien baru untuk izin keluar yang baru',
          'This id_klien was already used for another request; make a new id_klien for a new going-out notice',
        ),
      );
    return jawaban(ada);
  };
  const pertama = await ulang();
  if (pertama) return pertama;

  const zona = await zonaPemda(trx, tenantId);
  const dari = new Date(isian.dari);
  const sampai = new Date(isian.sampai);
  const tanggal = localDate(dari, zona);
  const lain = await repo.izinOrangPada(trx, pegawaiId, addDays(tanggal, -1), addDays(tanggal, 1));
  const masalah = periksaIzinKeluar(
    { jenis: isian.jenis, alasan: isian.alasan, dari, sampai },
    {
      sekarang,
      zona,
      lain: lain.map((z) => ({
        dari: new Date(z.dari),
        sampai: new Date(z.sampai),
        dibatalkan: z.dibatalkan_pada !== null,
      })),
    },
  );
  if (masalah.length > 0) tolakMasalah(masalah);
  const p = await orgRepo.getPegawai(trx, pegawaiId, tanggal);
  if (!p?.opd_id) throw errors.notFound('Penempatan Anda pada tanggal itu', 'Your placement on that date');
  const alasan = isian.alasan.trim();
  const row = await repo.insertIzin(trx, tenantId, {
    pegawai_id: pegawaiId,
    tanggal,
    jenis: isian.jenis,
    alasan,
    dari,
    sampai,
    id_klien: isian.id_klien,
    hash_isi: hash,
    diajukan_oleh: caller.username,
  });
  if (!row) {
    // The key was stored meanwhile under another person's lock (another account sent the same key).
    const lagi = await ulang();
    if (!lagi) throw new Error('ajukanIzinKeluar: the client key vanished');
    return lagi;
  }
  const kapan = waktuIzin(row, zona);
  const jenis = labelJenis(isian.jenis);
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'ajukan',
      entitas: 'izin_keluar',
      entitasId: row.id,
      ringkasan: `${p.nama} mengajukan izin keluar ${kapan} (${jenis.id.toLowerCase()}): ${alasan}`,
      sesudah: {
        tanggal,
        jenis: isian.jenis,
        alasan,
        dari: dari.toISOString(),
        sampai: sampai.toISOString(),
      },
    },
  ]);
  if (p.atasan_id) {
    await beritahu(trx, tenantId, [
      {
        pegawaiId: p.atasan_id,
        jenis: 'izin_keluar_diajukan',
        judul: pesan(`Izin keluar dari ${p.nama}`, `Going-out notice from ${p.nama}`),
        isi: pesan(
          `${kapan} — ${jenis.id.toLowerCase()}: ${alasan}`,
          `${kapan} — ${jenis.en.toLowerCase()}: ${alasan}`,
        ),
        tautan: '/izin-keluar/bawahan',
      },
    ]);
  }
  return jawaban(row);
}

/** The caller's grants as an OPD admin only (null: none). */
function sebagaiAdmin(caller: Caller): Caller | null {
  const admin = caller.grants.filter((g) => g.role === 'opd_admin');
  return admin.length > 0 ? { ...caller, grants: admin } : null;
}

/**
 * What the caller may do with one notice: see it (the person themselves, their supervisor that day, an
 * OPD admin covering them that day), and object as whom (domain `hakPutus`: the supervisor, or the OPD
 * admin only when the person had no supervisor). `lingkup` is one scope check shared over a list.
 */
async function hakAtas(
  caller: Caller,
  r: { pegawai_id: string; tanggal: string; atasan_id: string | null },
  lingkup: ReturnType<typeof lingkupTanggal> | null,
) {
  const milik = r.pegawai_id === caller.pegawaiId;
  const atasan = !milik && r.atasan_id !== null && r.atasan_id === caller.pegawaiId;
  const admin = !milik && lingkup !== null && (await lingkup.meliputi(r.pegawai_id, r.tanggal));
  const sebagai = hakPutus({
    pemohonId: r.pegawai_id,
    atasanId: r.atasan_id,
    pemutusPegawaiId: caller.pegawaiId,
    adminOpd: admin,
  });
  return { milik, lihat: milik || atasan || admin, sebagai };
}

function sajikanIzin(
  r: Awaited<ReturnType<typeof repo.daftarIzin>>[number],
  sekarang: Date,
  hak: { milik: boolean; sebagai: 'atasan' | 'admin_opd' | null },
) {
  const z = {
    dari: new Date(r.dari),
    sampai: new Date(r.sampai),
    dibatalkan: r.dibatalkan_pada !== null,
    keberatan: r.keberatan_pada !== null,
  };
  return {
    id: r.id,
    pegawai: {
      id: r.pegawai_id,
      key: r.nip ?? r.id_pegawai ?? '',
      nama: r.nama,
      opdKode: r.opd_kode ?? '',
    },
    tanggal: r.tanggal,
    jenis: r.jenis as JenisIzinKeluar,
    alasan: r.alasan,
    dari: z.dari,
    sampai: z.sampai,
    keadaan: keadaanIzin(z, sekarang),
    diajukanOleh: r.diajukan_oleh,
    diajukanPada: new Date(r.diajukan_pada),
    keberatan:
      r.keberatan_pada !== null
        ? {
            oleh: r.keberatan_oleh ?? '',
            pada: new Date(r.keberatan_pada),
            sebagai: r.keberatan_sebagai ?? 'atasan',
            catatan: r.keberatan_catatan ?? '',
          }
        : null,
    dibatalkan:
      r.dibatalkan_pada !== null
        ? { oleh: r.dibatalkan_oleh ?? '', pada: new Date(r.dibatalkan_pada) }
        : null,
    bolehKeberatan: hak.sebagai !== null && masalahKeberatan(z, sekarang) === null,
    bolehBatal: hak.milik && masalahBatal(z, sekarang) === null,
  };
}

/** The caller's own notices, newest first (the latest 500). */
export async function daftarIzinSaya(trx: Trx, caller: Caller, sekarang: Date = new Date()) {
  if (!caller.pegawaiId) return [];
  const rows = await repo.daftarIzin(trx, { pegawaiId: caller.pegawaiId, batas: BATAS_BARIS });
  return rows.map((r) => sajikanIzin(r, sekarang, { milik: true, sebagai: null }));
}

/**
 * The notices of the caller's people over local dates [dari, sampai] (default: 7 days back to 7 ahead;
 * at most 62 days), newest first: the people the caller directly supervised on each notice's day, and,
 * for an OPD admin, the people of their OPD that day. Each says whether the caller may object now.
 */
export async function daftarIzinBawahan(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  rentang: { dari?: string | undefined; sampai?: string | undefined },
  sekarang: Date = new Date(),
) {
  const zona = await zonaPemda(trx, tenantId);
  const hariIni = localDate(sekarang, zona);
  const dari = rentang.dari ?? addDays(rentang.sampai ?? hariIni, -7);
  const sampai = rentang.sampai ?? addDays(dari > hariIni ? dari : hariIni, 7);
  if (sampai < dari)
    throw new AppError(
      'VALIDASI',
      pesan('sampai: harus sama atau setelah dari', 'sampai: must not be before dari'),
    );
  if (hariAntara(dari, sampai) > MAKS_HARI_DAFTAR_IZIN)
    throw new AppError(
      'VALIDASI',
      pesan(
        `sampai: rentang paling lama ${MAKS_HARI_DAFTAR_IZIN} hari`,
        `sampai: the range spans at most ${MAKS_HARI_DAFTAR_IZIN} days`,
      ),
    );
  const admin = sebagaiAdmin(caller);
  // The OPD admin's OPDs/units at either end of the range: candidates only, each row checked on its own day.
  const opdIds = new Set<string>();
  if (admin)
    for (const t of new Set([dari, sampai])) {
      const s = await resolveScope(trx, admin, 'read', t);
      for (const id of s.opdIds ?? []) opdIds.add(id);
    }
  const rows = await repo.daftarIzin(trx, {
    atasanId: caller.pegawaiId,
    opdIds: [...opdIds],
    dari,
    sampai,
    batas: BATAS_BARIS,
  });
  const lingkup = admin ? lingkupTanggal(trx, admin, 'read') : null;
  if (lingkup) await lingkup.muat(rows.map((r) => r.pegawai_id));
  const out = [];
  for (const r of rows) {
    const hak = await hakAtas(caller, r, lingkup);
    if (!hak.lihat || hak.milik) continue;
    out.push(sajikanIzin(r, sekarang, hak));
  }
  return out;
}

/** Reads one notice with the person's placement on its day, as the caller may see it (else 404). */
async function izinTerlihat(trx: Trx, caller: Caller, id: string) {
  const r = await repo.izinById(trx, id);
  if (!r) throw tidakDitemukan();
  const p = await orgRepo.getPegawai(trx, r.pegawai_id, r.tanggal);
  if (!p) throw tidakDitemukan();
  const admin = sebagaiAdmin(caller);
  const hak = await hakAtas(
    caller,
    { pegawai_id: r.pegawai_id, tanggal: r.tanggal, atasan_id: p.atasan_id },
    admin ? lingkupTanggal(trx, admin, 'read') : null,
  );
  if (!hak.lihat) throw tidakDitemukan();
  return { r, p, hak };
}

/**
 * The person's supervisor on the notice's day (or, when they had none, their OPD admin) objects, once, in
 * words; the person is told at once. An OPD admin over a person who has a supervisor sees, but may not object.
 */
export async function keberatanIzinKeluar(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  catatan: string,
  sekarang: Date = new Date(),
) {
  const { r, p, hak } = await izinTerlihat(trx, caller, id);
  if (hak.milik || hak.sebagai === null)
    throw new AppError(
      'DILARANG',
      pesan(
        'Hanya atasan langsung pegawai ini (atau admin OPD-nya bila ia tidak punya atasan) yang dapat menyatakan keberatan',
        "Only the employee's direct supervisor (or their OPD admin when they have none) may object",
      ),
    );
  const z = {
    sampai: new Date(r.sampai),
    dibatalkan: r.dibatalkan_pada !== null,
    keberatan: r.keberatan_pada !== null,
  };
  const m = masalahKeberatan(z, sekarang);
  if (m) throw new AppError(m.kode, m.pesan);
  const teks = catatan.trim();
  if (
    !(await repo.simpanKeberatan(trx, id, { oleh: caller.username, sebagai: hak.sebagai, catatan: teks }))
  ) {
    // objected or withdrawn meanwhile: the first one stands
    const kini = (await repo.izinById(trx, id))!;
    const m2 = masalahKeberatan(
      { ...z, dibatalkan: kini.dibatalkan_pada !== null, keberatan: kini.keberatan_pada !== null },
      sekarang,
    );
    throw new AppError('KONFLIK', m2?.pesan ?? pesan('Izin keluar ini sudah berubah', 'This notice changed'));
  }
  const zona = await zonaPemda(trx, tenantId);
  const kapan = waktuIzin({ tanggal: r.tanggal, dari: new Date(r.dari), sampai: new Date(r.sampai) }, zona);
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'keberatan',
      entitas: 'izin_keluar',
      entitasId: id,
      ringkasan: `Keberatan atas izin keluar ${p.nama} ${kapan} (sebagai ${hak.sebagai === 'atasan' ? 'atasan langsung' : 'admin OPD'}): ${teks}`,
      sebelum: { keberatan: null },
      sesudah: { keberatan: teks, sebagai: hak.sebagai },
    },
  ]);
  await beritahu(trx, tenantId, [
    {
      pegawaiId: r.pegawai_id,
      jenis: 'izin_keluar_keberatan',
      judul: pesan(
        'Atasan Anda keberatan atas izin keluar Anda',
        'Your supervisor objected to your going-out notice',
      ),
      isi: pesan(`${kapan} — ${teks}`, `${kapan} — ${teks}`),
      tautan: '/izin-keluar',
    },
  ]);
  return { id, keberatan: true as const };
}

/** The person withdraws their own notice before it starts; their supervisor is told. */
export async function batalIzinKeluar(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  id: string,
  sekarang: Date = new Date(),
) {
  const r = await repo.izinById(trx, id);
  if (!r || r.pegawai_id !== caller.pegawaiId)
    throw errors.notFound('Izin keluar Anda', 'Your going-out notice');
  const m = masalahBatal({ dari: new Date(r.dari), dibatalkan: r.dibatalkan_pada !== null }, sekarang);
  if (m) throw new AppError('KONFLIK', m);
  if (!(await repo.simpanBatal(trx, id, caller.username, sekarang)))
    throw new AppError(
      'KONFLIK',
      pesan(
        'Izin keluar ini sudah dibatalkan atau dimulai',
        'This notice was already withdrawn or has started',
      ),
    );
  const zona = await zonaPemda(trx, tenantId);
  const kapan = waktuIzin({ tanggal: r.tanggal, dari: new Date(r.dari), sampai: new Date(r.sampai) }, zona);
  const p = await orgRepo.getPegawai(trx, r.pegawai_id, r.tanggal);
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'batalkan',
      entitas: 'izin_keluar',
      entitasId: id,
      ringkasan: `${p?.nama ?? caller.username} membatalkan izin keluar ${kapan}`,
      sebelum: { dibatalkan: false },
      sesudah: { dibatalkan: true },
    },
  ]);
  if (p?.atasan_id)
    await beritahu(trx, tenantId, [
      {
        pegawaiId: p.atasan_id,
        jenis: 'izin_keluar_dibatalkan',
        judul: pesan(`${p.nama} membatalkan izin keluar`, `${p.nama} withdrew a going-out notice`),
        isi: pesan(kapan, kapan),
        tautan: '/izin-keluar/bawahan',
      },
    ]);
  return { id, dibatalkan: true as const };
}

/** A notice as the WFH day status and the slot statuses take it (see `izinKeluarUntukStatus`). */
export interface IzinUntukStatus {
  readonly id: string;
  readonly jenis: JenisIzinKeluar;
  readonly alasan: string;
  readonly dari: Date;
  readonly sampai: Date;
  /** the supervisor (or OPD admin) objected */
  readonly keberatan: boolean;
  readonly catatanKeberatan: string | null;
}

/**
 * The notices (not withdrawn) of some people whose local date (the Pemda's zone) lies in [dari, sampai],
 * by `pegawaiId|tanggal`, oldest first, with their objection state: for the WFH day status and, through
 * domain `jendelaIzinHari`, the slots' `izin_keluar`.
 */
export async function izinKeluarUntukStatus(
  trx: Trx,
  pegawaiIds: readonly string[],
  dari: string,
  sampai: string,
): Promise<Map<string, IzinUntukStatus[]>> {
  const out = new Map<string, IzinUntukStatus[]>();
  for (const z of await repo.izinOrangAntara(trx, pegawaiIds, dari, sampai)) {
    const kunci = `${z.pegawai_id}|${z.tanggal}`;
    const daftar = out.get(kunci) ?? [];
    daftar.push({
      id: z.id,
      jenis: z.jenis as JenisIzinKeluar,
      alasan: z.alasan,
      dari: new Date(z.dari),
      sampai: new Date(z.sampai),
      keberatan: z.keberatan_pada !== null,
      catatanKeberatan: z.keberatan_catatan,
    });
    out.set(kunci, daftar);
  }
  return out;
}
