import { POLA_PIN, pesan } from '@sigap/domain';
import type { Actor, Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { resolveScope, tenantToday } from '../org/org.service.ts';
import * as repo from './kehadiran.repository.ts';

// Attendance devices (perangkat): terminals whose logs are imported, and their PIN → person tables.
// A Pemda admin manages every device; an OPD admin those of their own OPD/unit subtree, mapping PINs
// only to their own people.

/** The OPDs/units whose devices the caller manages (null: all; the CLI passes no caller). */
async function opdKelola(trx: Trx, caller: Caller | null) {
  if (!caller) return null;
  return (await resolveScope(trx, caller, 'write', await tenantToday(trx, caller.tenantId))).opdIds;
}

/** The caller's devices, with how many PINs each table maps. */
export async function daftarPerangkat(trx: Trx, caller: Caller | null) {
  const rows = await repo.daftarPerangkat(trx, await opdKelola(trx, caller));
  const n = new Map(
    (
      await repo.jumlahPin(
        trx,
        rows.map((r) => r.id),
      )
    ).map((r) => [r.perangkat_id, Number(r.n)]),
  );
  return rows.map((r) => ({ ...r, jumlahPin: n.get(r.id) ?? 0 }));
}

/** A device the caller manages, or 404 (a device outside their part is as if absent). */
export async function perangkatKelola(trx: Trx, caller: Caller | null, kodeAtauId: string) {
  const p = await repo.cariPerangkat(trx, kodeAtauId);
  const boleh = await opdKelola(trx, caller);
  if (!p || (boleh !== null && !boleh.has(p.opd_id))) throw errors.notFound('Perangkat', 'Device');
  return p;
}

export interface PerangkatBaru {
  readonly kode: string;
  readonly nama: string;
  readonly opdKode: string;
  /** a terminal (default: its logs are imported or pushed) or a kiosk (face check-ins at the entrance) */
  readonly jenis?: 'terminal' | 'kiosk';
}

/** Registers a terminal or a kiosk of an OPD/unit in the caller's part; its code must be new to the Pemda. */
export async function daftarkanPerangkat(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller | null,
  p: PerangkatBaru,
) {
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/.test(p.kode) || p.nama.trim() === '' || p.nama.length > 200)
    throw new AppError(
      'VALIDASI',
      pesan(
        'kode: huruf, angka, titik, garis bawah atau tanda hubung (paling banyak 64), diawali huruf atau angka; nama: 1–200 karakter',
        'kode: letters, digits, dot, underscore or hyphen (at most 64), starting with a letter or digit; nama: 1–200 characters',
      ),
    );
  const opdId = await repo.opdByKode(trx, p.opdKode);
  const boleh = await opdKelola(trx, caller);
  if (!opdId || (boleh !== null && !boleh.has(opdId)))
    throw new AppError(
      'VALIDASI',
      pesan(
        `opd_kode: OPD/unit "${p.opdKode}" tidak dikenal atau di luar bagian Anda`,
        `opd_kode: OPD/unit "${p.opdKode}" is unknown or outside your part`,
      ),
    );
  if (await repo.cariPerangkat(trx, p.kode))
    throw new AppError(
      'KONFLIK',
      pesan(`kode: perangkat "${p.kode}" sudah terdaftar`, `kode: device "${p.kode}" is already registered`),
    );
  const jenis = p.jenis ?? 'terminal';
  const id = await repo.buatPerangkat(trx, tenantId, { ...p, opdId, jenis });
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'buat',
      entitas: 'perangkat',
      entitasId: id,
      ringkasan: `${jenis === 'kiosk' ? 'Kios absen wajah' : 'Mesin absensi'} ${p.kode} (${p.nama}) didaftarkan untuk ${p.opdKode}`,
      sesudah: { kode: p.kode, nama: p.nama, opd_kode: p.opdKode, jenis },
    },
  ]);
  return { id, kode: p.kode };
}

/** One problem with one entry of a PIN table (its position in the list, from 1). */
export interface MasalahPin {
  readonly baris: number;
  readonly kode: string;
  readonly pesan: { id: string; en: string };
}

/**
 * Replaces a terminal's PIN table: each entry a PIN and a person (NIP or id_pegawai). All or nothing:
 * a PIN twice, a PIN a terminal cannot hold, an unknown person or one outside the caller's part (today)
 * refuses the whole list, naming each entry.
 */
export async function aturPin(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller | null,
  kodeAtauId: string,
  /** `baris`: the entry's line in a file (default: its position in the list, from 1) */
  daftar: readonly { pin: string; key: string; baris?: number }[],
) {
  const p = await perangkatKelola(trx, caller, kodeAtauId);
  if (p.jenis !== 'terminal')
    throw new AppError(
      'VALIDASI',
      pesan(
        `Perangkat ${p.kode} adalah kios: kios tidak memakai PIN`,
        `Device ${p.kode} is a kiosk: kiosks use no PIN`,
      ),
    );
  const orang = await repo.pegawaiByKunci(
    trx,
    daftar.map((d) => d.key.trim()),
  );
  const idOf = new Map<string, string>();
  for (const o of orang) {
    if (o.id_pegawai) idOf.set(o.id_pegawai, o.id);
    if (o.nip) idOf.set(o.nip, o.id);
  }
  const scope = caller ? await resolveScope(trx, caller, 'write', await tenantToday(trx, tenantId)) : null;
  const opdKini =
    scope?.opdIds != null
      ? await repo.penempatan(trx, [...idOf.values()]).then((vs) => {
          const hariIni = new Map<string, string>();
          for (const v of vs) if (v.berlaku_sampai === null) hariIni.set(v.pegawai_id, v.opd_id);
          return hariIni;
        })
      : null;
  const masalah: MasalahPin[] = [];
  const dilihat = new Map<string, number>();
  const pasangan: { pin: string; pegawaiId: string }[] = [];
  for (const [i, d] of daftar.entries()) {
    const baris = d.baris ?? i + 1;
    const pin = d.pin.trim();
    const key = d.key.trim();
    const tambah = (kode: string, id: string, en: string) =>
      masalah.push({ baris, kode, pesan: pesan(id, en) });
    if (!POLA_PIN.test(pin)) {
      tambah(
        'PIN_TIDAK_SAH',
        `PIN "${pin.slice(0, 40)}" tidak sah: huruf, angka, titik, garis bawah atau tanda hubung, paling banyak 32`,
        `PIN "${pin.slice(0, 40)}" is invalid: letters, digits, dot, underscore or hyphen, at most 32`,
      );
      continue;
    }
    const lalu = dilihat.get(pin);
    if (lalu !== undefined) {
      tambah(
        'PIN_GANDA',
        `PIN ${pin} sudah dipakai pada entri ${lalu}`,
        `PIN ${pin} is already used by entry ${lalu}`,
      );
      continue;
    }
    dilihat.set(pin, baris);
    const id = idOf.get(key);
    const opd = id ? opdKini?.get(id) : undefined;
    if (!id || (scope?.opdIds != null && !(opd && scope.opdIds.has(opd)))) {
      tambah(
        id ? 'DI_LUAR_LINGKUP' : 'PEGAWAI_TIDAK_DIKENAL',
        id ? `${key}: pegawai di luar OPD/unit Anda` : `${key}: NIP atau ID pegawai tidak terdaftar`,
        id ? `${key}: the employee is outside your OPD/unit` : `${key}: NIP or employee id not registered`,
      );
      continue;
    }
    pasangan.push({ pin, pegawaiId: id });
  }
  if (masalah.length > 0)
    throw new AppError(
      'IMPOR_GAGAL',
      pesan(
        `Tabel PIN ${p.kode} tidak disimpan: ${masalah.length} masalah; tidak ada yang diubah`,
        `PIN table of ${p.kode} not stored: ${masalah.length} problems; nothing was changed`,
      ),
      masalah.map((m) => ({ ...m, kolom: null })),
    );
  const sebelum = await repo.pinPerangkat(trx, p.id);
  await repo.gantiPin(trx, tenantId, p.id, pasangan);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'perangkat',
      entitasId: p.id,
      ringkasan: `Tabel PIN mesin ${p.kode}: ${pasangan.length} PIN (sebelumnya ${sebelum.length})`,
      sebelum: { jumlah_pin: sebelum.length },
      sesudah: { jumlah_pin: pasangan.length },
    },
  ]);
  return { perangkat: { id: p.id, kode: p.kode }, jumlah: pasangan.length };
}
