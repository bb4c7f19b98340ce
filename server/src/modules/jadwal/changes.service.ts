import {
  type EvaluasiHari,
  formatTanggal,
  isIsoDate,
  periksaJadwal,
  pesan,
  type StatusJadwal,
  type TemuanJadwal,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { kunciPeriodeJadwal } from '../../db/kunci.ts';
import { AppError, errors } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import { evaluasiPeriode, muatBahan, muatTidakHadir } from '../evaluasi/evaluasi.service.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import * as repo from './jadwal.repository.ts';
import { jadwalBerlaku } from './periode.ts';

// Changes made to a schedule after it is built: approved absences written into it, a unit head's
// change of one cell (kept as a lock every rebuild respects) and the release of such a lock.

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
  const rows = (await repo.selBerlaku(trx, dari, sampai, { pegawaiIds: [...byPerson.keys()] })).filter((r) =>
    byPerson.has(r.pegawai_id),
  );
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
    await repo.hapusKunciRentang(trx, e.pegawaiId, e.dari, e.sampai);
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
