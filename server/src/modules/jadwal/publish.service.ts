import { formatTanggal, pesan, subtreeIds } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { kunciPeriodeJadwal } from '../../db/kunci.ts';
import { AppError, errors } from '../../errors.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import * as orgRepo from '../org/org.repository.ts';
import { resolveScope, tenantToday } from '../org/org.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import * as repo from './jadwal.repository.ts';
import { cekLingkupJadwal } from './lingkup.ts';

// Publishing a draft version (with the unit heads' adjustments made on top of it) and listing versions.

/** The status of one version (`draft` / `terbit`), or null when there is no such version. */
export async function statusVersi(trx: Trx, id: string): Promise<string | null> {
  return (await repo.jadwalById(trx, id))?.status ?? null;
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
