import { createHash } from 'node:crypto';
import {
  jendelaAbsen,
  kioskBolehMenyebut,
  kioskMengenali,
  localDate,
  menitLokal,
  type PutusanAbsen,
  pesan,
  pesanAlasanAbsen,
  putuskanKiosk,
} from '@sigap/domain';
import { type SigapDatabase, withTenant } from '../../db/database.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import { MODEL_KINI } from '../wajah/daftar.service.ts';
import { galeriKantor, kenali } from '../wajah/galeri.service.ts';
import type { CincinKunci } from '../wajah/kunci.ts';
import { AMBANG, type Embedding, periksaBanyakFoto } from '../wajah/mesin/index.ts';
import * as absenRepo from './absen.repository.ts';
import { pakaiTantangan, type TantanganDibuat, tantanganUntuk } from './absen.service.ts';
import {
  catatPercobaan,
  dariKejadian,
  galatIdKlien,
  type HasilAbsenWajah,
  type MasukanAbsen,
  nilaiBingkai,
  periksaMasukan,
} from './absen-wajah.service.ts';
import { aturanKehadiran } from './aturan.service.ts';
import { kejadianIdKlien } from './kehadiran.service.ts';
import { hariOrang } from './status.service.ts';
import { tempatHari } from './tempat.service.ts';
import type { PerangkatPengirim } from './token.service.ts';

// Kiosk mode (issue 10 item 4, docs/kehadiran.md "Kios"): a tablet at an office's entrance, registered by
// the OPD admin and holding a device token, checks in whoever stands in front of it. The same challenge
// and the same reasons as a phone; the face names the person first, one-to-many over the people placed in
// the kiosk's OPD/unit (and the units under it), then that person's day is judged (`putuskanKiosk`). The
// kiosk's place is fixed, so there is no location; its clock decides nothing.
//
// Two transactions around the model, as for the phone: the first reads the clock, uses the challenge and
// takes the office's gallery (kept in memory); the second reads the recognised person's day, decides and
// stores the attempt, whatever its result.

/** What a kiosk sends: the phone's fields without the location. */
export type MasukanKios = Omit<MasukanAbsen, 'lat' | 'lng' | 'akurasiM'>;

/** The answer, with the name the kiosk may show (a sure match only). */
export interface HasilAbsenKios extends HasilAbsenWajah {
  readonly nama: string | null;
}

/** A new challenge for whoever stands in front of the kiosk (its earlier open one is retired). */
export function tantanganKios(sdb: SigapDatabase, kios: PerangkatPengirim): Promise<TantanganDibuat> {
  return withTenant(sdb, kios.tenantId, (trx) =>
    tantanganUntuk(trx, kios.tenantId, { perangkatId: kios.perangkat.id }),
  );
}

/** The kiosk as its screen shows it: its office, its Pemda, the server's clock. */
export function infoKios(sdb: SigapDatabase, kios: PerangkatPengirim) {
  return withTenant(sdb, kios.tenantId, async (trx) => {
    const [pemda, opdNama, waktu] = await Promise.all([
      getSettings(trx, kios.tenantId),
      absenRepo.namaOpd(trx, kios.perangkat.opd_id),
      absenRepo.jamBasisData(trx),
    ]);
    return {
      kode: kios.perangkat.kode,
      nama: kios.perangkat.nama,
      opdKode: kios.perangkat.opd_kode,
      opdNama: opdNama ?? kios.perangkat.opd_kode,
      pemdaNama: pemda.nama,
      zonaWaktu: pemda.zonaWaktu,
      waktuServer: waktu,
    };
  });
}

/** The request's fingerprint for id_klien: the kiosk, every field and every frame's digest. */
export function hashKios(perangkatId: string, m: MasukanKios): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify(['kios/v1', perangkatId, m.tantanganId, m.jenis, m.waktuPerangkat?.toISOString() ?? null]),
  );
  for (const b of m.bingkai) h.update(createHash('sha256').update(b).digest());
  return h.digest('hex');
}

/**
 * A check-in or check-out at a kiosk (POST /api/kehadiran with the kiosk's device token). The same
 * id_klien again returns the first answer without running anything; every attempt is stored, with the
 * recognised person when the face reached the review bound, else with nobody (the kiosk's office).
 */
export async function absenKios(
  sdb: SigapDatabase,
  kios: PerangkatPengirim,
  kunci: CincinKunci,
  m: MasukanKios,
): Promise<HasilAbsenKios> {
  const { tenantId } = kios;
  const perangkatId = kios.perangkat.id;
  periksaMasukan(m);
  const hashIsi = hashKios(perangkatId, m);

  const lama = await withTenant(sdb, tenantId, async (trx) => {
    const k = await kejadianIdKlien(trx, m.idKlien);
    if (!k) return null;
    if (k.hash_isi !== hashIsi || k.perangkat_id !== perangkatId) throw galatIdKlien();
    const nama =
      k.hasil === 'diterima' && k.pegawai_id ? await absenRepo.namaPegawai(trx, k.pegawai_id) : null;
    return { ...dariKejadian(k, false), nama };
  });
  if (lama) return lama;

  // 1. The clock, the challenge (used once, whatever follows) and the office's gallery.
  const siap = await withTenant(sdb, tenantId, async (trx) => {
    const sekarang = await absenRepo.jamBasisData(trx);
    const pakai = await pakaiTantangan(trx, m.tantanganId, { perangkatId });
    const galeri = pakai.ok
      ? await galeriKantor(trx, tenantId, kunci, kios.perangkat.opd_id, MODEL_KINI)
      : null;
    return { sekarang, pakai, galeri };
  });

  // 2. The model (off the request thread, in the engine's pool), only for a challenge still open.
  let calon: ReturnType<typeof kenali> = { pegawaiId: null, skor: 0, skorKedua: null };
  let hasil: Awaited<ReturnType<typeof periksaBanyakFoto>> = [];
  if (siap.pakai.ok && siap.galeri) {
    hasil = await periksaBanyakFoto(m.bingkai);
    const wajah = hasil.flatMap((f) =>
      f.jumlahWajah === 1 && f.wajah?.embedding
        ? [{ embedding: f.wajah.embedding as Embedding, yaw: f.wajah.pose.yaw, pitch: f.wajah.pose.pitch }]
        : [],
    );
    calon = kenali(siap.galeri, wajah);
  }
  const dikenal = calon.pegawaiId !== null && kioskMengenali(calon, AMBANG) ? calon.pegawaiId : null;

  // 3. The recognised person's day, the verdict, and the attempt stored.
  return withTenant(sdb, tenantId, async (trx) => {
    const { zonaWaktu: zona } = await getSettings(trx, tenantId);
    const tanggal = localDate(siap.sekarang, zona);
    const menit = menitLokal(siap.sekarang, tanggal, zona);
    let putusan: PutusanAbsen;
    let opdId = kios.perangkat.opd_id;
    if (!siap.pakai.ok) {
      const sebab = siap.pakai.sebab;
      putusan = {
        hasil: 'ditolak',
        alasan: 'tantangan_gagal',
        pesan: pesanAlasanAbsen('tantangan_gagal', { sebab }),
        wajah: null,
      };
    } else {
      const templat = dikenal ? (siap.galeri?.templat.get(dikenal) ?? []) : [];
      const n = nilaiBingkai(hasil, templat, siap.pakai, siap.sekarang);
      let hari: Parameters<typeof putuskanKiosk>[0]['hari'] = null;
      if (dikenal) {
        const [aturan, h, tempat] = await Promise.all([
          aturanKehadiran(trx, tenantId),
          hariOrang(trx, tenantId, dikenal, tanggal),
          tempatHari(trx, dikenal, tanggal),
        ]);
        hari = {
          jadwal: h.jadwal,
          dinasLuar: tempat.dinasLuar !== null,
          jendela: h.jam ? jendelaAbsen(h.jam, aturan.jam) : null,
        };
        opdId = tempat.opdId ?? opdId;
      }
      putusan = putuskanKiosk({
        jenis: m.jenis,
        menit,
        zona,
        tantangan: n.tantangan,
        dugaanPalsu: false,
        ambang: AMBANG,
        calon: { skor: calon.skor, skorKedua: calon.skorKedua },
        hari,
      });
    }
    const _skor = hasil.length > 0 ? calon.skor : null;
    const { kejadian, baru } = await catatPercobaan(trx, tenantId, kunci, {
      pegawaiId: dikenal,
      opdId,
      sekarang: siap.sekarang,
      m,
      sumber: 'kiosk',
      perangkatId,
      lokasi: null,
      putusan,
      skor: hasil.length > 0 ? calon.skor : null,
      hashIsi,
    });
    if (!baru && kejadian.perangkat_id !== perangkatId) throw galatIdKlien();
    const sebut = dikenal && kioskBolehMenyebut(calon, AMBANG);
    const nama = sebut ? await absenRepo.namaPegawai(trx, dikenal) : null;
    return { ...dariKejadian(kejadian, baru), nama };
  });
}

/** Words for a kiosk request that names a location (its place is fixed). */
export const PESAN_KIOS_TANPA_LOKASI = pesan(
  'Kios tidak mengirim lokasi: tempatnya tetap, terdaftar bersama kiosnya',
  'A kiosk sends no location: its place is fixed, registered with the kiosk',
);
