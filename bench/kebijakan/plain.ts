// The plain reference for bench/kebijakan: decides each person on each day on its own, without sharing
// anything between people or days (no profile memo, no per-day precomputation): for every cell it works out
// the kind of day, the policies in force, the rules that pick the person, the location and the groups
// (caps, minimums, piket) the person belongs to. Only the groups' sizes are then added up per day, which is
// what a group is. It follows the rules of evaluateDay (docs/kebijakan.md) for the location, the deciding
// rule and the groups; it does not build explanations, working hours, attendance methods or WFH duties,
// so it does less work per cell than evaluateDay.
import {
  type Aturan,
  berlakuPada,
  cocok,
  dipilih,
  type EvaluasiHari,
  type Hasil,
  hariKerja,
  type IsoDate,
  type KalenderKerja,
  type Kebijakan,
  type Lokasi,
  type OrgPegawai,
  type PreparedOrg,
  type UnitInfo,
  versiBerlaku,
} from '@sigap/domain';

export interface PlainCell {
  readonly lokasi: Lokasi;
  /** `kebijakanId:aturanId` of the deciding rule, or null */
  readonly sumber: string | null;
  /** group ids (as evaluateDay names them), sorted */
  readonly kelompok: readonly string[];
  /** the groups among `kelompok` the person may be appointed piket in */
  readonly boleh: readonly string[];
}

export interface PlainGroup {
  readonly jenis: 'batas_kantor' | 'minimum_kantor' | 'piket';
  anggota: number;
  boleh: number;
  /** maks, min or jumlah */
  readonly nilai: (n: number) => number;
}

const LOKASI = new Set<Hasil['jenis']>(['wfo', 'wfh', 'penutupan_kantor', 'batas_kantor']);

function bulat(x: number, cara: 'bawah' | 'atas' | 'terdekat'): number {
  const eps = 1e-9;
  const r =
    cara === 'bawah' ? Math.floor(x + eps) : cara === 'atas' ? Math.ceil(x - eps) : Math.floor(x + 0.5 + eps);
  return r === 0 ? 0 : r;
}

function ketat(h: Hasil): number {
  if (h.jenis === 'penutupan_kantor') return 4;
  if (h.jenis === 'wfh') return 3;
  if (h.jenis === 'batas_kantor') return 2 + (1 - ('persen' in h.maks ? h.maks.persen / 100 : 0.5));
  return 1;
}

const groupId = (k: Kebijakan, a: Aturan, per: 'opd' | 'unit', unit: UnitInfo) =>
  `${k.id}@${k.versi}:${a.id}:${per === 'opd' ? unit.opdIndukKode : unit.kode}`;

/** One person on one day, from scratch. */
export function decideCell(
  kebijakan: readonly Kebijakan[],
  org: PreparedOrg,
  p: OrgPegawai,
  tanggal: IsoDate,
  kal: KalenderKerja,
): PlainCell {
  const hk = hariKerja(tanggal, kal);
  const aktif = versiBerlaku(kebijakan).filter((k) => berlakuPada(k, tanggal, hk));
  if (!hk.kerja && aktif.length === 0) return { lokasi: 'LIBUR', sumber: null, kelompok: [], boleh: [] };
  const unit = org.units.get(p.opdId);
  type Match = { k: Kebijakan; a: Aturan; i: number };
  const matches: Match[] = [];
  aktif.forEach((k, i) => {
    const inScope =
      'semua' in k.cakupan ||
      (unit !== undefined && k.cakupan.opd.some((c) => unit.garisKode.has(c.toUpperCase())));
    if (inScope) for (const a of k.aturan) if (dipilih(a, p, unit)) matches.push({ k, a, i });
  });
  const closesToday = (a: Aturan) =>
    a.hasil.jenis === 'penutupan_kantor' &&
    (a.hasil.tanggal === undefined || a.hasil.tanggal.includes(tanggal));
  const perKebijakan: Match[] = [];
  for (const k of aktif) {
    const mine = matches.filter((m) => m.k === k);
    const first =
      mine.find((m) => closesToday(m.a)) ??
      mine.find((m) => LOKASI.has(m.a.hasil.jenis) && m.a.hasil.jenis !== 'penutupan_kantor');
    if (first) {
      if (first.a.hasil.jenis === 'batas_kantor' && 'menurut' in first.a.hasil.maks)
        throw new Error('the plain reference does not take national caps (menurut)');
      perKebijakan.push(first);
    }
  }
  perKebijakan.sort(
    (x, y) => y.k.kedudukan - x.k.kedudukan || ketat(y.a.hasil) - ketat(x.a.hasil) || x.i - y.i,
  );
  const win = perKebijakan[0];
  const groups: string[] = [];
  const boleh: string[] = [];
  let lokasi: Lokasi;
  if (!win) lokasi = hk.kerja ? 'WFO' : 'LIBUR';
  else {
    const h = win.a.hasil;
    lokasi =
      h.jenis === 'wfo' ? 'WFO' : h.jenis === 'wfh' || h.jenis === 'penutupan_kantor' ? 'WFH' : 'BEBAS';
    if (lokasi === 'BEBAS' && unit)
      for (const m of perKebijakan) {
        if (m !== win && (m.k.kedudukan !== win.k.kedudukan || m.a.hasil.jenis !== 'batas_kantor')) continue;
        if (m.a.hasil.jenis !== 'batas_kantor') continue;
        if (m.a.hasil.penyebut === 'asn_terpilih' && p.jenisPegawai === 'non_asn') continue;
        groups.push(groupId(m.k, m.a, m.a.hasil.per, unit));
      }
  }
  if (unit)
    for (const k of aktif) {
      const min = matches.find((m) => m.k === k && m.a.hasil.jenis === 'minimum_kantor');
      if (min && min.a.hasil.jenis === 'minimum_kantor')
        groups.push(groupId(k, min.a, min.a.hasil.per, unit));
      const piket = matches.find((m) => m.k === k && m.a.hasil.jenis === 'piket');
      if (piket && piket.a.hasil.jenis === 'piket') {
        const id = groupId(k, piket.a, piket.a.hasil.per, unit);
        groups.push(id);
        if (lokasi !== 'LIBUR' && (!piket.a.hasil.boleh || cocok(piket.a.hasil.boleh, p, unit)))
          boleh.push(id);
      }
    }
  return {
    lokasi,
    sumber: win ? `${win.k.id}:${win.a.id}` : null,
    kelompok: groups.sort(),
    boleh: boleh.sort(),
  };
}

/** A whole day, cell by cell, and the sizes of its groups. */
export function plainDay(
  kebijakan: readonly Kebijakan[],
  org: PreparedOrg,
  tanggal: IsoDate,
  kal: KalenderKerja,
): { cells: Map<string, PlainCell>; groups: Map<string, { anggota: number; boleh: number }> } {
  const cells = new Map<string, PlainCell>();
  const groups = new Map<string, { anggota: number; boleh: number }>();
  for (const p of org.pegawai) {
    const c = decideCell(kebijakan, org, p, tanggal, kal);
    cells.set(p.key, c);
    for (const g of c.kelompok) {
      const s = groups.get(g) ?? { anggota: 0, boleh: 0 };
      groups.set(g, s);
      s.anggota++;
    }
    for (const g of c.boleh) groups.get(g)!.boleh++;
  }
  return { cells, groups };
}

/** The cap, minimum or piket count of a group of `n` members, as evaluateDay words it. */
export function groupValue(h: Hasil, n: number): number | null {
  if (h.jenis === 'batas_kantor') {
    const m = h.maks;
    return 'jumlah' in m
      ? Math.min(m.jumlah, n)
      : 'persen' in m
        ? bulat((m.persen / 100) * n, h.pembulatan)
        : null;
  }
  if (h.jenis === 'minimum_kantor')
    return 'jumlah' in h.min ? Math.min(h.min.jumlah, n) : bulat((h.min.persen / 100) * n, h.pembulatan);
  if (h.jenis === 'piket') return h.jumlah;
  return null;
}

/** Cells and groups where the two disagree, with the first few described. */
export function compare(
  ks: readonly Kebijakan[],
  prepared: PreparedOrg,
  ours: readonly EvaluasiHari[],
  plain: readonly ReturnType<typeof plainDay>[],
) {
  const rule = new Map<string, Hasil>();
  for (const k of ks) for (const a of k.aturan) rule.set(`${k.id}@${k.versi}:${a.id}`, a.hasil);
  let cells = 0;
  let groups = 0;
  const first: string[] = [];
  const note = (s: string) => first.length < 5 && first.push(s);
  for (const [i, ev] of ours.entries()) {
    const pl = plain[i]!;
    for (const p of prepared.pegawai) {
      const a = ev.orang.get(p.key)!;
      const b = pl.cells.get(p.key)!;
      const sa = a.sumber ? `${a.sumber.kebijakanId}:${a.sumber.aturanId}` : null;
      const ka = [...a.kelompok].sort().join(',');
      if (a.lokasi !== b.lokasi || sa !== b.sumber || ka !== b.kelompok.join(',')) {
        cells++;
        note(`${ev.tanggal} ${p.key}: ${a.lokasi} ${sa} [${ka}] vs ${b.lokasi} ${b.sumber} [${b.kelompok}]`);
      }
    }
    if (ev.kelompok.length !== pl.groups.size) {
      groups++;
      note(`${ev.tanggal}: ${ev.kelompok.length} groups vs ${pl.groups.size}`);
    }
    for (const g of ev.kelompok) {
      const b = pl.groups.get(g.id);
      const value = g.maks ?? g.min ?? g.jumlahPiket;
      const h = rule.get(g.id.slice(0, g.id.lastIndexOf(':')));
      const boleh = g.jenis === 'piket' ? (g.bolehPiket?.length ?? 0) : 0;
      if (
        !b ||
        !h ||
        b.anggota !== g.anggota.length ||
        b.boleh !== boleh ||
        groupValue(h, b.anggota) !== value
      ) {
        groups++;
        note(`${ev.tanggal} ${g.id}: ${g.anggota.length}/${boleh}/${value} vs ${b?.anggota}/${b?.boleh}`);
      }
    }
  }
  return { cells, groups, first };
}
