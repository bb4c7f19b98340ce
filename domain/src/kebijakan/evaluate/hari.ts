/** `evaluateDay`: every person on one day, in named steps over one day's state (`KonteksHari`). */

import { pesan } from '../../i18n/message.ts';
import { formatTanggal, type IsoDate, isoWeekday } from '../../kalender/dates.ts';
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
  const orang = putuskanSemua(kx, org, ingatanUntuk(kx, org, kal));
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

type Putusan = ReturnType<typeof putuskan>;

/**
 * Decisions kept across the days of one organisation. A profile's decision (see putuskanSemua) reads of the
 * day only: the policy versions in force, whether it is a working day and why, the weekday (default hours, a
 * rule's `hari`), the national caps resolved and, for a closure with its own dates, the date itself. Days
 * alike in all of these (most working days of a month) give every profile the same decision, so it is made
 * once per organisation and kind of day. The groups are still made per day, from the kept `adds`.
 */
const ingatanOrg = new WeakMap<PreparedOrg, Map<string, Map<string, Putusan>>>();
const nomorObjek = new WeakMap<object, number>();
let nomorBerikut = 0;
function nomor(o: object): number {
  let n = nomorObjek.get(o);
  if (n === undefined) {
    n = nomorBerikut++;
    nomorObjek.set(o, n);
  }
  return n;
}
/** At most this many kinds of day are kept per organisation (a year of holidays fits); then it starts over. */
const MAKS_JENIS_HARI = 400;

function ingatanUntuk(kx: KonteksHari, org: PreparedOrg, kal: KalenderKerja): Map<string, Putusan> {
  const { hk, aktif, tanggal } = kx;
  const penutupanBertanggal = aktif.some((k) =>
    k.aturan.some((a) => a.hasil.jenis === 'penutupan_kantor' && a.hasil.tanggal !== undefined),
  );
  const tanda = [
    nomor(kal),
    isoWeekday(tanggal),
    hk.kerja ? 1 : 0,
    hk.keterangan.id,
    hk.keterangan.en,
    aktif.map(nomor).join(','),
    [...kx.persenNasional].map(([k, v]) => `${k}=${v}`).join(','),
    penutupanBertanggal ? tanggal : '',
  ].join('\u0000');
  let perHari = ingatanOrg.get(org);
  if (!perHari) {
    perHari = new Map();
    ingatanOrg.set(org, perHari);
  }
  let m = perHari.get(tanda);
  if (!m) {
    if (perHari.size >= MAKS_JENIS_HARI) perHari.clear();
    m = new Map();
    perHari.set(tanda, m);
  }
  return m;
}

/** Each person's profile key (unit, level, type), in the order of `org.pegawai`: made once per organisation. */
const profilSimpan = new WeakMap<PreparedOrg, readonly string[]>();
function profilDari(org: PreparedOrg): readonly string[] {
  let v = profilSimpan.get(org);
  if (!v) {
    v = org.pegawai.map((p) => `${p.opdId}|${p.jabatanLevel}|${p.jenisPegawai}`);
    profilSimpan.set(org, v);
  }
  return v;
}

/**
 * Every person's decision. People with the same unit, level and type get the same decision (unless a selector
 * names people): decided once per profile and shared. This keeps a month for a whole Pemda fast.
 */
function putuskanSemua(
  kx: KonteksHari,
  org: PreparedOrg,
  ingatan: Map<string, Putusan>,
): Map<string, KeputusanOrang> {
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
  const profilOrang = menamai ? null : profilDari(org);
  const { pegawai } = org;
  for (let i = 0; i < pegawai.length; i++) {
    const p = pegawai[i]!;
    const profil = profilOrang ? profilOrang[i]! : p.key;
    let m = memo.get(profil);
    if (!m) {
      const unit = org.units.get(p.opdId);
      let d = ingatan.get(profil);
      if (!d) {
        d = putuskan(kx, p, unit);
        ingatan.set(profil, d);
      }
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
    const s = m.shared;
    // A literal of one shape, not a spread: a month of a whole Pemda makes one per person-day.
    orang.set(
      p.key,
      s.key === p.key && m.kelompok.length === 0
        ? s
        : {
            key: p.key,
            lokasi: s.lokasi,
            sumber: s.sumber,
            penjelasan: s.penjelasan,
            kelompok: m.kelompok,
            jamKerja: s.jamKerja,
            absensi: s.absensi,
            kewajibanWfh: s.kewajibanWfh,
            pertimbangan: s.pertimbangan,
          },
    );
  }
  return orang;
}
