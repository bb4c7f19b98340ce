import { jamDariMenit, localDate, localDayStart, pesan } from '@sigap/domain';
import type { SigapDatabase } from '../../db/database.ts';
import { withTenant } from '../../db/database.ts';
import type { Penjadwal } from '../../penjadwal/penjadwal.ts';
import { jamBasisData } from '../kehadiran/absen.repository.ts';
import { orangWfhLapor } from '../kehadiran/status.service.ts';
import { muatDataWfh, rangkumOrang } from '../kehadiran/wfh.service.ts';
import { beritahu } from '../pemberitahuan/pemberitahuan.service.ts';
import { listTenants } from '../pengaturan/pengaturan.repository.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import * as repo from './pengingat.repository.ts';

// WFH reminders (issue 11, item 4; docs/wfh.md §4): every five minutes the scheduler looks, in every Pemda, at
// the people working from home today under a policy that asks for location reports. A person whose open slot
// closes within PENGINGAT_MENIT and who has not reported in it yet is reminded (in the app, and by Web Push
// where they turned it on); a person who has missed two slots in a row is named to their supervisor, once a
// day. Each reminder is a one-off job with a once-only key (person, day, slot), so a firing caught up after a
// restart, or two servers, never remind twice.

/** Minutes before a slot closes at which its reminder goes. */
export const PENGINGAT_MENIT = 30;

export const TUGAS_CARI = 'wfh_cari_pengingat';
export const TUGAS_INGAT = 'wfh_ingat';

type Ingat =
  | { jenis: 'slot'; tenantId: string; pegawaiId: string; buka: string; tutup: string }
  | { jenis: 'atasan'; tenantId: string; pegawaiId: string; atasanId: string; slot: string[] };

/** What each person of one Pemda should be reminded of now. */
export async function cariPengingat(sdb: SigapDatabase, tenantId: string, pada?: Date) {
  return withTenant(sdb, tenantId, async (trx) => {
    const sekarang = pada ?? (await jamBasisData(trx));
    const { zonaWaktu: zona } = await getSettings(trx, tenantId);
    const tanggal = localDate(sekarang, zona);
    const orang = await orangWfhLapor(trx, tenantId, tanggal);
    if (orang.length === 0) return { tanggal, ingat: [] as { kunci: string; data: Ingat }[] };
    const data = await muatDataWfh(
      trx,
      tenantId,
      orang.map((o) => o.pegawaiId),
      tanggal,
      tanggal,
      { pernyataan: false },
    );
    const kini = Math.floor((sekarang.getTime() - Date.parse(localDayStart(tanggal, zona))) / 60_000);
    const ingat: { kunci: string; data: Ingat }[] = [];
    const terlewat: { pegawaiId: string; slot: string[] }[] = [];
    for (const o of orang) {
      const r = rangkumOrang(data, { pegawaiId: o.pegawaiId, tanggal, zona, metode: o.metode, sekarang });
      for (const s of r.slot) {
        if (s.status !== 'belum' || kini < s.slot.buka) continue;
        if (s.slot.tutup - kini <= PENGINGAT_MENIT)
          ingat.push({
            kunci: `slot/${tenantId}/${o.pegawaiId}/${tanggal}/${s.slot.ke}`,
            data: {
              jenis: 'slot',
              tenantId,
              pegawaiId: o.pegawaiId,
              buka: jamDariMenit(s.slot.buka),
              tutup: jamDariMenit(s.slot.tutup),
            },
          });
      }
      const tutup = r.slot.filter((s) => s.slot.tutup <= kini);
      const dua = tutup.slice(-2);
      if (dua.length === 2 && dua.every((s) => s.status === 'terlewat'))
        terlewat.push({ pegawaiId: o.pegawaiId, slot: dua.map((s) => jamDariMenit(s.slot.buka)) });
    }
    const atasan = await repo.atasanPada(
      trx,
      terlewat.map((t) => t.pegawaiId),
      tanggal,
    );
    for (const t of terlewat) {
      const a = atasan.get(t.pegawaiId);
      if (a)
        ingat.push({
          kunci: `atasan/${tenantId}/${t.pegawaiId}/${tanggal}`,
          data: { jenis: 'atasan', tenantId, pegawaiId: t.pegawaiId, atasanId: a, slot: t.slot },
        });
    }
    return { tanggal, ingat };
  });
}

/** Leaves one reminder (the in-app notice; Web Push follows it). */
export async function kirimPengingat(sdb: SigapDatabase, d: Ingat): Promise<void> {
  await withTenant(sdb, d.tenantId, async (trx) => {
    if (d.jenis === 'slot') {
      await beritahu(trx, d.tenantId, [
        {
          pegawaiId: d.pegawaiId,
          jenis: 'wfh_pengingat_slot',
          judul: pesan('Saatnya lapor lokasi', 'Time to report your location'),
          isi: pesan(
            `Slot laporan lokasi ${d.buka}–${d.tutup} ditutup pukul ${d.tutup} dan Anda belum melapor.`,
            `The location-report slot ${d.buka}–${d.tutup} closes at ${d.tutup} and you have not reported yet.`,
          ),
          tautan: '/lapor-lokasi',
        },
      ]);
      return;
    }
    const nama = await repo.namaOrang(trx, d.pegawaiId);
    await beritahu(trx, d.tenantId, [
      {
        pegawaiId: d.atasanId,
        jenis: 'wfh_terlewat_dua',
        judul: pesan(`${nama} melewatkan dua laporan lokasi`, `${nama} missed two location reports`),
        isi: pesan(
          `${nama} tidak melapor lokasi pada slot ${d.slot.join(' dan ')} hari ini (WFH).`,
          `${nama} did not report their location in the ${d.slot.join(' and ')} slots today (WFH).`,
        ),
        tautan: `/hari-wfh/${d.pegawaiId}`,
      },
    ]);
  });
}

/** Registers the reminders on the scheduler: the search every five minutes, each reminder a one-off job. */
export function daftarTugasWfh(p: Penjadwal): void {
  p.daftarTugas<Ingat>(TUGAS_INGAT, (d, k) => kirimPengingat(k.sdb, d), { ulang: 3, jedaDetik: 30 });
  p.daftarTugas(
    TUGAS_CARI,
    async (_d, k) => {
      for (const t of await listTenants(k.sdb.db)) {
        const { ingat } = await cariPengingat(k.sdb, t.id);
        for (const x of ingat) await p.kirimSekali(TUGAS_INGAT, x.data, { kunci: x.kunci });
      }
    },
    { ulang: 1, jedaDetik: 60, batasDetik: 240 },
  );
  // every five minutes; a firing missed during a restart is caught up only within 5 minutes (a stale
  // search would remind of slots that have closed)
  p.jadwalkan(TUGAS_CARI, '*/5 * * * *', { susulanMenit: 5 });
}
