import { createHash, randomUUID } from 'node:crypto';
import {
  jamDariMenit,
  localDate,
  localTime,
  type Pesan,
  pesan,
  rumahPada,
  type TandaLaporan,
  type TitikLaporan,
  tempatLaporan,
  usulRumah,
  waktuDihitung,
  type ZonaWaktu,
} from '@sigap/domain';
import type { HariLokasi, HasilLaporLokasi, LaporLokasi } from '@sigap/domain/api/lokasi';
import type { Caller } from '../../caller.ts';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit, SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import { jamBasisData } from '../kehadiran/absen.repository.ts';
import { pegawaiSendiri } from '../kehadiran/absen.service.ts';
import { hariOrang, yangBolehDilihat } from '../kehadiran/status.service.ts';
import { aturanSlotDari, aturanWfh, muatDataWfh, rangkumOrang } from '../kehadiran/wfh.service.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import * as repo from './lokasi.repository.ts';

// Location reports from home (issue 11, item 2; docs/wfh.md §2): `POST /api/lokasi` stores every valid report
// once per client key, with its receipt time, the phone's times and accuracy, and answers which slot it filled
// and whether it was at home; `GET /api/lokasi/hari` shows a person's WFH day. A person with no home location
// gets one proposed from their first accurate reports, for the OPD admin to confirm (rumah.service.ts).

/** Reports a home proposal looks back on. */
const USUL_HARI = 30;
const USUL_LAPORAN_MAKS = 50;

/**
 * The report's fingerprint for idempotency: what the person reported, not when the queue sent it
 * (`waktu_kirim` changes on every resend of the same report).
 */
export function hashLapor(b: LaporLokasi): string {
  return createHash('sha256')
    .update(JSON.stringify(['lokasi/v1', b.lat, b.lng, b.akurasi_m, b.waktu_perangkat, b.id_klien]))
    .digest('hex');
}

function galatIdKlien() {
  return new AppError(
    'KONFLIK',
    pesan(
      'id_klien ini sudah dipakai untuk laporan lain; buat id_klien baru untuk laporan yang baru',
      'This id_klien was already used for another report; make a new id_klien for a new report',
    ),
  );
}

const MAKS_SELISIH_MASA_DEPAN_MS = 24 * 3_600_000;

/** A phone time a day or more from the server's is refused: no report is made in the future or years ago. */
function cekWaktu(nama: string, t: Date, sekarang: Date) {
  const jauh = t.getTime() - sekarang.getTime();
  if (jauh > MAKS_SELISIH_MASA_DEPAN_MS || jauh < -8 * 86_400_000)
    throw new AppError(
      'VALIDASI',
      pesan(
        `${nama} terlalu jauh dari jam server (${t.toISOString()}); periksa tanggal dan jam ponsel`,
        `${nama} is too far from the server's clock (${t.toISOString()}); check the phone's date and time`,
      ),
    );
}

const KATA_HASIL: Record<HasilLaporLokasi['hasil'], Pesan> = {
  di_rumah: pesan('Laporan diterima: Anda di rumah.', 'Report received: you are at home.'),
  di_luar_rumah: pesan(
    'Laporan diterima, tetapi lokasi Anda di luar rumah. Bila keluar karena keperluan mendesak, ajukan izin keluar.',
    'Report received, but you are away from home. If you went out for something urgent, file a going-out notice.',
  ),
  tidak_akurat: pesan(
    'Laporan diterima, tetapi lokasinya kurang akurat. Aktifkan GPS, dekati jendela, lalu laporkan lagi.',
    'Report received, but its location is not accurate enough. Turn on GPS, move near a window and report again.',
  ),
  rumah_belum_dikenal: pesan(
    'Laporan diterima. Lokasi rumah Anda belum dikonfirmasi admin OPD; laporan dinilai setelah dikonfirmasi.',
    'Report received. Your home location is not yet confirmed by the OPD admin; the report is judged once it is.',
  ),
  di_luar_slot: pesan(
    'Laporan disimpan, tetapi di luar jam laporan lokasi hari ini.',
    'Report stored, but outside today’s location-report hours.',
  ),
  bukan_hari_wfh: pesan(
    'Laporan disimpan, tetapi menurut jadwal hari ini bukan hari WFH dengan laporan lokasi.',
    'Report stored, but according to the schedule today is not a WFH day with location reports.',
  ),
};

const KATA_TANDA: Record<TandaLaporan, Pesan> = {
  tertunda: pesan(
    'laporan ini lama tertahan di ponsel sebelum terkirim',
    'this report was held long on the phone',
  ),
  jam_perangkat_beda: pesan(
    'jam ponsel berbeda dengan jam server; setel jam otomatis',
    'the phone’s clock differs from the server’s; set the clock to automatic',
  ),
  lompatan_mustahil: pesan(
    'perpindahan dari laporan sebelumnya terlalu cepat untuk ditempuh',
    'the move from the previous report is too fast to travel',
  ),
};

function kata(
  hasil: HasilLaporLokasi['hasil'],
  tanda: readonly TandaLaporan[],
  tambahan: Pesan | null,
): Pesan {
  const bagian = [KATA_HASIL[hasil], ...tanda.map((t) => KATA_TANDA[t]), ...(tambahan ? [tambahan] : [])];
  const sambung = (l: 'id' | 'en') =>
    bagian.map((p, i) => (i === 0 ? p[l] : `${p[l].charAt(0).toUpperCase()}${p[l].slice(1)}.`)).join(' ');
  return { id: sambung('id'), en: sambung('en') };
}

/** Stores a report from home (CONTRACTS.md `POST /api/lokasi`) and says what it counted for. */
export async function laporLokasi(
  sdb: SigapDatabase,
  caller: Caller,
  b: LaporLokasi,
): Promise<HasilLaporLokasi> {
  const pegawaiId = pegawaiSendiri(caller);
  const hashIsi = hashLapor(b);
  return withTenant(sdb, caller.tenantId, async (trx) => {
    const lama = await repo.laporanIdKlien(trx, pegawaiId, b.id_klien);
    if (lama) {
      if (lama.hash_isi !== hashIsi) throw galatIdKlien();
      return lama.jawaban as HasilLaporLokasi;
    }
    const sekarang = await jamBasisData(trx);
    const perangkat = new Date(b.waktu_perangkat);
    const kirim = b.waktu_kirim ? new Date(b.waktu_kirim) : null;
    cekWaktu('waktu_perangkat', perangkat, sekarang);
    if (kirim) cekWaktu('waktu_kirim', kirim, sekarang);
    const { zonaWaktu: zona } = await getSettings(trx, caller.tenantId);
    const id = randomUUID();
    const jawaban = await nilaiLaporan(trx, caller.tenantId, pegawaiId, zona, {
      id,
      b,
      sekarang,
      perangkat,
      kirim,
    });
    const baru = await repo.simpanLaporan(trx, id, {
      tenant_id: caller.tenantId,
      pegawai_id: pegawaiId,
      lat: b.lat,
      lng: b.lng,
      akurasi_m: b.akurasi_m,
      waktu_terima: sekarang,
      waktu_perangkat: perangkat,
      waktu_kirim: kirim,
      waktu_dihitung: new Date(jawaban.waktu_dihitung),
      tanggal: localDate(new Date(jawaban.waktu_dihitung), zona),
      tanda: jawaban.tanda.filter((t) => t !== 'lompatan_mustahil'),
      id_klien: b.id_klien,
      hash_isi: hashIsi,
      jawaban,
      dikirim_oleh: caller.username,
    });
    if (!baru) {
      // the same key sent twice at once: the first stored answers both
      const ada = await repo.laporanIdKlien(trx, pegawaiId, b.id_klien);
      if (!ada || ada.hash_isi !== hashIsi) throw galatIdKlien();
      return ada.jawaban as HasilLaporLokasi;
    }
    return jawaban;
  });
}

/** Judges a new report against the person's day: the slot it fills, home or away, flags; proposes a home. */
async function nilaiLaporan(
  trx: Trx,
  tenantId: string,
  pegawaiId: string,
  zona: ZonaWaktu,
  l: { id: string; b: LaporLokasi; sekarang: Date; perangkat: Date; kirim: Date | null },
): Promise<HasilLaporLokasi> {
  const aturan = await aturanWfh(trx, tenantId);
  const w = waktuDihitung({ terima: l.sekarang, perangkat: l.perangkat, kirim: l.kirim }, aturan.laporan);
  const tanggal = localDate(w.dihitung, zona);
  const [hari, data] = await Promise.all([
    hariOrang(trx, tenantId, pegawaiId, tanggal),
    muatDataWfh(trx, tenantId, [pegawaiId], tanggal, tanggal, { pernyataan: false, aturan }),
  ]);
  const fix = { lat: l.b.lat, lng: l.b.lng, akurasiM: l.b.akurasi_m };
  const rumah = data.rumah.get(pegawaiId) ?? [];
  const { tempat, jarakM } = tempatLaporan(
    fix,
    rumahPada(rumah, w.dihitung),
    data.aturan.laporan.radiusRumahM,
  );
  // the day with this report added: its slot and that slot's status now
  const kunci = `${pegawaiId}|${tanggal}`;
  const hariIni = [
    ...(data.laporan.get(kunci) ?? []),
    {
      id: l.id,
      pegawai_id: pegawaiId,
      tanggal,
      lat: fix.lat,
      lng: fix.lng,
      akurasi_m: fix.akurasiM,
      waktu_terima: l.sekarang,
      waktu_perangkat: l.perangkat,
      waktu_dihitung: w.dihitung,
      tanda: [...w.tanda],
    },
  ];
  const wfh = hari.jadwal === 'WFH' ? aturanSlotDari(hari.metodeWfh) : null;
  const r = rangkumOrang(
    { ...data, laporan: new Map([[kunci, hariIni]]) },
    { pegawaiId, tanggal, zona, metode: wfh ? hari.metodeWfh : undefined, sekarang: l.sekarang },
  );
  const ini = r.laporan.find((x) => x.id === l.id)!;
  const slot = ini.slotKe === null ? null : r.slot.find((s) => s.slot.ke === ini.slotKe)!;
  const tanda: TandaLaporan[] = [...w.tanda, ...(ini.lompatan ? (['lompatan_mustahil'] as const) : [])];
  const hasil: HasilLaporLokasi['hasil'] = !wfh ? 'bukan_hari_wfh' : slot === null ? 'di_luar_slot' : tempat;
  let tambahan: Pesan | null = null;
  const baru = { id: l.id, ...fix, dihitung: w.dihitung };
  if (rumah.length === 0 && (await usulkanRumahBila(trx, tenantId, pegawaiId, data.aturan.laporan, baru)))
    tambahan = pesan(
      'lokasi rumah Anda diusulkan dari laporan-laporan ini dan menunggu konfirmasi admin OPD',
      'your home location was proposed from these reports and waits for the OPD admin to confirm it',
    );
  return {
    id: l.id,
    slot: slot
      ? {
          ke: slot.slot.ke,
          buka: jamDariMenit(slot.slot.buka),
          tutup: jamDariMenit(slot.slot.tutup),
          status: slot.status,
          laporan_id: slot.laporanId,
        }
      : null,
    hasil,
    pesan: kata(hasil, tanda, tambahan),
    jarak_m: jarakM,
    waktu_terima: l.sekarang.toISOString(),
    waktu_dihitung: w.dihitung.toISOString(),
    tanda,
  };
}

/**
 * Proposes a home from the person's recent accurate reports and the new one (not stored yet: it is stored in
 * the same transaction, after) when the person has no home and none waits. Whether one was proposed.
 */
async function usulkanRumahBila(
  trx: Trx,
  tenantId: string,
  pegawaiId: string,
  aturan: { radiusRumahM: number; usulSetelahLaporan: number },
  baru: TitikLaporan,
): Promise<boolean> {
  if ((await repo.adaRumah(trx, pegawaiId)) !== null) return false;
  const sejak = new Date(baru.dihitung.getTime() - USUL_HARI * 86_400_000);
  const ls: TitikLaporan[] = [
    baru,
    ...(await repo.laporanTerbaru(trx, pegawaiId, sejak, USUL_LAPORAN_MAKS)).map((x) => ({
      id: x.id,
      lat: x.lat,
      lng: x.lng,
      akurasiM: x.akurasi_m,
      dihitung: x.waktu_dihitung,
    })),
  ];
  const u = usulRumah(ls, aturan.radiusRumahM, aturan.usulSetelahLaporan);
  if (!u) return false;
  const berlakuSejak = new Date(
    Math.min(...ls.filter((x) => u.dasar.includes(x.id)).map((x) => x.dihitung.getTime())),
  );
  const id = await repo.usulkanRumah(trx, {
    tenant_id: tenantId,
    pegawai_id: pegawaiId,
    lat: u.lat,
    lng: u.lng,
    dasar: [...u.dasar],
    berlaku_sejak: berlakuSejak,
  });
  if (!id) return false;
  await insertAudit(trx, tenantId, SYSTEM_ACTOR, [
    {
      aksi: 'usul',
      entitas: 'rumah_pegawai',
      entitasId: id,
      ringkasan: `Lokasi rumah diusulkan dari ${u.dasar.length} laporan lokasi, menunggu konfirmasi admin OPD`,
      sebelum: null,
      sesudah: { pegawai_id: pegawaiId, dasar: u.dasar.length },
    },
  ]);
  return true;
}

/** A person's WFH day as the person, their supervisor or their OPD admin sees it. */
export async function hariLokasi(
  trx: Trx,
  caller: Caller,
  q: { tanggal?: string | undefined; pegawai_id?: string | undefined },
): Promise<HariLokasi> {
  const pegawaiId = q.pegawai_id ?? pegawaiSendiri(caller);
  const { zonaWaktu: zona } = await getSettings(trx, caller.tenantId);
  const sekarang = await jamBasisData(trx);
  const tanggal = q.tanggal ?? localDate(sekarang, zona);
  if (pegawaiId !== caller.pegawaiId) {
    const boleh = await yangBolehDilihat(trx, caller, [pegawaiId], tanggal, tanggal);
    if (!boleh.has(pegawaiId)) throw errors.outOfScope();
  }
  const [hari, data, nama, rumahStatus] = await Promise.all([
    hariOrang(trx, caller.tenantId, pegawaiId, tanggal),
    muatDataWfh(trx, caller.tenantId, [pegawaiId], tanggal, tanggal),
    repo.namaPegawai(trx, pegawaiId),
    repo.adaRumah(trx, pegawaiId),
  ]);
  if (nama === undefined) throw errors.outOfScope();
  const wfh = hari.jadwal === 'WFH' ? aturanSlotDari(hari.metodeWfh) : null;
  const r = rangkumOrang(data, {
    pegawaiId,
    tanggal,
    zona,
    metode: wfh ? hari.metodeWfh : undefined,
    sekarang,
  });
  const baris = new Map((data.laporan.get(`${pegawaiId}|${tanggal}`) ?? []).map((x) => [x.id, x]));
  const adaRumahDaftar = (data.rumah.get(pegawaiId) ?? []).length > 0;
  // the points themselves only to the person; their supervisor and OPD admin see where (home or not, how far)
  const sendiri = pegawaiId === caller.pegawaiId;
  return {
    tanggal,
    zona,
    pegawai_id: pegawaiId,
    nama,
    jadwal: hari.jadwal,
    wajib_lapor: wfh !== null,
    aturan: wfh ? { setiap_jam: wfh.setiapJam, dari: wfh.dari, sampai: wfh.sampai } : null,
    slot: r.slot.map((s) => ({
      ke: s.slot.ke,
      buka: jamDariMenit(s.slot.buka),
      tutup: jamDariMenit(s.slot.tutup),
      status: s.status,
      laporan_id: s.laporanId,
    })),
    laporan: r.laporan.map((x) => {
      const b = baris.get(x.id)!;
      return {
        id: x.id,
        lat: sendiri ? b.lat : null,
        lng: sendiri ? b.lng : null,
        akurasi_m: b.akurasi_m,
        waktu_terima: b.waktu_terima.toISOString(),
        waktu_perangkat: b.waktu_perangkat.toISOString(),
        waktu_dihitung: b.waktu_dihitung.toISOString(),
        jam: localTime(b.waktu_dihitung, zona),
        tempat: x.tempat,
        jarak_m: x.jarakM,
        slot_ke: x.slotKe,
        tanda: [...(b.tanda as TandaLaporan[]), ...(x.lompatan ? (['lompatan_mustahil'] as const) : [])],
      };
    }),
    rumah: adaRumahDaftar ? 'dikonfirmasi' : rumahStatus === 'diusulkan' ? 'diusulkan' : 'belum_ada',
    status: hari.jadwal === 'WFH' ? r.penilaian.status : null,
    alasan: hari.jadwal === 'WFH' ? [...r.penilaian.alasan] : [],
  };
}
