/**
 * The greedy's steps for one day (see `solveJadwal`): fixed cells, piket, minimums, the free fill of every cap,
 * minimums again from home, broken caps reported.
 */
import { pesan } from '../../i18n/message.ts';
import { DI_KANTOR } from '../sel.ts';
import {
  adaBatas,
  bebas,
  dihitung,
  type GrupPiket,
  type HariIni,
  keputusan,
  muat,
  type Susunan,
  set,
  tersedia,
} from './state.ts';
import { urutkan } from './urutkan.ts';

/**
 * 1. Fixed cells: days off, absences (a lock on one reported), locks (reported where against a rule), fixed
 * WFO/WFH.
 */
export function tetapkan(st: Susunan, h: HariIni): void {
  const { m, n, absenOf, kunciOf, cells, pelanggaran } = st;
  const { d, groups, kepOf } = h;
  const LIBUR = cells.get('LIBUR', null, 'libur');
  for (let p = 0; p < n; p++) {
    const k = m.orang[p]!;
    const kep = kepOf[p];
    const absen = absenOf[p]?.get(d);
    const kunci = kunciOf[p]?.get(d);
    if (!kep || kep.lokasi === 'LIBUR') {
      set(st, h, p, LIBUR);
      continue;
    }
    if (absen) {
      set(st, h, p, cells.get(absen, null, 'tidak_hadir'));
      if (kunci) {
        pelanggaran.push({
          tanggal: d,
          kode: 'KUNCI_TIDAK_HADIR',
          kelompokId: null,
          orang: [k],
          pesan: pesan(
            `${k} dikunci ${kunci} pada ${d} tetapi ${absen.toLowerCase()}; ketidakhadiran yang berlaku`,
            `${k} is locked to ${kunci} on ${d} but is on ${absen.toLowerCase()}; the absence stands`,
          ),
        });
      }
      continue;
    }
    if (kunci) {
      set(st, h, p, cells.get(kunci, kep.sumber, 'kunci'));
      // A lock against a rule is kept (the unit head decided) but never silent.
      const aturan = kep.sumber
        ? `"${kep.sumber.judulAturan}" (${kep.sumber.kebijakanId}/${kep.sumber.aturanId})`
        : '';
      if (kep.sumber && kep.lokasi === 'WFH' && kunci === 'WFO')
        pelanggaran.push({
          tanggal: d,
          kode: 'WAJIB_WFH',
          kelompokId: null,
          orang: [k],
          pesan: pesan(
            `${k} dikunci WFO pada ${d} padahal aturan ${aturan} mewajibkan bekerja dari rumah`,
            `${k} is locked to WFO on ${d} but rule ${aturan} requires working from home`,
          ),
        });
      if (kep.sumber && kep.lokasi === 'WFO' && kunci === 'WFH')
        pelanggaran.push({
          tanggal: d,
          kode: 'WAJIB_WFO',
          kelompokId: null,
          orang: [k],
          pesan: pesan(
            `${k} dikunci WFH pada ${d} padahal aturan ${aturan} mewajibkan bekerja di kantor`,
            `${k} is locked to WFH on ${d} but rule ${aturan} requires the office`,
          ),
        });
      if (kunci === 'PIKET' && !groups.some((g) => g.jenis === 'piket' && g.bolehPiket?.includes(k)))
        pelanggaran.push({
          tanggal: d,
          kode: 'PIKET_TIDAK_BOLEH',
          kelompokId: null,
          orang: [k],
          pesan: pesan(
            `${k} dikunci piket pada ${d} padahal tidak ada aturan piket yang membolehkannya`,
            `${k} is locked to piket on ${d} though no piket rule allows it`,
          ),
        });
      continue;
    }
    if (kep.lokasi === 'WFO' || kep.lokasi === 'WFH')
      set(st, h, p, cells.get(kep.lokasi, kep.sumber, kep.sumber ? 'kebijakan' : 'tanpa_kebijakan'));
  }
}

/**
 * Whether minimum i can no longer be met without piket: those at the office plus the free members whose caps
 * still have room are fewer than it asks (the others are away, at home by policy, or capped).
 */
export function hanyaPiket(st: Susunan, h: HariIni, i: number): boolean {
  const { status } = st;
  const { minMembers, minimums } = h;
  let bisa = 0;
  for (const p of minMembers[i]!)
    if (DI_KANTOR(status[p]?.status ?? 'LIBUR') || (bebas(st, h, p) && muat(st, h, p, false))) bisa++;
  return bisa < minimums[i]!.min!;
}

/**
 * 2. Piket: the required number from the eligible, rotating duty. Groups with the fewest candidates who take no
 * seat under a cap go first, so that those with no other choice still find room in a shared cap. Within a group,
 * members of a minimum that only piket can still meet come first (a hard rule).
 */
export function tunjukPiket(st: Susunan, h: HariIni): void {
  const { status, capStart, capList, cells, pelanggaran } = st;
  const { d, groups, ig, dihitungPiket, minimums, minStart, minList } = h;
  const tanpaKursi = (p: number) => {
    for (let j = capStart[p]!; j < capStart[p + 1]!; j++) if (dihitungPiket[capList[j]!]) return false;
    return true;
  };
  const piketGroups: GrupPiket[] = groups
    .flatMap((g, gi) => (g.jenis === 'piket' ? [{ g, gi }] : []))
    .map(({ g, gi }, i) => {
      const boleh = ig[gi]!.boleh;
      const anggota = ig[gi]!.anggota;
      let calonBebas = 0;
      for (const p of boleh) if (tersedia(st, p) && tanpaKursi(p)) calonBebas++;
      return { g, i, boleh, anggota, lapang: calonBebas - g.jumlahPiket! };
    })
    .sort((a, b) => a.lapang - b.lapang || a.i - b.i);
  h.piketGroups = piketGroups;
  for (const { g, boleh, anggota } of piketGroups) {
    let sudah = 0;
    for (const p of anggota) if (status[p]?.status === 'PIKET') sudah++;
    let perlu = g.jumlahPiket! - sudah;
    const calon = urutkan(
      st,
      h,
      boleh.filter((p) => tersedia(st, p) && status[p]?.status !== 'PIKET'),
      'piket',
    );
    if (minimums.length > 0 && perlu > 0) {
      const perluMin = new Map<number, boolean>();
      const dulu = (p: number) => {
        for (let j = minStart[p]!; j < minStart[p + 1]!; j++) {
          const i = minList[j]!;
          let v = perluMin.get(i);
          if (v === undefined) {
            v = hanyaPiket(st, h, i);
            perluMin.set(i, v);
          }
          if (v) return true;
        }
        return false;
      };
      const depan = calon.filter(dulu);
      if (depan.length > 0) {
        const sisaCalon = calon.filter((p) => !dulu(p));
        calon.length = 0;
        calon.push(...depan, ...sisaCalon);
      }
    }
    const piketSel = cells.get('PIKET', g.sumber, 'piket');
    for (const p of calon) {
      if (perlu <= 0) break;
      if (!muat(st, h, p, true)) continue;
      set(st, h, p, piketSel);
      perlu--;
    }
    if (perlu > 0) {
      pelanggaran.push({
        tanggal: d,
        kode: 'PIKET_KURANG',
        kelompokId: g.id,
        orang: [],
        pesan: pesan(
          `${g.grupKode} ${d}: perlu ${g.jumlahPiket} piket, hanya ${g.jumlahPiket! - perlu} yang dapat ditunjuk (tersedia dan dalam batas)`,
          `${g.grupKode} ${d}: ${g.jumlahPiket} on duty needed, only ${g.jumlahPiket! - perlu} could be appointed (available and within caps)`,
        ),
      });
    }
  }
}

/**
 * 3. Minimums first: where one is not met yet, bring in free members (fairest first) within their caps, before
 * the seats of a shared cap go to people of other groups. Free people under no cap come anyway.
 */
export function minimumDulu(st: Susunan, h: HariIni): void {
  const { status, cells } = st;
  const { minimums, minMembers } = h;
  const datang = (p: number) =>
    DI_KANTOR(status[p]?.status ?? 'LIBUR') || (bebas(st, h, p) && !adaBatas(st, p));
  for (const [gi, g] of minimums.entries()) {
    const anggota = minMembers[gi]!;
    let kurang = g.min! - anggota.filter(datang).length;
    if (kurang <= 0) continue;
    for (const p of urutkan(
      st,
      h,
      anggota.filter((p) => bebas(st, h, p) && adaBatas(st, p)),
      'kantor',
    )) {
      if (kurang <= 0) break;
      if (!muat(st, h, p, false)) continue;
      set(st, h, p, cells.get('WFO', keputusan(st, h, p)!.sumber, 'batas'));
      kurang--;
    }
  }
}

/** 4. Free people: fill each cap up to its maximum, fairest first; the rest work from home. */
export function isiBebas(st: Susunan, h: HariIni): void {
  const { n, cells } = st;
  const semuaBebas: number[] = [];
  for (let p = 0; p < n; p++) if (bebas(st, h, p)) semuaBebas.push(p);
  for (const p of urutkan(st, h, semuaBebas, 'kantor')) {
    const sumber = keputusan(st, h, p)!.sumber;
    if (!adaBatas(st, p)) set(st, h, p, cells.get('WFO', sumber, 'kebijakan'));
    else if (muat(st, h, p, false)) set(st, h, p, cells.get('WFO', sumber, 'batas'));
    else set(st, h, p, cells.get('WFH', sumber, 'batas'));
  }
}

/** 5. Minimums: bring people in from home where a cap allows; a minimum still short is reported. */
export function minimumLagi(st: Susunan, h: HariIni): void {
  const { status, cells, pelanggaran } = st;
  const { d, minimums, minMembers } = h;
  for (const [gi, g] of minimums.entries()) {
    const anggota = minMembers[gi]!;
    let kurang = g.min! - anggota.filter((p) => DI_KANTOR(status[p]?.status ?? 'LIBUR')).length;
    if (kurang <= 0) continue;
    const calon = anggota.filter((p) => {
      const c = status[p];
      return c && c.status === 'WFH' && c.alasan === 'batas';
    });
    for (const p of urutkan(st, h, calon, 'kantor')) {
      if (kurang <= 0) break;
      if (!muat(st, h, p, false)) continue;
      const c = status[p]!;
      set(st, h, p, cells.get('WFO', c.sumber, c.alasan));
      kurang--;
    }
    if (kurang > 0) {
      pelanggaran.push({
        tanggal: d,
        kode: 'MINIMUM_KURANG',
        kelompokId: g.id,
        orang: [],
        pesan: pesan(
          `${g.grupKode} ${d}: minimum ${g.min} di kantor tidak tercapai (kurang ${kurang}); batas kantor atau ketidakhadiran tidak mengizinkan lebih`,
          `${g.grupKode} ${d}: the minimum of ${g.min} at the office is not met (${kurang} short); caps or absences allow no more`,
        ),
      });
    }
  }
}

/** 6. Caps broken by locks or fixed cells, and more piket than a rule asks (locks): never silent. */
export function laporLebih(st: Susunan, h: HariIni): void {
  const { status, pelanggaran, ix } = st;
  const { d, caps, capMembers, hitung, piketGroups } = h;
  for (const { g, anggota } of piketGroups) {
    let ada = 0;
    for (const p of anggota) if (status[p]?.status === 'PIKET') ada++;
    if (ada > g.jumlahPiket!)
      pelanggaran.push({
        tanggal: d,
        kode: 'PIKET_BERLEBIH',
        kelompokId: g.id,
        orang: anggota.filter((p) => status[p]?.alasan === 'kunci').map((p) => ix.keys[p]!),
        pesan: pesan(
          `${g.grupKode} ${d}: ${ada} piket; aturan meminta ${g.jumlahPiket} (sel yang dikunci kepala unit melampauinya)`,
          `${g.grupKode} ${d}: ${ada} on duty; the rule asks for ${g.jumlahPiket} (cells locked by the unit head exceed it)`,
        ),
      });
  }
  for (const [c, g] of caps.entries()) {
    const jumlah = hitung[c]!;
    if (jumlah > g.maks!) {
      const who = capMembers[c]!.filter((p) => dihitung(h, c, status[p]));
      pelanggaran.push({
        tanggal: d,
        kode: 'BATAS_TERLAMPAUI',
        kelompokId: g.id,
        orang: who.filter((p) => status[p]!.alasan === 'kunci').map((p) => ix.keys[p]!),
        pesan: pesan(
          `${g.grupKode} ${d}: ${jumlah} dari ${g.anggota.length} orang di kantor; batasnya ${g.maks} (sel yang dikunci kepala unit melampauinya)`,
          `${g.grupKode} ${d}: ${jumlah} of ${g.anggota.length} at the office; the cap is ${g.maks} (cells locked by the unit head exceed it)`,
        ),
      });
    }
  }
}
