import { type Pesan, pesan } from '../i18n/message.ts';
import { addDays, type IsoDate } from '../kalender/dates.ts';
import {
  berlakuPada,
  dipilih,
  evaluateDay,
  hariKerja,
  type KalenderKerja,
  type PreparedOrg,
  pemilihAturan,
  versiBerlaku,
} from './evaluate.ts';
import type { KonteksWilayah } from './national.ts';
import type { Aturan, Kebijakan, Pemilih } from './schema.ts';

/** One finding about a policy: `galat` refuses the document; the others inform. */
export interface Temuan {
  readonly tingkat: 'galat' | 'konflik' | 'peringatan';
  readonly kode: string;
  readonly jalur: string;
  readonly pesan: Pesan;
}

const LOKASI = new Set(['wfo', 'wfh', 'penutupan_kantor', 'batas_kantor']);
const MAKS_HARI = 62;

/** The dates a policy covers, at most `MAKS_HARI` of them (open-ended policies: from `dari` on). */
export function tanggalBerlaku(k: Kebijakan, batas = MAKS_HARI): IsoDate[] {
  if (k.berlaku.tanggal) return [...k.berlaku.tanggal].sort();
  const out: IsoDate[] = [];
  const akhir = k.berlaku.sampai;
  for (let d = k.berlaku.dari!; (akhir === undefined || d <= akhir) && out.length < batas; d = addDays(d, 1))
    out.push(d);
  return out;
}

function semuaPemilih(k: Kebijakan): { p: Pemilih; jalur: string }[] {
  const out: { p: Pemilih; jalur: string }[] = [];
  k.aturan.forEach((a, i) => {
    for (const [j, p] of pemilihAturan(a).entries()) {
      out.push({ p, jalur: Array.isArray(a.pilih) ? `aturan[${i}].pilih[${j}]` : `aturan[${i}].pilih` });
    }
    for (const [j, p] of a.kecuali.entries()) out.push({ p, jalur: `aturan[${i}].kecuali[${j}]` });
    if (a.hasil.jenis === 'piket' && a.hasil.boleh)
      out.push({ p: a.hasil.boleh, jalur: `aturan[${i}].hasil.boleh` });
  });
  return out;
}

/**
 * Checks a (schema-valid) policy against the organisation and calendar: unknown codes and people,
 * rules that can never apply or are always preceded by another, caps and piket that cannot be met
 * with the people a rule covers, dates that are not working days, and overlaps with other policies.
 */
export function periksaKebijakan(
  k: Kebijakan,
  org: PreparedOrg,
  kal: KalenderKerja,
  lain: readonly Kebijakan[] = [],
  konteks: readonly KonteksWilayah[] = [],
): Temuan[] {
  const out: Temuan[] = [];
  const add = (tingkat: Temuan['tingkat'], kode: string, jalur: string, id: string, en: string) =>
    out.push({ tingkat, kode, jalur, pesan: pesan(`${jalur}: ${id}`, `${jalur}: ${en}`) });

  // Unknown OPD codes and people.
  const cak = 'opd' in k.cakupan ? k.cakupan.opd : [];
  cak.forEach((c, i) => {
    if (!org.kodeDikenal.has(c.toUpperCase()))
      add(
        'peringatan',
        'OPD_TIDAK_DIKENAL',
        `cakupan.opd[${i}]`,
        `kode OPD "${c}" tidak ada di data organisasi`,
        `OPD code "${c}" is not in the registry`,
      );
  });
  for (const { p, jalur } of semuaPemilih(k)) {
    p.opd?.forEach((c, i) => {
      if (!org.kodeDikenal.has(c.toUpperCase()))
        add(
          'peringatan',
          'OPD_TIDAK_DIKENAL',
          `${jalur}.opd[${i}]`,
          `kode OPD "${c}" tidak ada di data organisasi`,
          `OPD code "${c}" is not in the registry`,
        );
    });
    p.nip?.forEach((n, i) => {
      if (!org.byKey.has(n))
        add(
          'peringatan',
          'PEGAWAI_TIDAK_DIKENAL',
          `${jalur}.nip[${i}]`,
          `pegawai "${n}" tidak ada di data`,
          `employee "${n}" is not in the registry`,
        );
    });
  }

  // Who each rule picks, within scope.
  const dalamCakupan = (unitKode: ReadonlySet<string> | undefined) =>
    !('opd' in k.cakupan) ||
    (unitKode !== undefined && k.cakupan.opd.some((c) => unitKode.has(c.toUpperCase())));
  const dipilihOleh = k.aturan.map((a) => {
    const set = new Set<string>();
    for (const p of org.pegawai) {
      const unit = org.units.get(p.opdId);
      if (dalamCakupan(unit?.garisKode) && dipilih(a, p, unit)) set.add(p.key);
    }
    return set;
  });
  k.aturan.forEach((a, i) => {
    const jalur = `aturan[${i}]`;
    if (dipilihOleh[i]!.size === 0) {
      add(
        'peringatan',
        'ATURAN_TIDAK_PERNAH_BERLAKU',
        jalur,
        `aturan "${a.id}" tidak pernah berlaku: tidak ada pegawai yang cocok dengan pemilihnya`,
        `rule "${a.id}" never applies: nobody matches its selector`,
      );
      return;
    }
    // Preceded: every person it picks is already taken by an earlier rule of the same category.
    const kategori = (x: Aturan) => (LOKASI.has(x.hasil.jenis) ? 'lokasi' : x.hasil.jenis);
    const sebelum = k.aturan
      .slice(0, i)
      .map((x, j) => ({ x, j }))
      .filter(({ x }) => kategori(x) === kategori(a));
    if (sebelum.length > 0 && a.hasil.jenis !== 'penutupan_kantor') {
      const sisa = [...dipilihOleh[i]!].filter((key) => !sebelum.some(({ j }) => dipilihOleh[j]!.has(key)));
      if (sisa.length === 0) {
        add(
          'konflik',
          'ATURAN_TERTUTUP',
          jalur,
          `aturan "${a.id}" tidak pernah dipakai: semua yang dipilihnya sudah diatur aturan sebelumnya (${sebelum.map(({ x }) => x.id).join(', ')})`,
          `rule "${a.id}" is never used: everyone it picks is already decided by an earlier rule (${sebelum.map(({ x }) => x.id).join(', ')})`,
        );
      }
    }
    if (a.hasil.jenis === 'batas_kantor' && 'menurut' in a.hasil.maks && konteks.length === 0) {
      add(
        'peringatan',
        'KONTEKS_BELUM_DICATAT',
        `${jalur}.hasil.maks`,
        'batas nasional memerlukan zona/level PPKM yang dicatat Pemda per tanggal; belum ada catatan',
        'the national cap needs the zone/PPKM level recorded per date; none is recorded',
      );
    }
  });

  // Dates.
  const dates = tanggalBerlaku(k);
  if (k.berlaku.tanggal) {
    k.berlaku.tanggal.forEach((d, i) => {
      const hk = hariKerja(d, kal);
      if (!hk.kerja && !k.berlaku.termasuk_libur) {
        add(
          'peringatan',
          'BUKAN_HARI_KERJA',
          `berlaku.tanggal[${i}]`,
          `${d} bukan hari kerja (${hk.keterangan.id}); kebijakan tidak berlaku hari itu`,
          `${d} is not a working day (${hk.keterangan.en}); the policy does not apply that day`,
        );
      }
    });
  }
  const hariBerlaku = dates.filter((d) => berlakuPada(k, d, hariKerja(d, kal)));
  if (hariBerlaku.length === 0) {
    add(
      'peringatan',
      'TIDAK_ADA_HARI_BERLAKU',
      'berlaku',
      'tidak ada satu hari kerja pun dalam masa berlaku',
      'there is no working day in the validity period',
    );
  }

  // Feasibility on the first working day in force (the policy alone, as if active).
  const sendiri = { ...k, status: 'aktif' as const };
  const hari = hariBerlaku[0];
  if (hari) {
    const ev = evaluateDay([sendiri], org, hari, kal, konteks);
    const seen = new Set<string>();
    for (const g of ev.kelompok) {
      const key = `${g.sumber.aturanId}`;
      const idx = k.aturan.findIndex((a) => a.id === g.sumber.aturanId);
      const jalur = `aturan[${idx}]`;
      if (g.jenis === 'piket' && g.jumlahPiket! > (g.bolehPiket?.length ?? 0)) {
        add(
          'konflik',
          'PIKET_TIDAK_TERPENUHI',
          jalur,
          `${g.grupKode} perlu ${g.jumlahPiket} piket tetapi hanya ${g.bolehPiket?.length ?? 0} orang boleh ditunjuk`,
          `${g.grupKode} needs ${g.jumlahPiket} on duty but only ${g.bolehPiket?.length ?? 0} are eligible`,
        );
      }
      if (g.jenis === 'minimum_kantor') {
        const cap = ev.kelompok.find(
          (c) =>
            c.jenis === 'batas_kantor' &&
            c.grupKode === g.grupKode &&
            c.anggota.some((x) => g.anggota.includes(x)),
        );
        const wajibKantor = g.anggota.filter((x) => ev.orang.get(x)?.lokasi === 'WFO').length;
        const mungkin =
          wajibKantor +
          (cap ? cap.maks! : g.anggota.filter((x) => ev.orang.get(x)?.lokasi === 'BEBAS').length);
        if (g.min! > mungkin) {
          add(
            'konflik',
            'MINIMUM_MELEBIHI_BATAS',
            jalur,
            `${g.grupKode}: minimum ${g.min} di kantor tidak dapat dipenuhi (paling banyak ${mungkin} boleh di kantor)`,
            `${g.grupKode}: the minimum of ${g.min} at the office cannot be met (at most ${mungkin} may be there)`,
          );
        }
      }
      if (g.jenis === 'batas_kantor' && g.piketDihitung && !seen.has(`${key}:${g.grupKode}`)) {
        seen.add(`${key}:${g.grupKode}`);
        const piket = ev.kelompok.find(
          (c) =>
            c.jenis === 'piket' && c.grupKode === g.grupKode && c.anggota.some((x) => g.anggota.includes(x)),
        );
        if (piket && piket.jumlahPiket! > g.maks!) {
          add(
            'konflik',
            'PIKET_MELEBIHI_BATAS',
            jalur,
            `${g.grupKode}: ${piket.jumlahPiket} piket dihitung hadir tetapi batas kantor hanya ${g.maks}`,
            `${g.grupKode}: ${piket.jumlahPiket} on duty count as present but the office cap is ${g.maks}`,
          );
        }
      }
    }
  }

  // Overlaps with other active policies at the same standing.
  for (const o of versiBerlaku(lain)) {
    if (o.id === k.id || o.kedudukan !== k.kedudukan) continue;
    const sama = hariBerlaku.filter((d) => berlakuPada(o, d, hariKerja(d, kal)));
    if (sama.length === 0) continue;
    const lokasiA = k.aturan.filter((a) => LOKASI.has(a.hasil.jenis));
    const lokasiB = o.aturan.filter((a) => LOKASI.has(a.hasil.jenis));
    const orangSama = org.pegawai.some((p) => {
      const unit = org.units.get(p.opdId);
      return lokasiA.some((a) => dipilih(a, p, unit)) && lokasiB.some((b) => dipilih(b, p, unit));
    });
    if (orangSama) {
      add(
        'konflik',
        'TUMPANG_TINDIH',
        'berlaku',
        `tumpang tindih dengan kebijakan "${o.judul}" (${o.id} v${o.versi}) pada ${sama.length} hari untuk pegawai yang sama; yang lebih ketat dipakai (ubah "kedudukan" untuk mengutamakan salah satu)`,
        `overlaps policy "${o.judul}" (${o.id} v${o.versi}) on ${sama.length} days for the same people; the stricter applies (set "kedudukan" to give one precedence)`,
      );
    }
  }
  return out;
}
