import {
  checkHeader,
  dateRange,
  type EvaluasiHari,
  formatTanggal,
  type ImportIssue,
  isIsoDate,
  type JenisCuti,
  masalahAngkaPanjang,
  masalahPeriode,
  type Pesan,
  periksaJadwal,
  pesan,
  petaKetidakhadiran,
  type RujukanAturan,
  rujukanAturan,
  type Sasaran,
  type StatusJadwal,
  subtreeIds,
  type TemuanJadwal,
} from '@sigap/domain';
import { sql } from 'kysely';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { kunciPeriodeJadwal } from '../../db/kunci.ts';
import { AppError, errors } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import * as cutiRepo from '../cuti/cuti.repository.ts';
import type { Table } from '../impor/file-reader.ts';
import { type BahanEvaluasi, evaluasi, muatBahan, pencariOpdInduk } from '../kebijakan/kebijakan.service.ts';
import * as orgRepo from '../org/org.repository.ts';
import {
  inScope,
  type LingkupTanggal,
  lingkupTanggal,
  resolveScope,
  tenantToday,
} from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import type { DokumenRekap } from './dokumen/types.ts';
import * as repo from './jadwal.repository.ts';
import { susunDiWorker } from './solver-pool.ts';

const MAKS_HARI = 93;

function periode(dari: string, sampai: string): string[] {
  const masalah = masalahPeriode(dari, sampai, MAKS_HARI);
  if (masalah) throw new AppError('VALIDASI', masalah);
  return dateRange(dari, sampai);
}

/** The people (keys) in an OPD/unit subtree, or everyone. */
function orangDalam(b: BahanEvaluasi, opdKode: string | undefined): string[] {
  const keys = [...b.orang.keys()];
  if (!opdKode) return keys;
  const nodes = [...b.opdKode].map(([id, o]) => ({ id, indukId: o.indukId }));
  const root = [...b.opdKode].find(([, o]) => o.kode.toUpperCase() === opdKode.toUpperCase());
  if (!root)
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`OPD ${opdKode} tidak ditemukan`, `OPD ${opdKode} not found`),
    );
  const ids = subtreeIds(nodes, root[0]);
  return keys.filter((k) => ids.has(b.orang.get(k)!.opdId));
}

/**
 * Evaluates the policies for every day of a period, each day against the organisation as it stands
 * that day (the period is split where an OPD or a placement changes). The returned `b` knows every
 * person and OPD of the period, placed as on the last day they appear.
 */
export async function evaluasiPeriode(trx: Trx, tenantId: string, days: string[]) {
  const seg = await segmenBahan(trx, tenantId, days);
  const hari: EvaluasiHari[] = [];
  let i = 0;
  for (const d of days) {
    while (i + 1 < seg.length && seg[i + 1]!.dari <= d) i++;
    hari.push(evaluasi(seg[i]!.b, d));
  }
  return { b: gabung(seg), hari };
}

/** The materials for each stretch of a period in which the organisation does not change. */
async function segmenBahan(trx: Trx, tenantId: string, days: readonly string[]) {
  const ubah = await repo.tanggalPerubahanOrg(trx, days[0]!, days.at(-1)!);
  const seg: { dari: string; b: BahanEvaluasi }[] = [];
  for (const d of [days[0]!, ...ubah]) seg.push({ dari: d, b: await muatBahan(trx, tenantId, d) });
  return seg;
}

/** Every person and OPD of a period, each as on the last stretch it appears in. */
function gabung(seg: readonly { b: BahanEvaluasi }[]): BahanEvaluasi {
  const last = seg.at(-1)!.b;
  if (seg.length === 1) return last;
  const orang = new Map<string, BahanEvaluasi['orang'] extends ReadonlyMap<string, infer V> ? V : never>();
  const opdKode = new Map<
    string,
    BahanEvaluasi['opdKode'] extends ReadonlyMap<string, infer V> ? V : never
  >();
  for (const { b } of seg) {
    for (const [k, v] of b.orang) orang.set(k, v);
    for (const [k, v] of b.opdKode) opdKode.set(k, v);
  }
  return { ...last, orang, opdKode };
}

/** Every person and OPD of a period (without evaluating the policies). */
export async function bahanPeriode(trx: Trx, tenantId: string, dari: string, sampai: string) {
  return gabung(await segmenBahan(trx, tenantId, [dari, sampai]));
}

/** Approved absences over a period: person key → date → CUTI / SAKIT / ISOLASI. */
export async function muatTidakHadir(trx: Trx, b: BahanEvaluasi, days: readonly string[]) {
  const keyOf = new Map([...b.orang].map(([k, p]) => [p.id, k]));
  const rows = await cutiRepo.disetujuiDalam(trx, days[0]!, days.at(-1)!);
  return petaKetidakhadiran(
    rows.flatMap((r) => {
      const key = keyOf.get(r.pegawai_id);
      return key ? [{ key, jenis: r.jenis as JenisCuti, dari: r.dari, sampai: r.sampai }] : [];
    }),
    days,
  );
}

/** Rows of (pegawai_id, tanggal, value) as person key → date → value, for the people of `b`. */
function petaOrangTanggal<R extends { pegawai_id: string; tanggal: string }, T>(
  b: BahanEvaluasi,
  rows: readonly R[],
  nilai: (r: R) => T,
): Map<string, Map<string, T>> {
  const keyOf = new Map([...b.orang].map(([k, p]) => [p.id, k]));
  const out = new Map<string, Map<string, T>>();
  for (const r of rows) {
    const k = keyOf.get(r.pegawai_id);
    if (!k) continue;
    let m = out.get(k);
    if (!m) {
      m = new Map();
      out.set(k, m);
    }
    m.set(r.tanggal, nilai(r));
  }
  return out;
}

/** What people asked for over a period: person key → date → WFO / WFH. */
async function muatPermintaan(trx: Trx, b: BahanEvaluasi, dari: string, sampai: string) {
  const rows = await trx
    .selectFrom('permintaan_jadwal')
    .select(['pegawai_id', 'tanggal', 'lokasi'])
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .execute();
  return petaOrangTanggal(b, rows, (r) => r.lokasi as 'WFO' | 'WFH');
}

/** The signed-in employee's requests (WFO / WFH on given days) over a period. */
export async function permintaanSaya(trx: Trx, caller: Caller, dari: string, sampai: string) {
  periode(dari, sampai);
  if (!caller.pegawaiId) return [];
  const rows = await trx
    .selectFrom('permintaan_jadwal')
    .select(['tanggal', 'lokasi', 'alasan'])
    .where('pegawai_id', '=', caller.pegawaiId)
    .where('tanggal', '>=', dari)
    .where('tanggal', '<=', sampai)
    .orderBy('tanggal')
    .execute();
  return rows;
}

/**
 * Sets (or, with lokasi null, withdraws) the signed-in employee's request for a day. Honoured by the
 * next build where the policies and the Pemda's higher-ranked goals allow; never overrides a rule.
 */
export async function mintaJadwal(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  v: { tanggal: string; lokasi: 'WFO' | 'WFH' | null; alasan?: string },
  hariIni: string,
) {
  if (!caller.pegawaiId) {
    throw new AppError(
      'VALIDASI',
      pesan('Akun ini tidak tertaut ke data pegawai', 'This account is not linked to an employee record'),
    );
  }
  if (v.tanggal < hariIni) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `tanggal ${v.tanggal} sudah lewat; permintaan hanya untuk hari ini dan sesudahnya`,
        `${v.tanggal} has passed; requests are for today onwards`,
      ),
    );
  }
  if (v.lokasi === null) {
    await trx
      .deleteFrom('permintaan_jadwal')
      .where('pegawai_id', '=', caller.pegawaiId)
      .where('tanggal', '=', v.tanggal)
      .execute();
  } else {
    await trx
      .insertInto('permintaan_jadwal')
      .values({
        tenant_id: tenantId,
        pegawai_id: caller.pegawaiId,
        tanggal: v.tanggal,
        lokasi: v.lokasi,
        alasan: v.alasan ?? '',
      })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'pegawai_id', 'tanggal'])
          .doUpdateSet({ lokasi: v.lokasi!, alasan: v.alasan ?? '', dibuat_pada: new Date() }),
      )
      .execute();
  }
  return { tanggal: v.tanggal, lokasi: v.lokasi };
}

/** Cells fixed by unit heads over a period: person key → date → status. */
async function muatKunci(trx: Trx, b: BahanEvaluasi, dari: string, sampai: string) {
  const rows = await repo.listKunci(trx, dari, sampai);
  return petaOrangTanggal(b, rows, (r) => r.status as 'WFO' | 'WFH' | 'PIKET');
}

/** The schedule in force for a period as person key → date → status. */
async function jadwalBerlaku(
  trx: Trx,
  b: BahanEvaluasi,
  dari: string,
  sampai: string,
  opsi: { hanyaTerbit?: boolean } = {},
) {
  const rows = await repo.selBerlaku(trx, dari, sampai, opsi);
  return { sel: petaOrangTanggal(b, rows, (r) => r.status as StatusJadwal), rows };
}

/**
 * Builds (or rebuilds) the schedule for a period and an optional OPD subtree, within every policy,
 * keeping changes from the schedule in force few, and stores it as a new draft version. Audited.
 */
export interface OpsiBuat {
  /** Keep the same people on the same days (team A / team B). */
  readonly kohort?: boolean;
  /** The Pemda's order of the soft goals (default URUTAN_SASARAN_BAKU). */
  readonly urutanSasaran?: readonly Sasaran[];
}

export async function buatJadwal(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  dari: string,
  sampai: string,
  opdKode?: string,
  opsi: OpsiBuat = {},
) {
  const days = periode(dari, sampai);
  // Before anything is read: a unit head's change made while this runs waits and lands on top of it.
  await kunciPeriodeJadwal(trx, tenantId, dari, sampai);
  const segmen = await segmenBahan(trx, tenantId, days);
  const b = gabung(segmen);
  const orang = orangDalam(b, opdKode);
  // Few changes from the published schedule (or, before anything is published, the newest draft).
  const terbit = (await jadwalBerlaku(trx, b, dari, sampai, { hanyaTerbit: true })).sel;
  const sebelumnya = terbit.size > 0 ? terbit : (await jadwalBerlaku(trx, b, dari, sampai)).sel;
  const tidakHadir = await muatTidakHadir(trx, b, days);
  const kunci = await muatKunci(trx, b, dari, sampai);
  const permintaan = await muatPermintaan(trx, b, dari, sampai);
  // Policy evaluation and the solve run in the worker thread: the server keeps answering meanwhile.
  const r = await susunDiWorker({
    segmen,
    tanggal: days,
    orang,
    sebelumnya,
    tidakHadir,
    kunci,
    permintaan,
    kohort: opsi.kohort,
    urutanSasaran: opsi.urutanSasaran,
    seed: 1,
  });
  const j = await repo.insertJadwal(trx, tenantId, {
    dari,
    sampai,
    cakupanOpd: opdKode ?? null,
    pelanggaran: r.pelanggaran,
    oleh: actor.nama,
  });
  const jumlah = r.jumlah;
  // The worker's columns become rows chunk by chunk as they are written (150,000 cells for 15,000 people).
  function* sel(): Generator<repo.SelBaru> {
    for (let i = 0; i < r.sel.pegawaiId.length; i++)
      yield {
        pegawai_id: r.sel.pegawaiId[i]!,
        tanggal: r.sel.tanggal[i]!,
        status: r.sel.status[i]!,
        kebijakan_id: r.sel.kebijakanId[i] ?? null,
        kebijakan_versi: r.sel.kebijakanVersi[i] ?? null,
        aturan_id: r.sel.aturanId[i] ?? null,
        alasan: r.sel.alasan[i]!,
      };
  }
  await repo.insertSel(trx, tenantId, j.id, sel());
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'buat',
      entitas: 'jadwal',
      entitasId: j.id,
      ringkasan: `Membuat jadwal ${dari} s.d. ${sampai}${opdKode ? ` untuk ${opdKode}` : ''}: ${orang.length} pegawai × ${days.length} hari, ${r.pelanggaran.length} pelanggaran`,
      sesudah: {
        dari,
        sampai,
        opdKode: opdKode ?? null,
        jumlah,
        pelanggaran: r.pelanggaran.length,
        kohort: opsi.kohort ?? false,
        urutanSasaran: opsi.urutanSasaran ?? null,
        permintaan: [...permintaan.values()].reduce((n, m) => n + m.size, 0),
      },
    },
  ]);
  return {
    id: j.id,
    dari,
    sampai,
    opdKode: opdKode ?? null,
    pegawai: orang.length,
    hari: days.length,
    jumlah,
    pelanggaran: r.pelanggaran,
  };
}

/** Every way the schedule in force for a period breaks the policies (for an OPD subtree, if given). */
export async function periksa(
  trx: Trx,
  tenantId: string,
  dari: string,
  sampai: string,
  opdKode?: string,
): Promise<TemuanJadwal[]> {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const { sel } = await jadwalBerlaku(trx, b, dari, sampai);
  if (sel.size === 0) {
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(`Belum ada jadwal untuk ${dari} s.d. ${sampai}`, `No schedule for ${dari} to ${sampai} yet`),
    );
  }
  const t = periksaJadwal(hari, sel, await muatTidakHadir(trx, b, days));
  if (!opdKode) return t;
  const dalam = new Set(orangDalam(b, opdKode));
  const anggota = new Map(
    hari.flatMap((ev) => ev.kelompok.map((g) => [`${ev.tanggal}|${g.id}`, g.anggota] as const)),
  );
  return t.filter((x) =>
    x.kelompokId
      ? (anggota.get(`${x.tanggal}|${x.kelompokId}`) ?? []).some((k) => dalam.has(k))
      : x.orang.some((k) => dalam.has(k)),
  );
}

export const KOLOM_REKAP = [
  'tanggal',
  'nip',
  'id_pegawai',
  'nama',
  'opd_kode',
  'unit_kode',
  'status',
  'kebijakan_id',
  'aturan_id',
] as const;

/** The schedule recap rows (CONTRACTS.md), one per person per day, for a period and optional OPD. */
export async function rekap(trx: Trx, tenantId: string, dari: string, sampai: string, opdKode?: string) {
  periode(dari, sampai);
  const b = await bahanPeriode(trx, tenantId, dari, sampai);
  const orang = new Set(orangDalam(b, opdKode));
  const { rows } = await jadwalBerlaku(trx, b, dari, sampai);
  const byId = new Map([...b.orang].map(([k, p]) => [p.id, { key: k, ...p }]));
  const induk = pencariOpdInduk(b);
  const top = (opdId: string) => b.opdKode.get(induk(opdId))?.kode ?? '';
  const out: Record<(typeof KOLOM_REKAP)[number], string>[] = [];
  for (const r of rows) {
    const p = byId.get(r.pegawai_id);
    if (!p || !orang.has(p.key)) continue;
    const isNip = /^\d{18}$/.test(p.key);
    out.push({
      tanggal: r.tanggal,
      nip: isNip ? p.key : '',
      id_pegawai: isNip ? '' : p.key,
      nama: p.nama,
      opd_kode: top(p.opdId),
      unit_kode: b.opdKode.get(p.opdId)?.kode ?? '',
      status: r.status,
      kebijakan_id: r.kebijakan_id ?? '',
      aturan_id: r.aturan_id ?? '',
    });
  }
  return out.sort(
    (a, c) =>
      a.tanggal.localeCompare(c.tanggal) ||
      a.opd_kode.localeCompare(c.opd_kode) ||
      a.nama.localeCompare(c.nama),
  );
}

// ─── Absences, publication, adjustments ──────────────────────────────────────────────────────────

const BEKERJA = new Set(['WFO', 'WFH', 'PIKET']);

/**
 * Approved absences shown in the schedule at once: the working cells they cover become CUTI / SAKIT /
 * ISOLASI in a new version (published when the cells it replaces were), and unit heads' fixed cells on
 * those days are released (the absence stands). Returns the new version, or null when no schedule
 * covers those days yet (the next build will place the absence).
 */
export async function catatKetidakhadiranDiJadwal(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  entries: readonly {
    pegawaiId: string;
    dari: string;
    sampai: string;
    status: 'CUTI' | 'SAKIT' | 'ISOLASI';
  }[],
) {
  if (entries.length === 0) return null;
  const dari = entries.reduce((m, e) => (e.dari < m ? e.dari : m), entries[0]!.dari);
  const sampai = entries.reduce((m, e) => (e.sampai > m ? e.sampai : m), entries[0]!.sampai);
  await kunciPeriodeJadwal(trx, tenantId, dari, sampai);
  const byPerson = new Map<string, typeof entries>();
  for (const e of entries) byPerson.set(e.pegawaiId, [...(byPerson.get(e.pegawaiId) ?? []), e]);
  const rows = (await repo.selBerlaku(trx, dari, sampai)).filter((r) => byPerson.has(r.pegawai_id));
  const sel: repo.SelBaru[] = [];
  let terbit = false;
  for (const r of rows) {
    const e = byPerson.get(r.pegawai_id)!.find((x) => x.dari <= r.tanggal && r.tanggal <= x.sampai);
    if (!e || !BEKERJA.has(r.status)) continue;
    if (r.jadwal_status === 'terbit') terbit = true;
    sel.push({
      pegawai_id: r.pegawai_id,
      tanggal: r.tanggal,
      status: e.status,
      kebijakan_id: null,
      kebijakan_versi: null,
      aturan_id: null,
      alasan: 'tidak_hadir',
    });
  }
  for (const e of entries) {
    await trx
      .deleteFrom('jadwal_kunci')
      .where('pegawai_id', '=', e.pegawaiId)
      .where('tanggal', '>=', e.dari)
      .where('tanggal', '<=', e.sampai)
      .execute();
  }
  if (sel.length === 0) return null;
  const d0 = sel.reduce((m, c) => (c.tanggal < m ? c.tanggal : m), sel[0]!.tanggal);
  const d1 = sel.reduce((m, c) => (c.tanggal > m ? c.tanggal : m), sel[0]!.tanggal);
  const j = await repo.insertJadwal(trx, tenantId, {
    dari: d0,
    sampai: d1,
    cakupanOpd: null,
    pelanggaran: [],
    oleh: actor.nama,
    jenis: 'cuti',
    keterangan: `${sel.length} sel menjadi tidak hadir (cuti/sakit/isolasi yang disetujui)`,
    status: terbit ? 'terbit' : 'draft',
  });
  await repo.insertSel(trx, tenantId, j.id, sel);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'jadwal',
      entitasId: j.id,
      ringkasan: `Ketidakhadiran yang disetujui dicatat di jadwal: ${sel.length} sel ${d0} s.d. ${d1}`,
      sesudah: { sel: sel.length, terbit },
    },
  ]);
  return { id: j.id, sel: sel.length, terbit };
}

/** Publishes a draft version; everyone with a cell in it is told in the app. Audited. */
export async function terbitkan(trx: Trx, tenantId: string, actor: Actor, id: string, caller?: Caller) {
  const awal = await repo.jadwalById(trx, id);
  if (!awal) throw errors.notFound('Versi jadwal', 'Schedule version');
  if (caller) await cekLingkupJadwal(trx, caller, awal.cakupan_opd, awal.dari, 'write', id);
  // One publication at a time over these months; read again under the lock.
  await kunciPeriodeJadwal(trx, tenantId, awal.dari, awal.sampai);
  const j = (await repo.jadwalById(trx, id))!;
  // Draft → published exactly once (the UPDATE is conditional): a second publication changes
  // nothing and sends no notices.
  if (j.status === 'terbit' || !(await repo.terbitkan(trx, id, actor.nama))) await sudahTerbit(trx, id);
  const penyesuaian = await repo.terbitkanPenyesuaian(trx, id, actor.nama);
  const beda = await repo.kunciTidakTerbit(trx, id);
  if (beda.jumlah > 0) {
    const contoh = beda.contoh.map((x) => ({
      id: `${x.nama} (${x.nip ?? x.id_pegawai ?? ''}) ${formatTanggal(x.tanggal)}: dikunci ${x.kunci}, di jadwal ${x.jadwal ?? 'kosong'}`,
      en: `${x.nama} (${x.nip ?? x.id_pegawai ?? ''}) ${formatTanggal(x.tanggal, 'en')}: locked ${x.kunci}, scheduled ${x.jadwal ?? 'empty'}`,
    }));
    const lagi = beda.jumlah > contoh.length ? beda.jumlah - contoh.length : 0;
    throw new AppError(
      'KONFLIK',
      pesan(
        `Jadwal tidak diterbitkan: ${beda.jumlah} sel berbeda dari perubahan kepala unit yang dikunci — ${contoh.map((c) => c.id).join('; ')}${lagi ? `; dan ${lagi} lagi` : ''}. Buat ulang jadwal periode ini (kunci selalu diikuti), lalu terbitkan`,
        `Schedule not published: ${beda.jumlah} cells differ from unit heads' locked changes — ${contoh.map((c) => c.en).join('; ')}${lagi ? `; and ${lagi} more` : ''}. Rebuild the schedule for this period (locks are always kept), then publish`,
      ),
    );
  }
  const orang = await repo.pegawaiDalamJadwal(trx, id);
  const periodeId = `${formatTanggal(j.dari, 'id', false)} s.d. ${formatTanggal(j.sampai, 'id', false)}`;
  const periodeEn = `${formatTanggal(j.dari, 'en', false)} to ${formatTanggal(j.sampai, 'en', false)}`;
  await beritahu(
    trx,
    tenantId,
    orang.map((o) => ({
      pegawaiId: o.pegawai_id,
      jenis: 'jadwal_terbit',
      judul: pesan('Jadwal kerja Anda telah terbit', 'Your work schedule is published'),
      isi: pesan(`Periode ${periodeId}`, `Period ${periodeEn}`),
      tautan: `/jadwal-saya?dari=${j.dari}&sampai=${j.sampai}`,
    })),
  );
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'terbitkan',
      entitas: 'jadwal',
      entitasId: id,
      ringkasan: `Menerbitkan jadwal ${j.dari} s.d. ${j.sampai}${j.cakupan_opd ? ` (${j.cakupan_opd})` : ''}: ${orang.length} pegawai diberi tahu`,
      sebelum: { status: 'draft' },
      sesudah: { status: 'terbit', penyesuaian },
    },
  ]);
  return { id, status: 'terbit' as const, diberitahu: orang.length };
}

/** The answer to publishing a version that is already published: who published it, and when. */
async function sudahTerbit(trx: Trx, id: string): Promise<never> {
  const j = await repo.jadwalById(trx, id);
  const kapan = j?.diterbitkan_pada ? new Date(j.diterbitkan_pada) : null;
  const oleh = j?.diterbitkan_oleh ?? '';
  throw new AppError(
    'KONFLIK',
    pesan(
      `Versi jadwal ini sudah terbit${oleh ? ` (oleh ${oleh}${kapan ? `, ${kapan.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''})` : ''}; pemberitahuan tidak dikirim ulang`,
      `This schedule version is already published${oleh ? ` (by ${oleh}${kapan ? `, ${kapan.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''})` : ''}; no notices are sent again`,
    ),
  );
}

/** Refuses when a version's OPD subtree (null = whole Pemda) lies outside what the caller may change. */
async function cekLingkupJadwal(
  trx: Trx,
  caller: Caller,
  cakupanOpd: string | null,
  tanggal: string,
  mode: 'write' | 'adjust',
  jadwalId?: string,
) {
  const scope = await resolveScope(trx, caller, mode, tanggal);
  if (scope.opdIds === null) return;
  if (cakupanOpd) {
    const o = await trx.selectFrom('opd').select('id').where('kode', '=', cakupanOpd).executeTakeFirst();
    if (o && scope.opdIds.has(o.id)) return;
  } else if (jadwalId) {
    // A version without a named scope (e.g. absences recorded): every person in it must be in scope.
    const ids = (await repo.pegawaiDalamJadwal(trx, jadwalId)).map((r) => r.pegawai_id);
    const place = new Map((await orgRepo.listPenempatan(trx, tanggal)).map((p) => [p.id, p.opd_id]));
    if (ids.every((id) => scope.opdIds!.has(place.get(id) ?? ''))) return;
  }
  throw errors.outOfScope();
}

/** The kode of an OPD/unit the caller may schedule as a whole, checked against their scope. */
export async function cekOpdDalamLingkup(
  trx: Trx,
  caller: Caller,
  opdKode: string | undefined,
  tanggal: string,
  mode: 'read' | 'write' | 'adjust',
) {
  const scope = await resolveScope(trx, caller, mode, tanggal);
  if (scope.opdIds === null) return;
  if (!opdKode) {
    throw new AppError(
      'DILARANG',
      pesan(
        'Pilih OPD atau unit Anda (parameter opd); Anda tidak berwenang atas seluruh Pemda',
        'Choose your OPD or unit (parameter opd); you have no authority over the whole Pemda',
      ),
    );
  }
  const o = await trx
    .selectFrom('opd')
    .select('id')
    .where(sql<boolean>`upper(kode) = ${opdKode.toUpperCase()}`)
    .executeTakeFirst();
  if (!o || !scope.opdIds.has(o.id)) throw errors.outOfScope();
}

const KERAS = new Set([
  'BATAS_TERLAMPAUI',
  'WAJIB_WFO',
  'WAJIB_WFH',
  'PIKET_TIDAK_BOLEH',
  'BEKERJA_SAAT_LIBUR',
  'TIDAK_HADIR_DIJADWALKAN',
]);

/** The words for a finding an adjustment would cause, with "would be" numbers for caps. */
function pesanPerubahan(
  t: TemuanJadwal,
  ev: EvaluasiHari,
  sel: ReadonlyMap<string, ReadonlyMap<string, StatusJadwal>>,
  nama: (k: string) => string,
) {
  const tgl = formatTanggal(ev.tanggal);
  const tglEn = formatTanggal(ev.tanggal, 'en');
  const siapa = t.orang.map(nama).join(', ');
  const aturan = t.sumber ? `"${t.sumber.judulAturan}" (${t.sumber.nomor})` : '';
  switch (t.kode) {
    case 'WAJIB_WFO':
      return pesan(
        `${siapa} wajib bekerja di kantor pada ${tgl} menurut aturan ${aturan}`,
        `${siapa} must work at the office on ${tglEn} under the rule ${aturan}`,
      );
    case 'WAJIB_WFH':
      return pesan(
        `${siapa} wajib bekerja dari rumah pada ${tgl} menurut aturan ${aturan}`,
        `${siapa} must work from home on ${tglEn} under the rule ${aturan}`,
      );
    case 'PIKET_TIDAK_BOLEH':
      return pesan(
        `tidak ada aturan piket yang membolehkan ${siapa} piket pada ${tgl}`,
        `no piket rule allows ${siapa} to be on duty on ${tglEn}`,
      );
    case 'BEKERJA_SAAT_LIBUR':
      return pesan(
        `${tgl} bukan hari kerja (${ev.keteranganHari.id})`,
        `${tglEn} is not a working day (${ev.keteranganHari.en})`,
      );
  }
  if (t.kode === 'BATAS_TERLAMPAUI') {
    const g = ev.kelompok.find((x) => x.id === t.kelompokId);
    if (g) {
      const hadir = g.anggota.filter((k) => {
        const s = sel.get(k)?.get(ev.tanggal);
        return s === 'WFO' || (s === 'PIKET' && g.piketDihitung);
      }).length;
      return pesan(
        `${hadir} dari ${g.anggota.length} orang di ${g.grupKode} akan berada di kantor pada ${formatTanggal(ev.tanggal)}; batasnya ${g.dasarBatas ?? g.maks} (${g.maks} orang) menurut "${g.sumber.judulAturan}" (${g.sumber.nomor})`,
        `${hadir} of ${g.anggota.length} people in ${g.grupKode} would be at the office on ${formatTanggal(ev.tanggal, 'en')}; the cap is ${g.dasarBatas ?? g.maks} (${g.maks} people) under "${g.sumber.judulAturan}" (${g.sumber.nomor})`,
      );
    }
  }
  return t.pesan;
}

const tandaTemuan = (t: TemuanJadwal) =>
  t.kelompokId ? `${t.kode}|${t.kelompokId}` : `${t.kode}|${t.orang.join(',')}`;

/**
 * A unit head (or OPD admin) sets one person's status for one day. Checked against the policies at
 * once: a change that would break a cap, a rule that fixes the person's place, piket eligibility, a day
 * off or an absence is refused in words; one that leaves a minimum or the piket count short is made,
 * with a warning. The choice is kept as a lock that every rebuild respects, and stored as a new version
 * (published at once when the cell it changes was published; the person is told). Audited.
 */
export async function ubahSel(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  v: { key: string; tanggal: string; status: 'WFO' | 'WFH' | 'PIKET'; catatan?: string },
) {
  if (!isIsoDate(v.tanggal))
    throw new AppError('VALIDASI', pesan('tanggal harus YYYY-MM-DD', 'tanggal must be YYYY-MM-DD'));
  // Waits for a build of this month to finish, so the change lands on top of its version.
  await kunciPeriodeJadwal(trx, tenantId, v.tanggal, v.tanggal);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, [v.tanggal]);
  const ev = hari[0]!;
  const p = b.orang.get(v.key);
  if (!p) throw errors.notFound(`Pegawai ${v.key} pada ${v.tanggal}`, `Employee ${v.key} on ${v.tanggal}`);
  if (!(await lingkupTanggal(trx, caller, 'adjust').meliputi(p.id, v.tanggal))) throw errors.outOfScope();
  const { sel, rows } = await jadwalBerlaku(trx, b, v.tanggal, v.tanggal);
  const lama = rows.find((r) => r.pegawai_id === p.id);
  if (!lama) {
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan(
        `Belum ada jadwal untuk ${v.key} pada ${formatTanggal(v.tanggal)}; buat jadwalnya dahulu`,
        `There is no schedule for ${v.key} on ${formatTanggal(v.tanggal, 'en')} yet; build it first`,
      ),
    );
  }
  const tidakHadir = await muatTidakHadir(trx, b, [v.tanggal]);
  const absen = tidakHadir.get(v.key)?.get(v.tanggal);
  if (absen) {
    throw new AppError(
      'KONFLIK',
      pesan(
        `${p.nama} tercatat ${absen} pada ${formatTanggal(v.tanggal)}; ubah lewat daftar cuti/izin, bukan jadwal`,
        `${p.nama} is recorded ${absen} on ${formatTanggal(v.tanggal, 'en')}; change it in the leave register, not the schedule`,
      ),
    );
  }
  const sebelum = periksaJadwal([ev], sel, tidakHadir);
  const baru = new Map(sel);
  baru.set(v.key, new Map([[v.tanggal, v.status]]));
  const sesudah = periksaJadwal([ev], baru, tidakHadir);
  const ada = new Set(sebelum.map(tandaTemuan));
  // What this change causes: a group newly broken, or the person now inside an over-cap group they
  // were not counted in before (moving someone out of an over-full office is always allowed).
  const diKantorSebelum = lama.status === 'WFO' || lama.status === 'PIKET';
  const muncul = sesudah.filter((t) =>
    t.kode === 'BATAS_TERLAMPAUI'
      ? t.orang.includes(v.key) && (!ada.has(tandaTemuan(t)) || !diKantorSebelum)
      : !ada.has(tandaTemuan(t)) && (t.kelompokId !== undefined || t.orang.includes(v.key)),
  );
  const tolak = muncul.filter((t) => KERAS.has(t.kode));
  if (tolak.length > 0) {
    const ps = tolak.map((t) => pesanPerubahan(t, ev, baru, (k) => b.orang.get(k)?.nama ?? k));
    throw new AppError(
      'KONFLIK',
      pesan(
        `Perubahan ditolak: ${ps.map((x) => x.id).join('; ')}`,
        `Change refused: ${ps.map((x) => x.en).join('; ')}`,
      ),
    );
  }
  const peringatan = muncul.map((t) => t.pesan);
  const kep = ev.orang.get(v.key);
  const sumber = kep?.sumber ?? null;
  const terbit = lama.jadwal_status === 'terbit';
  const j = await repo.insertJadwal(trx, tenantId, {
    dari: v.tanggal,
    sampai: v.tanggal,
    cakupanOpd: b.opdKode.get(p.opdId)?.kode ?? null,
    pelanggaran: [],
    oleh: caller.username,
    jenis: 'ubah',
    keterangan: v.catatan?.trim() ?? '',
    status: terbit ? 'terbit' : 'draft',
  });
  await repo.insertSel(trx, tenantId, j.id, [
    {
      pegawai_id: p.id,
      tanggal: v.tanggal,
      status: v.status,
      kebijakan_id: sumber?.kebijakanId ?? null,
      kebijakan_versi: sumber?.versi ?? null,
      aturan_id: sumber?.aturanId ?? null,
      alasan: 'kunci',
    },
  ]);
  await repo.simpanKunci(trx, tenantId, {
    pegawai_id: p.id,
    tanggal: v.tanggal,
    status: v.status,
    oleh: caller.username,
  });
  const actor: Actor = { userId: caller.userId, nama: caller.username };
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'jadwal_sel',
      entitasId: j.id,
      ringkasan: `Jadwal ${p.nama} (${v.key}) ${v.tanggal}: ${lama.status} → ${v.status}${v.catatan ? ` — ${v.catatan}` : ''}`,
      sebelum: { status: lama.status, jadwal: lama.jadwal_id },
      sesudah: { status: v.status, terbit, peringatan: peringatan.map((x) => x.id) },
    },
  ]);
  if (terbit && lama.status !== v.status) {
    await beritahu(trx, tenantId, [
      {
        pegawaiId: p.id,
        jenis: 'jadwal_diubah',
        judul: pesan('Jadwal Anda diubah', 'Your schedule was changed'),
        isi: pesan(
          `${formatTanggal(v.tanggal)}: ${lama.status} → ${v.status} (oleh ${caller.nama})`,
          `${formatTanggal(v.tanggal, 'en')}: ${lama.status} → ${v.status} (by ${caller.nama})`,
        ),
        tautan: `/jadwal-saya?dari=${v.tanggal}&sampai=${v.tanggal}`,
      },
    ]);
  }
  return {
    id: j.id,
    key: v.key,
    tanggal: v.tanggal,
    status: v.status,
    sebelumnya: lama.status,
    terbit,
    peringatan,
  };
}

/** Releases a unit head's fixed cell: the next rebuild may change it again. */
export async function lepasKunci(trx: Trx, tenantId: string, caller: Caller, key: string, tanggal: string) {
  if (!isIsoDate(tanggal))
    throw new AppError('VALIDASI', pesan('tanggal harus YYYY-MM-DD', 'tanggal must be YYYY-MM-DD'));
  await kunciPeriodeJadwal(trx, tenantId, tanggal, tanggal);
  const b = await muatBahan(trx, tenantId, tanggal);
  const p = b.orang.get(key);
  if (!p) throw errors.notFound(`Pegawai ${key}`, `Employee ${key}`);
  if (!(await lingkupTanggal(trx, caller, 'adjust').meliputi(p.id, tanggal))) throw errors.outOfScope();
  const r = await repo.hapusKunci(trx, p.id, tanggal);
  if (Number(r.numDeletedRows) > 0) {
    await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
      {
        aksi: 'lepas_kunci',
        entitas: 'jadwal_kunci',
        entitasId: p.id,
        ringkasan: `Kunci jadwal ${p.nama} ${tanggal} dilepas`,
      },
    ]);
  }
  return { dilepas: Number(r.numDeletedRows) > 0 };
}

// ─── Views ───────────────────────────────────────────────────────────────────────────────────────

const KANTOR = (s: string | undefined) => s === 'WFO' || s === 'PIKET';

/** Rule references by "id@versi/aturan", from the stored policies. */
function indeksAturan(b: BahanEvaluasi) {
  const m = new Map<string, RujukanAturan>();
  for (const k of b.kebijakan) {
    for (const a of k.aturan) {
      m.set(`${k.id}@${k.versi}/${a.id}`, rujukanAturan(k, a));
    }
  }
  return m;
}

/**
 * The calendar grid of an OPD or unit (with its sub-units) for a period: people × days with each
 * cell's status, the rule behind it, whether it is still a draft or fixed by a unit head; per day, each
 * cap / minimum / piket group of these people with its count against the limit.
 */
export async function grid(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  dari: string,
  sampai: string,
  opdKode?: string,
) {
  const days = periode(dari, sampai);
  await cekOpdDalamLingkup(trx, caller, opdKode, dari, 'read');
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const keys = orangDalam(b, opdKode);
  const ids = new Map(keys.map((k) => [b.orang.get(k)!.id, k]));
  const rows = (await repo.selBerlaku(trx, dari, sampai)).filter((r) => ids.has(r.pegawai_id));
  const kunci = await muatKunci(trx, b, dari, sampai);
  const aturanIdx = indeksAturan(b);
  const aturan: RujukanAturan[] = [];
  const posAturan = new Map<string, number>();
  const idxOf = (kid: string | null, ver: number | null, aid: string | null) => {
    if (!kid || !aid) return -1;
    const key = `${kid}@${ver}/${aid}`;
    let i = posAturan.get(key);
    if (i === undefined) {
      const r = aturanIdx.get(key);
      if (!r) return -1;
      i = aturan.push(r) - 1;
      posAturan.set(key, i);
    }
    return i;
  };
  const pos = new Map(days.map((d, i) => [d, i]));
  const penempatan = new Map((await orgRepo.listPenempatan(trx, sampai)).map((p) => [p.id, p]));
  const jabatan = await trx
    .selectFrom('pegawai_versi')
    .select(['pegawai_id', 'jabatan', 'jabatan_level'])
    .where('berlaku_dari', '<=', sampai)
    .where((eb) => eb.or([eb('berlaku_sampai', 'is', null), eb('berlaku_sampai', '>', sampai)]))
    .execute();
  const jabOf = new Map(jabatan.map((j) => [j.pegawai_id, j]));
  type Sel = { s: StatusJadwal; a: number; r: string; d?: 1; k?: 1 };
  const cells = new Map<string, (Sel | null)[]>(keys.map((k) => [k, days.map(() => null)]));
  let draf = 0;
  for (const r of rows) {
    const k = ids.get(r.pegawai_id)!;
    const c: Sel = {
      s: r.status as StatusJadwal,
      a: idxOf(r.kebijakan_id, r.kebijakan_versi, r.aturan_id),
      r: r.alasan,
    };
    if (r.jadwal_status === 'draft') {
      c.d = 1;
      draf++;
    }
    if (kunci.get(k)?.has(r.tanggal)) c.k = 1;
    cells.get(k)![pos.get(r.tanggal)!] = c;
  }
  const inView = new Set(keys);
  const induk = pencariOpdInduk(b);
  const orang = keys
    .map((k) => {
      const p = b.orang.get(k)!;
      const unit = b.opdKode.get(p.opdId);
      const j = jabOf.get(p.id);
      return {
        id: p.id,
        key: k,
        nama: p.nama,
        jabatan: j?.jabatan ?? '',
        jabatanLevel: j?.jabatan_level ?? penempatan.get(p.id)?.jabatan_level ?? '',
        unitKode: unit?.kode ?? '',
        unitNama: unit?.nama ?? '',
        opdKode: b.opdKode.get(induk(p.opdId))?.kode ?? '',
        sel: cells.get(k)!,
      };
    })
    .sort(
      (a, c) =>
        a.unitKode.localeCompare(c.unitKode) ||
        LEVEL_URUT(a.jabatanLevel) - LEVEL_URUT(c.jabatanLevel) ||
        a.nama.localeCompare(c.nama),
    );
  const kelompok = hari.map((ev) => {
    const i = pos.get(ev.tanggal)!;
    const st = (k: string) => cells.get(k)?.[i]?.s;
    return ev.kelompok
      .filter((g) => g.anggota.some((k) => inView.has(k)))
      .map((g) => ({
        id: g.id,
        jenis: g.jenis,
        grupKode: g.grupKode,
        anggota: g.anggota.length,
        batas: g.jenis === 'batas_kantor' ? g.maks! : g.jenis === 'minimum_kantor' ? g.min! : g.jumlahPiket!,
        dasar: g.dasarBatas ?? null,
        hadir:
          g.jenis === 'piket'
            ? g.anggota.filter((k) => st(k) === 'PIKET').length
            : g.anggota.filter(
                (k) =>
                  st(k) === 'WFO' || (st(k) === 'PIKET' && (g.jenis !== 'batas_kantor' || g.piketDihitung)),
              ).length,
        aturan: `${g.sumber.kebijakanId}/${g.sumber.aturanId}`,
        penjelasan: g.penjelasan,
      }));
  });
  const adj = await resolveScope(trx, caller, 'adjust', dari);
  return {
    dari,
    sampai,
    opdKode: opdKode ?? null,
    hari: hari.map((ev) => ({ tanggal: ev.tanggal, hariKerja: ev.hariKerja, keterangan: ev.keteranganHari })),
    aturan,
    orang,
    kelompok,
    draf,
    bolehUbah: orang.some((o) => inScope(adj, b.orang.get(o.key)!.opdId, '')),
    bolehTerbit:
      (await resolveScope(trx, caller, 'write', dari)).opdIds === null ||
      (opdKode !== undefined && adj.opdIds !== null && caller.grants.some((g) => g.role === 'opd_admin')),
  };
}

const URUT_LEVEL = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'];
function LEVEL_URUT(l: string) {
  const i = URUT_LEVEL.indexOf(l);
  return i < 0 ? 9 : i;
}

/**
 * The office cap that applies to an OPD's people on a day: the sum of the caps of the groups lying
 * wholly inside it, plus the people in no cap group who may be at the office that day (not kept home by
 * a rule, not away); null when no cap applies to anyone in it (also on a day off no policy covers).
 */
function batasOpd(
  ev: EvaluasiHari,
  anggota: ReadonlySet<string>,
  status: (k: string) => string | undefined,
): number | null {
  let batas = 0;
  let ada = false;
  const dibatasi = new Set<string>();
  for (const g of ev.kelompok) {
    if (g.jenis !== 'batas_kantor' || !g.anggota.every((k) => anggota.has(k))) continue;
    ada = true;
    batas += g.maks!;
    for (const k of g.anggota) dibatasi.add(k);
  }
  if (!ada) return null;
  for (const k of anggota) {
    if (dibatasi.has(k)) continue;
    const lokasi = ev.orang.get(k)?.lokasi;
    const s = status(k);
    if (lokasi !== 'WFH' && lokasi !== 'LIBUR' && (s === undefined || s === 'WFO' || s === 'PIKET')) batas++;
  }
  return batas;
}

/** Per top-level OPD per day: people at the office against the cap (the Pemda overview). */
export async function okupansi(trx: Trx, tenantId: string, caller: Caller, dari: string, sampai: string) {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const scope = await resolveScope(trx, caller, 'read', dari);
  const { sel } = await jadwalBerlaku(trx, b, dari, sampai);
  const induk = pencariOpdInduk(b);
  const perOpd = new Map<string, Set<string>>();
  for (const [k, p] of b.orang) {
    if (!inScope({ ...scope, selfPegawaiId: null }, p.opdId, '')) continue;
    const top = induk(p.opdId);
    let s = perOpd.get(top);
    if (!s) {
      s = new Set();
      perOpd.set(top, s);
    }
    s.add(k);
  }
  const opd = [...perOpd]
    .map(([id, anggota]) => {
      const o = b.opdKode.get(id)!;
      return {
        kode: o.kode,
        nama: o.nama,
        pegawai: anggota.size,
        hari: hari.map((ev) => {
          const st = (k: string) => sel.get(k)?.get(ev.tanggal);
          let kantor = 0;
          let piket = 0;
          let rumah = 0;
          let tidakHadir = 0;
          let kosong = 0;
          for (const k of anggota) {
            const s = st(k);
            if (s === undefined) kosong++;
            else if (KANTOR(s)) {
              kantor++;
              if (s === 'PIKET') piket++;
            } else if (s === 'WFH') rumah++;
            else if (s !== 'LIBUR') tidakHadir++;
          }
          return {
            kantor,
            piket,
            rumah,
            tidakHadir,
            tanpaJadwal: kosong,
            batas: batasOpd(ev, anggota, st),
          };
        }),
      };
    })
    .sort((a, c) => a.kode.localeCompare(c.kode));
  return {
    dari,
    sampai,
    hari: hari.map((ev) => ({ tanggal: ev.tanggal, hariKerja: ev.hariKerja, keterangan: ev.keteranganHari })),
    opd,
  };
}

/** The published schedule of the signed-in employee, with the rule behind each day. */
export async function jadwalSaya(trx: Trx, caller: Caller, dari: string, sampai: string) {
  const days = periode(dari, sampai);
  if (!caller.pegawaiId) {
    throw new AppError(
      'TIDAK_DITEMUKAN',
      pesan('Akun ini tidak tertaut ke data pegawai', 'This account is not linked to an employee record'),
    );
  }
  const rows = await repo.selBerlaku(trx, dari, sampai, { hanyaTerbit: true, pegawaiId: caller.pegawaiId });
  const b = await muatBahan(trx, caller.tenantId, dari);
  const aturan = indeksAturan(b);
  const byDate = new Map(rows.map((r) => [r.tanggal, r]));
  const libur = b.kal.libur;
  return {
    dari,
    sampai,
    hari: days.map((d) => {
      const r = byDate.get(d);
      const l = libur.get(d);
      return {
        tanggal: d,
        status: (r?.status ?? null) as StatusJadwal | null,
        aturan: r?.kebijakan_id
          ? (aturan.get(`${r.kebijakan_id}@${r.kebijakan_versi}/${r.aturan_id}`) ?? null)
          : null,
        alasan: r?.alasan ?? null,
        libur: l ? l.nama : null,
      };
    }),
  };
}

/** The periods of the published schedules that hold the signed-in employee, oldest first. */
export async function periodeTerbitSaya(trx: Trx, caller: Caller) {
  if (!caller.pegawaiId) return { periode: [] };
  const rows = await repo.periodeTerbitPegawai(trx, caller.pegawaiId);
  return { periode: rows.map((r) => ({ dari: String(r.dari), sampai: String(r.sampai) })) };
}

/**
 * Schedule versions overlapping a period, newest first. With a caller, those of a scoped caller (OPD
 * admin, unit head) are the ones built for an OPD/unit inside their scope; `opdKode` narrows to one
 * subtree.
 */
export async function daftarVersi(
  trx: Trx,
  dari?: string,
  sampai?: string,
  caller?: Caller,
  opdKode?: string,
) {
  /**
   * A version is listed when what it covers meets what is asked: a Pemda-wide build or import covers
   * every OPD; one built for an OPD covers that OPD and its units, so it is listed for its parents'
   * and its units' callers alike. Absences recorded (jenis `cuti`, no named scope) are listed only
   * Pemda-wide. `bolehTerbit` says whether the caller may publish it.
   */
  let lihat: ((k: string | null) => boolean) | null = null;
  let terbitOleh: (k: string | null) => boolean = () => true;
  if (caller || opdKode) {
    const hariIni = dari ?? (await tenantToday(trx, caller?.tenantId ?? ''));
    const opd = await orgRepo.listOpd(trx, hariIni);
    const nodes = opd.map((o) => ({ id: o.id, indukId: o.induk_id }));
    const idOf = new Map(opd.map((o) => [o.kode.toUpperCase(), o.id]));
    const scope = caller ? await resolveScope(trx, caller, 'read', hariIni) : { opdIds: null };
    let ids: Set<string> | null = scope.opdIds === null ? null : new Set(scope.opdIds);
    if (opdKode) {
      const root = idOf.get(opdKode.toUpperCase());
      if (!root) throw errors.notFound(`OPD ${opdKode}`, `OPD ${opdKode}`);
      ids = new Set([...subtreeIds(nodes, root)].filter((id) => ids === null || ids.has(id)));
    }
    if (ids !== null) {
      // A version built for an OPD covers some of `ids` when that OPD is one of them or above one of them.
      const induk = new Map(opd.map((o) => [o.id, o.induk_id]));
      const meliputi = new Set<string>();
      for (const id of ids) {
        for (let x: string | null | undefined = id; x && !meliputi.has(x); x = induk.get(x)) meliputi.add(x);
      }
      lihat = (k) => k === null || meliputi.has(idOf.get(k.toUpperCase()) ?? '');
    }
    if (caller) {
      const boleh = (await resolveScope(trx, caller, 'write', hariIni)).opdIds;
      terbitOleh = (k) => boleh === null || (k !== null && boleh.has(idOf.get(k.toUpperCase()) ?? ''));
    }
  }
  const rows = (await repo.listJadwal(trx, { dari, sampai })).filter(
    (j) => lihat === null || (lihat(j.cakupan_opd) && !(j.cakupan_opd === null && j.jenis === 'cuti')),
  );
  return rows.map((j) => ({
    id: j.id,
    dari: j.dari,
    sampai: j.sampai,
    opdKode: j.cakupan_opd,
    status: j.status,
    jenis: j.jenis,
    keterangan: j.keterangan,
    dibuatOleh: j.dibuat_oleh,
    dibuatPada: new Date(j.dibuat_pada).toISOString(),
    diterbitkanOleh: j.diterbitkan_oleh,
    diterbitkanPada: j.diterbitkan_pada ? new Date(j.diterbitkan_pada).toISOString() : null,
    pelanggaran: Number(j.jumlah_pelanggaran),
    sel: Number(j.jumlah_sel ?? 0),
    bolehTerbit: terbitOleh(j.cakupan_opd),
  }));
}

// ─── Import of a recap made by hand, and printable documents ─────────────────────────────────────

const STATUS_SAH: readonly StatusJadwal[] = ['WFO', 'WFH', 'PIKET', 'CUTI', 'SAKIT', 'ISOLASI', 'LIBUR'];

/**
 * Loads a schedule recap made elsewhere (the export's columns: one row per person per day) as a new
 * draft version, so `check` can find every way it breaks the policies. All-or-nothing: every bad row
 * is named (unknown person, bad date or status, a person/day twice, a period over the limit).
 */
export async function imporRekap(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  t: Table,
  /** The importer's scope by date (write mode); null/absent: the whole Pemda */
  lingkup?: LingkupTanggal | null,
) {
  const issues: ImportIssue[] = checkHeader(t.headers, ['tanggal', 'status'], [...KOLOM_REKAP]);
  if (!t.headers.includes('nip') && !t.headers.includes('id_pegawai')) {
    issues.push({
      baris: 1,
      kolom: 'nip',
      kode: 'KOLOM_HILANG',
      pesan: pesan('Kolom nip (atau id_pegawai) wajib ada', 'Column nip (or id_pegawai) is required'),
    });
  }
  if (issues.length > 0)
    throw new AppError(
      'IMPOR_GAGAL',
      pesan('Kepala kolom rekap tidak sah', 'The recap header is not valid'),
      issues,
    );
  if (t.rows.length === 0)
    throw new AppError(
      'IMPOR_GAGAL',
      pesan('Berkas tidak berisi baris data', 'The file has no data rows'),
      [],
    );
  const tanggalSah = t.rows
    .map((r) => r.values.tanggal ?? '')
    .filter(isIsoDate)
    .sort();
  const dari = tanggalSah[0] ?? '';
  const sampai = tanggalSah.at(-1) ?? '';
  const b = dari ? await bahanPeriode(trx, tenantId, dari, sampai) : null;
  const seen = new Map<string, number>();
  const sel: repo.SelBaru[] = [];
  const bad = (baris: number, kolom: string, kode: string, p: Pesan) =>
    issues.push({ baris, kolom, kode, pesan: p });
  if (lingkup && b) await lingkup.muat([...b.orang.values()].map((p) => p.id));
  for (const r of t.rows) {
    const v = r.values;
    const key = (v.nip ?? '').trim() || (v.id_pegawai ?? '').trim();
    const tanggal = (v.tanggal ?? '').trim();
    const status = (v.status ?? '').trim().toUpperCase();
    let ok = true;
    if (!isIsoDate(tanggal)) {
      bad(
        r.baris,
        'tanggal',
        'TANGGAL_TIDAK_SAH',
        pesan(`"${tanggal}" bukan tanggal YYYY-MM-DD`, `"${tanggal}" is not a YYYY-MM-DD date`),
      );
      ok = false;
    }
    if (!(STATUS_SAH as readonly string[]).includes(status)) {
      bad(
        r.baris,
        'status',
        'STATUS_TIDAK_SAH',
        pesan(
          `status "${v.status ?? ''}" tidak dikenal; pilihan: ${STATUS_SAH.join(', ')}`,
          `unknown status "${v.status ?? ''}"; choose one of: ${STATUS_SAH.join(', ')}`,
        ),
      );
      ok = false;
    }
    const p = key ? b?.orang.get(key) : undefined;
    const angka = masalahAngkaPanjang(r);
    if (angka.length > 0) {
      // the person's number lost digits in Excel: say that, do not look the damaged value up
      issues.push(...angka);
      ok = false;
    } else if (!key) {
      bad(
        r.baris,
        'nip',
        'WAJIB',
        pesan('nip (atau id_pegawai) wajib diisi', 'nip (or id_pegawai) is required'),
      );
      ok = false;
    } else if (!p) {
      bad(
        r.baris,
        v.nip ? 'nip' : 'id_pegawai',
        'PEGAWAI_TIDAK_ADA',
        pesan(
          `pegawai ${key} tidak terdaftar dalam periode ini`,
          `employee ${key} is not registered in this period`,
        ),
      );
      ok = false;
    } else if (lingkup && isIsoDate(tanggal) && !(await lingkup.meliputi(p.id, tanggal))) {
      bad(
        r.baris,
        'nip',
        'DI_LUAR_LINGKUP',
        pesan(
          `pegawai ${key} di luar OPD yang boleh Anda kelola pada ${formatTanggal(tanggal)}`,
          `employee ${key} is outside the OPDs you may manage on ${formatTanggal(tanggal, 'en')}`,
        ),
      );
      ok = false;
    }
    if (!ok || !p) continue;
    const dup = seen.get(`${key}|${tanggal}`);
    if (dup !== undefined) {
      bad(
        r.baris,
        'tanggal',
        'GANDA',
        pesan(
          `${key} ${tanggal} sudah ada di baris ${dup}`,
          `${key} ${tanggal} already appears in row ${dup}`,
        ),
      );
      continue;
    }
    seen.set(`${key}|${tanggal}`, r.baris);
    const kebijakanId = (v.kebijakan_id ?? '').trim() || null;
    sel.push({
      pegawai_id: p.id,
      tanggal,
      status,
      kebijakan_id: kebijakanId,
      kebijakan_versi: null,
      aturan_id: kebijakanId ? (v.aturan_id ?? '').trim() || null : null,
      alasan: 'impor',
    });
  }
  if (dari && sampai && dateRange(dari, sampai).length > MAKS_HARI) {
    bad(
      1,
      'tanggal',
      'PERIODE_TERLALU_PANJANG',
      pesan(
        `Rekap mencakup ${dari} s.d. ${sampai}; paling banyak ${MAKS_HARI} hari sekali impor`,
        `The recap spans ${dari} to ${sampai}; at most ${MAKS_HARI} days per import`,
      ),
    );
  }
  if (issues.length > 0) {
    throw new AppError(
      'IMPOR_GAGAL',
      pesan(
        `Impor rekap dibatalkan: ${issues.length} masalah; tidak ada yang diubah`,
        `Recap import cancelled: ${issues.length} problems; nothing was changed`,
      ),
      issues,
    );
  }
  await kunciPeriodeJadwal(trx, tenantId, dari, sampai);
  const j = await repo.insertJadwal(trx, tenantId, {
    dari,
    sampai,
    cakupanOpd: null,
    pelanggaran: [],
    oleh: actor.nama,
    jenis: 'impor',
    keterangan: `Impor rekap: ${sel.length} sel`,
  });
  await repo.insertSel(trx, tenantId, j.id, sel);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'impor',
      entitas: 'jadwal',
      entitasId: j.id,
      ringkasan: `Mengimpor rekap jadwal ${dari} s.d. ${sampai}: ${sel.length} sel sebagai draf`,
      sesudah: { sel: sel.length },
    },
  ]);
  return { id: j.id, dari, sampai, sel: sel.length, pegawai: new Set(sel.map((c) => c.pegawai_id)).size };
}

/** Everything the printed recap (XLSX / PDF) shows for a period and optional OPD. */
export async function dokumenRekap(
  trx: Trx,
  tenantId: string,
  dari: string,
  sampai: string,
  opdKode?: string,
): Promise<DokumenRekap> {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const keys = orangDalam(b, opdKode);
  const { sel, rows } = await jadwalBerlaku(trx, b, dari, sampai);
  const tenant = await trx
    .selectFrom('tenant')
    .select(['nama', 'zona_waktu'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const induk = pencariOpdInduk(b);
  const jabatan = await trx
    .selectFrom('pegawai_versi')
    .select(['pegawai_id', 'jabatan', 'jabatan_level', 'opd_id'])
    .where('berlaku_dari', '<=', sampai)
    .where((eb) => eb.or([eb('berlaku_sampai', 'is', null), eb('berlaku_sampai', '>', sampai)]))
    .execute();
  const jabOf = new Map(jabatan.map((j) => [j.pegawai_id, j]));
  const perOpd = new Map<string, string[]>();
  for (const k of keys) {
    const top = induk(b.orang.get(k)!.opdId);
    perOpd.set(top, [...(perOpd.get(top) ?? []), k]);
  }
  const terbit = rows.length > 0 && rows.every((r) => r.jadwal_status === 'terbit');
  const opd = [...perOpd].map(([id, ks]) => {
    const o = b.opdKode.get(id)!;
    const anggota = new Set(ks);
    const kepalaKey = ks.find((k) => {
      const p = b.orang.get(k)!;
      return p.opdId === id && jabOf.get(p.id)?.jabatan_level === 'jpt';
    });
    const orang = ks
      .map((k) => {
        const p = b.orang.get(k)!;
        const unit = b.opdKode.get(p.opdId);
        const j = jabOf.get(p.id);
        return {
          nip: k,
          nama: p.nama,
          jabatan: j?.jabatan ?? '',
          level: j?.jabatan_level ?? '',
          unitKode: unit?.kode ?? '',
          unitNama: unit?.nama ?? '',
          sel: Object.fromEntries(sel.get(k) ?? []),
        };
      })
      .sort(
        (a, c) =>
          (a.unitKode === o.kode ? -1 : 0) - (c.unitKode === o.kode ? -1 : 0) ||
          a.unitKode.localeCompare(c.unitKode) ||
          LEVEL_URUT(a.level) - LEVEL_URUT(c.level) ||
          a.nama.localeCompare(c.nama),
      )
      .map(({ level: _l, ...x }) => x);
    const total: Record<string, DokumenRekap['opd'][number]['total'][string]> = {};
    for (const ev of hari) {
      const st = (k: string) => sel.get(k)?.get(ev.tanggal);
      let kantor = 0;
      let piket = 0;
      let rumah = 0;
      let tidakHadir = 0;
      for (const k of ks) {
        const s = st(k);
        if (KANTOR(s)) kantor++;
        if (s === 'PIKET') piket++;
        if (s === 'WFH') rumah++;
        if (s === 'CUTI' || s === 'SAKIT' || s === 'ISOLASI') tidakHadir++;
      }
      total[ev.tanggal] = {
        kantor,
        piket,
        rumah,
        tidakHadir,
        libur: !ev.hariKerja,
        batas: batasOpd(ev, anggota, st),
      };
    }
    const kepala = kepalaKey ? { nama: b.orang.get(kepalaKey)!.nama, nip: kepalaKey } : null;
    return { kode: o.kode, nama: o.nama, kepala, orang, total };
  });
  return {
    pemda: { nama: tenant.nama, zonaWaktu: tenant.zona_waktu },
    dari,
    sampai,
    hari: days,
    status: terbit ? 'terbit' : 'draft',
    dibuatPada: new Date().toISOString(),
    opd: opd.sort((a, c) => a.kode.localeCompare(c.kode)),
  };
}
