import type { IsoDate } from '../calendar/dates.ts';
import { pesan } from '../i18n/message.ts';
import { bandingTeks } from '../urutan.ts';
import { harapanKantorSisa, Indeks } from './harapan.ts';
import { baris, type HariTersimpan } from './hari.ts';
import { ratakan } from './perbaikan/index.ts';
import { DI_KANTOR, jenisSel, Sel } from './sel.ts';
import {
  type HasilJadwal,
  type MasukanJadwal,
  type OpsiSolve,
  type Pelanggaran,
  type Sasaran,
  type SelJadwal,
  URUTAN_SASARAN_BAKU,
} from './tipe.ts';

export * from './tipe.ts';

/** A small deterministic hash (FNV-1a) for tie-breaking. */
function hash(s: string, seed: number): number {
  return fnv((2166136261 ^ seed) >>> 0, s);
}

/** FNV-1a continued from state `h` over the characters of `s`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/**
 * Builds the schedule: one status per person per day. Hard rules — every cap, fixed WFO/WFH, piket
 * counts and eligibility, minimums, nobody unavailable scheduled to work, locked cells kept — are met
 * whenever the instance allows; otherwise the best roster is returned with each violation listed.
 * Soft goals (office days spread evenly within a cap group, piket rotated, cohorts, few changes,
 * requests) order the choices, greedily per day, in the Pemda's order — for piket too. 'merata' looks
 * ahead: office days so far plus those still expected (`harapanKantorSisa`). Per day: fixed cells; piket
 * (groups with the fewest seat-free candidates first; members of a minimum only piket can still meet
 * first); minimums; the free fill of every cap; minimums again from home; broken caps reported. Then, where
 * 'merata' is a goal, an improvement pass (`ratakan`) moves office days from the most to the fewest within
 * each cap group by exchanges that keep every hard rule and make no goal ranked above 'merata' worse
 * (`opsi.perbaikan: false` leaves the greedy roster). Deterministic for the same input and seed. Time and
 * memory grow about linearly with people × days (plus a sort per day): `npm run bench:roster`.
 */
export function solveRoster(m: MasukanJadwal, opsi: OpsiSolve = {}): HasilJadwal {
  const seed = m.seed ?? 1;
  const urutan = m.urutanSasaran ?? URUTAN_SASARAN_BAKU;
  const n = m.orang.length;
  const ix = new Indeks(m.orang);
  const sel = new Map<string, Map<IsoDate, SelJadwal>>();
  const selOf: Map<IsoDate, SelJadwal>[] = m.orang.map((k) => {
    const s = new Map<IsoDate, SelJadwal>();
    sel.set(k, s);
    return s;
  });
  const cells = new Sel();
  const hariKantor: number[] = new Array(n).fill(0);
  const piketKali: number[] = new Array(n).fill(0);
  const pelanggaran: Pelanggaran[] = [];
  // Per-person inputs, looked up once.
  const absenOf = m.orang.map((k) => m.tidakHadir?.get(k));
  const kunciOf = m.orang.map((k) => m.kunci?.get(k));
  const sebelumnyaOf = m.orang.map((k) => m.sebelumnya?.get(k));
  const permintaanOf = m.orang.map((k) => m.permintaan?.get(k));
  // FNV state after each key, so that hash(`${k}|${d}`) continues with only "|" and the date.
  const hashAwal: number[] = [];
  const hashOf = (p: number) => {
    while (hashAwal.length <= p) hashAwal.push(fnv((2166136261 ^ seed) >>> 0, ix.keys[hashAwal.length]!));
    return hashAwal[p]!;
  };
  // Each person's tie-break hash for the day being scheduled, computed at most once a day.
  let hashHari = new Float64Array(0);
  let hashCap = new Int32Array(0);
  const hashPada = (p: number, dh: string) => {
    if (p >= hashHari.length) {
      const h = new Float64Array(Math.max(2 * p, n, 16));
      h.set(hashHari);
      const c = new Int32Array(h.length);
      c.set(hashCap);
      hashHari = h;
      hashCap = c;
    }
    if (hashCap[p] !== hariKe + 1) {
      hashHari[p] = fnv(hashOf(p), dh);
      hashCap[p] = hariKe + 1;
    }
    return hashHari[p]!;
  };
  // Cohort: a stable team per person (A = 0, B = 1), alternating by a hash rank.
  const tim: number[] = new Array(n).fill(0);
  if (m.kohort) {
    const sorted = m.orang
      .map((k, p) => ({ k, p, h: hash(k, seed) }))
      .sort((a, b) => a.h - b.h || bandingTeks(a.k, b.k));
    for (const [i, x] of sorted.entries()) tim[x.p] = i % 2;
  }
  const D = m.hari.length;
  const { sisa, keputusan: keputusanHari, indeks: indeksHari } = harapanKantorSisa(m, ix);
  const SASARAN_KE: Readonly<Record<Sasaran, number>> = {
    merata: 0,
    rotasi_piket: 1,
    kohort: 2,
    stabil: 3,
    permintaan: 4,
  };
  const urutanKe = urutan.map((x) => SASARAN_KE[x]);
  let hariKerjaKe = 0;
  let hariKe = 0;
  // Per-day state, reused: the cell of each person, and each person's caps (compressed rows).
  let status: (SelJadwal | undefined)[] = [];
  let capCount = new Int32Array(0);
  let capStart = new Int32Array(0);
  let capList = new Int32Array(0);
  let fillAt = new Int32Array(0);
  let kunciBuf = new Float64Array(0);
  // For the improvement pass: each day's state, and the cap groups over the period (by id) with their members.
  const tersimpan: HariTersimpan[] = [];
  const kelompokKe = new Map<string, number>();
  const kelompokAnggota: Set<number>[] = [];
  const anggotaTerakhir: (readonly number[] | undefined)[] = [];

  for (const ev of m.hari) {
    const d = ev.tanggal;
    const groups = ev.kelompok;
    const ig = indeksHari[hariKe]!;
    const dh = `|${d}`;
    const capGi = groups.flatMap((g, gi) => (g.jenis === 'batas_kantor' ? [gi] : []));
    const caps = capGi.map((gi) => groups[gi]!);
    const capMembers = capGi.map((gi) => ig[gi]!.anggota);
    const LIBUR = cells.get('LIBUR', null, 'libur');
    const N = ix.keys.length;
    if (status.length < N) {
      status = new Array(N);
      capCount = new Int32Array(N);
      capStart = new Int32Array(N + 1);
    }
    status.fill(undefined);
    capCount.fill(0);
    for (const ps of capMembers) for (const p of ps) capCount[p]!++;
    capStart[0] = 0;
    for (let p = 0; p < N; p++) capStart[p + 1] = capStart[p]! + capCount[p]!;
    if (capList.length < capStart[N]!) capList = new Int32Array(capStart[N]! * 2);
    if (fillAt.length < N) fillAt = new Int32Array(N);
    fillAt.set(capStart.subarray(0, N));
    for (const [c, ps] of capMembers.entries()) for (const p of ps) capList[fillAt[p]!++] = c;
    const maks = caps.map((g) => g.maks!);
    const dihitungPiket = caps.map((g) => g.piketDihitung);
    // People at the office per cap, kept up to date as cells are set.
    const hitung = new Int32Array(caps.length);
    const adaBatas = (p: number) => capStart[p + 1]! > capStart[p]!;
    const diHitungSemua = (p: number) => {
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) if (!dihitungPiket[capList[j]!]) return false;
      return true;
    };
    const dihitung = (c: number, s: SelJadwal | undefined) =>
      s !== undefined && (s.status === 'WFO' || (s.status === 'PIKET' && dihitungPiket[c]!));
    const set = (p: number, s: SelJadwal) => {
      const prev = status[p];
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) {
        const c = capList[j]!;
        hitung[c] = hitung[c]! + (dihitung(c, s) ? 1 : 0) - (dihitung(c, prev) ? 1 : 0);
      }
      status[p] = s;
    };
    const muat = (p: number, piket: boolean) => {
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) {
        const c = capList[j]!;
        if (!(piket && !dihitungPiket[c]) && hitung[c]! >= maks[c]!) return false;
      }
      return true;
    };
    const kepOf = keputusanHari[hariKe]!;
    const keputusan = (p: number) => (p < n ? kepOf[p] : undefined);

    // 1. Days off, absences, locks, fixed locations.
    for (let p = 0; p < n; p++) {
      const k = m.orang[p]!;
      const kep = kepOf[p];
      const absen = absenOf[p]?.get(d);
      const kunci = kunciOf[p]?.get(d);
      if (!kep || kep.lokasi === 'LIBUR') {
        set(p, LIBUR);
        continue;
      }
      if (absen) {
        set(p, cells.get(absen, null, 'tidak_hadir'));
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
        set(p, cells.get(kunci, kep.sumber, 'kunci'));
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
        set(p, cells.get(kep.lokasi, kep.sumber, kep.sumber ? 'kebijakan' : 'tanpa_kebijakan'));
    }
    const tersedia = (p: number) => {
      const c = status[p];
      return c === undefined || (c.alasan === 'kebijakan' && c.status === 'WFH');
    };

    // Soft-goal keys of each candidate, in the Pemda's order, then the hash; compared left to right. Goals
    // that cannot tell people apart for this purpose (the same value for everyone) are left out.
    const urutkan = (ps: readonly number[], untuk: 'kantor' | 'piket'): number[] => {
      const kolom = urutanKe.filter(
        (s) =>
          s === 0 ||
          (s === 1 && untuk === 'piket') ||
          (s === 2 && m.kohort) ||
          (s === 3 && m.sebelumnya !== undefined) ||
          (s === 4 && m.permintaan !== undefined),
      );
      const L = kolom.length + 1;
      if (kunciBuf.length < ps.length * L) kunciBuf = new Float64Array(ps.length * L * 2);
      const sc = kunciBuf;
      const iM = kolom.indexOf(0);
      for (let j = 0; j < ps.length; j++) {
        const p = ps[j]!;
        const o = j * L;
        for (let i = 0; i < kolom.length; i++) {
          const s = kolom[i];
          let v = 0;
          if (p < n) {
            if (s === 0) v = hariKantor[p]! + sisa[p * D + hariKe]!;
            else if (s === 1) v = piketKali[p]!;
            else if (s === 2) v = tim[p] === hariKerjaKe % 2 ? 0 : 1;
            else if (s === 3) {
              const prev = sebelumnyaOf[p]?.get(d);
              v = prev === undefined ? 0 : (untuk === 'piket' ? prev === 'PIKET' : DI_KANTOR(prev)) ? 0 : 1;
            } else {
              // asked for the office first, then no request, then asked for home
              const want = permintaanOf[p]?.get(d);
              v = want === 'WFO' ? 0 : want === undefined ? 1 : 2;
            }
          }
          sc[o + i] = v;
        }
        sc[o + kolom.length] = hashPada(p, dh);
      }
      if (untuk === 'piket' && iM >= 0) {
        // Piket changes how evenly office days are spread only where it is an office day on top of the
        // caps (not counted in one): then 'merata' orders the candidates, those in no cap group getting the
        // best cap-group candidate's value; otherwise piket takes a seat like anyone else and rotates.
        let tambahan = false;
        for (let j = 0; j < ps.length && !tambahan; j++)
          tambahan = adaBatas(ps[j]!) && !diHitungSemua(ps[j]!);
        let best = Number.POSITIVE_INFINITY;
        if (tambahan)
          for (let j = 0; j < ps.length; j++) if (adaBatas(ps[j]!)) best = Math.min(best, sc[j * L + iM]!);
        for (let j = 0; j < ps.length; j++)
          if (!tambahan) sc[j * L + iM] = 0;
          else if (!adaBatas(ps[j]!)) sc[j * L + iM] = best === Number.POSITIVE_INFINITY ? 0 : best;
      }
      const order = new Array<number>(ps.length);
      for (let j = 0; j < ps.length; j++) order[j] = j;
      order.sort((a, b) => {
        const oa = a * L;
        const ob = b * L;
        for (let i = 0; i < L; i++) {
          const x = sc[oa + i]!;
          const y = sc[ob + i]!;
          if (x !== y) return x - y;
        }
        const ka = ix.keys[ps[a]!]!;
        const kb = ix.keys[ps[b]!]!;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      for (let j = 0; j < ps.length; j++) order[j] = ps[order[j]!]!;
      return order;
    };

    const bebas = (p: number) => status[p] === undefined && keputusan(p)?.lokasi === 'BEBAS';
    const minGi = groups.flatMap((g, gi) => (g.jenis === 'minimum_kantor' ? [gi] : []));
    const minimums = minGi.map((gi) => groups[gi]!);
    const minMembers = minGi.map((gi) => ig[gi]!.anggota);
    // Each person's minimum groups (compressed rows, like the caps).
    const minStart = new Int32Array(N + 1);
    for (const ps of minMembers) for (const p of ps) minStart[p + 1]!++;
    for (let p = 0; p < N; p++) minStart[p + 1] = minStart[p + 1]! + minStart[p]!;
    const minList = new Int32Array(minStart[N]!);
    const minAt = minStart.slice(0, N);
    for (const [i, ps] of minMembers.entries()) for (const p of ps) minList[minAt[p]!++] = i;
    /**
     * Whether a minimum can no longer be met without piket: those at the office plus the free members whose
     * caps still have room are fewer than it asks (the others are away, at home by policy, or capped).
     */
    const hanyaPiket = (i: number) => {
      let bisa = 0;
      for (const p of minMembers[i]!)
        if (DI_KANTOR(status[p]?.status ?? 'LIBUR') || (bebas(p) && muat(p, false))) bisa++;
      return bisa < minimums[i]!.min!;
    };

    // 2. Piket: the required number from the eligible, rotating duty. Groups with the fewest candidates who
    // take no seat under a cap go first, so that those with no other choice still find room in a shared cap.
    // Within a group, members of a minimum that only piket can still meet come first (a hard rule).
    const tanpaKursi = (p: number) => {
      for (let j = capStart[p]!; j < capStart[p + 1]!; j++) if (dihitungPiket[capList[j]!]) return false;
      return true;
    };
    const piketGroups = groups
      .flatMap((g, gi) => (g.jenis === 'piket' ? [{ g, gi }] : []))
      .map(({ g, gi }, i) => {
        const boleh = ig[gi]!.boleh;
        const anggota = ig[gi]!.anggota;
        let bebas = 0;
        for (const p of boleh) if (tersedia(p) && tanpaKursi(p)) bebas++;
        return { g, i, boleh, anggota, lapang: bebas - g.jumlahPiket! };
      })
      .sort((a, b) => a.lapang - b.lapang || a.i - b.i);
    for (const { g, boleh, anggota } of piketGroups) {
      let sudah = 0;
      for (const p of anggota) if (status[p]?.status === 'PIKET') sudah++;
      let perlu = g.jumlahPiket! - sudah;
      const calon = urutkan(
        boleh.filter((p) => tersedia(p) && status[p]?.status !== 'PIKET'),
        'piket',
      );
      if (minimums.length > 0 && perlu > 0) {
        const perluMin = new Map<number, boolean>();
        const dulu = (p: number) => {
          for (let j = minStart[p]!; j < minStart[p + 1]!; j++) {
            const i = minList[j]!;
            let v = perluMin.get(i);
            if (v === undefined) {
              v = hanyaPiket(i);
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
        if (!muat(p, true)) continue;
        set(p, piketSel);
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

    // 3. Minimums first: where one is not met yet, bring in free members (fairest first) within their caps,
    // before the seats of a shared cap go to people of other groups. Free people under no cap come anyway.
    const datang = (p: number) => DI_KANTOR(status[p]?.status ?? 'LIBUR') || (bebas(p) && !adaBatas(p));
    for (const [gi, g] of minimums.entries()) {
      const anggota = minMembers[gi]!;
      let kurang = g.min! - anggota.filter(datang).length;
      if (kurang <= 0) continue;
      for (const p of urutkan(
        anggota.filter((p) => bebas(p) && adaBatas(p)),
        'kantor',
      )) {
        if (kurang <= 0) break;
        if (!muat(p, false)) continue;
        set(p, cells.get('WFO', keputusan(p)!.sumber, 'batas'));
        kurang--;
      }
    }

    // 4. Free people: fill each cap up to its maximum, fairest first; the rest work from home.
    const semuaBebas: number[] = [];
    for (let p = 0; p < n; p++) if (bebas(p)) semuaBebas.push(p);
    for (const p of urutkan(semuaBebas, 'kantor')) {
      const sumber = keputusan(p)!.sumber;
      if (!adaBatas(p)) set(p, cells.get('WFO', sumber, 'kebijakan'));
      else if (muat(p, false)) set(p, cells.get('WFO', sumber, 'batas'));
      else set(p, cells.get('WFH', sumber, 'batas'));
    }

    // 5. Minimums: bring people in from home where a cap allows.
    for (const [gi, g] of minimums.entries()) {
      const anggota = minMembers[gi]!;
      let kurang = g.min! - anggota.filter((p) => DI_KANTOR(status[p]?.status ?? 'LIBUR')).length;
      if (kurang <= 0) continue;
      const calon = anggota.filter((p) => {
        const c = status[p];
        return c && c.status === 'WFH' && c.alasan === 'batas';
      });
      for (const p of urutkan(calon, 'kantor')) {
        if (kurang <= 0) break;
        if (!muat(p, false)) continue;
        const c = status[p]!;
        set(p, cells.get('WFO', c.sumber, c.alasan));
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

    // 6. Caps broken by locks or fixed cells, and more piket than a rule asks (locks): never silent.
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
        const who = capMembers[c]!.filter((p) => dihitung(c, status[p]));
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

    const TANPA = cells.get('WFO', null, 'tanpa_kebijakan');
    const akhir = new Array<SelJadwal>(n);
    const jenis = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      const c = status[p] ?? TANPA;
      akhir[p] = c;
      if (c.alasan !== 'kebijakan' || c.status === 'WFH') jenis[p] = jenisSel(c);
      if (DI_KANTOR(c.status)) hariKantor[p]!++;
      if (c.status === 'PIKET') piketKali[p]!++;
    }
    // Kept for the improvement pass: the day's cells, caps and minimums with their counts.
    const minHadir = new Int32Array(minimums.length);
    for (const [i, ps] of minMembers.entries())
      for (const p of ps) if (p < n && DI_KANTOR(akhir[p]!.status)) minHadir[i]!++;
    for (const [c, g] of caps.entries()) {
      let gi = kelompokKe.get(g.id);
      if (gi === undefined) {
        gi = kelompokAnggota.length;
        kelompokKe.set(g.id, gi);
        kelompokAnggota.push(new Set());
        anggotaTerakhir.push(undefined);
      }
      const ps = capMembers[c]!;
      if (anggotaTerakhir[gi] !== ps) {
        anggotaTerakhir[gi] = ps;
        const s = kelompokAnggota[gi]!;
        for (const p of ps) if (p < n) s.add(p);
      }
    }
    const piketGi = groups.flatMap((g, gi) => (g.jenis === 'piket' ? [gi] : []));
    tersimpan.push({
      tanggal: d,
      status: akhir,
      jenis,
      kep: kepOf,
      cap: { start: capStart.slice(0, N + 1), list: capList.slice(0, capStart[N]!) },
      capMembers,
      hitung,
      maks,
      dihitungPiket,
      min: { start: minStart, list: minList },
      minHadir,
      minMin: minimums.map((g) => g.min!),
      piket: baris(
        N,
        piketGi.map((gi) => ig[gi]!.anggota),
      ),
      piketBoleh: baris(
        N,
        piketGi.map((gi) => ig[gi]!.boleh),
      ),
      piketAnggota: piketGi.map((gi) => ig[gi]!.anggota),
      piketCap: new Int32Array(0),
      hariKerjaKe,
      kelas: null,
      wakil: [],
      kelasCap: new Int32Array(0),
      kelasPos: new Int32Array(0),
      kelasSelesai: new Int32Array(0),
      versi: 0,
      bolehTukar: new Map(),
      bolehVersi: 0,
      pemegang: [],
      kantorPiket: [],
      piketVersi: 0,
      bolehGabung: new Map(),
      bolehGabungVersi: 0,
    });
    if (ev.hariKerja) hariKerjaKe++;
    hariKe++;
  }

  // 7. Improvement pass: office days moved from the most to the fewest within each cap group ('merata').
  const iMerata = urutanKe.indexOf(0);
  if (opsi.perbaikan !== false && iMerata >= 0 && kelompokAnggota.length > 0) {
    const aktif = (s: number) =>
      s === 1 ||
      (s === 2 && m.kohort === true) ||
      (s === 3 && m.sebelumnya !== undefined) ||
      (s === 4 && m.permintaan !== undefined);
    const nilai = (s: number, i: number, p: number, piket: boolean): number => {
      const h = tersimpan[i]!;
      if (s === 2) return tim[p] === h.hariKerjaKe % 2 ? 0 : 1;
      if (s === 3) {
        // the cell it would take (WFO, or PIKET) before 0, at home before 2, else 1: an exchange that is no
        // worse for each pair of people changes no more cells of the roster rebuilt
        const prev = sebelumnyaOf[p]?.get(h.tanggal);
        return prev === (piket ? 'PIKET' : 'WFO') ? 0 : prev === 'WFH' ? 2 : 1;
      }
      const want = permintaanOf[p]?.get(h.tanggal);
      return want === 'WFO' ? 0 : want === undefined ? 1 : 2;
    };
    ratakan({
      n,
      hari: tersimpan,
      kantor: hariKantor,
      piketKali,
      anggota: kelompokAnggota.map((s) => [...s].sort((a, b) => a - b)),
      cells,
      nilai,
      atas: urutanKe.slice(0, iMerata).filter(aktif),
      bawah: urutanKe.slice(iMerata + 1).filter(aktif),
    });
  }

  for (let p = 0; p < n; p++) {
    const s = selOf[p]!;
    for (const h of tersimpan) s.set(h.tanggal, h.status[p]!);
  }
  return { sel, pelanggaran, hariKantor: new Map(m.orang.map((k, p) => [k, hariKantor[p]!])) };
}
