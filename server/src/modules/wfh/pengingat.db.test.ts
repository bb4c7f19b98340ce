import { readFileSync } from 'node:fs';
import { addDays, localDate } from '@sigap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { NIP } from '../../../test/fixtures.ts';
import { appUji } from '../../../test/sesi.ts';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { insertJadwal, insertSel } from '../jadwal/jadwal.repository.ts';
import { simpan } from '../kebijakan/kebijakan.service.ts';
import { cariPengingat, kirimPengingat } from './pengingat.service.ts';

/*
 * WFH reminders on a real database (PGlite, or PostgreSQL with SIGAP_TEST_PG_URL), under Kudus's rule (every two
 * hours from 07:30 to 16:00): at 09:10 the 07:30 slot closes in 20 minutes, so whoever has not reported is
 * reminded; at 13:40 the 09:30 and 11:30 slots are both missed, so the supervisor is told; what is sent is an
 * in-app notice (Web Push follows it, tested in modules/dorong).
 */

let sdb: SigapDatabase;
let tenantId: string;
let tutup: () => Promise<void>;
let hariIni: string;
const id = new Map<string, string>();
const wib = (hhmm: string) => new Date(`${hariIni}T${hhmm}:00+07:00`);

beforeAll(async () => {
  const u = await appUji('kota-pengingat', '2024-01-01');
  ({ sdb, tenantId } = u);
  tutup = u.tutup;
  hariIni = localDate(new Date(), 'Asia/Jakarta');
  const doc = parse(
    readFileSync(new URL('../../../../examples/policies/kudus-2020.yaml', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  doc.id = 'uji-pengingat';
  doc.tanggal = addDays(hariIni, -40);
  doc.berlaku = { dari: addDays(hariIni, -30), sampai: addDays(hariIni, 30) };
  await withTenant(sdb, tenantId, async (trx) => {
    for (const r of await trx.selectFrom('pegawai').select(['id', 'nip']).execute()) id.set(r.nip!, r.id);
    // working hours 07:30–16:00 every day (the suite may run on a weekend)
    const jam = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
        d,
        { mulai: '07:30', selesai: '16:00', istirahatMenit: 0 },
      ]),
    );
    await trx
      .updateTable('tenant')
      .set({ jam_kerja: JSON.stringify(jam) })
      .where('id', '=', tenantId)
      .execute();
    await trx.deleteFrom('hari_libur').execute();
    await simpan(trx, tenantId, SYSTEM_ACTOR, stringify(doc), addDays(hariIni, -30));
    const j = await insertJadwal(trx, tenantId, {
      dari: hariIni,
      sampai: hariIni,
      cakupanOpd: null,
      pelanggaran: [],
      oleh: 'uji',
      status: 'terbit',
    });
    await insertSel(
      trx,
      tenantId,
      j.id,
      [NIP.perawat, NIP.staf, NIP.kalak].map((nip) => ({
        pegawai_id: id.get(nip)!,
        tanggal: hariIni,
        status: nip === NIP.kalak ? 'WFO' : 'WFH',
        kebijakan_id: null,
        kebijakan_versi: null,
        aturan_id: null,
        alasan: '',
      })),
    );
    // the staff member reported in the first slot; the nurse did not
    const t = wib('07:45');
    await trx
      .insertInto('laporan_lokasi')
      .values({
        tenant_id: tenantId,
        pegawai_id: id.get(NIP.staf)!,
        lat: -7.875,
        lng: 112.525,
        akurasi_m: 10,
        waktu_terima: t,
        waktu_perangkat: t,
        waktu_kirim: null,
        waktu_dihitung: t,
        tanggal: hariIni,
        id_klien: crypto.randomUUID(),
        hash_isi: 'c'.repeat(64),
        jawaban: '{}',
        dikirim_oleh: 'uji',
      })
      .execute();
  });
}, 60_000);
afterAll(async () => {
  await tutup?.();
});

describe('WFH reminders', () => {
  it('at 09:10 only the person who has not reported in the closing 07:30 slot is reminded; WFO people never', async () => {
    const { ingat } = await cariPengingat(sdb, tenantId, wib('09:10'));
    expect(ingat).toEqual([
      {
        kunci: `slot/${tenantId}/${id.get(NIP.perawat)}/${hariIni}/1`,
        data: { jenis: 'slot', tenantId, pegawaiId: id.get(NIP.perawat), buka: '07:30', tutup: '09:30' },
      },
    ]);
    // at 08:30 the slot closes in an hour: too early to remind
    expect((await cariPengingat(sdb, tenantId, wib('08:30'))).ingat).toEqual([]);
  });

  it('at 13:40 two missed slots in a row name the person to their supervisor; the notices are left in the app', async () => {
    const { ingat } = await cariPengingat(sdb, tenantId, wib('13:40'));
    const atasan = ingat.filter((x) => x.data.jenis === 'atasan');
    // the nurse missed 09:30 and 11:30; the staff member also missed both (reported only at 07:45)
    expect(atasan.map((x) => x.data)).toEqual(
      expect.arrayContaining([
        {
          jenis: 'atasan',
          tenantId,
          pegawaiId: id.get(NIP.perawat),
          atasanId: id.get(NIP.kadinkes),
          slot: ['09:30', '11:30'],
        },
      ]),
    );
    for (const x of ingat) await kirimPengingat(sdb, x.data);
    const catatan = await withTenant(sdb, tenantId, (trx) =>
      trx.selectFrom('pemberitahuan').select(['pegawai_id', 'jenis', 'judul', 'isi', 'tautan']).execute(),
    );
    expect(catatan).toContainEqual({
      pegawai_id: id.get(NIP.kadinkes),
      jenis: 'wfh_terlewat_dua',
      judul: 'Sari Perawat melewatkan dua laporan lokasi',
      isi: 'Sari Perawat tidak melapor lokasi pada slot 09:30 dan 11:30 hari ini (WFH).',
      tautan: `/hari-wfh/${id.get(NIP.perawat)}`,
    });
  });

  it('the reminder itself says which slot and when it closes, and leads to the report page', async () => {
    await kirimPengingat(sdb, {
      jenis: 'slot',
      tenantId,
      pegawaiId: id.get(NIP.perawat)!,
      buka: '07:30',
      tutup: '09:30',
    });
    const n = await withTenant(sdb, tenantId, (trx) =>
      trx
        .selectFrom('pemberitahuan')
        .select(['judul', 'isi', 'tautan'])
        .where('jenis', '=', 'wfh_pengingat_slot')
        .executeTakeFirstOrThrow(),
    );
    expect(n).toEqual({
      judul: 'Saatnya lapor lokasi',
      isi: 'Slot laporan lokasi 07:30–09:30 ditutup pukul 09:30 dan Anda belum melapor.',
      tautan: '/lapor-lokasi',
    });
  });
});
