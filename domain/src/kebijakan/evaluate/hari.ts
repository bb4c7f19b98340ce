/** `evaluateDay`: every person on one day, in named steps over one day's state (`KonteksHari`). */

import { pesan } from '../../i18n/message.ts';
import { formatTanggal, type IsoDate } from '../../kalender/dates.ts';
import type { KonteksWilayah } from '../national.ts';
import type { Kebijakan } from '../schema.ts';
import { susunKelompok } from './kelompok.ts';
import { type Grup, KonteksHari } from './konteks.ts';
import { putuskan } from './putusan.ts';
import {
  type EvaluasiHari,
  type KalenderKerja,
  type KeputusanOrang,
  type PreparedOrg,
  pemilihAturan,
} from './umum.ts';

/**
 * Evaluates every person on one day: the location each policy rule gives them (with its rule and an
 * explanation), the group constraints (caps, minimums, piket), hours, attendance methods and duties.
 * Pure and deterministic: the same inputs give the same result.
 */
export function evaluateDay(
  kebijakanSemua: readonly Kebijakan[],
  org: PreparedOrg,
  tanggal: IsoDate,
  kal: KalenderKerja,
  konteks: readonly KonteksWilayah[] = [],
): EvaluasiHari {
  const kx = new KonteksHari(kebijakanSemua, tanggal, kal, konteks);
  const { hk, aktif, peringatan } = kx;
  const orang = putuskanSemua(kx, org);
  const kelompok = susunKelompok(kx);
  return {
    tanggal,
    hariKerja: hk.kerja,
    keteranganHari: pesan(
      `${formatTanggal(tanggal, 'id')}: ${hk.keterangan.id}`,
      `${formatTanggal(tanggal, 'en')}: ${hk.keterangan.en}`,
    ),
    kebijakan: aktif.map((k) => ({ id: k.id, versi: k.versi, nomor: k.nomor, judul: k.judul })),
    orang,
    kelompok,
    peringatan,
  };
}

/**
 * Every person's decision. People with the same unit, level and type get the same decision (unless a selector
 * names people): decided once per profile and shared. This keeps a month for a whole Pemda fast.
 */
function putuskanSemua(kx: KonteksHari, org: PreparedOrg): Map<string, KeputusanOrang> {
  const { aktif } = kx;
  const orang = new Map<string, KeputusanOrang>();
  const menamai = aktif.some((k) =>
    k.aturan.some(
      (a) =>
        pemilihAturan(a).some((x) => x.nip) ||
        a.kecuali.some((x) => x.nip) ||
        (a.hasil.jenis === 'piket' && a.hasil.boleh?.nip),
    ),
  );
  // A profile's groups and their ids are shared by its people too (one array, one string per group): a
  // Pemda-wide month keeps one small object per person-day.
  type Profil = {
    shared: KeputusanOrang;
    grup: readonly { g: Grup; boleh: boolean }[];
    kelompok: readonly string[];
  };
  const memo = new Map<string, Profil>();
  for (const p of org.pegawai) {
    const unit = org.units.get(p.opdId);
    const profil = menamai ? p.key : `${p.opdId}|${p.jabatanLevel}|${p.jenisPegawai}`;
    let m = memo.get(profil);
    if (!m) {
      const d = putuskan(kx, p, unit);
      const ref = unit ? d.adds.map((x) => ({ ref: kx.grupOf(x.k, x.a, x.per, unit), boleh: x.boleh })) : [];
      m = {
        shared: d.shared,
        grup: ref.map((x) => ({ g: x.ref[1], boleh: x.boleh })),
        kelompok: ref.map((x) => x.ref[0]),
      };
      memo.set(profil, m);
    }
    for (const x of m.grup) {
      x.g.anggota.push(p.key);
      if (x.boleh) x.g.boleh.push(p.key);
    }
    const kelompok = m.kelompok;
    orang.set(
      p.key,
      m.shared.key === p.key && kelompok.length === 0 ? m.shared : { ...m.shared, key: p.key, kelompok },
    );
  }
  return orang;
}
